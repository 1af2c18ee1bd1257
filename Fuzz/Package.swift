// swift-tools-version:6.0
// libFuzzer targets for cmsh, kept in a package of their own so the normal `swift build` never sees them.
//
// Each target is one file defining `LLVMFuzzerTestOneInput`; FuzzEntry starts libFuzzer's driver. Build and run them
// with `make fuzz` (see Fuzz/run.sh): the flags `-sanitize=fuzzer,address -parse-as-library` are passed on the
// command line, so every module — cmsh's own included — is built with coverage and AddressSanitizer.
import PackageDescription

let package = Package(
    name: "cmsh-fuzz",
    dependencies: [.package(name: "cmsh", path: "..")],
    targets: [
        // libFuzzer's driver behind the `<Target>_main` entry points SwiftPM links executables with.
        .target(name: "FuzzEntry"),
        .executableTarget(name: "FuzzParser", dependencies: ["FuzzEntry", .product(name: "Script", package: "cmsh")]),
        .executableTarget(name: "FuzzInterpreter", dependencies: ["FuzzEntry", .product(name: "CMShell", package: "cmsh")]),
        .executableTarget(name: "FuzzMOF", dependencies: ["FuzzEntry", .product(name: "CIM", package: "cmsh")]),
        .executableTarget(name: "FuzzObjectPath", dependencies: ["FuzzEntry", .product(name: "CIM", package: "cmsh")]),
        .executableTarget(name: "FuzzNALPath", dependencies: ["FuzzEntry", .product(name: "Site", package: "cmsh")]),
        // What `cmsh serve` does with a CIM-XML body (reaches the Server module's internals through @testable,
        // which a debug build allows).
        .executableTarget(name: "FuzzCIMXML", dependencies: ["FuzzEntry", .product(name: "Server", package: "cmsh"),
                                                            .product(name: "CIMXML", package: "cmsh"),
                                                            .product(name: "CMShell", package: "cmsh")]),
        // What `cmsh --connect` does with a server's CIM-XML reply (Remote's internals through @testable).
        .executableTarget(name: "FuzzCIMXMLReply", dependencies: ["FuzzEntry", .product(name: "Remote", package: "cmsh"),
                                                                 .product(name: "CIMXML", package: "cmsh"),
                                                                 .product(name: "CMShell", package: "cmsh")]),
        // What `cmsh --connect https://…/AdminService` does with a server's JSON and $metadata.
        .executableTarget(name: "FuzzODataReply", dependencies: ["FuzzEntry", .product(name: "Remote", package: "cmsh"),
                                                                .product(name: "CIMXML", package: "cmsh"),
                                                                .product(name: "CMShell", package: "cmsh")]),
    ],
    swiftLanguageModes: [.v6]
)
