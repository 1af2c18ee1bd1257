// Limits inside a statement: the step budget, the time limit, the memory limit and cancellation stop a
// query's scan, join and sort, and a collection evaluation a method sets off — and leave nothing half-done.
import Foundation
import Testing
@testable import CMShell

@Suite struct LimitsInQueriesTests {
    static let clock = SiteClock(fixedAt: try! CIMDateTime(parsing: "20261126090000.000000+000"))

    func engine(systems: Int = 300, _ limits: (inout EngineLimits) -> Void) throws -> Engine {
        let e = try Engine(site: .demo(systems: systems), clock: Self.clock)
        var l = EngineLimits()
        l.timeLimit = .seconds(120)  // a backstop: a limit that does not hold fails the test instead of hanging it
        limits(&l)
        e.limits = l
        return e
    }

    func failure(_ r: RunResult) -> CMShellError? { if case .failed(let e) = r.outcome { e } else { nil } }

    /// A row visited is a step: one statement that scans 300 systems passes a budget of 100.
    @Test func rowsVisitedCountAsSteps() throws {
        let e = try engine { $0.maxSteps = 100 }
        let scan = "select count(*) from SMS_R_System where ResourceID > 0"
        let error = try #require(failure(e.run(script: scan)))
        #expect(error.status == .quotaViolation)
        #expect(error.message.contains("rows visited"))
        #expect(error.location?.line == 1)
        let roomy = try engine { $0.maxSteps = 10_000 }
        #expect(roomy.run(script: scan).exitCode == 0)
        // Counting a whole class reads the tables' counts: no row is visited, so the small budget holds.
        #expect(e.run(script: "select count(*) from SMS_R_System").exitCode == 0)
    }

    /// Three systems in name order: a nested-loop join of millions of rows, stopped at the time limit.
    static let tripleJoin = "select count(*) from SMS_R_System as a inner join SMS_R_System as b on a.Name < b.Name inner join SMS_R_System as c on b.Name < c.Name"

    @Test func timeLimitStopsAJoin() throws {
        let e = try engine { $0.timeLimit = .milliseconds(300) }
        let started = ContinuousClock.now
        let error = try #require(failure(e.run(script: Self.tripleJoin)))
        #expect(error.status == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test func sortStopsAtTheStepBudget() throws {
        let e = try engine { $0.maxSteps = 800 }
        let error = try #require(failure(e.run(script: "select a.Name, b.Name from SMS_R_System as a inner join SMS_G_System_OPERATING_SYSTEM as b on b.ResourceID = a.ResourceID order by a.Name")))
        #expect(error.status == .quotaViolation)
    }

    /// The memory limit covers what a query builds: a join that keeps millions of rows is stopped.
    @Test func memoryLimitStopsAGrowingJoin() throws {
        let resident = try #require(ResidentMemory.bytes())
        let e = try engine { $0.maxMemoryBytes = resident + 64 << 20 }
        let error = try #require(failure(e.run(script: Self.tripleJoin)))
        #expect(error.status == .outOfMemory)
        #expect(error.message.contains("MB"))
        e.limits.maxMemoryBytes = nil
        #expect(e.run(script: "print 1").exitCode == 0)
    }

    /// Cancellation from another thread lands inside a long join.
    @Test func cancellationStopsAJoin() throws {
        let e = try engine { _ in }
        let error = failure(cancellingRepeatedly(e.cancellation) { e.run(script: Self.tripleJoin) })
        #expect(error?.status == .callCancelled)
    }

    /// A collection evaluation that a method sets off runs under the statement's limits; when one stops it,
    /// the statement is undone and the collection is as it was.
    @Test func limitsHoldInsideCollectionEvaluation() throws {
        let e = try engine { _ in }
        let setUp = e.run(script: """
            $c = new SMS_Collection { Name = "Heavy", LimitToCollectionID = "SMS00001" }
            $id = SMS_Collection($c.CollectionID).CollectionID
            invoke SMS_Collection($id).AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "small", QueryExpression = "select * from SMS_R_System where Name like 'PC-000%'" })
            """)
        #expect(setUp.exitCode == 0)
        let before = try e.evaluate("SMS_Collection($id).MemberCount").displayText
        e.limits.maxSteps = 50_000
        let heavy = #"select * from SMS_R_System as a inner join SMS_R_System as b on a.Name < b.Name"#
        let r = e.run(script: #"invoke SMS_Collection($id).AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "heavy", QueryExpression = "\#(heavy)" })"#)
        #expect(failure(r)?.status == .quotaViolation, "\(r.outcome)")
        e.limits.maxSteps = nil
        #expect(try e.evaluate("SMS_Collection($id).MemberCount").displayText == before)
        #expect(try e.evaluate("len(SMS_Collection($id).CollectionRules)").displayText == "1")
    }
}

/// Runs `body` while a plain thread (not a Dispatch queue: on a one-CPU machine the global queues are as wide
/// as the CPU count, and the test holds the one worker) cancels every 50 ms until `body` returns — a cancel
/// that lands before the run starts is cleared by it, so one is not enough. No late cancel outlives `body`.
func cancellingRepeatedly<T>(_ cancellation: Cancellation, _ body: () -> T) -> T {
    let finished = Cancellation(), stopped = DispatchSemaphore(value: 0)
    let canceller = Thread {
        while !finished.isCancelled {
            Thread.sleep(forTimeInterval: 0.05)
            cancellation.cancel()
        }
        stopped.signal()
    }
    canceller.start()
    let result = body()
    finished.cancel()
    stopped.wait()
    return result
}
