/// What the dashboard answers to one request: the HTTP layer copies it onto its response.
public struct DashboardResponse: Sendable {
    /// 200, 400, 404 or 500.
    public var status: Int
    /// `text/html; charset=utf-8`, `text/csv; charset=utf-8` or the XLSX type (``xlsxType``).
    public var contentType: String
    /// UTF-8 bytes of the page or the CSV file; the bytes of an XLSX file.
    public var body: [UInt8]
    /// For CSV and XLSX downloads, a file name the HTTP layer may put in `Content-Disposition`; nil for pages.
    public var suggestedFilename: String?

    public init(status: Int, contentType: String, body: [UInt8], suggestedFilename: String? = nil) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.suggestedFilename = suggestedFilename
    }

    static let htmlType = "text/html; charset=utf-8"
    static let csvType = "text/csv; charset=utf-8"
    public static let xlsxType = XLSXWorkbook.contentType
}
