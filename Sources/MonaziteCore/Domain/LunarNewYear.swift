/// The Lunar New Year (Spring Festival) holiday: China's factories, ports and customs offices slow
/// or close for about a week around it, so January and February exports swing with its date, and
/// China's customs publishes January–February as one figure. A seasonal effect to weigh before a
/// policy act is named as the cause of a January or February anomaly.
public enum LunarNewYear {
    /// The first day of the lunar year (Chinese calendar), 2015–2030.
    static let days: [Int: (month: Int, day: Int)] = [
        2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12),
        2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26),
        2029: (2, 13), 2030: (2, 3),
    ]

    public static func day(in year: Int) -> CalendarDay? {
        days[year].flatMap { CalendarDay(year: year, month: $0.month, day: $0.day) }
    }

    /// A sentence on the holiday's effect on `month`, nil outside January and February (or years
    /// not in the table).
    public static func note(for month: Month) -> String? {
        guard month.month <= 2, let day = day(in: month.year) else { return nil }
        var text = "Lunar New Year fell on \(day): the holiday lowers January–February exports (seasonal, not a policy effect)"
        if let before = Self.day(in: month.year - 1), before.month != day.month {
            text += "; a year earlier it fell on \(before), so the year-on-year change compares different holiday months"
        }
        return text
    }
}
