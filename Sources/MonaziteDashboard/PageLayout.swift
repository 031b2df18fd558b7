/// The page around every dashboard page: head, header with navigation, main, footer.
enum PageLayout {
    /// Navigation entries: path and label.
    static let sections: [(path: String, label: String)] = [
        ("/", "Home"), ("/trade", "Trade"), ("/dependence", "Dependence"), ("/policy", "Policy"), ("/claims", "Claims"), ("/prices", "Prices"), ("/projects", "Projects"),
        ("/sources", "Sources"),
    ]

    /// Writes a whole HTML5 document; `body` writes what goes inside `<main>`.
    static func document(
        title: String, request: DashboardRequest, capacity: Int = 24_576, body: (inout HTMLWriter) -> Void
    ) -> [UInt8] {
        var w = HTMLWriter(capacity: capacity)
        w.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        w.text(title)
        w.raw(" · Monazite</title><style>")
        w.raw(Stylesheet.css)
        w.raw("</style></head><body><a class=\"skip\" href=\"#main\">Skip to content</a><header><p class=\"brand\"><a")
        w.attribute("href", request.href("/"))
        w.raw(">Monazite</a> <span>rare-earth supply chain</span></p><nav aria-label=\"Main\"><ul>")
        let current = "/" + (request.segments.first ?? "")
        for s in sections {
            w.raw("<li><a")
            w.attribute("href", request.href(s.path))
            if s.path == current { w.raw(" aria-current=\"page\"") }
            w.raw(">")
            w.text(s.label)
            w.raw("</a></li>")
        }
        w.raw("</ul></nav></header><main id=\"main\">")
        body(&w)
        w.raw("</main><footer><p>Monazite: open rare-earth supply-chain intelligence. Every figure links to its source; ")
        w.raw("derived and estimated figures are labelled; every table downloads as CSV and XLSX. See <a")
        w.attribute("href", request.href("/sources"))
        w.raw(">the sources</a>.</p></footer></body></html>\n")
        return Array(w.output.utf8)
    }
}
