/// One CSV record's cells as trimmed text (an empty cell is nil), every cell that cannot be decoded
/// already a located issue: the common base of the readers that check cells by column name (prices,
/// FX rates, projects). A reader adds its own cell checks in an extension and reports each problem
/// with `fail(column, reason)` at the cell's line and column.
public struct CSVTextRow {
    public let file: String
    public let record: CSVReader.Record
    public let header: [String: Int]
    public var issues: IssueCollector
    public var failed = false
    public let texts: [String?]

    public init(reader: borrowing CSVReader, record: CSVReader.Record, header: [String: Int], issues: IssueCollector) {
        self.file = reader.file
        self.record = record
        self.header = header
        self.issues = issues
        var texts: [String?] = []
        var bad: [(Int, String)] = []
        for i in 0..<record.count {
            do {
                let s = try reader.string(record, i).trimmingCharacters(in: .whitespaces)
                texts.append(s.isEmpty ? nil : s)
            } catch {
                texts.append(nil)
                bad.append((i, error.reason))
            }
        }
        self.texts = texts
        for (i, reason) in bad { fail(i, reason) }
    }

    /// Records a problem with cell `i` of this record.
    public mutating func fail(_ i: Int, _ reason: String) {
        issues.add(line: record.line, column: i < record.columns.count ? record.columns[i] : 1, reason)
        failed = true
    }

    /// The index of a named column (0 when the header lacks it).
    public func col(_ name: String) -> Int { header[name] ?? 0 }

    /// The trimmed text of a named cell; nil when empty or absent.
    public func text(_ name: String) -> String? {
        guard let i = header[name], i < texts.count else { return nil }
        return texts[i]
    }

    /// The text of a required cell; an empty cell is an issue ("NAME is empty").
    public mutating func required(_ name: String) -> String? {
        guard let i = header[name] else { return nil }
        guard let t = text(name) else {
            fail(i, "\(name) is empty")
            return nil
        }
        return t
    }
}
