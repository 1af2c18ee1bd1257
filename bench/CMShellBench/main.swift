// CMShellBench: times cmsh's workloads through the public CMShell API and prints bench/FORMAT.md records.
// Run by `make bench` in release mode: .build/release/CMShellBench [--quick] > bench/out/cmsh.jsonl
import CMShell
import Foundation

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
/// `--n 2000` runs one size; `--only key-lookup,load` runs only those workloads (for profiling).
let sizes = arguments.firstIndex(of: "--n").flatMap { Int(arguments[$0 + 1]) }.map { [$0] } ?? (quick ? [10_000] : [10_000, 100_000, 1_000_000])
let only = arguments.firstIndex(of: "--only").map { Set(arguments[$0 + 1].split(separator: ",").map(String.init)) }
func wanted(_ workload: String) -> Bool { only?.contains(workload) ?? true }

// MARK: - Measuring

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func peakRSSKB() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss
}

func currentRSSKB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

/// Times `body` `ops` times (each call is `perCall` units) in `rounds` rounds; reports median and p90 per unit.
func measure(_ workload: String, n: Int, impl: String = "cmsh", unit: String = "op", ops: Int, perCall: Double = 1,
             rounds: Int = 7, note: String = "", _ body: (Int) throws -> Void) rethrows {
    guard wanted(workload) || (impl == "cmsh-file" && wanted("site-file")) else { return }
    var perUnit: [Double] = []
    var counter = 0
    for _ in 0..<rounds {
        let start = now()
        for _ in 0..<ops { try body(counter); counter += 1 }
        perUnit.append(Double(now() - start) / Double(ops) / perCall)
    }
    perUnit.sort()
    let median = perUnit[perUnit.count / 2]
    let p90 = perUnit[min(perUnit.count - 1, Int(Double(perUnit.count) * 0.9))]
    emit(["workload": workload, "n": n, "impl": impl, "unit": unit, "median_ns": median, "p90_ns": p90,
          "ops": ops * rounds, "peak_rss_kb": peakRSSKB(), "note": note])
}

func emit(_ record: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

func fail(_ what: String, _ result: RunResult) -> Never {
    FileHandle.standardError.write(Data("CMShellBench: \(what) failed: \(result.outcome)\n".utf8))
    exit(1)
}

func prepared(_ engine: Engine, _ text: String) -> PreparedScript {
    switch engine.prepare(text) {
    case .success(let p): return p
    case .failure(let e): FileHandle.standardError.write(Data("\(e)\n".utf8)); exit(1)
    }
}

// MARK: - Data

let manufacturers = (0..<100).map { "Vendor\($0)" }

/// IDs are made once: formatting them inside a timed loop would measure Foundation, not cmsh.
let maxSize = sizes.max() ?? 0
let packageIDs: [String] = (0..<maxSize).map { "B" + String(format: "%07X", $0) }
func packageID(_ i: Int) -> String { packageIDs[i] }

/// An empty site with n driver packages (and one DP each when `withDPs`), created through the repository.
func site(n: Int, withDPs: Bool = false) throws -> Engine {
    let engine = try Engine(site: .empty(siteCode: "S01"), clock: SiteClock(fixedAt: try CIMDateTime(parsing: "20261126090000.000000+000")))
    engine.output = { _ in }
    try engine.compileMOF(#"""
        instance of SMS_Site { SiteCode = "S01"; SiteName = "Bench"; Type = 2; };
        instance of SMS_SystemResourceList { NALPath = "[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"; ResourceType = "Windows NT Server"; RoleName = "SMS Distribution Point"; SiteCode = "S01"; ServerName = "dp1.contoso.com"; };
        instance of SMS_SystemResourceList { NALPath = "[\"Display=\\\\dp2\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp2\\"; ResourceType = "Windows NT Server"; RoleName = "SMS Distribution Point"; SiteCode = "S01"; ServerName = "dp2.contoso.com"; };
        """#)
    try engine.repository.createIndex(on: "Manufacturer", of: "SMS_PackageBaseclass")
    let repo = engine.repository
    let cls = try repo.requireClass("SMS_DriverPackage")
    let dp = try repo.requireClass("SMS_DistributionPoint")
    let date = CIMValue.datetime(try CIMDateTime(parsing: "20260101120000.000000+000"))
    for i in 0..<n {
        try repo.createInstance(try CIMInstance(of: cls, properties: [
            ("PackageID", .string(packageID(i))), ("Name", .string("Driver package \(i) for model \(i % 977)")),
            ("Manufacturer", .string(manufacturers[i % manufacturers.count])), ("PackageType", .uint32(3)),
            ("SourceVersion", .uint32(1)), ("SourceDate", date), ("SourceSite", .string("S01")),
        ]))
        if withDPs {
            try repo.createInstance(try CIMInstance(of: dp, properties: [
                ("PackageID", .string(packageID(i))), ("ServerNALPath", .string(#"["Display=\\dp2\"]MSWNET:["SMS_SITE=S01"]\\dp2\"#)),
                ("SiteCode", .string("S01")), ("Status", .uint32(0)),
            ]))
        }
    }
    return engine
}

// MARK: - Workloads

let perSize = ["load", "key-lookup", "indexed-equality", "like-scan", "join", "invoke-latency", "site-file"]
for n in sizes where perSize.contains(where: wanted) {
    // load: time per created instance (with the site's hooks), measured while building the repository.
    let loadStart = now()
    let engine = try site(n: n, withDPs: n <= 100_000)
    let perRow = Double(now() - loadStart) / Double(n * (n <= 100_000 ? 2 : 1))
    emit(["workload": "load", "n": n, "impl": "cmsh", "unit": "row", "median_ns": perRow, "p90_ns": perRow, "ops": n,
          "peak_rss_kb": peakRSSKB(), "note": "createInstance per row incl. validation, key check and index upkeep"])

    let lookup = prepared(engine, "select * from SMS_DriverPackage where PackageID = $id")
    measure("key-lookup", n: n, ops: 2_000, note: "prepared select * … where PackageID = $id") { i in
        engine.set("$id", .string(packageID((i &* 7919) % n)))
        let r = engine.run(lookup)
        if r.exitCode != 0 { fail("key lookup", r) }
    }

    let equality = prepared(engine, "select * from SMS_DriverPackage where Manufacturer = $m")
    measure("indexed-equality", n: n, ops: n >= 1_000_000 ? 20 : 200, rounds: 5,
                note: "hash-indexed Manufacturer = $m, \(n / 100) rows per op") { i in
        engine.set("$m", .string(manufacturers[i % manufacturers.count]))
        let r = engine.run(equality)
        if r.exitCode != 0 { fail("indexed equality", r) }
    }

    let like = prepared(engine, "select * from SMS_DriverPackage where Name like '%model 97_'")
    measure("like-scan", n: n, unit: "row", ops: 1, perCall: Double(n), rounds: n >= 1_000_000 ? 3 : 5,
                note: "full scan, Name like '%model 97_' (~1% match)") { _ in
        let r = engine.run(like)
        if r.exitCode != 0 { fail("like scan", r) }
    }

    if n <= 100_000 {
        let join = prepared(engine, "select dp.PackageID, p.Name from SMS_DistributionPoint as dp join SMS_PackageBaseClass as p on p.PackageID = dp.PackageID")
        measure("join", n: n, unit: "row", ops: 1, perCall: Double(n), rounds: 3,
                    note: "SMS_DistributionPoint ⨝ SMS_PackageBaseClass, per result row") { _ in
            let r = engine.run(join)
            if r.exitCode != 0 { fail("join", r) }
        }
    }

    let invoke = prepared(engine, #"invoke SMS_DriverPackage($id).AddDistributionPoints(["S01"], [$nal])"#)
    engine.set("$nal", .string(#"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#))
    measure("invoke-latency", n: n, ops: 200, rounds: 5, note: "AddDistributionPoints creating 1 DP") { i in
        engine.set("$id", .string(packageID(i % n)))
        let r = engine.run(invoke)
        if r.exitCode != 0 { fail("invoke", r) }
    }

    // The same site kept in an SQLite file (`cmsh --site`): written in one transaction, opened, and the same
    // statements run on it — each write committed to the file, each statement first checking for other
    // processes' changes.
    if n <= 100_000 && wanted("site-file") {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cmsh-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bench.site").path
        let repo = engine.repository
        let rows = try repo.classes().filter { !$0.isAbstract }.reduce(0) { $0 + (try repo.count(of: $1.name, deep: false)) }
        var start = now()
        try SiteFile.create(path, from: repo)
        let written = Double(now() - start) / Double(rows)
        emit(["workload": "load", "n": n, "impl": "cmsh-file", "unit": "row", "median_ns": written, "p90_ns": written, "ops": rows,
              "peak_rss_kb": peakRSSKB(), "note": "site file: \(rows) instances written in one SQLite transaction (WAL)"])
        start = now()
        let fileEngine = try Engine(site: .file(path), clock: SiteClock(fixedAt: try CIMDateTime(parsing: "20261126090000.000000+000")))
        fileEngine.output = { _ in }
        // Opening reads the schema; a class's rows are read when it is first used: the first lookup reads the packages.
        fileEngine.set("$id", .string(packageID(0)))
        if fileEngine.run(prepared(fileEngine, "select * from SMS_DriverPackage where PackageID = $id")).exitCode != 0 {
            FileHandle.standardError.write(Data("CMShellBench: the first lookup on the site file failed\n".utf8))
            exit(1)
        }
        let opened = Double(now() - start) / Double(rows)
        emit(["workload": "open", "n": n, "impl": "cmsh-file", "unit": "row", "median_ns": opened, "p90_ns": opened, "ops": rows,
              "peak_rss_kb": peakRSSKB(), "note": "site file: open and a first key lookup (the schema, then the packages' rows), per row the file holds"])

        let fileLookup = prepared(fileEngine, "select * from SMS_DriverPackage where PackageID = $id")
        measure("key-lookup", n: n, impl: "cmsh-file", ops: 2_000, note: "site file: the same prepared lookup") { i in
            fileEngine.set("$id", .string(packageID((i &* 7919) % n)))
            let r = fileEngine.run(fileLookup)
            if r.exitCode != 0 { fail("file key lookup", r) }
        }
        let fileEquality = prepared(fileEngine, "select * from SMS_DriverPackage where Manufacturer = $m")
        measure("indexed-equality", n: n, impl: "cmsh-file", ops: 200, rounds: 5, note: "site file: the same indexed equality") { i in
            fileEngine.set("$m", .string(manufacturers[i % manufacturers.count]))
            let r = fileEngine.run(fileEquality)
            if r.exitCode != 0 { fail("file indexed equality", r) }
        }
        let fileInvoke = prepared(fileEngine, #"invoke SMS_DriverPackage($id).AddDistributionPoints(["S01"], [$nal])"#)
        fileEngine.set("$nal", .string(#"["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\"#))
        measure("invoke-latency", n: n, impl: "cmsh-file", ops: 200, rounds: 5, note: "site file: each call committed to the file") { i in
            fileEngine.set("$id", .string(packageID((i + n / 2) % n)))  // packages the in-memory run left alone
            let r = fileEngine.run(fileInvoke)
            if r.exitCode != 0 { fail("file invoke", r) }
        }
    }
}

// MARK: - Size-independent workloads

if wanted("interp-loop") || wanted("parse") || wanted("mof-compile") {
    let engine = try Engine(site: .empty(siteCode: "S01"))
    engine.output = { _ in }
    let iterations = quick ? 200_000 : 2_000_000
    let loop = prepared(engine, "$i = 0\n$s = 0\nwhile $i < \(iterations) { $s = $s + $i * 2 % 7\n$i = $i + 1 }")
    measure("interp-loop", n: 0, unit: "iteration", ops: 1, perCall: Double(iterations), rounds: 3,
                note: "while loop: $s = $s + $i * 2 % 7; $i = $i + 1") { _ in
        let r = engine.run(loop)
        if r.exitCode != 0 { fail("loop", r) }
    }

    // parse: a realistic script repeated to ~1 MB.
    let unit = try String(contentsOfFile: "Tests/ScriptTests/Fixtures/audit.cmsh", encoding: .utf8)
    let text = String(repeating: unit + "\n", count: max(1, 1_000_000 / unit.utf8.count))
    let bytes = Double(text.utf8.count)
    var perByte: [Double] = []
    for _ in 0..<5 {
        let start = now()
        guard case .success = engine.prepare(text) else { exit(1) }
        perByte.append(Double(now() - start) / bytes)
    }
    perByte.sort()
    emit(["workload": "parse", "n": 0, "impl": "cmsh", "unit": "byte", "median_ns": perByte[2], "p90_ns": perByte[4], "ops": 5,
          "peak_rss_kb": peakRSSKB(), "mb_per_s": 1000.0 / perByte[2], "note": "lex + parse of \(Int(bytes)) bytes of script"])

    try measure("mof-compile", n: 0, ops: 1, rounds: 5, note: "the whole site schema (\(SiteSchema.parts.count + SiteSchema.simulationParts.count) parts)") { _ in
        let repo = CIMRepository()
        for part in SiteSchema.parts + SiteSchema.simulationParts { _ = try MOFCompiler.compile(part.text, fileName: part.name, into: repo) }
    }
}

// MARK: - Collections over a generated fleet (Collections.swift)

try collectionWorkloads(sizes: sizes)

// MARK: - Memory at the largest size

if wanted("memory") {
    let n = sizes.last!
    let before = currentRSSKB()
    let engine = try site(n: n)
    let after = currentRSSKB()
    // Every row the site holds, not only the packages: each package made also makes its content information
    // (SMS_ObjectContentExtraInfo), as a site does; bytes per instance divides by all of them.
    let instances = try engine.repository.classes().filter { !$0.isAbstract }
        .reduce(0) { $0 + (try engine.repository.count(of: $1.name, deep: false)) }
    let perPackage = Double(after - before) * 1024 / Double(n)
    let total = Double(after - before) * 1024 / Double(instances)
    // The payload itself: the string bytes and 8 bytes per numeric or date value actually set.
    let stringBytes = "Driver package 500000 for model 500".utf8.count + "Vendor50".utf8.count + "B0000000".utf8.count + 3
    let payload = Double(stringBytes + 3 * 8)
    emit(["workload": "memory", "n": n, "impl": "cmsh", "unit": "instance", "bytes_per_instance": total,
          "overhead_bytes_per_instance": total - payload, "median_ns": 0, "p90_ns": 0, "ops": n, "peak_rss_kb": peakRSSKB(),
          "bytes_per_package": perPackage,
          "note": "RSS growth per instance: \(n) SMS_DriverPackage (45 properties, 7 set) and the \(instances - n) rows the site "
            + "derived from them, incl. key and hash indexes; \(Int(perPackage)) B per package"])
    withExtendedLifetime(engine) {}
}
