public import MonaziteCore

/// Reads an article and checks every quantitative claim in it: the one entry point the CLI, the
/// API and the dashboard call, so that all three give the same claims for the same text.
public enum ClaimChecker {
    /// The largest article accepted, in UTF-8 bytes (interfaces refuse larger bodies before this).
    public static let maximumBytes = 512 * 1024

    /// Extracts and checks the claims of `text` (plain text, Markdown or HTML).
    ///
    /// `published` anchors relative dates ("last month", "in June"); without it the first date in
    /// the text does, and without either, claims that need one are `unverifiable`.
    public static func check(text: String, published: CalendarDay?, data: any ClaimDataSource) async throws -> ClaimsReport {
        let (article, anchor, extracted) = extract(text: text, published: published)
        var verifier = ClaimVerifier(data: data, published: anchor)
        var claims: [Claim] = []
        claims.reserveCapacity(extracted.count)
        for e in extracted { claims.append(try await verifier.verify(e)) }
        return ClaimsReport(
            claims: claims, published: anchor?.description, publishedFrom: published != nil ? "option" : (anchor != nil ? "text" : nil),
            lines: article.displayLines)
    }

    /// The claims as read, before any look-up (verdicts are `unverifiable` except `out_of_scope`).
    public static func extractClaims(text: String, published: CalendarDay?) -> [Claim] {
        extract(text: text, published: published).2.map(\.claim)
    }

    static func extract(text: String, published: CalendarDay?) -> (ArticleText, CalendarDay?, [ExtractedClaim]) {
        let article = ArticleText(text)
        let anchor = published ?? article.foundDate
        return (article, anchor, ClaimExtractor(article: article, anchor: anchor).extract())
    }
}
