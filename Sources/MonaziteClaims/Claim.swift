public import Foundation

/// One quantitative statement found in an article, what it is about, and how it compares with the
/// data.
///
/// Field names follow the JSON contract of `monazite claims --format json` (snake case on the
/// wire). Units are in the names or in ``unit``: `value` and `dataValue` are tonnes for masses,
/// percent for changes and shares, US dollars for values.
public struct Claim: Sendable, Hashable, Codable {
    /// The span of the article quoted: the clause that states the figure.
    public var text: String
    /// Line of the figure in the input (1-based, counted in the original file).
    public var line: Int
    public var measure: ClaimMeasure
    /// The figure as the article states it, in ``unit`` (a fall is negative).
    public var value: Double
    public var qualifier: ClaimQualifier
    /// `t`, `%`, `USD`, `USD/kg`, `count`, or the word the article used.
    public var unit: String
    /// The period the figure is for (`2025-06`, `2025-H1`, `2025-01..07`, `2024`, `2020..2023`); nil when
    /// the article does not say and no date anchors it.
    public var period: String?
    public var reporter: String?
    public var partner: String?
    public var flow: String?
    public var commodity: String?
    public var verdict: ClaimVerdict
    /// The figure the data holds for the claim, in ``unit``.
    public var dataValue: Double?
    /// `dataValue − value`, in ``unit``.
    public var difference: Double?
    public var sources: [ClaimSource]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case text, line, measure, value, qualifier, unit, period, reporter, partner, flow, commodity, verdict
        case dataValue = "data_value"
        case difference, sources, notes
    }

    public func encode(to encoder: any Encoder) throws {
        // Explicit nulls: the contract lists every field on every claim.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(line, forKey: .line)
        try c.encode(measure, forKey: .measure)
        try c.encode(value, forKey: .value)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(unit, forKey: .unit)
        try c.encode(period, forKey: .period)
        try c.encode(reporter, forKey: .reporter)
        try c.encode(partner, forKey: .partner)
        try c.encode(flow, forKey: .flow)
        try c.encode(commodity, forKey: .commodity)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(dataValue, forKey: .dataValue)
        try c.encode(difference, forKey: .difference)
        try c.encode(sources, forKey: .sources)
        try c.encode(notes, forKey: .notes)
    }
}

/// What kind of figure a claim states.
public enum ClaimMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    /// A quantity (or value) for a period.
    case level
    case momPct = "mom_pct"
    case yoyPct = "yoy_pct"
    /// A cumulative quantity from January to a month.
    case ytd
    case ytdYoYPct = "ytd_yoy_pct"
    /// A partner's share of a flow, or a country's share of a stage.
    case sharePct = "share_pct"
    /// USGS net import reliance.
    case nirPct = "nir_pct"
    /// Mine production.
    case production
    case price
    /// A number of things (elements, licences, companies).
    case count
    case other
}

/// How the article bounds its figure.
public enum ClaimQualifier: String, Sendable, Hashable, Codable, CaseIterable {
    case exact, about, nearly
    case moreThan = "more_than"
    case lessThan = "less_than"
    case upTo = "up_to"
}

/// The result of checking a claim against the data.
public enum ClaimVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The stored figure, rounded as the claim is rounded or within its qualifier, matches.
    case agrees
    /// The stored figure does not match; ``Claim/dataValue`` and ``Claim/difference`` say by how much.
    case disagrees
    /// In the domain, but the data has no figure to check it against; the notes say what would be needed.
    case unverifiable
    /// Not a rare-earth trade, production or dependence figure (tariff rates, chips, stakes…): never checked.
    case outOfScope = "out_of_scope"
}

/// A published figure a verdict rests on.
public struct ClaimSource: Sendable, Hashable, Codable {
    public var source: String
    public var url: String?
    /// `YYYY-MM-DD`, or the edition (`MCS 2026`) when the figure is from an edition.
    public var release: String?

    public init(source: String, url: String?, release: String?) {
        self.source = source
        self.url = url
        self.release = release
    }

    enum CodingKeys: String, CodingKey { case source, url, release }

    /// Every key always, an absent value as null (the API's schema requires the keys).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(release, forKey: .release)
    }
}

/// Everything found in one article: the claims in text order and the date that anchored them.
public struct ClaimsReport: Sendable, Hashable, Codable {
    public var claims: [Claim]
    /// The date relative periods were resolved against (`--published`, or found in the text).
    public var published: String?
    /// Where ``published`` came from: `option`, `text`, or nil when there was none.
    public var publishedFrom: String?
    /// The article as plain text, line by line (HTML and Markdown markup removed), for display; not
    /// part of the JSON form.
    public var lines: [String] = []

    enum CodingKeys: String, CodingKey {
        case claims, published
        case publishedFrom = "published_from"
    }

    /// Every key always, an absent date as null (the API's schema requires the keys).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(claims, forKey: .claims)
        try c.encode(published, forKey: .published)
        try c.encode(publishedFrom, forKey: .publishedFrom)
    }

    public init(claims: [Claim], published: String?, publishedFrom: String?, lines: [String]) {
        self.claims = claims
        self.published = published
        self.publishedFrom = publishedFrom
        self.lines = lines
    }

    /// The JSON form: `{"claims": [...], "published": ..., "published_from": ...}`, keys sorted.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
