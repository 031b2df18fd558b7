import Foundation
public import MonaziteCore

/// One period of a trade series: the JSON contract of PRODUCT.md section 4. A number that is not
/// available is `null`, with the reason in `notes`.
public struct TradeRow: Codable, Sendable, Hashable {
    public var period: String
    @NullWhenAbsent public var quantityT: Double?
    @NullWhenAbsent public var valueUSD: Double?
    @NullWhenAbsent public var unitValueUSDPerKg: Double?
    @NullWhenAbsent public var momPct: Double?
    @NullWhenAbsent public var yoyPct: Double?
    @NullWhenAbsent public var ytdT: Double?
    @NullWhenAbsent public var ytdYoYPct: Double?
    @NullWhenAbsent public var rolling3mT: Double?
    @NullWhenAbsent public var rolling12mT: Double?
    @NullWhenAbsent public var reportedMoMPct: Double?
    @NullWhenAbsent public var reportedYoYPct: Double?
    @NullWhenAbsent public var status: String?
    /// The sources of the quantity joined by "; ", for a one-line reading.
    @NullWhenAbsent public var source: String?
    public var sources: [SourceRef]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case period, status, source, sources, notes
        case quantityT = "quantity_t"
        case valueUSD = "value_usd"
        case unitValueUSDPerKg = "unit_value_usd_per_kg"
        case momPct = "mom_pct"
        case yoyPct = "yoy_pct"
        case ytdT = "ytd_t"
        case ytdYoYPct = "ytd_yoy_pct"
        case rolling3mT = "rolling_3m_t"
        case rolling12mT = "rolling_12m_t"
        case reportedMoMPct = "reported_mom_pct"
        case reportedYoYPct = "reported_yoy_pct"
    }

    public init(_ row: TradeSeriesRow) {
        period = row.period.description
        quantityT = JSONOutput.rounded(row.quantityTonnes.value)
        valueUSD = JSONOutput.rounded(row.valueUSD)
        unitValueUSDPerKg = JSONOutput.rounded(row.unitValueUSDPerKg.value)
        momPct = JSONOutput.rounded(row.momPct.value, places: 1000)
        yoyPct = JSONOutput.rounded(row.yoyPct.value, places: 1000)
        ytdT = JSONOutput.rounded(row.ytdTonnes.value)
        ytdYoYPct = JSONOutput.rounded(row.ytdYoYPct.value, places: 1000)
        rolling3mT = JSONOutput.rounded(row.rolling3Tonnes.value)
        rolling12mT = JSONOutput.rounded(row.rolling12Tonnes.value)
        reportedMoMPct = row.reportedMoMPct
        reportedYoYPct = row.reportedYoYPct
        status = row.status?.rawValue
        source = row.sources.isEmpty ? nil : row.sources.map(\.source).joined(separator: "; ")
        sources = row.sources.map(SourceRef.init)
        notes = row.notes
    }

    /// The columns of a trade row in tables and CSV; the CSV adds URL, release and notes.
    static let columns: [Column] = [
        Column("period"), Column("quantity_t", "tonnes"), Column("mom_pct", "MoM"), Column("reported_mom_pct", "(published)"),
        Column("yoy_pct", "YoY"), Column("reported_yoy_pct", "(published)"), Column("ytd_t", "YTD t"), Column("ytd_yoy_pct", "YTD YoY"),
        Column("status"), Column("source"), Column("url", csvOnly: true), Column("release", csvOnly: true), Column("notes", csvOnly: true),
    ]

    var cells: [Cell] {
        let first = sources.first
        return [
            .text(period), .tonnes(quantityT), .pct(momPct), .published(reportedMoMPct), .pct(yoyPct), .published(reportedYoYPct),
            .tonnes(ytdT, decimals: 0), .pct(ytdYoYPct), Cell(display: status ?? "missing", raw: status ?? ""), .text(first?.source),
            .text(first?.url), .text(first?.release), .text(notes.joined(separator: "; ")),
        ]
    }
}

/// A trade series with its analytics. Its JSON form is the array of rows (the contract).
public struct TradeSeriesAnswer: Codable, Sendable, Hashable {
    public var title: String
    public var rows: [TradeRow]
    /// Notes on the whole series: derived pieces, circular bases, freshness, sources.
    public var notes: [String]

    public init(title: String, rows: [TradeRow], notes: [String]) {
        self.title = title
        self.rows = rows
        self.notes = notes
    }

    public init(from decoder: any Decoder) throws {
        rows = try decoder.singleValueContainer().decode([TradeRow].self)
        title = ""
        notes = []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rows)
    }

    public var report: Report {
        Report(title: title, columns: TradeRow.columns, rows: rows.map(\.cells), answer: self, notes: notes)
    }
}

/// Partner shares and concentration for one period.
public struct PartnersAnswer: Codable, Sendable, Hashable {
    public var period: String
    public var reporter: String
    public var commodity: String
    public var flow: String
    @NullWhenAbsent public var totalT: Double?
    public var totalIsReportedWorld: Bool
    @NullWhenAbsent public var world: World?
    public var partners: [Partner]
    @NullWhenAbsent public var hhi: Double?
    @NullWhenAbsent public var hhiUpperBound: Double?
    /// The DOJ 2023 band; nil when the lower and upper bounds fall in different bands.
    @NullWhenAbsent public var hhiBand: String?
    public var hhiBandLower: String
    public var hhiBandUpper: String
    @NullWhenAbsent public var cr1: Double?
    @NullWhenAbsent public var cr1UpperBound: Double?
    @NullWhenAbsent public var cr3: Double?
    @NullWhenAbsent public var nMinus1Residual: Double?
    @NullWhenAbsent public var nMinus1ResidualLowerBound: Double?
    @NullWhenAbsent public var coverage: Double?
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case period, reporter, commodity, flow, world, partners, hhi, cr1, cr3, coverage, notes
        case totalT = "total_t"
        case totalIsReportedWorld = "total_is_reported_world"
        case hhiUpperBound = "hhi_upper_bound"
        case hhiBand = "hhi_band"
        case hhiBandLower = "hhi_band_lower"
        case hhiBandUpper = "hhi_band_upper"
        case cr1UpperBound = "cr1_upper_bound"
        case nMinus1Residual = "n_minus_1_residual"
        case nMinus1ResidualLowerBound = "n_minus_1_residual_lower_bound"
    }

    public struct World: Codable, Sendable, Hashable {
        @NullWhenAbsent public var quantityT: Double?
        public var status: String
        public var source: SourceRef

        enum CodingKeys: String, CodingKey {
            case status, source
            case quantityT = "quantity_t"
        }
    }

    public struct Partner: Codable, Sendable, Hashable {
        public var rank: Int
        public var partner: String
        public var name: String
        public var quantityT: Double
        public var share: Double
        public var status: String
        public var source: SourceRef

        enum CodingKeys: String, CodingKey {
            case rank, partner, name, share, status, source
            case quantityT = "quantity_t"
        }
    }

    public var title: String { "\(reporter) \(flow)s of HS \(commodity) by partner, \(period)" }

    public var report: Report {
        var rows: [[Cell]] = partners.map { p in
            [
                .int(p.rank), .text(p.partner), .text(p.name), .tonnes(p.quantityT), .share(p.share), .text(p.status), .text(p.source.source),
                .text(p.source.url), .text(p.source.release),
            ]
        }
        if let w = world {
            rows.append([
                .text(""), .text("WLD"), .text("World"), .tonnes(w.quantityT), Cell(display: "100.0%", raw: "1"), .text(w.status),
                .text(w.source.source), .text(w.source.url), .text(w.source.release),
            ])
        }
        return Report(
            title: title,
            columns: [
                Column("rank"), Column("partner", "code"), Column("name", "partner"), Column("quantity_t", "tonnes"), Column("share"),
                Column("status"), Column("source"), Column("url", csvOnly: true), Column("release", csvOnly: true),
            ],
            rows: rows, answer: self, notes: notes)
    }
}

/// The headline figures of a month, as a trade newsletter leads with them.
public struct SummaryAnswer: Codable, Sendable, Hashable {
    public var period: String
    public var headline: String
    public var reporter: String
    public var commodity: String
    public var flow: String
    public var items: [Item]
    @NullWhenAbsent public var ytdT: Double?
    @NullWhenAbsent public var ytdYoYPct: Double?
    public var ytdLabel: String
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case period, headline, reporter, commodity, flow, items, notes
        case ytdT = "ytd_t"
        case ytdYoYPct = "ytd_yoy_pct"
        case ytdLabel = "ytd_label"
    }

    /// A trade row with its label, partner and share of the world total.
    public struct Item: Codable, Sendable, Hashable {
        public var label: String
        public var partner: String
        @NullWhenAbsent public var shareOfWorld: Double?
        public var row: TradeRow

        enum CodingKeys: String, CodingKey {
            case label, partner
            case shareOfWorld = "share_of_world"
        }

        public init(label: String, partner: String, shareOfWorld: Double?, row: TradeRow) {
            self.label = label
            self.partner = partner
            self.shareOfWorld = shareOfWorld
            self.row = row
        }

        // Flat in JSON: the row's keys beside label, partner and share.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            label = try c.decode(String.self, forKey: .label)
            partner = try c.decode(String.self, forKey: .partner)
            shareOfWorld = try c.decode(NullWhenAbsent<Double>.self, forKey: .shareOfWorld).wrappedValue
            row = try TradeRow(from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try row.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label)
            try c.encode(partner, forKey: .partner)
            try c.encode(NullWhenAbsent(wrappedValue: shareOfWorld), forKey: .shareOfWorld)
        }
    }

    public var report: Report {
        var rows: [[Cell]] = []
        for (i, item) in items.enumerated() {
            let r = item.row
            let first = r.sources.first
            rows.append([
                Cell(display: i == 0 ? item.label : "  " + item.label, raw: item.label), .text(item.partner), .tonnes(r.quantityT), .share(item.shareOfWorld), .pct(r.momPct),
                .published(r.reportedMoMPct), .pct(r.yoyPct), .published(r.reportedYoYPct), .text(r.status), .text(first?.source),
                .text(first?.url), .text(first?.release),
            ])
            if i == 0 {
                rows.append([
                    .text("Year to date (\(ytdLabel))"), .text(""), .tonnes(ytdT, decimals: 0), .share(nil), .pct(nil).blankWhenAbsent,
                    .published(nil), .pct(ytdYoYPct), .published(nil), .text(""), .text(""), .text(""), .text(""),
                ])
            }
        }
        return Report(
            title: headline,
            columns: [
                Column("label", "figure"), Column("partner", csvOnly: true), Column("quantity_t", "tonnes"), Column("share_of_world", "share"),
                Column("mom_pct", "MoM"), Column("reported_mom_pct", "(published)"), Column("yoy_pct", "YoY"),
                Column("reported_yoy_pct", "(published)"), Column("status"), Column("source"), Column("url", csvOnly: true),
                Column("release", csvOnly: true),
            ],
            rows: rows, answer: self, notes: notes)
    }
}

extension Cell {
    /// Nothing shown when the value is absent (a row that has no such figure by nature).
    var blankWhenAbsent: Cell { raw.isEmpty ? Cell(display: "", raw: "") : self }
}

/// What the store holds, by source.
public struct SourcesAnswer: Codable, Sendable, Hashable {
    public var sources: [Entry]
    public var observations: Int
    public var salientStatistics: Int
    public var indicators: Int
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case sources, observations, indicators, notes
        case salientStatistics = "salient_statistics"
    }

    public struct Entry: Codable, Sendable, Hashable {
        public var source: String
        @NullWhenAbsent public var url: String?
        public var observations: Int
        public var salientStatistics: Int
        public var indicators: Int
        public var derivedOrEstimate: Int
        @NullWhenAbsent public var firstPeriod: String?
        @NullWhenAbsent public var lastPeriod: String?
        public var releases: [String]

        enum CodingKeys: String, CodingKey {
            case source, url, observations, indicators, releases
            case salientStatistics = "salient_statistics"
            case derivedOrEstimate = "derived_or_estimate"
            case firstPeriod = "first_period"
            case lastPeriod = "last_period"
        }

        public var figures: Int { observations + salientStatistics + indicators }
    }

    public var report: Report {
        let rows: [[Cell]] = sources.map { s in
            [
                .text(s.source), .int(s.figures), .int(s.derivedOrEstimate),
                .text(s.firstPeriod.map { "\($0)..\(s.lastPeriod ?? "")" } ?? ""), .text(s.releases.joined(separator: " ")), .text(s.url),
            ]
        }
        return Report(
            title: "\(observations) trade figures, \(salientStatistics) salient statistics, \(indicators) indicators from \(sources.count) sources",
            columns: [
                Column("source"), Column("figures"), Column("derived_or_estimate", "derived/est."), Column("periods"), Column("releases"),
                Column("url"),
            ],
            rows: rows, answer: self, notes: notes)
    }
}

/// The outcome of one import.
public struct ImportAnswer: Codable, Sendable, Hashable {
    public var file: String
    public var format: String
    public var rows: Int
    public var inserted: Int
    public var revisions: Int
    public var unchanged: Int
    public var skipped: Int
    /// The token that wrote it, for imports through the API.
    @NullWhenAbsent public var token: String?
    public var notes: [String]

    public var report: Report {
        Report(
            title: nil, columns: [Column("file"), Column("format"), Column("rows"), Column("inserted", "new"), Column("revisions"),
                Column("unchanged"), Column("skipped")],
            rows: [[.text(file), .text(format), .int(rows), .int(inserted), .int(revisions), .int(unchanged), .int(skipped)]],
            answer: self, notes: notes)
    }
}

/// Every partner's series of one reporter, flow and commodity: `monazite trade --partner all`.
public struct PartnerSeriesAnswer: Codable, Sendable, Hashable {
    public var series: [Entry]
    public var notes: [String]

    public struct Entry: Codable, Sendable, Hashable {
        public var partner: String
        public var rows: [TradeRow]
    }

    /// One CSV (or table) row per partner and period, with the partner as the first column.
    public var report: Report {
        let columns = [Column("partner")] + TradeRow.columns
        let rows = series.flatMap { e in e.rows.map { [Cell.text(e.partner)] + $0.cells } }
        return Report(title: "\(series.count) partner series", columns: columns, rows: rows, answer: self, notes: notes)
    }
}
