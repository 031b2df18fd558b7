public import MonaziteCore

/// The header row of a CSV file, checked against the columns a format knows (every CSV format,
/// including those outside this module, reads its header here so the messages are the same).
public struct CSVHeader: Sendable {
    /// Column name → field index.
    public let index: [String: Int]
    public let count: Int

    /// Reads the header; reports unknown, duplicate and missing required columns.
    public init(
        reader: borrowing CSVReader, record: CSVReader.Record, known: Set<String>, required: [String],
        issues: inout IssueCollector, caseInsensitive: Bool = false
    ) {
        var index: [String: Int] = [:]
        for i in 0..<record.count {
            let raw: String
            do { raw = try reader.string(record, i) } catch {
                issues.add(line: error.line, column: error.column, error.reason)
                continue
            }
            let name = caseInsensitive ? raw.trimmingSpaces().lowercased() : raw.trimmingSpaces()
            if name.isEmpty {
                issues.add(line: record.line, column: record.columns[i], "empty column name in header")
            } else if !known.contains(name) {
                let hint = known.sorted().joined(separator: ", ")
                issues.add(line: record.line, column: record.columns[i], "unknown column \"\(raw)\" (known columns: \(hint))")
            } else if index[name] != nil {
                issues.add(line: record.line, column: record.columns[i], "column \"\(name)\" appears twice")
            } else {
                index[name] = i
            }
        }
        for name in required where index[name] == nil {
            issues.add(line: record.line, column: 1, "missing required column \"\(name)\"")
        }
        self.index = index
        self.count = record.count
    }

    public subscript(_ name: String) -> Int? { index[name] }
}

extension String {
    func trimmingSpaces() -> String {
        if let f = utf8.first, let l = utf8.last, f != 0x20, f != 0x09, l != 0x20, l != 0x09 { return self }
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}

/// What an importer does with each accepted row: store it, or say why it cannot.
public typealias ObservationSink = (Observation, _ line: Int) -> String?

/// Reports progress as (bytes read, total bytes).
public typealias ProgressHandler = (Int, Int) -> Void
