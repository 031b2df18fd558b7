import Foundation
import MonaziteCore

/// The trade series a store holds: coverage, the latest month and its release, and whether the
/// series is behind its usual release rhythm on the day asked.
public struct SeriesListAnswer: Codable, Sendable, Hashable {
    public var today: String
    public var series: [Entry]

    public struct Entry: Codable, Sendable, Hashable {
        public var reporter: String
        public var partner: String
        public var flow: String
        public var commodity: String
        public var commodityName: String
        public var first: String
        public var last: String
        public var figures: Int
        @NullWhenAbsent public var latestMonth: String?
        @NullWhenAbsent public var latestRelease: String?
        @NullWhenAbsent public var usualLagDays: Int?
        public var overdueMonths: [String]
        public var behind: Bool
        public var freshness: String

        enum CodingKeys: String, CodingKey {
            case reporter, partner, flow, commodity, first, last, figures, behind, freshness
            case commodityName = "commodity_name"
            case latestMonth = "latest_month"
            case latestRelease = "latest_release"
            case usualLagDays = "usual_lag_days"
            case overdueMonths = "overdue_months"
        }

        init(key: SeriesKey, first: Month, last: Month, figures: Int, freshness f: SeriesFreshness) {
            reporter = key.reporter.alpha3
            partner = key.partner.alpha3
            flow = key.flow.rawValue
            commodity = key.commodity.description
            commodityName = Commodity.label(key.commodity)
            self.first = first.description
            self.last = last.description
            self.figures = figures
            latestMonth = f.latestMonth?.description
            latestRelease = f.latestRelease?.description
            usualLagDays = f.usualLagDays
            overdueMonths = f.overdue.map(\.description)
            behind = f.isBehind
            freshness = f.summary
        }
    }

    /// Series behind their usual rhythm, as warnings for notes.
    public var warnings: [String] {
        series.filter(\.behind).map { "\($0.reporter) \($0.flow) \($0.commodity) to \($0.partner): \($0.freshness)" }
    }

    public var report: Report {
        let rows: [[Cell]] = series.map { e in
            [
                .text(e.reporter), .text(e.partner), .text(e.flow), .text(e.commodity), .text(e.first), .text(e.last), .int(e.figures),
                .text(e.latestMonth), .text(e.latestRelease), .int(e.usualLagDays),
                Cell(display: e.behind ? "behind (\(e.overdueMonths.count) months due)" : "", raw: e.behind ? "true" : "false"),
                .text(e.overdueMonths.joined(separator: " ")), .text(e.freshness),
            ]
        }
        var notes = ["as of \(today): a series is behind when a month's usual release lag plus \(SeriesFreshness.graceDays) days has passed and the store holds no figure for it"]
        notes += warnings.map { "behind: " + $0 }
        return Report(
            title: "\(series.count) trade series",
            columns: [
                Column("reporter"), Column("partner"), Column("flow"), Column("commodity"), Column("first"), Column("last"), Column("figures"),
                Column("latest_month"), Column("latest_release"), Column("usual_lag_days"), Column("behind"),
                Column("overdue_months", csvOnly: true), Column("freshness", csvOnly: true),
            ],
            rows: rows, answer: self, notes: notes)
    }
}
