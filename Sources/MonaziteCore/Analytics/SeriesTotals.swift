/// The totals of one trade series over any period, from whatever pieces were published.
///
/// Sources publish months, quarters, halves, years and cumulative spans ("January to July").
/// The total for a period is the cheapest exact cover of its months by published pieces:
/// fewest derived or estimated pieces first, then fewest pieces. So a reported January–July
/// figure wins over a sum of seven months that includes derived ones, and a half-year can be
/// built from a reported quarter and three months. No cover, no total: a missing month stays
/// missing and ``total(over:)`` says which.
public struct SeriesTotals: Sendable {
    /// The latest observation for each period, as chosen by the store.
    public let observations: [Period: Observation]
    private let byLastMonth: [Month: [Observation]]

    public init(_ observations: [Observation]) {
        var d: [Period: Observation] = [:]
        for o in observations where o.quantityTonnes != nil { d[o.period] = o }
        self.observations = d
        self.byLastMonth = Dictionary(grouping: d.values, by: { $0.period.last })
    }

    /// A total and the published pieces it was built from.
    public struct Total: Sendable, Hashable {
        public let period: Period
        public let tonnes: Double
        /// Sum of the pieces' values, when every piece has one.
        public let valueUSD: Double?
        /// The weakest status among the pieces; a sum of several pieces is at best `derived`.
        public let status: DataStatus
        public let pieces: [Observation]

        /// True when one published figure covers the period exactly.
        public var isSingleFigure: Bool { pieces.count == 1 }
    }

    /// The total over `period`, or the reason there is none.
    public func total(over period: Period) -> Result<Total, Unavailable> {
        let n = period.monthCount
        // best[i]: cheapest cover of the first i months of `period`, as its cost, its last piece
        // and where that piece starts (a back-pointer: no copying of piece lists per step).
        var cost: [Cost?] = Array(repeating: nil, count: n + 1)
        var last: [Observation?] = Array(repeating: nil, count: n + 1)
        var from: [Int] = Array(repeating: 0, count: n + 1)
        cost[0] = Cost(weak: 0, pieces: 0)
        for i in 1...n {
            let month = period.first.adding(months: i - 1)
            for piece in byLastMonth[month] ?? [] where piece.period.first >= period.first {
                let start = piece.period.first.index - period.first.index
                guard let prefix = cost[start] else { continue }
                let c = Cost(weak: prefix.weak + (piece.status == .reported ? 0 : 1), pieces: prefix.pieces + 1)
                if let current = cost[i], !(c < current) { continue }
                cost[i] = c
                last[i] = piece
                from[i] = start
            }
        }
        guard cost[n] != nil else {
            // Months no piece inside the period covers (pieces ending in it and starting in it).
            var covered = Set<Month>()
            for m in period.months {
                for piece in byLastMonth[m] ?? [] where piece.period.first >= period.first { covered.formUnion(piece.period.months) }
            }
            let missing = period.months.filter { !covered.contains($0) }
            if missing.isEmpty {
                return .failure(Unavailable(period: period, missing: [], reason: "published pieces overlap but do not add up to \(period)"))
            }
            return .failure(Unavailable(period: period, missing: missing, reason: Self.missingReason(missing, held: observations)))
        }
        var pieces: [Observation] = []
        var i = n
        while i > 0, let piece = last[i] {
            pieces.append(piece)
            i = from[i]
        }
        pieces.reverse()
        let tonnes = pieces.reduce(0) { $0 + ($1.quantityTonnes ?? 0) }
        let values = pieces.compactMap(\.valueUSD)
        var status = pieces.map(\.status).max() ?? .reported
        if pieces.count > 1 && status == .reported { status = .derived }
        return .success(
            Total(period: period, tonnes: tonnes, valueUSD: values.count == pieces.count ? values.reduce(0, +) : nil,
                status: status, pieces: pieces))
    }

    /// Why a total is not available.
    public struct Unavailable: Error, Sendable, Hashable {
        public let period: Period
        public let missing: [Month]
        public let reason: String
    }

    /// "no figure for …" for months no figure covers; months held only inside a longer span
    /// (China publishes January and February together; some years are held only as half-years
    /// or cumulative spans) name the shortest such span, and its status when it is not a
    /// reported figure, so a user knows what to ask for. "Held", not "published": the store
    /// knows what it holds, not what a source may publish later.
    static func missingReason(_ missing: [Month], held: [Period: Observation]) -> String {
        let spans = held.filter { $0.key.monthCount > 1 }
        var alone: [Month] = []
        var within: [Month] = []
        var shortest = Set<Period>()
        for month in missing {
            let around = spans.keys.filter { $0.first <= month && month <= $0.last }
            guard let best = around.min(by: { ($0.monthCount, $0.first) < ($1.monthCount, $1.first) }) else {
                alone.append(month)
                continue
            }
            within.append(month)
            shortest.insert(best)
        }
        var parts: [String] = []
        if !alone.isEmpty { parts.append("no figure for \(describe(alone))") }
        if !within.isEmpty {
            let names = shortest.sorted { ($0.first, $0.last) < ($1.first, $1.last) }.map { span in
                let status = spans[span]?.status ?? .reported
                return status == .reported ? span.description : "\(span) (\(status))"
            }
            parts.append("no figure for \(describe(within)) on its own: held only inside longer spans, the shortest \(names.joined(separator: ", "))")
        }
        return parts.joined(separator: "; ")
    }

    /// `2025-01..2025-04` for consecutive months, comma-separated otherwise.
    static func describe(_ months: [Month]) -> String {
        var runs: [String] = []
        var start: Month?
        var previous: Month?
        for m in months + [Month(index: Int.max / 2)] {
            if let p = previous, m.index == p.index + 1 {
                previous = m
                continue
            }
            if let s = start, let p = previous {
                runs.append(s == p ? s.description : "\(s)..\(p)")
            }
            start = m
            previous = m
        }
        return runs.joined(separator: ", ")
    }

    private struct Cost: Comparable {
        var weak: Int
        var pieces: Int
        static func < (a: Cost, b: Cost) -> Bool { (a.weak, a.pieces) < (b.weak, b.pieces) }
    }
}
