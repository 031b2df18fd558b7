/// One draw's daily detail, for tests, validation and the `--out` files of a single run.
public struct RunTrace: Sendable {
    /// Per group, per day: shortfall in tonnes (only groups in `dailyGroups` are filled).
    public var dailyShortfallTonnes: [[Double]]
    /// Per probe, per day: shipments in tonnes.
    public var probeTonnes: [[Double]]
    public var cumulativeShortfallTonnes: [Double]
    public var firstStockOutDay: [Int]
    public var recoveryDay: [Int]
    public var massBalance: [MassBalanceDay]
}

extension LaneSimulator where L == Double {
    /// Runs the prepared draw and returns every daily figure (allocates; not for the hot path).
    public func trace() -> RunTrace {
        let c = compiled
        var cumulative = [Double](repeating: 0, count: g)
        var first = [Int32](repeating: -1, count: g)
        var recovery = [Int32](repeating: -1, count: g)
        let series = c.dailyGroups.count + c.probes.count
        var daily = [Float](repeating: 0, count: max(series * h, 1))
        var balance: [MassBalanceDay] = []
        cumulative.withUnsafeMutableBufferPointer { cum in
            first.withUnsafeMutableBufferPointer { fst in
                recovery.withUnsafeMutableBufferPointer { rec in
                    daily.withUnsafeMutableBufferPointer { day in
                        guard let cumBase = cum.baseAddress, let fstBase = fst.baseAddress, let recBase = rec.baseAddress
                        else { return }
                        run(cumulativeTonnes: cumBase, firstStockOutDay: fstBase, recoveryDay: recBase,
                            daily: day.baseAddress, balance: { balance.append($0) })
                    }
                }
            }
        }
        var shortfall = Array(repeating: [Double](), count: g)
        for (r, q) in c.dailyGroups.enumerated() { shortfall[q] = (0..<h).map { Double(daily[r * h + $0]) } }
        let probes = (0..<c.probes.count).map { p in (0..<h).map { Double(daily[(c.dailyGroups.count + p) * h + $0]) } }
        return RunTrace(
            dailyShortfallTonnes: shortfall, probeTonnes: probes, cumulativeShortfallTonnes: cumulative,
            firstStockOutDay: first.map(Int.init), recoveryDay: recovery.map(Int.init), massBalance: balance)
    }
}
