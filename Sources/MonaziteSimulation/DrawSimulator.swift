/// One draw at a time: the lane simulator with a single lane, used for traces, mass-balance
/// checks and tests. It runs the same daily step as the Monte Carlo's SIMD lane groups.
public typealias DrawSimulator = LaneSimulator<Double>

extension LaneSimulator where L == Double {
    /// Sets the draw's inputs (see ``prepare(lane:seed:drawIndex:sample:)``).
    public func prepare(seed: UInt64, drawIndex: Int, sample: Bool = true) {
        prepare(lane: 0, seed: seed, drawIndex: drawIndex, sample: sample)
    }

    /// Runs the prepared draw over the horizon (see ``run(lanesUsed:cumulativeTonnes:firstStockOutDay:recoveryDay:daily:balance:)``).
    public func run(
        cumulativeTonnes: UnsafeMutablePointer<Double>,
        firstStockOutDay: UnsafeMutablePointer<Int32>,
        recoveryDay: UnsafeMutablePointer<Int32>,
        daily: UnsafeMutablePointer<Float>? = nil,
        balance: ((MassBalanceDay) -> Void)? = nil
    ) {
        run(
            lanesUsed: 1, cumulativeTonnes: cumulativeTonnes, firstStockOutDay: firstStockOutDay, recoveryDay: recoveryDay,
            daily: daily, balance: balance.map { report in { _, day in report(day) } })
    }
}
