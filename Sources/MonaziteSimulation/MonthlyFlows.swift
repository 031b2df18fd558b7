/// Sums a draw's daily probe flows over calendar spans.
///
/// Day 0 of the simulation is `startDate`. Days of a span before day 0 count at the probe's
/// baseline rate (the network's steady state, which the simulation starts from); a span that
/// runs past the horizon has no total.
public struct MonthlyFlows: Sendable {
    public let startDate: CalendarDate
    public let horizonDays: Int
    /// Per probe, tonnes per day in the baseline steady state.
    public let baselineTonnesPerDay: [Double]

    public init(compiled: CompiledScenario, startDate: CalendarDate) {
        self.startDate = startDate
        horizonDays = compiled.horizonDays
        let net = compiled.network
        baselineTonnesPerDay = compiled.probes.indices.map { p in
            (compiled.probeEdgeStart[p]..<compiled.probeEdgeStart[p + 1]).reduce(0.0) {
                $0 + net.edgeBaselineTonnesPerDay[compiled.probeEdges[$1]]
            }
        }
    }

    /// Last simulation day a span needs, or nil if it ends before day 0.
    public func lastDay(of observation: MonthlyObservation) -> Int { startDate.days(to: observation.lastDay) }

    /// Total of probe `p` over the span, from `daily` (`horizonDays` values of that probe).
    public func total(_ observation: MonthlyObservation, probe p: Int, daily: UnsafePointer<Float>) -> Double? {
        let first = startDate.days(to: observation.firstDay), last = startDate.days(to: observation.lastDay)
        guard last < horizonDays else { return nil }
        var sum = Double(max(0, min(last + 1, 0) - first)) * baselineTonnesPerDay[p]
        if last >= 0 {
            for t in max(first, 0)...last { sum += Double(daily[t]) }
        }
        return sum
    }
}
