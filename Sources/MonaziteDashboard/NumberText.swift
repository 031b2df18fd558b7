/// Number formatting for pages and CSV, without `NumberFormatter` (too slow to build per
/// request) or C format strings.
enum NumberText {
    /// `3,188`, `1,238.47`: grouped thousands, up to `decimals` places, trailing zeros dropped.
    static func tonnes(_ v: Double, decimals: Int = 2) -> String {
        format(v, decimals: decimals, grouped: true, trimZeros: true)
    }

    /// `+157.4%`, `-38.1%`: a signed change with one decimal.
    static func change(_ v: Double) -> String {
        let body = format(abs(v), decimals: 1, grouped: true, trimZeros: false)
        let negative = v < 0 && body != "0.0"
        return (negative ? "-" : "+") + body + "%"
    }

    /// `11.1%`: a share in 0…1, never signed.
    static func share(_ v: Double) -> String {
        format(v * 100, decimals: 1, grouped: false, trimZeros: false) + "%"
    }

    /// `1238.47`, `-38.1`: plain digits for CSV, at most `decimals` places, trailing zeros dropped.
    static func plain(_ v: Double, decimals: Int = 6) -> String {
        format(v, decimals: decimals, grouped: false, trimZeros: true)
    }

    /// Fixed places, no grouping (`157.4`, `12.0`): CSV percentages, SVG coordinates.
    static func fixed(_ v: Double, decimals: Int) -> String {
        format(v, decimals: decimals, grouped: false, trimZeros: false)
    }

    static func format(_ v: Double, decimals: Int, grouped: Bool, trimZeros: Bool) -> String {
        guard v.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 9.0e15 else { return String(v) }
        let units = Int64(scaled)
        let step = Int64(scale)
        let integer = units / step
        var fraction = units % step
        var out = ""
        if v < 0 && units != 0 { out.append("-") }
        let digits = String(integer)
        if grouped && digits.utf8.count > 3 {
            let first = digits.utf8.count % 3
            for (i, c) in digits.enumerated() {
                if i > 0 && (i - first) % 3 == 0 { out.append(",") }
                out.append(c)
            }
        } else {
            out.append(digits)
        }
        guard decimals > 0 else { return out }
        var places = decimals
        if trimZeros {
            while places > 0 && fraction % 10 == 0 {
                fraction /= 10
                places -= 1
            }
            if places == 0 { return out }
        }
        let f = String(fraction)
        out.append(".")
        out.append(String(repeating: "0", count: places - f.utf8.count))
        out.append(f)
        return out
    }
}
