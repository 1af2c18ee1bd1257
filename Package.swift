// swift-tools-version:6.1
// cmsh — a shell and embeddable scripting engine for the ConfigMgr SMS Provider object model.
//
// Data flows one way: text → tokens → AST → interpreter → object model → providers.
//   CIM        values, classes, instances, object paths, repository, MOF compiler, provider protocol
//   Script     lexer, parser, AST, interpreter, diagnostics (depends on CIM only)
//   Site       the simulated ConfigMgr SMS Provider (schema in MOF, method providers, demo site)
//   SiteStore  a site kept in an SQLite file (GRDB): the durable store behind a repository
//   CMShell    the public embedding API the CLI itself uses, and the output renderers
//   LineEditor libedit line editing (system library + a small C shim for its variadic calls)
//   Server     `cmsh serve`: the site over HTTPS — the AdminService's OData WMI route (Hummingbird 2 on SwiftNIO)
//   cmsh       the executable: arguments, REPL, batch runner
// The core modules (CIM, Script) depend on nothing but Foundation so they build fast.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "cmsh",
    products: [
        .library(name: "CMShell", targets: ["CMShell"]),
        .library(name: "CIM", targets: ["CIM"]),
        .library(name: "Script", targets: ["Script"]),
        .library(name: "Site", targets: ["Site"]),
        .library(name: "Server", targets: ["Server"]),
        .library(name: "CIMXML", targets: ["CIMXML"]),
        .library(name: "Remote", targets: ["Remote"]),
        .executable(name: "cmsh", targets: ["cmsh"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", exact: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-asn1", exact: "1.7.4"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .target(name: "CIM", swiftSettings: strict),
        .target(name: "Script", dependencies: ["CIM"], swiftSettings: strict),
        .target(name: "Site", dependencies: ["CIM", "Script"], swiftSettings: strict),
        .target(name: "SiteStore", dependencies: ["CIM", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .target(name: "CMShell", dependencies: ["CIM", "Script", "Site", "SiteStore"], swiftSettings: strict),
        .systemLibrary(name: "CLibEdit", providers: [.apt(["libedit-dev"])]),
        .target(name: "EditShim", dependencies: ["CLibEdit"]),
        .target(name: "LineEditor", dependencies: ["CLibEdit", "EditShim"], swiftSettings: strict),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CIMXML", dependencies: ["CIM", "CLibXML2"], swiftSettings: strict),
        // Headers only: CurlShim loads libcurl when --connect first needs it (curlshim.h says why). Debian puts
        // curl/curl.h under the multiarch include folder every compiler searches.
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CurlShim", dependencies: ["CCurl"]),
        // --connect: remote sites as object models — CIM-XML and the AdminService — over libcurl; swift-certificates
        // reads a pinned certificate's key.
        .target(name: "Remote", dependencies: [
            "CIM", "CIMXML", "CCurl", "CurlShim",
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ], swiftSettings: strict),
        .target(name: "Server", dependencies: [
            "CMShell", "CIMXML",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .executableTarget(name: "cmsh", dependencies: [
            "CMShell", "LineEditor", "Server", "Remote", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),
        .executableTarget(name: "EmbeddingHost", dependencies: ["CMShell"], path: "Examples/EmbeddingHost",
                          exclude: ["expected.out"], swiftSettings: strict),
        .executableTarget(name: "RemoteHost", dependencies: ["CMShell", "Remote"], path: "Examples/RemoteHost",
                          exclude: ["expected.out"], swiftSettings: strict),
        .executableTarget(name: "CMShellBench", dependencies: ["CMShell"], path: "bench/CMShellBench", swiftSettings: strict),
        .testTarget(name: "CIMTests", dependencies: ["CIM"], swiftSettings: strict),
        .testTarget(name: "ScriptTests", dependencies: ["Script", "CIM"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Script", "CIM"], swiftSettings: strict),
        .testTarget(name: "CMShellTests", dependencies: ["CMShell", "Script", "CIM", "Site"], swiftSettings: strict),
        .testTarget(name: "SiteStoreTests", dependencies: ["SiteStore", "CMShell", "CIM", "Site",
                                                           .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["CMShell", "Site"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
