import MonaziteClaims
import MonaziteCore
import MonaziteService

/// `/claims`: paste an article, get every quantitative claim in it marked in the text with its
/// verdict against the store and its source. The same call as `monazite claims` and
/// `POST /api/v1/claims`, so the three give the same claims. Query (or form body): `text`,
/// optional `published` (YYYY-MM-DD). No JavaScript: a plain form.
struct ClaimsPage: DashboardPage {
    let title = "Check a news article"
    let text: String
    let published: CalendarDay?
    let report: ClaimsReport?
    let tables: [DataTable]

    static func load(service: QueryService, request: DashboardRequest) async throws -> ClaimsPage {
        let text = request.query["text"] ?? ""
        let published = try request.day("published")
        var table = DataTable(
            name: "claims", caption: "Claims found in the text",
            columns: [
                .init(label: "#", csvName: "n", numeric: true), .init(label: "Line", csvName: "line", numeric: true),
                .init(label: "Claim", csvName: "text", wide: true), .init(label: "Measure", csvName: "measure"),
                .init(label: "Value", csvName: "value", numeric: true), .init(label: "Period", csvName: "period"),
                .init(label: "Series", csvName: "series"), .init(label: "Verdict", csvName: "verdict"),
                .init(label: "Data", csvName: "data_value", numeric: true), .init(label: "Difference", csvName: "difference", numeric: true),
                .init(label: "Source", csvName: "source", csvURLName: "source_url", wide: true),
                .init(label: "Notes", csvName: "notes", wide: true),
            ], downloads: request.downloads(table: "claims", posting: ["text"]))
        guard !text.trimmingCharacters().isEmpty else { return ClaimsPage(text: "", published: published, report: nil, tables: [table]) }
        let report: ClaimsReport
        do {
            report = try await service.claims(text: text, published: published)
        } catch let e as ServiceError {
            throw DashboardFailure.badRequest(e.message)
        }
        for (i, c) in report.claims.enumerated() {
            let series = [c.reporter, c.flow, c.commodity, c.partner.map { "→ \($0)" }].compactMap { $0 }.joined(separator: " ")
            var verdict = DataTable.Cell.text(c.verdict.rawValue)
            verdict.cssClass = "verdict-\(c.verdict.rawValue)"
            var source = DataTable.Cell.text("")
            if let s = c.sources.first {
                let provenance = Provenance(source: s.source, url: s.url, release: s.release.flatMap(CalendarDay.init(parsing:)))
                source = SourceLinks.cell(provenance, request)
            }
            table.rows.append([
                .number(String(i + 1), csv: String(i + 1)), .number(String(c.line), csv: String(c.line)), .text(c.text),
                .text(c.measure.rawValue), .number(Format.raw(c.value), csv: Format.raw(c.value)), .text(c.period ?? ""), .text(series),
                verdict, c.dataValue.map { .number(Format.raw($0), csv: Format.raw($0)) } ?? .missing("no figure in the data"),
                c.difference.map { .number(Format.raw($0), csv: Format.raw($0)) } ?? .text(""), source,
                .text(c.notes.joined(separator: "; ")),
            ])
        }
        table.notes = [
            "agrees: the stored figure, rounded as the claim is or within its qualifier, matches; disagrees: it does not (by the difference shown); "
                + "unverifiable: no figure, act or quote to hold it to (the notes say what is missing); out_of_scope: outside rare-earth trade and dependence (never disagrees). Grammar: docs/claims.md."
        ]
        if report.claims.isEmpty { table.notes.insert("No quantitative claim in the domain was found in the text.", at: 0) }
        return ClaimsPage(text: text, published: published, report: report, tables: [table])
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, title)
        w.paragraph(
            "Paste an article: every figure it states about rare-earth trade, dependence, export controls or prices is checked "
                + "against the stored releases, the policy timeline and the cited price quotes, each with its verdict and source.", cssClass: "lead")
        // The line break after the tag is eaten by the HTML parser, so an article that starts with
        // a blank line keeps it (and its claims their line numbers) when checked again.
        w.raw("<form method=\"post\" aria-label=\"Check an article\"><label>Article<textarea name=\"text\" rows=\"12\" cols=\"80\" required>\n")
        w.text(text)
        w.raw("</textarea></label><label>Published<input type=\"date\" name=\"published\"")
        if let published { w.attribute("value", published.description) }
        w.raw("></label><button type=\"submit\">Check</button></form>")
        guard let report else { return }
        w.heading(2, "The article, with its claims marked")
        w.raw("<div class=\"article\">")
        let byLine = Dictionary(grouping: report.claims.enumerated(), by: { $0.element.line })
        // The lines as the checker read them (markup removed, CR LF as one end, one per input
        // line), so each claim's quote is found where it was read.
        for (index, line) in report.lines.enumerated() {
            var rest = Substring(line)
            w.raw("<p>")
            for (n, claim) in (byLine[index + 1] ?? []).sorted(by: { $0.offset < $1.offset }) {
                guard let range = rest.range(of: claim.text) else { continue }
                w.text(String(rest[..<range.lowerBound]))
                w.raw("<mark class=\"verdict-\(claim.verdict.rawValue)\" title=\"")
                w.text("\(claim.verdict.rawValue): \(claim.notes.first ?? "")")
                w.raw("\">")
                w.text(String(rest[range]))
                w.raw("<sup>\(n + 1)</sup></mark>")
                rest = rest[range.upperBound...]
            }
            w.text(String(rest))
            w.raw("</p>")
        }
        w.raw("</div>")
        if let p = report.published {
            w.paragraph("Relative dates resolved against \(p)" + (report.publishedFrom.map { " (\($0))" } ?? "") + ".", cssClass: "muted")
        }
        tables[0].render(into: &w)
    }
}
