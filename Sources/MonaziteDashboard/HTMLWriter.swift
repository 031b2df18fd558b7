/// Builds a page as one growing string: literal markup goes in raw, everything that comes from
/// data goes through ``text(_:)`` or ``attribute(_:_:)``, which escape it.
struct HTMLWriter {
    private(set) var output: String

    init(capacity: Int = 16_384) {
        output = ""
        output.reserveCapacity(capacity)
    }

    /// Markup written by the dashboard itself, never data.
    mutating func raw(_ markup: String) { output.append(markup) }

    /// Text from data, escaped for element content and attribute values alike.
    mutating func text(_ value: String) { HTMLWriter.escape(value, into: &output) }

    /// ` name="value"` with the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        output.append(" ")
        output.append(name)
        output.append("=\"")
        HTMLWriter.escape(value, into: &output)
        output.append("\"")
    }

    /// `<a href="…">text</a>`, both escaped; `external` adds `rel="external noopener"`.
    mutating func link(_ href: String, _ label: String, title: String? = nil, external: Bool = false) {
        output.append("<a")
        attribute("href", href)
        if let title { attribute("title", title) }
        if external { output.append(" rel=\"external noopener\"") }
        output.append(">")
        text(label)
        output.append("</a>")
    }

    /// Escapes `& < > " '`, so the result is safe in content and in quoted attributes (HTML and SVG).
    static func escape(_ value: String, into output: inout String) {
        var needs = false
        for b in value.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 {
            needs = true
            break
        }
        guard needs else {
            output.append(value)
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output.append("&amp;")
            case "<": output.append("&lt;")
            case ">": output.append("&gt;")
            case "\"": output.append("&quot;")
            case "'": output.append("&#39;")
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    static func escaped(_ value: String) -> String {
        var s = ""
        escape(value, into: &s)
        return s
    }
}

/// Percent-encoding for query values and path segments built into links.
enum URLText {
    /// Encodes everything but unreserved characters (RFC 3986 section 2.3).
    static func encode(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for b in value.utf8 {
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E
                || b == 0x5F || b == 0x7E
            {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out.append("%")
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0x0F)])
            }
        }
        return out
    }

    /// Decodes `%XX` escapes (and `+` as space when `plusIsSpace`); nil when an escape is malformed
    /// or the bytes are not UTF-8.
    static func decode(_ value: String, plusIsSpace: Bool = false) -> String? {
        guard value.utf8.contains(where: { $0 == 0x25 || (plusIsSpace && $0 == 0x2B) }) else { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        var it = value.utf8.makeIterator()
        while let b = it.next() {
            if b == 0x25 {
                guard let h = it.next().flatMap(hexValue), let l = it.next().flatMap(hexValue) else { return nil }
                bytes.append(h << 4 | l)
            } else if plusIsSpace && b == 0x2B {
                bytes.append(0x20)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// `?a=1&b=2` from pairs (in the order given), or "" when there are none.
    static func query(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        var s = "?"
        for (i, (k, v)) in pairs.enumerated() {
            if i > 0 { s.append("&") }
            s.append(encode(k))
            s.append("=")
            s.append(encode(v))
        }
        return s
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}
