/// How current a monthly series is on a given day: the latest month held, when it was released,
/// the series' usual release lag, and the months whose release is overdue.
///
/// The rhythm is the series' own: the median, over its published monthly figures that carry a
/// release date, of the days from the end of the month to the release (China's customs detail
/// lands about 20 days after the month). A month is overdue when that lag plus a grace of
/// ``graceDays`` has passed since its end and the store holds no figure for it.
public struct SeriesFreshness: Sendable, Hashable {
    /// The latest month with a figure of its own (not only inside a cumulative span).
    public let latestMonth: Month?
    /// The release date of that month's latest figure.
    public let latestRelease: CalendarDay?
    /// The latest period of any kind held (a quarter or year-to-date span may end later than
    /// the latest single month).
    public let latestPeriod: Period?
    /// Median days from a month's end to its release; nil with fewer than three dated months.
    public let usualLagDays: Int?
    /// Months after ``latestMonth`` whose release was due by the day asked and is not held.
    public let overdue: [Month]
    /// When the first overdue month was due.
    public let dueSince: CalendarDay?

    public static let graceDays = 15

    public var isBehind: Bool { !overdue.isEmpty }

    public init(observations: [Observation], on day: CalendarDay) {
        self.init(inputs: observations.map(FreshnessInput.init), on: day)
    }

    /// From the few fields of each stored figure that freshness reads (a store can give them
    /// for every series in one query, without reading whole observations).
    public init(inputs: [FreshnessInput], on day: CalendarDay) {
        let monthly = inputs.filter { $0.period.isMonth && $0.hasFigure }
        let latest = monthly.max { ($0.period.last, $0.release?.dayNumber ?? 0) < ($1.period.last, $1.release?.dayNumber ?? 0) }
        latestMonth = latest?.period.last
        latestRelease = latest?.release
        latestPeriod = inputs.max { ($0.period.last, $0.period.monthCount) < ($1.period.last, $1.period.monthCount) }?.period
        let lags = monthly.filter(\.isReported).compactMap { o -> Int? in
            guard let release = o.release else { return nil }
            return Self.end(of: o.period.last).days(until: release)
        }.filter { $0 >= 0 }.sorted()
        usualLagDays = lags.count >= 3 ? lags[lags.count / 2] : nil
        var overdue: [Month] = []
        var dueSince: CalendarDay?
        if let last = latestMonth, let lag = usualLagDays {
            var m = last.adding(months: 1)
            while true {
                let due = Self.end(of: m).adding(days: lag + Self.graceDays)
                guard due < day else { break }
                if dueSince == nil { dueSince = due }
                overdue.append(m)
                m = m.adding(months: 1)
            }
        }
        self.overdue = overdue
        self.dueSince = dueSince
    }

    static func end(of month: Month) -> CalendarDay {
        CalendarDay(year: month.year, month: month.month, day: CalendarDay.daysIn(month: month.month, year: month.year))
            ?? CalendarDay(dayNumber: 0)
    }

    /// "latest month 2026-03 (released 2026-04-20); behind: 2026-04..2026-10 were due from 2026-06-04 (usual lag 20 days)".
    public var summary: String {
        guard let latestMonth else { return "no monthly figure held" }
        var text = "latest month \(latestMonth)" + (latestRelease.map { " (released \($0))" } ?? "")
        if let p = latestPeriod, p.last > latestMonth { text += "; a span reaches \(p)" }
        if let first = overdue.first, let last = overdue.last, let due = dueSince, let lag = usualLagDays {
            let months = first == last ? "\(first) was" : "\(first)..\(last) (\(overdue.count) months) were"
            text += "; behind its usual rhythm: \(months) due from \(due) (usual lag \(lag) days after the month, plus \(Self.graceDays) days' grace) and are not in the store"
        }
        return text
    }
}

/// The fields of one stored figure that ``SeriesFreshness`` reads.
public struct FreshnessInput: Sendable, Hashable {
    public let period: Period
    public let release: CalendarDay?
    /// Status `reported` (a published figure, not one derived or estimated by us).
    public let isReported: Bool
    /// A quantity or a value is held (not a row with both empty).
    public let hasFigure: Bool

    public init(period: Period, release: CalendarDay?, isReported: Bool, hasFigure: Bool) {
        self.period = period
        self.release = release
        self.isReported = isReported
        self.hasFigure = hasFigure
    }

    public init(_ o: Observation) {
        self.init(
            period: o.period, release: o.provenance.release, isReported: o.status == .reported,
            hasFigure: o.quantityTonnes != nil || o.valueUSD != nil)
    }
}
