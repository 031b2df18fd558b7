import ArgumentParser
import MonaziteCore

/// Which trade series a command reads; defaults to China's magnet exports to the world.
struct SeriesOptions: ParsableArguments {
    @Option(help: "Reporting country, ISO 3166-1 alpha-3.") var reporter = "CHN"
    @Option(help: "Partner country (alpha-3), or WLD for the world total.") var partner = "WLD"
    @Option(help: "export, import, re-export or re-import.") var flow = "export"
    @Option(help: "HS code (8505.11, 850511) or a national code (8505111000).") var commodity = "8505.11"
    @Option(name: .customLong("as-of"), help: "Use the releases published on or before this date (YYYY-MM-DD).") var asOf: String?

    func key() throws -> SeriesKey {
        SeriesKey(reporter: try country(reporter, "reporter"), partner: try country(partner, "partner"), flow: try tradeFlow(), commodity: try hsCode())
    }

    func country(_ text: String, _ name: String) throws -> CountryCode {
        guard let c = CountryCatalog.resolve(text) else {
            throw ValidationError("--\(name): unknown country \"\(text)\" (use an ISO 3166-1 alpha-3 code such as CHN, USA, or WLD for the world)")
        }
        return c
    }

    func tradeFlow() throws -> TradeFlow {
        guard let f = TradeFlow(parsing: flow) else { throw ValidationError("--flow: \"\(flow)\" is not export, import, re-export or re-import") }
        return f
    }

    func hsCode() throws -> HSCode {
        guard let c = HSCode(commodity) else { throw ValidationError("--commodity: \"\(commodity)\" is not an HS code (e.g. 8505.11)") }
        return c
    }

    func asOfDay() throws -> CalendarDay? {
        guard let asOf else { return nil }
        guard let d = CalendarDay(parsing: asOf) else { throw ValidationError("--as-of: \"\(asOf)\" is not a date (YYYY-MM-DD)") }
        return d
    }
}

func parsePeriod(_ text: String, option: String) throws -> Period {
    guard let p = Period(parsing: text) else {
        throw ValidationError("\(option): \"\(text)\" is not a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM..YYYY-MM)")
    }
    return p
}

extension Provenance {
    var json: [String: Any] {
        ["source": source, "url": url ?? NSNullValue.null, "release": release?.description ?? NSNullValue.null]
    }
    var citation: String {
        var s = source
        if let release { s += ", \(release)" }
        if let url { s += " <\(url)>" }
        return s
    }
}

/// `NSNull` without importing Foundation in every file.
enum NSNullValue { static var null: Any { Format.json(nil) } }
