/// The page shown for a bad request (400), a missing page (404) or a store failure (500).
struct ErrorPage: DashboardPage {
    let status: Int
    let message: String

    var title: String {
        switch status {
        case 400: "Bad request"
        case 404: "Not found"
        default: "Server error"
        }
    }

    var tables: [DataTable] { [] }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.heading(1, "\(title) (\(status))")
        w.raw("<div class=\"error\" role=\"alert\"><p id=\"error-message\">")
        w.text(message)
        w.raw("</p></div><p>Try <a")
        w.attribute("href", request.href("/"))
        w.raw(">the home page</a>, <a")
        w.attribute("href", request.href("/trade"))
        w.raw(">the series held</a> or <a")
        w.attribute("href", request.href("/sources"))
        w.raw(">the sources</a>.</p>")
    }
}
