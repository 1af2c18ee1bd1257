// CollectionProvider: SMS_Collection's methods — AddMembershipRule(s), DeleteMembershipRule(s),
// RequestRefresh, GetNumResults, VerifyNoCircularDependencies — and SMS_CollectionRuleQuery.ValidateQuery.
//
// The simulated evaluator is synchronous: a rule change or a refresh leaves the membership current when the
// call returns, where a real site would queue the evaluation and finish it a little later.
import CIM
import Script

struct CollectionProvider {
    weak let site: SimulatedSite?

    func register() {
        guard let site else { return }
        let repo = site.repository
        repo.register(method: "AddMembershipRule", of: "SMS_Collection") { call in try addRules(call, single: true) }
        repo.register(method: "AddMembershipRules", of: "SMS_Collection") { call in try addRules(call, single: false) }
        repo.register(method: "DeleteMembershipRule", of: "SMS_Collection") { call in try deleteRules(call, single: true) }
        repo.register(method: "DeleteMembershipRules", of: "SMS_Collection") { call in try deleteRules(call, single: false) }
        repo.register(method: "RequestRefresh", of: "SMS_Collection") { call in try requestRefresh(call) }
        repo.register(method: "GetNumResults", of: "SMS_Collection") { call in try numResults(call) }
        repo.register(method: "VerifyNoCircularDependencies", of: "SMS_Collection") { call in try verifyNoCycle(call) }
        repo.register(method: "ValidateQuery", of: "SMS_CollectionRuleQuery") { call in try validateQuery(call) }
        repo.register(hook: CollectionHook(site: site), for: "SMS_Collection")
    }

    private func evaluator(_ call: MethodInvocation) -> CollectionEvaluator {
        CollectionEvaluator(repository: call.repository, namespace: call.namespace, clock: site?.clock ?? SiteClock())
    }

    // MARK: - Rules

    /// A call refused before anything changed: the result to return.
    private struct Refused: Error { let result: MethodResult }

    /// What a rule method works on: the collection, its ID, and the rules passed (checked to be rules).
    private struct RuleRequest {
        var collection: CIMInstance
        var id: String
        var parameter: String
        var rules: [CIMInstance]
    }

    /// The collection and the rule argument(s): one embedded SMS_CollectionRule, or an array of them.
    private func ruleRequest(_ call: MethodInvocation, single: Bool) throws(Refused) -> RuleRequest {
        guard let collection = call.instance, let id = collection["CollectionID"]?.stringValue else {
            throw Refused(result: .failure(.notFound, "no collection"))
        }
        let name = single ? "collectionRule" : "collectionRules"
        let rules: [CIMValue]
        switch call[CIMName(name)] {
        case .object(let rule) where single: rules = [.object(rule)]
        case .array(let a) where !single: rules = a.elements
        default: throw Refused(result: .failure(.invalidParameter, parameter: name, "is required: pass \(single ? "a rule" : "an array of rules"), e.g. new SMS_CollectionRuleDirect { ResourceClassName = \"SMS_R_System\", ResourceID = 16777220 }"))
        }
        if rules.isEmpty { throw Refused(result: .failure(.invalidParameter, parameter: name, "is empty")) }
        var out: [CIMInstance] = []
        for (i, value) in rules.enumerated() {
            guard case .object(let rule) = value, rule.cimClass.lineage.contains(where: { $0.name == "SMS_CollectionRule" }),
                  !rule.cimClass.isAbstract else {
                throw Refused(result: .failure(.invalidParameter, parameter: name, index: single ? nil : i,
                                               "is not a collection rule (SMS_CollectionRuleQuery, SMS_CollectionRuleDirect, SMS_CollectionRuleIncludeCollection or SMS_CollectionRuleExcludeCollection)"))
            }
            out.append(rule)
        }
        return RuleRequest(collection: collection, id: id, parameter: name, rules: out)
    }

    /// Adds rules after checking every one: either all are added or none.
    func addRules(_ call: MethodInvocation, single: Bool) throws -> MethodResult {
        let request: RuleRequest
        do { request = try ruleRequest(call, single: single) } catch { return error.result }
        var collection = request.collection
        let (id, parameter, incoming) = (request.id, request.parameter, request.rules)
        let evaluator = evaluator(call)
        var rules = CollectionEvaluator.rules(of: collection)
        var queryIDs: [CIMValue] = []
        for (i, var rule) in incoming.enumerated() {
            let index = single ? nil : i
            if let problem = try problem(with: rule, in: collection, id: id, existing: rules, evaluator) {
                return .failure(problem.status, parameter: parameter, index: index, problem.message)
            }
            var queryID: UInt32 = 0
            if rule.cimClass.slot(of: "QueryID") != nil {
                let used = rules.compactMap { $0["QueryID"].flatMap(CollectionEvaluator.uint32) }
                queryID = (used.max() ?? 0) + 1
                try rule.set("QueryID", .uint32(queryID))
            }
            queryIDs.append(.uint32(queryID))
            rules.append(rule)
        }
        try store(rules, in: &collection, call)  // CollectionHook re-evaluates the membership
        if single { return .success([(CIMName("QueryID"), queryIDs[0])]) }
        return .success([(CIMName("QueryIDs"), .array(CIMArray(elementType: .uint32, queryIDs)))])
    }

    /// Why a rule cannot be added to the collection, or nil when it can.
    private func problem(with rule: CIMInstance, in collection: CIMInstance, id: String, existing: [CIMInstance],
                         _ evaluator: CollectionEvaluator) throws -> (status: CIMStatus, message: String)? {
        switch rule.className.string.lowercased() {
        case "sms_collectionrulequery":
            guard let text = rule["QueryExpression"]?.stringValue, !text.isEmpty else {
                return (.invalidParameter, "QueryExpression is required")
            }
            if let message = try queryProblem(text, ruleName: rule["RuleName"]?.stringValue, evaluator) { return (.invalidQuery, message) }
        case "sms_collectionruledirect":
            guard let rid = rule["ResourceID"].flatMap(CollectionEvaluator.uint32) else { return (.invalidParameter, "ResourceID is required") }
            guard evaluator.resource(rid) != nil else { return (.notFound, "no resource has ResourceID \(rid)") }
            let duplicate = existing.contains { $0.className == rule.className && $0["ResourceID"].flatMap(CollectionEvaluator.uint32) == rid }
            if duplicate { return (.alreadyExists, "the collection already has a direct rule for resource \(rid)") }
        case "sms_collectionruleincludecollection", "sms_collectionruleexcludecollection":
            let property: CIMName = rule.cimClass.slot(of: "IncludeCollectionID") != nil ? "IncludeCollectionID" : "ExcludeCollectionID"
            guard let other = rule[property]?.stringValue, !other.isEmpty else { return (.invalidParameter, "\(property) is required") }
            guard (try? evaluator.collection(other)) != nil else { return (.notFound, "collection \(other) does not exist") }
            if other.uppercased() == id.uppercased() { return (.invalidParameter, "a collection cannot include or exclude itself") }
            if try evaluator.wouldCycle(parent: id, child: other) {
                return (.invalidParameter, "\(other) already depends on \(id): the rule would make a circular dependency")
            }
            let duplicate = existing.contains { $0.className == rule.className && $0[property]?.stringValue?.uppercased() == other.uppercased() }
            if duplicate { return (.alreadyExists, "the collection already has this rule for \(other)") }
        default:
            return (.invalidParameter, "\(rule.className) is not a rule a collection can hold")
        }
        return nil
    }

    /// Removes rules, each matched to one the collection holds: query rules by QueryID (or by their text
    /// when QueryID is not given), direct rules by ResourceID, include/exclude rules by collection.
    func deleteRules(_ call: MethodInvocation, single: Bool) throws -> MethodResult {
        let request: RuleRequest
        do { request = try ruleRequest(call, single: single) } catch { return error.result }
        var collection = request.collection
        let (id, parameter, doomed) = (request.id, request.parameter, request.rules)
        var rules = CollectionEvaluator.rules(of: collection)
        for (i, rule) in doomed.enumerated() {
            guard let at = rules.firstIndex(where: { Self.sameRule($0, rule) }) else {
                return .failure(.notFound, parameter: parameter, index: single ? nil : i, "collection \(id) has no such rule")
            }
            rules.remove(at: at)
        }
        try store(rules, in: &collection, call)  // CollectionHook re-evaluates the membership
        return .success()
    }

    static func sameRule(_ held: CIMInstance, _ given: CIMInstance) -> Bool {
        guard held.className == given.className else { return false }
        func same(_ p: CIMName) -> Bool {
            guard let a = held[p], let b = given[p] else { return false }
            if let x = a.stringValue, let y = b.stringValue { return x.caseInsensitiveCompare(y) == .orderedSame }
            return a == b
        }
        switch held.className.string.lowercased() {
        case "sms_collectionrulequery":
            if let qid = given["QueryID"].flatMap(CollectionEvaluator.uint32), qid != 0 { return same("QueryID") }
            return same("QueryExpression") && (given["RuleName"]?.isNull ?? true || same("RuleName"))
        case "sms_collectionruledirect": return same("ResourceID")
        case "sms_collectionruleincludecollection": return same("IncludeCollectionID")
        case "sms_collectionruleexcludecollection": return same("ExcludeCollectionID")
        default: return held == given
        }
    }

    private func store(_ rules: [CIMInstance], in collection: inout CIMInstance, _ call: MethodInvocation) throws {
        try collection.set("CollectionRules", .array(CIMArray(elementType: .object, rules.map { .object($0) })))
        let includeExclude = rules.filter { $0["IncludeCollectionID"] != nil || $0["ExcludeCollectionID"] != nil }.count
        try collection.set("IncludeExcludeCollectionsCount", .sint32(Int32(includeExclude)))
        try collection.set("LastChangeTime", .datetime(site?.clock.now ?? SiteClock().now))
        try call.repository.modifyInstance(collection, namespace: call.namespace)
    }

    // MARK: - Evaluation and checks

    func requestRefresh(_ call: MethodInvocation) throws -> MethodResult {
        guard let id = call.instance?["CollectionID"]?.stringValue else { return .failure(.notFound, "no collection") }
        // A rule that cannot run leaves the collection as it was (see CollectionEvaluator.evaluate): the
        // method says which and why, as the status message it raised does.
        if let failure = try evaluator(call).refresh(id).first {
            return .failure(failure.status, "collection \(failure.collectionID) was not refreshed: rule \(failure.ruleName) failed at \(failure.reason)")
        }
        return .success()
    }

    func numResults(_ call: MethodInvocation) throws -> MethodResult {
        guard case .reference(let path) = call["Collection"], let key = path.keys.first?.value.stringValue else {
            return .failure(.invalidParameter, parameter: "Collection", "is required: pass a collection path, e.g. SMS_Collection.CollectionID=\"SMS00001\"")
        }
        let count = try evaluator(call).storedMemberIDs(key).count
        return .success([("Result", .uint32(UInt32(count)))])
    }

    func verifyNoCycle(_ call: MethodInvocation) throws -> MethodResult {
        let evaluator = evaluator(call)
        var ids: [String] = []
        for name in ["parentCollection", "subCollection"] {
            guard case .reference(let path) = call[CIMName(name)], let key = path.keys.first?.value.stringValue else {
                return .failure(.invalidParameter, parameter: name, "is required: pass a collection path")
            }
            guard (try? evaluator.collection(key)) != nil else { return .failure(.notFound, parameter: name, "collection \(key) does not exist") }
            ids.append(key)
        }
        return .success([("Result", .boolean(!(try evaluator.wouldCycle(parent: ids[0], child: ids[1]))))])
    }

    /// True when the text is one SELECT whose classes and properties exist and whose FROM class is a resource
    /// class (SMS_R_System, SMS_R_User, SMS_R_UserGroup …). When false, the note says what and where.
    func validateQuery(_ call: MethodInvocation) throws -> MethodResult {
        guard let text = call["WQLQuery"].stringValue else {
            return MethodResult(returnValue: .boolean(false), message: "WQLQuery: is required")
        }
        if let problem = try queryProblem(text, ruleName: nil, evaluator(call)) {
            return MethodResult(returnValue: .boolean(false), message: problem)
        }
        return MethodResult(returnValue: .boolean(true))
    }

    /// What is wrong with a query rule's text, located ("query:1:23: …"), or nil when it is valid. The query
    /// is also run over the site, so an error only evaluation meets (a type mismatch in a row) is found
    /// here rather than leaving a collection silently empty.
    private func queryProblem(_ text: String, ruleName: String?, _ evaluator: CollectionEvaluator) throws -> String? {
        do {
            let stored = try StoredQuery(text, fileName: ruleName ?? "query")
            let interpreter = evaluator.queryInterpreter()
            try interpreter.check(stored)
            let from = evaluator.repository.cimClass(named: CIMName(stored.fromClassName), namespace: evaluator.namespace)
            if from?.lineage.contains(where: { $0.name == "SMS_Resource" }) != true {
                return "\(stored.fromLocation): the query must select from a resource class such as SMS_R_System, SMS_R_User or SMS_R_UserGroup, not \(stored.fromClassName)"
            }
            _ = try interpreter.fromInstances(of: stored)
            return nil
        } catch {
            // Ctrl-C or a limit of the statement that asked: its error, not the query's.
            if CollectionEvaluator.runLimitStatuses.contains(error.status) { throw CIMError(error.status, error.message) }
            return "\(error.location): \(error.message) (\(error.status.name))"
        }
    }
}
