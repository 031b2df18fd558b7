import MonaziteCore

/// An observed export total over whole calendar months, set against a probe of the model.
public struct MonthlyObservation: Sendable, Hashable {
    /// First day of the first month and last day of the last month of the span.
    public var firstDay: CalendarDate
    public var lastDay: CalendarDate
    /// `WLD` or an ISO 3166-1 alpha-3 code (EUU for the EU).
    public var destination: String
    public var observedTonnes: Double
    /// True for months the calibration used, false for validation months.
    public var inSample: Bool

    public init(firstDay: CalendarDate, lastDay: CalendarDate, destination: String, observedTonnes: Double, inSample: Bool) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.destination = destination
        self.observedTonnes = observedTonnes
        self.inSample = inSample
    }

    /// The months of `YYYY-MM` or `YYYY-MM..MM` (a span within one year, as customs releases give),
    /// read by Core's period parser; quarters, halves and years are not taken here.
    public init?(period: String, destination: String, observedTonnes: Double, inSample: Bool) {
        guard let p = Period(parsing: period), p.first.year == p.last.year,
              !period.contains("Q"), !period.contains("H"), period.count >= 7,
              let first = CalendarDate("\(p.first)-01"), let lastMonth = CalendarDate("\(p.last)-01")
        else { return nil }
        // The last day of the last month: 31 days on from its first lands in the next month.
        let next = lastMonth.adding(days: 31)
        self.init(
            firstDay: first, lastDay: CalendarDate(daysSinceEpoch: next.daysSinceEpoch - next.day),
            destination: destination, observedTonnes: observedTonnes, inSample: inSample)
    }

    /// `2025-07` or `2025-01..02`.
    public var period: String {
        firstDay.month == lastDay.month && firstDay.year == lastDay.year
            ? firstDay.monthLabel : firstDay.monthLabel + ".." + String(lastDay.monthLabel.suffix(2))
    }

    public var dayCount: Int { firstDay.days(to: lastDay) + 1 }
}
