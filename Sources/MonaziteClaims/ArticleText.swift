public import MonaziteCore

/// An article reduced to plain text, line for line with the input, so that a claim's line number
/// points into the file the user gave.
///
/// HTML: tags and comments are removed, `script` and `style` contents dropped, entities decoded,
/// and block tags (`p`, `br`, `div`, `li`, `h1`…`h6`, `tr`, `td`, `title`) end a sentence. Markdown:
/// heading marks, quote marks, list bullets, emphasis, code ticks and link targets are removed;
/// headings, list items and table cells end a sentence. Plain text is kept as is. In all three a
/// blank line ends a paragraph, and a single line break inside a paragraph is a space (wire copy
/// wraps its lines).
public struct ArticleText: Sendable {
    /// The text of each input line, markup removed; ``ArticleText/hardBreak`` marks where a
    /// sentence must end inside a line.
    public let lines: [String]
    /// Lines after which a paragraph ends (0-based).
    public let paragraphEnds: Set<Int>
    /// A date found in the markup or the first lines (`<time datetime>`, front matter `date:`,
    /// "July 20, 2025", "20 July 2025", "2025-07-20").
    public let foundDate: CalendarDay?

    /// Marks a sentence end inside a line (a block tag, a table cell); shown as a space.
    public static let hardBreak: Character = "\u{2029}"

    public init(_ input: String) {
        let raw = ArticleText.normalizingLineEnds(input)
        let isHTML = ArticleText.looksLikeHTML(raw)
        var metaDate: CalendarDay?
        var lines: [String]
        if isHTML {
            (lines, metaDate) = ArticleText.stripHTML(raw)
        } else {
            lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        }
        var ends = Set<Int>()
        var inFrontMatter = false
        for i in lines.indices {
            var line = lines[i]
            if !isHTML {
                if i == 0 && line.trimmingWhitespace() == "---" {
                    inFrontMatter = true
                    lines[i] = ""
                    ends.insert(i)
                    continue
                }
                if inFrontMatter {
                    if line.trimmingWhitespace() == "---" { inFrontMatter = false }
                    let lower = line.lowercased()
                    if lower.hasPrefix("date:") || lower.hasPrefix("published:") {
                        metaDate = metaDate ?? ArticleText.firstISODate(in: line)
                    }
                    lines[i] = line.trimmingWhitespace() == "---" ? "" : line
                    ends.insert(i)
                    continue
                }
                let (text, block) = ArticleText.stripMarkdown(line)
                line = text
                if block { ends.insert(i) }
            }
            lines[i] = line
            if line.allSatisfy({ $0.isWhitespace || $0 == ArticleText.hardBreak }) {
                ends.insert(i)
                if i > 0 { ends.insert(i - 1) }
            }
        }
        if let last = lines.indices.last { ends.insert(last) }
        self.lines = lines
        self.paragraphEnds = ends
        self.foundDate = metaDate ?? ArticleText.firstDate(in: lines.prefix(15))
    }

    /// The text with Windows (CR LF) and old Mac (CR) line ends as LF. Swift counts CR LF as one
    /// character, not "\n", so without this a browser's form post (always CR LF) or a Windows file
    /// was one long line: every claim on line 1, and no paragraph or heading ending a sentence.
    public static func normalizingLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for b in text.utf8 {
            if b == 0x0A && afterCR {
                afterCR = false
                continue
            }
            afterCR = b == 0x0D
            bytes.append(afterCR ? 0x0A : b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines as shown to a reader: hard breaks as spaces.
    public var displayLines: [String] {
        lines.map { l in l.contains(ArticleText.hardBreak) ? String(l.map { $0 == ArticleText.hardBreak ? " " : $0 }) : l }
    }

    static let htmlProbes: [[UInt8]] = ["<html", "<body", "<p>", "<p ", "<div", "<article", "<br", "<h1", "<h2", "<span", "<!doctype"]
        .map { Array($0.utf8) }

    /// Whether the first 4,000 characters hold one of the common HTML tags (any case).
    static func looksLikeHTML(_ s: String) -> Bool {
        let probe = Array(s.prefix(4000).lowercased().utf8)
        for (i, b) in probe.enumerated() where b == UInt8(ascii: "<") {
            for tag in htmlProbes where i + tag.count <= probe.count && probe[i..<(i + tag.count)].elementsEqual(tag) { return true }
        }
        return false
    }

    private static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "title",
        "article", "section", "header", "footer", "blockquote", "figcaption", "hr",
    ]

    /// Removes tags line by line (a tag may span lines), decoding entities; returns a date from
    /// `<time datetime>` or a `published`/`date` meta tag when there is one.
    static func stripHTML(_ raw: String) -> ([String], CalendarDay?) {
        var lines: [String] = []
        var current = ""
        var date: CalendarDay?
        var i = raw.startIndex
        var skipUntil: String?  // inside <script> or <style>
        while i < raw.endIndex {
            let c = raw[i]
            if c == "\n" {
                lines.append(current)
                current = ""
                i = raw.index(after: i)
                continue
            }
            if c == "<" {
                // Comment, tag or a lone "<".
                if raw[i...].hasPrefix("<!--") {
                    let end = ArticleText.end(of: "-->", in: raw[i...]) ?? raw.endIndex
                    let skipped = raw[i..<end].filter { $0 == "\n" }.count
                    for _ in 0..<skipped {
                        lines.append(current)
                        current = ""
                    }
                    i = end
                    continue
                }
                guard let close = raw[i...].firstIndex(of: ">") else {
                    current.append(c)
                    i = raw.index(after: i)
                    continue
                }
                let tag = raw[raw.index(after: i)..<close]
                let name = String(tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
                let closing = tag.hasPrefix("/")
                if let skip = skipUntil {
                    if closing && name == skip { skipUntil = nil }
                } else {
                    if !closing && (name == "script" || name == "style") { skipUntil = name }
                    let lowerTag = tag.lowercased()
                    if date == nil, name == "time" || (name == "meta" && (lowerTag.includes("date") || lowerTag.includes("published"))) {
                        date = firstISODate(in: String(tag))
                    }
                    if blockTags.contains(name) { current.append(hardBreak) } else { current.append(" ") }
                }
                for ch in tag where ch == "\n" {
                    lines.append(current)
                    current = ""
                }
                i = raw.index(after: close)
                continue
            }
            if skipUntil != nil {
                i = raw.index(after: i)
                continue
            }
            if c == "&", let semi = raw[i...].prefix(10).firstIndex(of: ";") {
                let entity = String(raw[raw.index(after: i)..<semi])
                if let decoded = decodeEntity(entity) {
                    current.append(decoded)
                    i = raw.index(after: semi)
                    continue
                }
            }
            current.append(c)
            i = raw.index(after: i)
        }
        lines.append(current)
        return (lines, date)
    }

    /// The index after the first `marker` in `text`, if any (Foundation's search bridged the whole
    /// rest of the article for every comment).
    static func end(of marker: String, in text: Substring) -> String.Index? {
        let m = Array(marker.utf8)
        guard !m.isEmpty else { return nil }
        func search(_ buf: UnsafeBufferPointer<UInt8>) -> Int? {
            guard buf.count >= m.count else { return nil }
            for i in 0...(buf.count - m.count) where buf[i] == m[0] {
                var k = 1
                while k < m.count, buf[i + k] == m[k] { k += 1 }
                if k == m.count { return i + m.count }
            }
            return nil
        }
        let found = text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
        guard let offset = found else { return nil }
        let u = text.utf8
        var j = u.index(u.startIndex, offsetBy: offset)
        // A combining mark after the marker joins its last character: end after that.
        while j < u.endIndex, String.Index(j, within: text) == nil { j = u.index(after: j) }
        return j
    }

    static func decodeEntity(_ e: String) -> Character? {
        switch e {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "rsquo", "lsquo": return "'"
        case "ldquo", "rdquo": return "\""
        case "nbsp", "thinsp", "ensp", "emsp": return " "
        case "ndash": return "–"
        case "mdash": return "—"
        case "minus": return "−"
        case "hellip": return "…"
        default: break
        }
        if e.hasPrefix("#") {
            let body = e.dropFirst()
            let value = body.first == "x" || body.first == "X" ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
            if let value, let scalar = Unicode.Scalar(value) {
                return scalar == "\u{A0}" ? " " : Character(scalar)
            }
        }
        return nil
    }

    /// Markdown marks removed from one line; `block` is true for headings, list items and table rows.
    static func stripMarkdown(_ line: String) -> (String, Bool) {
        var s = Substring(line)
        var block = false
        let trimmed = s.drop(while: { $0 == " " })
        if trimmed.hasPrefix("#") {
            s = trimmed.drop(while: { $0 == "#" })
            block = true
        } else if trimmed.hasPrefix("> ") || trimmed == ">" {
            s = trimmed.dropFirst()
        } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") {
            s = trimmed.dropFirst(2)
            block = true
        } else if let dot = trimmed.firstIndex(of: "."), dot != trimmed.startIndex, trimmed[..<dot].allSatisfy(\.isASCIIDigit),
            trimmed[dot...].dropFirst().first == " ", trimmed[..<dot].count <= 3
        {
            s = trimmed[trimmed.index(after: dot)...]
            block = true
        }
        if trimmed.hasPrefix("|") { block = true }
        // Blank the line out but keep its length for columns: simpler to rebuild.
        var out = ""
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "!" && s[s.index(after: i)...].first == "[" {
                i = s.index(after: i)
                continue
            }
            if c == "]", s[s.index(after: i)...].first == "(", let close = s[i...].firstIndex(of: ")") {
                i = s.index(after: close)
                continue
            }
            if c == "[" || c == "`" || c == "*" {
                i = s.index(after: i)
                continue
            }
            if c == "_" {
                let prev = out.last
                let next = s[s.index(after: i)...].first
                if !(prev?.isLetter == true && next?.isLetter == true) {
                    i = s.index(after: i)
                    continue
                }
            }
            if c == "|" {
                out.append(hardBreak)
                i = s.index(after: i)
                continue
            }
            out.append(c)
            i = s.index(after: i)
        }
        if out.allSatisfy({ $0 == "-" || $0 == " " || $0 == ":" || $0 == hardBreak }) && out.contains("-") { out = "" }
        return (out, block)
    }

    /// The first `YYYY-MM-DD` in a string.
    static func firstISODate(in s: String) -> CalendarDay? {
        let chars = Array(s)
        guard chars.count >= 10 else { return nil }
        for start in 0...(chars.count - 10) where chars[start].isASCIIDigit && chars[start + 4] == "-" {
            if let d = CalendarDay(parsing: String(chars[start..<(start + 10)])),
                start + 10 == chars.count || !chars[start + 10].isASCIIDigit
            {
                return d
            }
        }
        return nil
    }

    /// The first full date in the given lines: ISO, "July 20, 2025", "20 July 2025", "Jul. 20, 2025".
    static func firstDate(in lines: ArraySlice<String>) -> CalendarDay? {
        for line in lines {
            // Every form has a year: four digits in a row.
            guard line.hasFourDigitsInARow else { continue }
            if let d = firstISODate(in: line) { return d }
            let words = Tokenizer.tokenize(line: line, number: 0)
            for (i, t) in words.enumerated() {
                if let m = Lexicon.monthNumber(t.lower) {
                    // Month D, YYYY
                    if i + 1 < words.count, words[i + 1].kind == .number, let day = Int(words[i + 1].text) {
                        var j = i + 2
                        if j < words.count, words[j].text == "," { j += 1 }
                        if j < words.count, words[j].kind == .number, words[j].text.count == 4, let y = Int(words[j].text),
                            let d = CalendarDay(year: y, month: m, day: day)
                        {
                            return d
                        }
                    }
                    // D Month YYYY
                    if i >= 1, i + 1 < words.count, words[i - 1].kind == .number, let day = Int(words[i - 1].text),
                        words[i + 1].kind == .number, words[i + 1].text.count == 4, let y = Int(words[i + 1].text),
                        let d = CalendarDay(year: y, month: m, day: day)
                    {
                        return d
                    }
                }
            }
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}

extension String {
    /// Whether `other` occurs in the string (by bytes: no Foundation bridge in the hot path).
    func includes(_ other: String) -> Bool { ArticleText.end(of: other, in: self[...]) != nil }

    var hasFourDigitsInARow: Bool {
        var run = 0
        for b in utf8 {
            run = (0x30...0x39).contains(b) ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
