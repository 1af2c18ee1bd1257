// A prepared query is planned once and its plan used again — but never once what it rests on has changed: the
// schema (a class replaced, an index added), the namespace, or a function that now shadows a builtin.
import CIM
import CMShell
import Script
import Site
import Testing

@Suite struct PlanCacheTests {
    func engine() throws -> (Engine, [[String]]) {
        let repository = CIMRepository(defaultNamespace: #"root\test"#)
        _ = try MOFCompiler.compile("""
            class Test_Item { [Key] string ID; string Name; uint32 Size; };
            instance of Test_Item { ID = "a"; Name = "Alpha"; Size = 1; };
            instance of Test_Item { ID = "b"; Name = "Beta"; Size = 2; };
            instance of Test_Item { ID = "c"; Name = "gamma"; Size = 3; };
            """, into: repository)
        return (try Engine(site: .repository(repository)), [])
    }

    func rows(_ e: Engine, _ p: PreparedScript) -> [[String]] {
        var out: [[String]] = []
        e.output = { event in
            if case .value(.rows(let rs)) = event { out += rs.rows.map { ($0.fields ?? []).map(\.value.displayText) } }
            if case .error(let d) = event { out.append(["error", d.message]) }
        }
        let r = e.run(p)
        if case .failed(let error) = r.outcome { out.append(["error", error.message]) }
        if case .syntaxErrors(let d) = r.outcome { out.append(["error", d[0].message]) }
        return out
    }

    func prepare(_ e: Engine, _ text: String) throws -> PreparedScript {
        guard case .success(let p) = e.prepare(text) else { throw CMShellError(.invalidQuery, "did not parse: \(text)") }
        return p
    }

    @Test func aPreparedLookupFollowsItsVariable() throws {
        let (e, _) = try engine()
        let lookup = try prepare(e, "select Name from Test_Item where ID = $id")
        for (id, name) in [("a", "Alpha"), ("b", "Beta"), ("c", "gamma"), ("a", "Alpha")] {
            e.set("$id", .string(id))
            #expect(rows(e, lookup) == [[name]], "\(id)")
        }
        e.set("$id", .string("zz"))
        #expect(rows(e, lookup).isEmpty)
    }

    @Test func aReplacedClassIsPlannedAgain() throws {
        let (e, _) = try engine()
        let query = try prepare(e, "select Name from Test_Item where Size > 1 order by ID")
        #expect(rows(e, query) == [["Beta"], ["gamma"]])
        // The class goes and comes back without Name: the old plan's slots and names no longer hold.
        try e.repository.performInternally {
            for item in try e.repository.instances(of: "Test_Item") { try e.repository.deleteInstance(at: item.path) }
            try e.repository.deleteClass("Test_Item")
            _ = try MOFCompiler.compile("""
                class Test_Item { [Key] string ID; uint32 Size; string Label; };
                instance of Test_Item { ID = "x"; Size = 9; Label = "new"; };
                """, into: e.repository)
        }
        let again = rows(e, query)
        #expect(again.count == 1 && again[0][0] == "error" && again[0][1].contains("Name"), "\(again)")
        let label = try prepare(e, "select Label from Test_Item where Size > 1")
        #expect(rows(e, label) == [["new"]])
    }

    @Test func anIndexAddedLaterIsUsed() throws {
        let (e, _) = try engine()
        let byName = try prepare(e, "explain select * from Test_Item where Name = 'Beta'")
        let before = rows(e, byName).flatMap { $0 }.joined(separator: " ")
        try e.repository.createIndex(on: "Name", of: "Test_Item")
        let after = rows(e, byName).flatMap { $0 }.joined(separator: " ")
        #expect(before != after, "explain shows the new index: \(before) / \(after)")
        let select = try prepare(e, "select ID from Test_Item where Name = 'Beta'")
        #expect(rows(e, select) == [["b"]])
    }

    @Test func aFunctionThatShadowsABuiltinIsCalledOnceDefined() throws {
        let (e, _) = try engine()
        let query = try prepare(e, "select ID from Test_Item where upper(Name) = 'GAMMA'")
        #expect(rows(e, query) == [["c"]])
        e.define(function: "upper") { _ in .cim(.string("GAMMA")) }  // every row now matches
        #expect(rows(e, query).count == 3)
    }
}
