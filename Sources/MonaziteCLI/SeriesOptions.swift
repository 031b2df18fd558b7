import ArgumentParser
import MonaziteCore
import MonaziteService

/// Which trade series a command reads; defaults to China's magnet exports to the world.
struct SeriesOptions: ParsableArguments {
    @Option(help: "Reporting country, ISO 3166-1 alpha-3.") var reporter = "CHN"
    @Option(help: "Partner country (alpha-3), WLD for the world total, or all (trade: every partner, one CSV).") var partner = "WLD"
    @Option(help: "export, import, re-export or re-import.") var flow = "export"
    @Option(help: "HS code (8505.11, 850511) or a national code (8505111000).") var commodity = "8505.11"
    @Option(name: .customLong("as-of"), help: "Use the releases published on or before this date (YYYY-MM-DD).") var asOf: String?

    func key() throws -> SeriesKey {
        SeriesKey(
            reporter: try QueryParsing.country(reporter, name: "--reporter"), partner: try QueryParsing.country(partner, name: "--partner"),
            flow: try QueryParsing.flow(flow, name: "--flow"), commodity: try QueryParsing.hsCode(commodity, name: "--commodity"))
    }

    func asOfDay() throws -> CalendarDay? {
        try asOf.map { text throws(ServiceError) in try QueryParsing.day(text, name: "--as-of") }
    }
}

func parsePeriod(_ text: String, option: String) throws -> Period {
    try QueryParsing.period(text, name: option)
}

