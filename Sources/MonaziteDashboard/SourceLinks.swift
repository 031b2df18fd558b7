import MonaziteCore

/// Where a figure's link goes: the source's own URL when it has a safe one, else the source's
/// entry on the `/sources` page.
enum SourceLinks {
    /// The URL when it is `http(s)`; nil for anything else (`javascript:`, relative, empty),
    /// so a hostile URL in the data never becomes a live link.
    static func safeURL(_ url: String?) -> String? {
        guard let url, hasHTTPScheme(url) else { return nil }
        var needsEncoding = false
        for b in url.utf8 {
            if b < 0x20 || b == 0x7F { return nil }
            if isIllegal(b) { needsEncoding = true }
        }
        return needsEncoding ? percentEncodingIllegal(url) : url
    }

    /// True when the text starts with `http://` or `https://`, in any case.
    static func hasHTTPScheme(_ url: String) -> Bool {
        var bytes = url.utf8.makeIterator()
        func next() -> UInt8? { bytes.next().map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        guard next() == UInt8(ascii: "h"), next() == UInt8(ascii: "t"), next() == UInt8(ascii: "t"), next() == UInt8(ascii: "p")
        else { return false }
        var c = next()
        if c == UInt8(ascii: "s") { c = next() }
        return c == UInt8(ascii: ":") && next() == UInt8(ascii: "/") && next() == UInt8(ascii: "/")
    }

    /// Bytes a URL may not hold literally: space, `" < > [ \ ] ^ \` { | }`, and non-ASCII.
    static func isIllegal(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x22, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: true
        default: b >= 0x80
        }
    }

    /// Percent-encodes the bytes ``isIllegal(_:)`` names, so links published with them stay valid `href`s.
    static func percentEncodingIllegal(_ url: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        out.reserveCapacity(url.utf8.count + 16)
        for b in url.utf8 {
            if isIllegal(b) {
                out.append("%")
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            } else {
                out.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        return out
    }

    /// `src-reuters-via-goldsea`: a stable anchor for a source name on the sources page.
    static func anchor(_ source: String) -> String {
        var slug = "src-"
        var dash = false
        for scalar in source.lowercased().unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
                if dash && slug.utf8.count > 4 { slug.append("-") }
                dash = false
                slug.unicodeScalars.append(scalar)
                if slug.utf8.count >= 64 { break }
            } else {
                dash = true
            }
        }
        return slug
    }

    /// The link of a figure from `provenance`, and whether it leaves the dashboard.
    static func href(_ provenance: Provenance, _ request: DashboardRequest) -> (href: String, external: Bool) {
        if let url = safeURL(provenance.url) { return (url, true) }
        return (request.href("/sources") + "#" + anchor(provenance.source), false)
    }

    /// `Source: Trading Economics news (citing GAC), released 2025-07-21`.
    static func title(_ provenance: Provenance) -> String {
        var s = "Source: " + provenance.source
        if let r = provenance.release { s += ", released \(r)" }
        return s
    }

    /// A cell with the source's name linked to it.
    static func cell(_ provenance: Provenance?, _ request: DashboardRequest) -> DataTable.Cell {
        guard let provenance else { return .missing("no source: no figure") }
        let (href, external) = href(provenance, request)
        var c = DataTable.Cell.link(provenance.source, href: href, title: title(provenance), external: external)
        c.csvURL = safeURL(provenance.url) ?? ""
        c.csvRelease = provenance.release?.description ?? ""
        return c
    }
}
