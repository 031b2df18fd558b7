public import Foundation
public import MonaziteCore

extension CalendarDay {
    /// Today's date in UTC: the default "on" of policy and alert questions. Read from the clock
    /// here, at the edge, so the core stays free of it.
    public static func todayUTC(now: Date = Date()) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDay(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDay(dayNumber: 0)
    }
}
