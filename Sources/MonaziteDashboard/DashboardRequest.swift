import MonaziteCore

/// A table download's file format.
enum DownloadFormat: String, CaseIterable {
    case csv, xlsx
}

/// The links to one table's downloads.
struct TableDownloads {
    var csv: String
    var xlsx: String
    /// Fields the downloads send in a form post rather than in the link (an article's text: too
    /// long for a URL, and not to be kept in browser history, proxy logs or a Referer). Empty: links.
    var posted: [(String, String)] = []
}

/// One request as the pages see it: the path split into segments, the query, whether a
/// download (CSV or XLSX) was asked for, and how to build links back into the dashboard.
struct DashboardRequest {
    /// Path segments after the mount point, percent-decoded, without a `.csv` / `.xlsx` suffix.
    let segments: [String]
    /// The path as pages link to it (`/trade/8505.11/CHN`), without the mount point.
    let path: String
    let query: [String: String]
    /// The table download asked for (`format=csv|xlsx` or a `.csv` / `.xlsx` suffix); nil for a page.
    let download: DownloadFormat?
    let basePath: String

    /// Parses a path and query; a malformed path or `format` is a bad request.
    init(path rawPath: String, query rawQuery: [String: String], basePath: String) throws(DashboardFailure) {
        var query = rawQuery
        var pathPart = Substring(rawPath)
        if let q = pathPart.firstIndex(of: "?") {
            for pair in pathPart[pathPart.index(after: q)...].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let k = URLText.decode(String(kv[0]), plusIsSpace: true) else { continue }
                let v = kv.count > 1 ? URLText.decode(String(kv[1]), plusIsSpace: true) ?? "" : ""
                if query[k] == nil { query[k] = v }
            }
            pathPart = pathPart[..<q]
        }
        if !basePath.isEmpty && pathPart.hasPrefix(basePath) {
            let rest = pathPart.dropFirst(basePath.count)
            if rest.isEmpty || rest.hasPrefix("/") { pathPart = rest }
        }
        var segments: [String] = []
        for s in pathPart.split(separator: "/") {
            guard let decoded = URLText.decode(String(s)) else { throw .badRequest("the path has a malformed %-escape") }
            segments.append(decoded)
        }
        var download: DownloadFormat?
        if let last = segments.last, let format = DownloadFormat.allCases.first(where: { last.hasSuffix("." + $0.rawValue) }) {
            download = format
            let stem = String(last.dropLast(format.rawValue.count + 1))
            segments.removeLast()
            if !(stem.isEmpty || (segments.isEmpty && stem == "index")) { segments.append(stem) }
        }
        switch query["format"]?.lowercased() {
        case nil, "", "html": break
        case "csv": download = .csv
        case "xlsx": download = .xlsx
        case let other?: throw .badRequest("format: \"\(other)\" is not html, csv or xlsx")
        }
        self.segments = segments
        self.path = "/" + segments.map(URLText.encode).joined(separator: "/")
        self.query = query
        self.download = download
        self.basePath = basePath
    }

    /// The home page's request, for error pages when the request itself cannot be read.
    static func root(basePath: String) -> DashboardRequest {
        DashboardRequest(segments: [], path: "/", query: [:], download: nil, basePath: basePath)
    }

    private init(segments: [String], path: String, query: [String: String], download: DownloadFormat?, basePath: String) {
        self.segments = segments
        self.path = path
        self.query = query
        self.download = download
        self.basePath = basePath
    }

    /// A link inside the dashboard: the mount point, `path`, and the query pairs given.
    func href(_ path: String, _ pairs: [(String, String)] = []) -> String {
        basePath + path + URLText.query(pairs)
    }

    /// The query pairs among `names` that this request was asked with (non-empty), in that order:
    /// what a link to another page keeps so that it shows the same state (`as_of`, say).
    func kept(_ names: String...) -> [(String, String)] {
        names.compactMap { name in string(name).map { (name, $0) } }
    }

    /// This page's URL with `format=csv&table=…` (or `xlsx`) added to the query it was asked with.
    func downloadHref(table: String, format: DownloadFormat, leavingOut posted: Set<String> = []) -> String {
        var pairs: [(String, String)] = []
        for k in query.keys.sorted() where k != "format" && k != "table" && !posted.contains(k) {
            if let v = query[k], !v.isEmpty { pairs.append((k, v)) }
        }
        pairs.append(("format", format.rawValue))
        pairs.append(("table", table))
        return href(path, pairs)
    }

    /// The CSV and XLSX links of one of this page's tables.
    func downloads(table: String) -> TableDownloads {
        TableDownloads(csv: downloadHref(table: table, format: .csv), xlsx: downloadHref(table: table, format: .xlsx))
    }

    /// The downloads of a table whose page was asked with `posting` fields (a form post): those
    /// fields go in the body of the download's own post, the rest of the query in its link.
    func downloads(table: String, posting fields: Set<String>) -> TableDownloads {
        TableDownloads(
            csv: downloadHref(table: table, format: .csv, leavingOut: fields),
            xlsx: downloadHref(table: table, format: .xlsx, leavingOut: fields),
            posted: fields.sorted().compactMap { name in query[name].flatMap { $0.isEmpty ? nil : (name, $0) } })
    }

    // MARK: Query values; an empty value counts as absent (forms submit empty fields).

    func string(_ name: String) -> String? {
        guard let v = query[name]?.trimmingCharacters(), !v.isEmpty else { return nil }
        return v
    }

    /// The first month of a period value (`2025-01`, `2025`, `2025-Q1`).
    func firstMonth(_ name: String) throws(DashboardFailure) -> Month? {
        try period(name)?.first
    }

    /// The last month of a period value (`2025-12`, `2025`, `2025-Q4`).
    func lastMonth(_ name: String) throws(DashboardFailure) -> Month? {
        try period(name)?.last
    }

    func period(_ name: String) throws(DashboardFailure) -> Period? {
        guard let v = string(name) else { return nil }
        guard let p = Period(parsing: v) else {
            throw .badRequest("\(name): \"\(v)\" is not a month (YYYY-MM) or period (YYYY, YYYY-Qn, YYYY-Hn)")
        }
        return p
    }

    func month(_ name: String) throws(DashboardFailure) -> Month? {
        guard let v = string(name) else { return nil }
        guard let p = Period(parsing: v), p.isMonth else { throw .badRequest("\(name): \"\(v)\" is not a month (YYYY-MM)") }
        return p.first
    }

    func day(_ name: String) throws(DashboardFailure) -> CalendarDay? {
        guard let v = string(name) else { return nil }
        guard let d = CalendarDay(parsing: v) else { throw .badRequest("\(name): \"\(v)\" is not a date (YYYY-MM-DD)") }
        return d
    }

    func country(_ name: String) throws(DashboardFailure) -> CountryCode? {
        guard let v = string(name) else { return nil }
        return try Self.country(v, name)
    }

    static func country(_ text: String, _ name: String) throws(DashboardFailure) -> CountryCode {
        guard let c = CountryCatalog.resolve(text) else {
            throw .badRequest("\(name): unknown country \"\(text)\" (use an ISO 3166-1 alpha-3 code such as CHN or USA, or WLD for the world)")
        }
        return c
    }

    static func commodity(_ text: String, _ name: String) throws(DashboardFailure) -> HSCode {
        guard let c = HSCode(text) else { throw .badRequest("\(name): \"\(text)\" is not an HS code (e.g. 8505.11, 2846) or customs aggregate (cn-rare-earths)") }
        return c
    }

    func flow(_ name: String) throws(DashboardFailure) -> TradeFlow? {
        guard let v = string(name) else { return nil }
        guard let f = TradeFlow(parsing: v) else { throw .badRequest("\(name): \"\(v)\" is not export, import, re-export or re-import") }
        return f
    }

    func element(_ name: String) throws(DashboardFailure) -> RareEarthElement? {
        guard let v = string(name) else { return nil }
        guard let e = RareEarthElement(parsing: v) else {
            throw .badRequest("\(name): \"\(v)\" is not a rare-earth element (a symbol such as Dy, or a name such as dysprosium)")
        }
        return e
    }
}

extension String {
    /// Trims ASCII white space (query values).
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
