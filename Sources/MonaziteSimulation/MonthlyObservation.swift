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

    /// The months of `YYYY-MM` or `YYYY-MM..MM` (a span within one year, as customs releases give).
    public init?(period: String, destination: String, observedTonnes: Double, inSample: Bool) {
        let parts = period.split(separator: ".", omittingEmptySubsequences: true)
        guard let first = CalendarDate(String(parts[0]) + "-01") else { return nil }
        var last = first
        if parts.count == 2 {
            guard let lastMonth = Int(parts[1]), lastMonth >= first.month, lastMonth <= 12,
                  let date = CalendarDate("\(parts[0].prefix(4))-\(parts[1])-01") else { return nil }
            _ = lastMonth
            last = date
        } else if parts.count != 1 {
            return nil
        }
        self.init(
            firstDay: first, lastDay: CalendarDate(daysSinceEpoch: last.adding(days: 31).daysSinceEpoch - last.adding(days: 31).day),
            destination: destination, observedTonnes: observedTonnes, inSample: inSample)
    }

    /// `2025-07` or `2025-01..02`.
    public var period: String {
        firstDay.month == lastDay.month && firstDay.year == lastDay.year
            ? firstDay.monthLabel : firstDay.monthLabel + ".." + String(lastDay.monthLabel.suffix(2))
    }

    public var dayCount: Int { firstDay.days(to: lastDay) + 1 }
}
