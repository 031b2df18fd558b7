import Foundation
public import MonaziteSimulation

/// A hand-written SVG: the P5–P95 band and P50 line of daily shortfall for each sector.
///
/// Small multiples (one panel per sector, shared day axis, own tonnes-per-day axis) so a small
/// sector is not flattened by a large one. Plain SVG 1.1, no scripts, readable as text.
public enum ShortfallBandChart {
    /// - Parameters:
    ///   - bands: daily bands; series named `sector:…` are drawn.
    ///   - title: chart title; `sourceNote`: the line under the chart.
    public static func svg(bands: DailyBands, title: String, subtitle: String, sourceNote: String) -> String {
        let sectors = bands.series.filter { $0.name.hasPrefix("sector:") }
        let columns = 2
        let panelWidth = 440.0, panelHeight = 180.0, left = 70.0, top = 70.0, gapX = 40.0, gapY = 60.0
        let rows = max(1, (sectors.count + columns - 1) / columns)
        let width = left + Double(columns) * (panelWidth + gapX) + 10
        let height = top + Double(rows) * (panelHeight + gapY) + 40
        var s = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif">
            <title>\(escape(title))</title>
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="28" font-size="18" font-weight="bold">\(escape(title))</text>
            <text x="\(left)" y="48" font-size="12" fill="#444">\(escape(subtitle))</text>

            """
        let h = max(bands.horizonDays, 1)
        for (k, band) in sectors.enumerated() {
            let x0 = left + Double(k % columns) * (panelWidth + gapX)
            let y0 = top + Double(k / columns) * (panelHeight + gapY)
            let maxValue = niceCeiling(band.p95.max() ?? 0)
            func px(_ day: Int) -> Double { x0 + panelWidth * Double(day) / Double(max(h - 1, 1)) }
            func py(_ v: Double) -> Double { y0 + panelHeight - panelHeight * (maxValue > 0 ? v / maxValue : 0) }
            let name = String(band.name.dropFirst("sector:".count))
            let label = EndUseSector(rawValue: name)?.label ?? name
            s += "<g>\n<text x=\"\(x0)\" y=\"\(y0 - 8)\" font-size=\"13\" font-weight=\"bold\">\(escape(label))</text>\n"
            s += "<rect x=\"\(x0)\" y=\"\(y0)\" width=\"\(panelWidth)\" height=\"\(panelHeight)\" fill=\"none\" stroke=\"#999\"/>\n"
            // Band: P95 forward, P5 backward.
            var points: [String] = []
            for t in 0..<h { points.append("\(fmt(px(t))),\(fmt(py(band.p95[t])))") }
            for t in stride(from: h - 1, through: 0, by: -1) { points.append("\(fmt(px(t))),\(fmt(py(band.p5[t])))") }
            s += "<polygon points=\"\(points.joined(separator: " "))\" fill=\"#e6550d\" fill-opacity=\"0.25\" stroke=\"none\"/>\n"
            let median = (0..<h).map { "\(fmt(px($0))),\(fmt(py(band.p50[$0])))" }.joined(separator: " ")
            s += "<polyline points=\"\(median)\" fill=\"none\" stroke=\"#a63603\" stroke-width=\"1.5\"/>\n"
            for tick in 0...4 {
                let v = maxValue * Double(tick) / 4
                s += "<text x=\"\(x0 - 6)\" y=\"\(fmt(py(v) + 4))\" font-size=\"10\" text-anchor=\"end\">\(axisLabel(v))</text>\n"
            }
            let step = max(1, h / 6 / 30 * 30)
            for day in stride(from: 0, to: h, by: step) {
                s += "<text x=\"\(fmt(px(day)))\" y=\"\(y0 + panelHeight + 14)\" font-size=\"10\" text-anchor=\"middle\">\(day)</text>\n"
            }
            s += "<text x=\"\(x0 + panelWidth / 2)\" y=\"\(y0 + panelHeight + 28)\" font-size=\"10\" text-anchor=\"middle\" fill=\"#444\">day</text>\n"
            s += "<text x=\"\(x0 - 50)\" y=\"\(y0 + panelHeight / 2)\" font-size=\"10\" fill=\"#444\" transform=\"rotate(-90 \(x0 - 50) \(y0 + panelHeight / 2))\" text-anchor=\"middle\">shortfall, t/day</text>\n</g>\n"
        }
        s += "<text x=\"\(left)\" y=\"\(Int(height) - 14)\" font-size=\"10\" fill=\"#444\">\(escape(sourceNote))</text>\n</svg>\n"
        return s
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    static func axisLabel(_ v: Double) -> String {
        v >= 100 ? String(format: "%.0f", v) : v >= 1 ? String(format: "%.1f", v) : String(format: "%.2f", v)
    }

    /// 1, 2 or 5 times a power of ten at or above `v` (1 for 0).
    static func niceCeiling(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let power = pow(10, floor(log10(v)))
        for m in [1.0, 2, 5, 10] where m * power >= v { return m * power }
        return 10 * power
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
