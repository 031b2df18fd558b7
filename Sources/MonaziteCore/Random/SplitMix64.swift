/// SplitMix64 (Steele, Lea & Flood 2014): a small counter-based generator.
///
/// Each Monte Carlo draw gets its own stream seeded from `(seed, drawIndex)`, so a draw's inputs do
/// not depend on which thread ran it or in what order.
public struct SplitMix64: Sendable {
    public private(set) var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// The stream of draw `drawIndex` under `seed`: the seed and index are mixed through the
    /// finaliser twice so nearby seeds and indices give unrelated streams.
    public init(seed: UInt64, drawIndex: UInt64) {
        var mixer = SplitMix64(state: seed)
        let a = mixer.next()
        var second = SplitMix64(state: a ^ (drawIndex &* 0xD1B5_4A32_D192_ED03))
        self.state = second.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
