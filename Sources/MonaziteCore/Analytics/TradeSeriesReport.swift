/// One row of a trade series with its analytics: the trade monitor's unit of output.
///
/// Field names carry units: tonnes, USD, percent (`Pct`). The JSON contract
/// (PRODUCT.md section 4) is written from this type by the CLI and the API.
public struct TradeSeriesRow: Sendable, Hashable {
    public let period: Period
    public let quantityTonnes: Computed
    public let valueUSD: Double?
    /// USD per kilogram: value / (tonnes × 1000).
    public let unitValueUSDPerKg: Computed
    /// Change on the preceding period of the same length (month-on-month for monthly rows).
    public let momPct: Computed
    /// Change on the same period one year earlier.
    public let yoyPct: Computed
    /// January to the row's last month.
    public let ytdTonnes: Computed
    public let ytdYoYPct: Computed
    /// Sum of the three and twelve months ending with the row (monthly rows only).
    public let rolling3Tonnes: Computed
    public let rolling12Tonnes: Computed
    /// The changes the source published with the figure, when it did, to set beside ours.
    public let reportedMoMPct: Double?
    public let reportedYoYPct: Double?
    /// Status of the quantity; nil when there is no quantity.
    public let status: DataStatus?
    /// Where the quantity comes from (one entry per published piece).
    public let sources: [Provenance]
    /// Reasons for every unavailable figure and the notes of derived pieces.
    public let notes: [String]
}

/// Builds ``TradeSeriesRow``s for a series over a window.
public enum TradeSeriesReport {
    /// Ends every note on a circular comparison, so interfaces can find and show them.
    public static let circularSuffix = " (arithmetic, not confirmation)"

    /// True for the notes that say a base was derived (circular or not): interfaces show these
    /// beside the figures, not only in the JSON rows.
    public static func isDerivedBaseNote(_ note: String) -> Bool {
        note.contains(": base ") && (note.hasSuffix(circularSuffix) || note.hasSuffix(", not published"))
    }

    /// Rows for every period of `frequency` between `from` and `to` (inclusive), in time order.
    ///
    /// Periods with no figure are listed with `quantityTonnes` unavailable: a missing month is
    /// reported missing, never skipped or filled.
    public static func rows(
        totals: SeriesTotals, from: Month, to: Month, frequency: Period.Kind = .month
    ) -> [TradeSeriesRow] {
        // One memo for the whole window: a month's total, its year-to-date and its bases are
        // computed once and reused by the rows that need them again (MoM of the next month,
        // YoY twelve months on), so a series costs about one cover search per distinct period.
        let memo = TotalsMemo(totals)
        return periods(from: from, to: to, frequency: frequency).map { row(for: $0, memo: memo) }
    }

    /// The periods of a frequency that lie within `from`…`to`.
    public static func periods(from: Month, to: Month, frequency: Period.Kind) -> [Period] {
        guard from <= to else { return [] }
        var result: [Period] = []
        switch frequency {
        case .month, .span:
            for i in from.index...to.index { result.append(Period(month: Month(index: i))) }
        case .quarter, .half, .year, .years:
            for year in from.year...to.year {
                let candidates: [Period?]
                switch frequency {
                case .quarter: candidates = (1...4).map { Period.quarter(year, $0) }
                case .half: candidates = (1...2).map { Period.half(year, $0) }
                default: candidates = [Period.year(year)]
                }
                for case let p? in candidates where p.first >= from && p.last <= to { result.append(p) }
            }
        }
        return result
    }

    /// Every month a row for `period` (or rows from `period` on) totals over: the period, the one
    /// before it, the same period a year earlier, the year to date and its year-earlier base, and
    /// the rolling windows. A total over a period is built only from pieces inside it
    /// (``SeriesTotals/total(over:)``), so figures outside these months cannot change the row:
    /// a store can be asked for these months alone.
    public static func monthsRead(from period: Period, to last: Month) -> ClosedRange<Month> {
        let first = [
            period.preceding.first, period.shifted(years: -1).first, period.yearToDate.shifted(years: -1).first,
            period.last.adding(months: -11),
        ].min() ?? period.first
        return first...max(last, period.last)
    }

    public static func row(for period: Period, totals: SeriesTotals) -> TradeSeriesRow {
        row(for: period, memo: TotalsMemo(totals))
    }

    static func row(for period: Period, memo: TotalsMemo) -> TradeSeriesRow {
        var notes: [String] = []
        let current = memo.total(period)
        let quantity: Computed
        var status: DataStatus?
        var sources: [Provenance] = []
        var value: Double?
        var reportedMoM: Double?
        var reportedYoY: Double?
        switch current {
        case .success(let t):
            quantity = .value(t.tonnes)
            status = t.status
            sources = t.pieces.map(\.provenance)
            value = t.valueUSD
            if t.pieces.count > 1 {
                notes.append("sum of \(t.pieces.map { $0.period.description }.joined(separator: " + "))")
            }
            for p in t.pieces where p.status != .reported {
                notes.append((t.pieces.count > 1 ? "\(p.period) is \(p.status)" : "\(p.status)") + (p.note.map { ": \($0)" } ?? ""))
            }
            if t.isSingleFigure {
                reportedMoM = t.pieces[0].reportedMoMPct
                reportedYoY = t.pieces[0].reportedYoYPct
            }
        case .failure(let u):
            quantity = .unavailable(u.reason)
            notes.append("quantity: \(u.reason)")
        }
        let tonnes = quantity.value

        func total(_ p: Period) -> Double? { try? memo.total(p).get().tonnes }
        func labelled(_ name: String, _ c: Computed) -> Computed {
            if let r = c.reason { notes.append("\(name): \(r)") }
            return c
        }

        /// Says when a base is a derived figure, and above all when it was derived from the very
        /// change published for `compared`: then ours can only reproduce the published change.
        func baseNote(_ name: String, base: Period, measure: Derivation.Measure, compared: Period) {
            guard case .success(let t) = memo.total(base) else { return }
            let derived = t.pieces.filter { $0.status == .derived }
            guard !derived.isEmpty else { return }
            if derived.contains(where: { $0.isDerived(from: measure, of: compared) }) {
                notes.append(
                    "\(name): base \(base) is derived from the change published for \(compared); not an independent check"
                        + Self.circularSuffix)
            } else {
                // Each input once, in order, though several derived pieces may share it.
                var seen = Set<String>()
                let inputs = derived.flatMap(\.derivedFrom).filter { seen.insert($0.description).inserted }
                let text = Derivation.text(inputs).map { " (from \($0))" } ?? ""
                notes.append("\(name): base \(base) is derived\(text), not published")
            }
        }

        /// The change from `base` to `current`; a base without a total gives its own reason
        /// (which months are missing, or that one is held only inside a longer figure), naming
        /// the base first when it is longer than a month.
        func change(from base: Period, to current: Double?, currentLabel: String) -> Computed {
            if current != nil, case .failure(let u) = memo.total(base) {
                return .unavailable(base.isMonth ? u.reason : "base \(base): \(u.reason)")
            }
            return Change.percent(from: total(base), to: current, baseLabel: base.description, currentLabel: currentLabel)
        }

        let mom = labelled("mom_pct", change(from: period.preceding, to: tonnes, currentLabel: period.description))
        if mom.value != nil { baseNote("mom_pct", base: period.preceding, measure: .momPct, compared: period) }
        let yoyBase = period.shifted(years: -1)
        let yoy = labelled("yoy_pct", change(from: yoyBase, to: tonnes, currentLabel: period.description))
        if yoy.value != nil { baseNote("yoy_pct", base: yoyBase, measure: .yoyPct, compared: period) }

        let ytdPeriod = period.yearToDate
        let ytdResult = memo.total(ytdPeriod)
        let ytd: Computed
        switch ytdResult {
        case .success(let t): ytd = .value(t.tonnes)
        case .failure(let u): ytd = .unavailable(u.reason)
        }
        _ = labelled("ytd_t", ytd)
        let ytdBase = ytdPeriod.shifted(years: -1)
        let ytdYoY: Computed =
            ytd.value == nil
            ? .unavailable("no year-to-date total") : change(from: ytdBase, to: ytd.value, currentLabel: ytdPeriod.description)
        if ytd.value != nil { _ = labelled("ytd_yoy_pct", ytdYoY) }
        if ytdYoY.value != nil { baseNote("ytd_yoy_pct", base: ytdBase, measure: .yoyPct, compared: ytdPeriod) }

        func rolling(_ months: Int) -> Computed {
            guard period.isMonth else { return .unavailable("rolling sums are for monthly rows") }
            guard let window = Period(first: period.last.adding(months: -(months - 1)), last: period.last) else {
                return .unavailable("bad window")
            }
            switch memo.total(window) {
            case .success(let t): return .value(t.tonnes)
            case .failure(let u): return .unavailable(u.reason)
            }
        }

        let unitValue: Computed
        if let value, let tonnes {
            unitValue = tonnes > 0 ? .checked(value / (tonnes * 1000), otherwise: "not finite") : .unavailable("quantity is zero")
        } else {
            unitValue = .unavailable(value == nil ? "no value published" : "no quantity")
        }

        return TradeSeriesRow(
            period: period, quantityTonnes: quantity, valueUSD: value, unitValueUSDPerKg: unitValue, momPct: mom, yoyPct: yoy,
            ytdTonnes: ytd, ytdYoYPct: ytdYoY, rolling3Tonnes: rolling(3), rolling12Tonnes: rolling(12),
            reportedMoMPct: reportedMoM, reportedYoYPct: reportedYoY, status: status, sources: sources, notes: notes)
    }
}

/// Totals already computed for one series, by period: one answer per period within a query.
final class TotalsMemo {
    let totals: SeriesTotals
    private var cache: [Period: Result<SeriesTotals.Total, SeriesTotals.Unavailable>] = [:]

    init(_ totals: SeriesTotals) { self.totals = totals }

    func total(_ period: Period) -> Result<SeriesTotals.Total, SeriesTotals.Unavailable> {
        if let hit = cache[period] { return hit }
        let result = totals.total(over: period)
        cache[period] = result
        return result
    }
}
