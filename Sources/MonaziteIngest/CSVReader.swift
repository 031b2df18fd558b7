/// A fast RFC 4180 reader over a file's bytes: comma separator, optional double quotes with
/// `""` escapes, LF or CRLF line ends, an optional UTF-8 byte-order mark.
///
/// Fields are handed out as byte ranges; text is decoded (and checked to be UTF-8) only for
/// the fields a caller asks for, and numbers are parsed straight from the bytes. This is what
/// lets a million-row import spend its time in the database, not in string handling.
public struct CSVReader: ~Copyable {
    private let base: UnsafeBufferPointer<UInt8>
    private var position: Int
    private var line = 1
    public let file: String

    /// A record's fields: `starts[i]..<ends[i]` in the file's bytes.
    public struct Record {
        public var starts: [Int] = []
        public var ends: [Int] = []
        public var quoted: [Bool] = []
        public var columns: [Int] = []
        /// Line where the record starts.
        public var line = 0
        public var count: Int { starts.count }

        /// An empty record, for formats outside this module that read with `CSVReader.open`.
        public init() {}

        mutating func reset(line: Int) {
            starts.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            quoted.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)
            self.line = line
        }
    }

    /// Reads from `bytes`; the caller keeps them alive while the reader is used.
    public init(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ImportIssue) {
        self.base = bytes
        self.file = file
        self.position = 0
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw ImportIssue(file: file, line: 1, column: 1, reason: "file is UTF-16 encoded; save it as UTF-8")
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// Opens `bytes` and reads the header row into `record`; an unreadable or empty file is a failure.
    public static func open(bytes: UnsafeBufferPointer<UInt8>, file: String, header record: inout Record) throws(ImportFailure) -> CSVReader {
        var reader: CSVReader
        do { reader = try CSVReader(bytes: bytes, file: file) } catch { throw ImportFailure(issues: [error]) }
        let hasHeader: Bool
        do { hasHeader = try reader.next(into: &record) } catch { throw ImportFailure(issues: [error]) }
        guard hasHeader else {
            throw ImportFailure(issues: [ImportIssue(file: file, line: 1, column: 1, reason: "file is empty: a header row is required")])
        }
        return reader
    }

    /// Reads the next data record with `fieldCount` fields. A malformed record is added to
    /// `issues` and skipped (a structural error ends the file); false at the end.
    public mutating func nextDataRecord(into record: inout Record, fieldCount: Int, issues: inout IssueCollector) -> Bool {
        while true {
            let more: Bool
            do { more = try next(into: &record) } catch {
                issues.add(line: error.line, column: error.column, error.reason)
                return false
            }
            guard more else { return false }
            if record.count == fieldCount { return true }
            issues.add(line: record.line, column: 1, "expected \(fieldCount) fields as in the header, found \(record.count)")
        }
    }

    private init(base: UnsafeBufferPointer<UInt8>, position: Int, line: Int, file: String) {
        self.base = base
        self.position = position
        self.line = line
        self.file = file
    }

    /// This reader, reading no further than byte `end` (the first part of a file read in two).
    public func prefix(upTo end: Int) -> CSVReader {
        CSVReader(base: UnsafeBufferPointer(rebasing: base[..<end]), position: min(position, end), line: line, file: file)
    }

    /// A reader of the bytes from `start` on, as if they were a file of their own: its lines are
    /// numbered from 1 (the second part of a file read in two; add the first part's lines).
    public func suffix(from start: Int) -> CSVReader {
        CSVReader(base: UnsafeBufferPointer(rebasing: base[start...]), position: 0, line: 1, file: file)
    }

    /// The position just after the first line feed at or after `offset`; nil when there is none
    /// before the end.
    public func lineStart(after offset: Int) -> Int? {
        var i = offset
        while i < base.count {
            if base[i] == 0x0A { return i + 1 < base.count ? i + 1 : nil }
            i += 1
        }
        return nil
    }

    /// The line the reader is on (one past the last line read, at the end).
    public var currentLine: Int { line }

    public var bytesRead: Int { position }
    public var totalBytes: Int { base.count }

    /// Reads the next record into `record`; false at the end of the file. Blank lines are skipped.
    public mutating func next(into record: inout Record) throws(ImportIssue) -> Bool {
        let n = base.count
        while position < n, base[position] == 0x0A || base[position] == 0x0D {
            if base[position] == 0x0A { line += 1 }
            position += 1
        }
        guard position < n else { return false }
        record.reset(line: line)
        var lineStart = position
        // Find the start of the current physical line for column numbers.
        while lineStart > 0, base[lineStart - 1] != 0x0A { lineStart -= 1 }
        while true {
            let fieldStart = position
            let column = position - lineStart + 1
            if position < n, base[position] == 0x22 {
                // Quoted field.
                position += 1
                let contentStart = position
                var closed = false
                while position < n {
                    let c = base[position]
                    if c == 0x22 {
                        if position + 1 < n, base[position + 1] == 0x22 {
                            position += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if c == 0x0A {
                        line += 1
                        lineStart = position + 1
                    }
                    position += 1
                }
                guard closed else {
                    throw ImportIssue(file: file, line: record.line, column: column, reason: "quoted field is never closed")
                }
                record.starts.append(contentStart)
                record.ends.append(position)
                record.quoted.append(true)
                record.columns.append(column)
                position += 1  // closing quote
                if position < n, base[position] != 0x2C, base[position] != 0x0A, base[position] != 0x0D {
                    throw ImportIssue(
                        file: file, line: line, column: position - lineStart + 1,
                        reason: "unexpected character after a closing quote")
                }
            } else {
                while position < n {
                    let c = base[position]
                    if c == 0x2C || c == 0x0A || c == 0x0D { break }
                    if c == 0x22 {
                        throw ImportIssue(
                            file: file, line: line, column: position - lineStart + 1,
                            reason: "stray double quote inside an unquoted field")
                    }
                    position += 1
                }
                record.starts.append(fieldStart)
                record.ends.append(position)
                record.quoted.append(false)
                record.columns.append(column)
            }
            if position < n, base[position] == 0x2C {
                position += 1
                if position >= n { break }
                continue
            }
            break
        }
        // End of record.
        if position < n, base[position] == 0x0D { position += 1 }
        if position < n, base[position] == 0x0A {
            position += 1
            line += 1
        }
        return true
    }

    /// Where the reader is: `rewind(to:)` goes back there, so that a record read by
    /// `nextKept` can be read again, whole, by `next(into:)`.
    public struct Mark {
        let position: Int
        let line: Int
    }

    public var mark: Mark { Mark(position: position, line: line) }

    public mutating func rewind(to mark: Mark) {
        position = mark.position
        line = mark.line
    }

    /// What `nextKept` found.
    public enum KeptResult { case record, end, slow }

    /// The fast path of `next(into:)` for files with many columns of which few are used: reads
    /// one record on one physical line, keeping only the byte ranges of the columns with a slot
    /// (`slots[column]` ≥ 0) in `starts`/`ends`/`quoted`, and nothing else.
    ///
    /// It reports no problem itself: a record it cannot take whole (a field count other than
    /// `fieldCount`, a quoted field over several lines, a stray or unclosed quote) gives
    /// `.slow` with the reader rewound to the record's start, for `next(into:)` to read and
    /// report exactly. `line` is the record's line after `.record`.
    public mutating func nextKept(
        slots: UnsafeBufferPointer<Int>, fieldCount: Int, starts: UnsafeMutablePointer<Int>, ends: UnsafeMutablePointer<Int>,
        quoted: UnsafeMutablePointer<Bool>, line recordLine: inout Int
    ) -> KeptResult {
        let n = base.count
        guard let b = base.baseAddress else { return .end }
        while position < n, b[position] == 0x0A || b[position] == 0x0D {
            if b[position] == 0x0A { line += 1 }
            position += 1
        }
        guard position < n else { return .end }
        let start = position
        var p = position
        var field = 0
        while true {
            var fieldStart = p
            var fieldEnd: Int
            var isQuoted = false
            if p < n, b[p] == 0x22 {
                p += 1
                fieldStart = p
                while true {
                    guard p < n else { return slowAt(start) }
                    let c = b[p]
                    if c == 0x22 {
                        if p + 1 < n, b[p + 1] == 0x22 {
                            p += 2
                            continue
                        }
                        break
                    }
                    if c == 0x0A { return slowAt(start) }
                    p += 1
                }
                fieldEnd = p
                p += 1
                isQuoted = true
                if p < n, b[p] != 0x2C, b[p] != 0x0A, b[p] != 0x0D { return slowAt(start) }
            } else {
                while p < n {
                    let c = b[p]
                    if c == 0x2C || c == 0x0A || c == 0x0D { break }
                    if c == 0x22 { return slowAt(start) }
                    p += 1
                }
                fieldEnd = p
            }
            guard field < fieldCount else { return slowAt(start) }
            let slot = slots[field]
            if slot >= 0 {
                starts[slot] = fieldStart
                ends[slot] = fieldEnd
                quoted[slot] = isQuoted
            }
            field += 1
            if p < n, b[p] == 0x2C {
                p += 1
                if p >= n { break }
                continue
            }
            break
        }
        guard field == fieldCount else { return slowAt(start) }
        recordLine = line
        if p < n, b[p] == 0x0D { p += 1 }
        if p < n, b[p] == 0x0A {
            p += 1
            line += 1
        }
        position = p
        return .record
    }

    private mutating func slowAt(_ start: Int) -> KeptResult {
        position = start
        return .slow
    }

    /// The bytes `start..<end` of the file.
    public func bytes(from start: Int, to end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: base[start..<end])
    }

    /// The field as text; throws when it is not valid UTF-8.
    public func string(_ record: Record, _ i: Int) throws(ImportIssue) -> String {
        let slice = UnsafeBufferPointer(rebasing: base[record.starts[i]..<record.ends[i]])
        var hasQuote = false
        if record.quoted[i] {
            for b in slice where b == 0x22 {
                hasQuote = true
                break
            }
        }
        var ascii = true
        for b in slice where b >= 0x80 {
            ascii = false
            break
        }
        // ASCII is valid UTF-8: decode without the generic validating path (the common case).
        if ascii && !hasQuote { return String(decoding: slice, as: UTF8.self) }
        guard let s = String(validating: slice, as: UTF8.self) else {
            throw ImportIssue(
                file: file, line: record.line, column: record.columns[i],
                reason: "text is not valid UTF-8 (is the file Latin-1 or Windows-1252? save it as UTF-8)")
        }
        return hasQuote ? s.replacing("\"\"", with: "\"") : s
    }

    /// True when the field is empty or only spaces.
    public func isBlank(_ record: Record, _ i: Int) -> Bool {
        var p = record.starts[i]
        while p < record.ends[i] {
            if base[p] != 0x20 && base[p] != 0x09 { return false }
            p += 1
        }
        return true
    }

    /// The field's bytes, for comparisons without decoding.
    public func bytes(_ record: Record, _ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: base[record.starts[i]..<record.ends[i]])
    }

    /// Parses a decimal number (`1234`, `-5.25`, `1.2e3`, `1,234.5` with thousands commas
    /// inside quotes) from the field's bytes; nil when it is not one.
    public func double(_ record: Record, _ i: Int) -> Double? {
        DecimalParser.parse(bytes(record, i))
    }
}

/// Decimal parsing straight from ASCII bytes.
public enum DecimalParser {
    private static let powersOf10: [Double] = (0...22).map { p in
        var v = 1.0
        for _ in 0..<p { v *= 10 }
        return v
    }

    /// Exact for up to 15 significant digits with at most 22 decimals (one correctly rounded
    /// division); longer inputs fall back to the standard library's parser.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var p = 0
        var n = bytes.count
        while p < n, bytes[p] == 0x20 { p += 1 }
        while n > p, bytes[n - 1] == 0x20 { n -= 1 }
        guard p < n else { return nil }
        var negative = false
        if bytes[p] == 0x2D || bytes[p] == 0x2B {
            negative = bytes[p] == 0x2D
            p += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenDot = false
        var seenDigit = false
        var exponent = 0
        var slow = false
        while p < n {
            let c = bytes[p]
            if c >= 0x30 && c <= 0x39 {
                seenDigit = true
                if digits < 18 {
                    mantissa = mantissa &* 10 &+ UInt64(c - 0x30)
                    if mantissa != 0 { digits += 1 }
                    if seenDot { fraction += 1 }
                } else {
                    slow = true
                    if !seenDot { exponent += 1 }
                }
            } else if c == 0x2E && !seenDot {
                seenDot = true
            } else if c == 0x2C && !seenDot {
                // Thousands separator: only between digit groups of three.
                guard seenDigit, p + 3 < n || p + 3 == n else { return nil }
                var k = 1
                while k <= 3 {
                    guard p + k < n, bytes[p + k] >= 0x30 && bytes[p + k] <= 0x39 else { return nil }
                    k += 1
                }
                if p + 4 < n, bytes[p + 4] != 0x2C && bytes[p + 4] != 0x2E && bytes[p + 4] != 0x65 && bytes[p + 4] != 0x45 {
                    return nil
                }
            } else if (c == 0x65 || c == 0x45) && seenDigit {
                p += 1
                var expNegative = false
                if p < n, bytes[p] == 0x2D || bytes[p] == 0x2B {
                    expNegative = bytes[p] == 0x2D
                    p += 1
                }
                guard p < n else { return nil }
                var e = 0
                while p < n {
                    let d = bytes[p]
                    guard d >= 0x30 && d <= 0x39, e < 10000 else { return nil }
                    e = e * 10 + Int(d - 0x30)
                    p += 1
                }
                exponent += expNegative ? -e : e
                break
            } else {
                return nil
            }
            p += 1
        }
        guard seenDigit else { return nil }
        let scale = exponent - fraction
        var value: Double
        if !slow && digits <= 15 && scale >= -22 && scale <= 22 {
            value = Double(mantissa)
            if scale < 0 { value /= powersOf10[-scale] } else if scale > 0 { value *= powersOf10[scale] }
        } else {
            let text = String(decoding: bytes, as: UTF8.self).filter { $0 != "," && $0 != " " }
            guard let v = Double(text) else { return nil }
            return v
        }
        if negative { value = -value }
        return value.isFinite ? value : nil
    }
}
