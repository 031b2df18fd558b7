import MonaziteCore

/// `/policy`: the policy timeline, filtered by `kind`, `element` and `destination`, and the
/// applicability form: what applies on `date` to `element` or `commodity` for `destination`.
///
/// The two forms share the `element` and `destination` names, so an applicability question also
/// narrows the timeline to the same element and destination.
struct PolicyPage: DashboardPage {
    let title = "Policy, controls and licences"
    let timelineLoaded: Bool
    let applicabilityLoaded: Bool
    let kinds: [String]
    let kind: String?
    let element: RareEarthElement?
    let destination: CountryCode?
    let commodity: HSCode?
    let commodityText: String?
    let date: CalendarDay?
    let answered: Bool
    let tables: [DataTable]

    typealias Applicability = @Sendable (CalendarDay, String?, String?, String?) async throws -> [ApplicabilityRow]

    static func load(
        request: DashboardRequest, timeline: [TimelineEntry], statusDay: CalendarDay, applicability: Applicability?
    ) async throws -> PolicyPage {
        let kinds = Array(Set(timeline.map(\.kind))).sorted()
        let kind = request.string("kind")
        if let kind, !timeline.isEmpty, !kinds.contains(kind) {
            throw DashboardFailure.badRequest("kind: \"\(kind)\" is not one of \(kinds.joined(separator: ", "))")
        }
        let element = try request.element("element")
        let destination = try request.country("destination")
        let commodityText = request.string("commodity")
        let commodity = try commodityText.map { text throws(DashboardFailure) in try DashboardRequest.commodity(text, "commodity") }
        let date = try request.day("date")

        let entries = timeline.filter { e in
            if let kind, e.kind != kind { return false }
            if let element, !e.elements.contains(where: { $0.lowercased() == element.symbol.lowercased() }) { return false }
            if let destination, !Self.matches(e.destinations, destination) { return false }
            return true
        }
        var table = DataTable(
            name: "timeline", caption: Self.caption(timeline.count, entries.count, kind, element, destination),
            columns: [
                .init(label: "Event", csvName: "title", csvURLName: "url", wide: true), .init(label: "ID", csvName: "id"),
                .init(label: "Kind", csvName: "kind"), .init(label: "Status on \(statusDay)", csvName: "status"),
                .init(label: "Announced", csvName: "announced"), .init(label: "Effective", csvName: "effective"),
                .init(label: "Instrument", csvName: "instrument"), .init(label: "Elements", csvName: "elements"),
                .init(label: "Destinations", csvName: "destinations"), .init(label: "Verified", csvName: "verified"),
            ], downloads: request.downloads(table: "timeline"))
        for e in entries {
            var titleCell: DataTable.Cell
            if let url = SourceLinks.safeURL(e.url) {
                titleCell = .link(e.title, href: url, title: "Source of this event")
                titleCell.csvURL = url
            } else {
                titleCell = .text(e.title)
            }
            titleCell.id = "event-\(MonthlyChart.cssToken(e.id))"
            titleCell.data = [("event", e.id)]
            if !e.verified { titleCell.badge = "unverified" }
            var verified = DataTable.Cell.text(e.verified ? "yes" : "no")
            if !e.verified { verified.cssClass = "unverified" }
            table.rows.append([
                // The status beside the kind: what a reader looks for first, in view without scrolling.
                titleCell, .text(e.id), .text(e.kind), .text(e.status), Self.dayCell(e.announced, "no announcement date recorded"),
                Self.dayCell(e.effective, "no effective date recorded"), e.instrument.map { .text($0) } ?? .missing("no instrument recorded"),
                .text(e.elements.joined(separator: " ")), .text(e.destinations), verified,
            ])
        }
        if timeline.isEmpty {
            table.notes.append("Policy data not loaded.")
        } else {
            table.notes.append("Statuses are for \(statusDay) (today, UTC, unless the address gives ?today=YYYY-MM-DD).")
        }
        if timeline.contains(where: { !$0.verified }) {
            table.notes.append("Events marked unverified come from source data flagged for checking; verify before relying on them.")
        }

        var results = DataTable(
            name: "applicability", caption: "What applies" + (date.map { " on \($0)" } ?? ""),
            columns: [
                .init(label: "Event", csvName: "title", csvURLName: "url", wide: true), .init(label: "ID", csvName: "event_id"),
                .init(label: "Status", csvName: "status"), .init(label: "Why", csvName: "reason", wide: true), .init(label: "Dates", csvName: "dates"),
            ], downloads: request.downloads(table: "applicability"))
        var answered = false
        if let date {
            if let applicability {
                let rows = try await applicability(date, element?.symbol, commodityText, destination?.alpha3)
                answered = true
                for r in rows {
                    var t: DataTable.Cell
                    if let url = SourceLinks.safeURL(r.url) {
                        t = .link(r.title, href: url, title: "Source of this event")
                        t.csvURL = url
                    } else {
                        t = .text(r.title)
                    }
                    var status = DataTable.Cell.text(r.status)
                    status.cssClass = "status-" + MonthlyChart.cssToken(r.status)
                    status.data = [("status", r.status)]
                    results.rows.append([t, .text(r.eventID), status, .text(r.reason), .text(r.dates)])
                }
                if rows.isEmpty { results.notes.append("No recorded measure applies to this question on \(date).") }
            } else {
                results.notes.append("Policy data not loaded: the applicability query is not available.")
            }
        }
        return PolicyPage(
            timelineLoaded: !timeline.isEmpty, applicabilityLoaded: applicability != nil, kinds: kinds, kind: kind, element: element,
            destination: destination, commodity: commodity, commodityText: commodityText, date: date, answered: answered,
            tables: [table, results])
    }

    /// True when a destinations text names the country (code or name) or applies to all.
    static func matches(_ text: String, _ country: CountryCode) -> Bool {
        let t = text.lowercased()
        if t.hasPrefix("all") || t.hasPrefix("any") || t == "*" || t.contains("worldwide") { return true }
        if t.contains(country.name.lowercased()) { return true }
        var word = ""
        for ch in t.uppercased() + " " {
            if ch.isLetter {
                word.append(ch)
            } else {
                if word == country.alpha3 { return true }
                word = ""
            }
        }
        return false
    }

    static func dayCell(_ d: CalendarDay?, _ reason: String) -> DataTable.Cell {
        guard let d else { return .missing(reason) }
        return .text(d.description)
    }

    static func caption(_ all: Int, _ shown: Int, _ kind: String?, _ element: RareEarthElement?, _ destination: CountryCode?) -> String {
        var filters: [String] = []
        if let kind { filters.append("kind \(kind)") }
        if let element { filters.append("element \(element.symbol)") }
        if let destination { filters.append("destination \(destination.alpha3)") }
        return "Policy timeline: \(shown) of \(all) events" + (filters.isEmpty ? "" : " (\(filters.joined(separator: ", ")))")
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, title)
        if !timelineLoaded && !applicabilityLoaded {
            w.raw("<p class=\"error\" id=\"policy-not-loaded\">Policy data not loaded: this server was started without the policy timeline.</p>")
        }
        w.heading(2, "Timeline")
        w.raw("<form method=\"get\" aria-label=\"Filter the timeline\"><label>Kind<select name=\"kind\"><option value=\"\">any</option>")
        for k in kinds {
            w.raw("<option")
            w.attribute("value", k)
            if k == kind { w.raw(" selected") }
            w.raw(">")
            w.text(k)
            w.raw("</option>")
        }
        w.raw("</select></label>")
        elementSelect(&w)
        destinationInput(&w)
        w.hiddenInputs(request.kept("date", "commodity", "today"))  // the other form's choices stay
        w.raw("<button type=\"submit\">Filter</button></form>")
        tables[0].render(into: &w)

        w.heading(2, "What applies on a date", id: "applies")
        if !applicabilityLoaded {
            w.raw("<p class=\"muted\" id=\"applicability-not-loaded\">Policy data not loaded: the applicability query is not available.</p>")
        }
        // The answer is below the timeline: the page opens at it (a GET form keeps the fragment).
        w.raw("<form method=\"get\" action=\"#applies\" aria-label=\"What applies on a date\"><label>Date<input type=\"date\" name=\"date\" required")
        if let date { w.attribute("value", date.description) }
        w.raw("></label>")
        elementSelect(&w)
        w.raw("<label>Commodity<select name=\"commodity\"><option value=\"\">any</option>")
        for c in Commodity.catalog {
            w.raw("<option")
            w.attribute("value", c.code.description)
            if c.code == commodity { w.raw(" selected") }
            w.raw(">")
            w.text("\(c.code) \(c.name)")
            w.raw("</option>")
        }
        w.raw("</select></label>")
        destinationInput(&w)
        w.hiddenInputs(request.kept("kind", "today"))  // the timeline's kind filter stays
        w.raw("<button type=\"submit\">Check</button></form>")
        if date != nil { tables[1].render(into: &w) }
    }

    private func elementSelect(_ w: inout HTMLWriter) {
        w.raw("<label>Element<select name=\"element\"><option value=\"\">any</option>")
        for e in RareEarthElement.allCases.sorted() {
            w.raw("<option")
            w.attribute("value", e.symbol)
            if e == element { w.raw(" selected") }
            w.raw(">")
            w.text("\(e.symbol) \(e.name)")
            w.raw("</option>")
        }
        w.raw("</select></label>")
    }

    private func destinationInput(_ w: inout HTMLWriter) {
        w.raw("<label>Destination<input name=\"destination\" size=\"6\" placeholder=\"USA\"")
        if let destination { w.attribute("value", destination.alpha3) }
        w.raw("></label>")
    }
}
