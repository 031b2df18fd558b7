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

    public static func period(_ text: String, name: String) throws(ServiceError) -> Period {
        guard let p = Period(parsing: text) else {
            throw .invalid(name, "\"\(text)\" is not a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM..YYYY-MM)")
        }
        return p
    }

    public static func frequency(_ text: String, name: String) throws(ServiceError) -> Period.Kind {
        guard let k = Period.Kind(rawValue: text), ["month", "quarter", "half", "year"].contains(text) else {
            throw .invalid(name, "\"\(text)\" is not month, quarter, half or year")
        }
        return k
    }
}
