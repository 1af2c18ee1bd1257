// FleetPipeline: a large fleet is made on one thread and stored on another, so that generating systems and
// building their instances overlaps with putting them into the repository's tables (two cores, twice the speed).
import CIM
import Foundation

/// A bounded queue of batches of instances, from the thread that makes them to the thread that stores them.
/// Batches keep their order, so the repository ends up exactly as a single-threaded load leaves it.
final class FleetPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[CIMInstance]] = []
    /// How many batches may wait; the maker blocks beyond that, which bounds the memory in flight.
    private let capacity = 16
    private var finished = false
    private var failure: (any Error)?
    private var abandoned = false

    /// The maker hands over a batch; it waits while the queue is full, and throws once the storer has failed.
    func submit(_ batch: [CIMInstance]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !abandoned { condition.wait() }
        if abandoned { throw CIMError(.failed, "Loading the fleet stopped.") }
        batches.append(batch)
        condition.broadcast()
    }

    /// The maker is done, having made everything or failed with `error`.
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Stores batches as they come until the maker finishes; throws the maker's error, or the repository's
    /// (after the maker has stopped, so no thread is left running).
    func drain(into repository: CIMRepository, namespace: String?) throws {
        while let batch = next() {
            do {
                try repository.putStoredInstances(batch, namespace: namespace)
            } catch {
                abandon()
                throw error
            }
        }
        if let failure = condition.withLock({ failure }) { throw failure }
    }

    private func next() -> [CIMInstance]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    /// Tells the maker to stop and waits until it has.
    private func abandon() {
        condition.lock()
        abandoned = true
        batches = []
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// Runs `make` on a thread of its own, handing its batches to this thread, which stores them.
    static func run(into repository: CIMRepository, namespace: String?,
                    _ make: @escaping @Sendable (_ sink: @escaping ([CIMInstance]) throws -> Void) throws -> Void) throws {
        let pipeline = FleetPipeline()
        let maker = Thread {
            do {
                try make { try pipeline.submit($0) }
                pipeline.finish(nil)
            } catch {
                pipeline.finish(error)
            }
        }
        maker.stackSize = 8 << 20
        maker.start()
        try pipeline.drain(into: repository, namespace: namespace)
    }
}
