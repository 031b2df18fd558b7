public import MonaziteCore

/// Parses the parameters every interface takes, with the same messages everywhere. `name` is how
/// the caller spells the parameter (`--reporter` on the command line, `reporter` in a URL).
public enum QueryParsing {
    public static func country(_ text: String, name: String) throws(ServiceError) -> CountryCode {
        guard let c = CountryCatalog.resolve(text) else {
            throw .invalid(name, "unknown country \"\(text)\" (use an ISO 3166-1 alpha-3 code such as CHN, USA, or WLD for the world)")
        }
        return c
    }

    public static func flow(_ text: String, name: String) throws(ServiceError) -> TradeFlow {
        guard let f = TradeFlow(parsing: text) else { throw .invalid(name, "\"\(text)\" is not export, import, re-export or re-import") }
        return f
    }

    public static func hsCode(_ text: String, name: String) throws(ServiceError) -> HSCode {
        guard let c = HSCode(text) else { throw .invalid(name, "\"\(text)\" is not an HS code (e.g. 8505.11, 2846) or customs aggregate (cn-rare-earths)") }
        return c
    }

    public static func day(_ text: String, name: String) throws(ServiceError) -> CalendarDay {
        guard let d = CalendarDay(parsing: text) else { throw .invalid(name, "\"\(text)\" is not a date (YYYY-MM-DD)") }
        return d
    }

    /// A period; a day (`2025-06-15`) is read as its month, the one reading it can have, so that
    /// every command takes periods and dates the same way.
    public static func period(_ text: String, name: String) throws(ServiceError) -> Period {
        if let p = Period(parsing: text) { return p }
        if let day = CalendarDay(parsing: text) { return Period(month: day.monthValue) }
        throw .invalid(name, "\"\(text)\" is not a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, YYYY-MM..YYYY-MM, or a day YYYY-MM-DD for its month)")
    }

    public static func frequency(_ text: String, name: String) throws(ServiceError) -> Period.Kind {
        guard let k = Period.Kind(rawValue: text), ["month", "quarter", "half", "year"].contains(text) else {
            throw .invalid(name, "\"\(text)\" is not month, quarter, half or year")
        }
        return k
    }
}
