/// A page the dashboard can serve as HTML, and whose tables it can serve as CSV and XLSX.
protocol DashboardPage {
    var title: String { get }
    /// The page's tables, the first being the default download.
    var tables: [DataTable] { get }
    /// Writes what goes inside `<main>`.
    func body(into w: inout HTMLWriter, request: DashboardRequest)
}

extension HTMLWriter {
    /// `<input type="hidden">` for each pair: state a form keeps that it has no field for.
    mutating func hiddenInputs(_ pairs: [(String, String)]) {
        for (name, value) in pairs {
            raw("<input type=\"hidden\"")
            attribute("name", name)
            attribute("value", value)
            raw(">")
        }
    }

    /// `<h1>` or `<h2>` with escaped text and an optional id.
    mutating func heading(_ level: Int, _ text: String, id: String? = nil) {
        raw("<h\(level)")
        if let id { attribute("id", id) }
        raw(">")
        self.text(text)
        raw("</h\(level)>")
    }

    mutating func paragraph(_ text: String, cssClass: String? = nil) {
        raw("<p")
        if let cssClass { attribute("class", cssClass) }
        raw(">")
        self.text(text)
        raw("</p>")
    }
}
