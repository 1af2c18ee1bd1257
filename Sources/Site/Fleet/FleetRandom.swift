// FleetRandom: the fleet generator's seeded pseudo-random numbers (SplitMix64), so that a seed gives the same
// fleet on every machine and every run. Swift's SystemRandomNumberGenerator is never used.

/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit state advanced by a constant and mixed. Small, fast and
/// good enough for test data; identical output everywhere, unlike the standard library's generator.
public struct FleetRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for one part of the fleet (a system, say), independent of how many numbers other parts
    /// drew: adding a property to one system's generation does not shift every system after it.
    public func derived(_ salt: UInt64) -> FleetRandom {
        var mixer = FleetRandom(seed: state ^ (salt &* 0xD1B5_4A32_D192_ED03))
        return FleetRandom(seed: mixer.next())
    }

    /// A whole number in `range` (Lemire's multiply-shift; the bias is below 2⁻³² for the ranges used here).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// A number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element, each equally likely.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// One element, chosen in proportion to its weight.
    public mutating func pick<T>(weighted items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var x = unit() * total
        for (item, weight) in items {
            if x < weight { return item }
            x -= weight
        }
        return items[items.count - 1].0
    }
}

extension FleetRandom {
    /// FNV-1a over bytes: the same number for the same text on every machine and run (Swift's Hasher is seeded per
    /// process), for values that must follow from a name — a deployment's bucket, an inventory rule's choice.
    public static func fnv1a(_ bytes: some Sequence<UInt8>, basis: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        bytes.reduce(basis) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
