/// An edition of the USGS Mineral Commodity Summaries ("MCS 2025"), and where its rare-earths
/// chapter is published. Every USGS figure keeps its edition: later editions revise earlier years.
public struct USGSEdition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The edition's year: MCS 2026 is published early in 2026 and covers 2025 as estimated.
    public let year: Int

    /// Accepts `MCS 2026`, `mcs2026`, `2026`.
    public init?(parsing text: String) {
        let digits = text.filter(\.isASCIIDigit)
        guard digits.count == 4, let y = Int(digits), (1996...2100).contains(y) else { return nil }
        let rest = text.filter { !$0.isASCIIDigit }.lowercased().filter { !$0.isWhitespace }
        guard rest.isEmpty || rest == "mcs" else { return nil }
        self.year = y
    }

    public var description: String { "MCS \(year)" }
    public static func < (lhs: USGSEdition, rhs: USGSEdition) -> Bool { lhs.year < rhs.year }

    /// Publication dates of the editions bundled or commonly imported, from the USGS
    /// announcements; an edition not listed has no recorded release date.
    static let releases: [Int: CalendarDay] = [
        2025: CalendarDay(year: 2025, month: 1, day: 31)!,
        // First posted 2026-02-06 (USGS version history); later versions corrected a few cells.
        2026: CalendarDay(year: 2026, month: 2, day: 6)!,
    ]

    /// The rare-earths chapter of this edition as a source: name, official URL and release date.
    public func rareEarthsProvenance() -> Provenance {
        Provenance(
            source: "USGS Mineral Commodity Summaries \(year): Rare earths",
            url: "https://pubs.usgs.gov/periodicals/mcs\(year)/mcs\(year)-rare-earths.pdf", release: Self.releases[year])
    }
}
