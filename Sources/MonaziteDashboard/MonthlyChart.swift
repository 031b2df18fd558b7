import MonaziteCore

/// An inline SVG bar chart of monthly tonnes: reported months solid, derived and estimated
/// months hatched, missing months left as labelled gaps, a figure published only for several
/// months together (China's combined January–February) as one dashed box over its months at
/// their average (the average marked derived), and policy events as dashed vertical markers
/// with their labels and links. `<title>`/`<desc>` describe it; the page's table holds
/// the same figures. No `role="img"`: that would hide the bars' and markers' links from
/// assistive technology.
struct MonthlyChart {
    struct Point {
        let month: Month
        let tonnes: Double?
        let status: DataStatus?
        let missingReason: String?
        let source: Provenance?
    }

    /// A figure for several consecutive months together, none of which has a figure of its own.
    struct Span {
        let period: Period
        let tonnes: Double
        let status: DataStatus
        let source: Provenance?
    }

    /// Prefix of the chart's element ids (unique per page).
    var id: String
    var title: String
    /// Series tag used in bar ids (`bar-WLD-2025-06`).
    var seriesTag: String
    var points: [Point]
    var markers: [ChartEventMarker]
    /// Multi-month figures drawn over their months (see ``spans(in:over:)``).
    var spans: [Span] = []

    /// The multi-month figures of `totals` that can stand in for months of `points` without a
    /// figure of their own: each lies wholly in the charted months, none of its months has a
    /// figure, the shortest first, never two over one month. A span with a month that has its
    /// own figure (2024-H1 beside April–June 2024) is not drawn: what it leaves for the others
    /// would be our subtraction, not a published figure.
    static func spans(in totals: SeriesTotals, over points: [Point]) -> [Span] {
        let missing = Set(points.filter { $0.tonnes == nil }.map(\.month))
        var taken = Set<Month>()
        var result: [Span] = []
        let candidates = totals.observations.values
            .filter { !$0.period.isMonth && $0.quantityTonnes != nil && $0.period.months.allSatisfy(missing.contains) }
            .sorted { ($0.period.monthCount, $0.period.first) < ($1.period.monthCount, $1.period.first) }
        for o in candidates {
            guard let t = o.quantityTonnes, t.isFinite, t >= 0, o.period.months.allSatisfy({ !taken.contains($0) }) else { continue }
            taken.formUnion(o.period.months)
            result.append(Span(period: o.period, tonnes: t, status: o.status, source: o.provenance))
        }
        return result.sorted { $0.period.first < $1.period.first }
    }

    /// The highest thing drawn: a month's tonnes or a span's monthly average (the y axis is scaled to it).
    var tallest: Double { (points.compactMap(\.tonnes) + spans.map { $0.tonnes / Double($0.period.monthCount) }).max() ?? 0 }

    /// The span holding a month, if one is drawn over it.
    func span(over month: Month) -> Span? { spans.first { $0.period.first <= month && month <= $0.period.last } }

    static let width = 760.0
    static let height = 340.0
    static let left = 62.0
    static let right = 14.0
    static let top = 14.0
    static let bottom = 46.0

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The markers whose day falls in the charted months.
    var markersInRange: [ChartEventMarker] {
        guard let first = points.first?.month, let last = points.last?.month else { return [] }
        return markers.filter { $0.day.monthValue >= first && $0.day.monthValue <= last }.sorted { $0.day < $1.day }
    }

    /// One sentence for `<desc>` and screen readers.
    var summary: String {
        guard let first = points.first?.month, let last = points.last?.month else { return "No months to chart." }
        let present = points.filter { $0.tonnes != nil }
        let missing = points.count - present.count
        let weak = present.filter { ($0.status ?? .reported) != .reported }.count
        var s = "Monthly tonnes from \(first) to \(last): \(present.count) of \(points.count) months have a figure"
        if let high = present.max(by: { ($0.tonnes ?? 0) < ($1.tonnes ?? 0) }), let t = high.tonnes {
            s += "; highest \(NumberText.tonnes(t)) t in \(high.month)"
        }
        if let low = present.min(by: { ($0.tonnes ?? 0) < ($1.tonnes ?? 0) }), let t = low.tonnes {
            s += ", lowest \(NumberText.tonnes(t)) t in \(low.month)"
        }
        let inSpans = points.filter { $0.tonnes == nil && span(over: $0.month) != nil }.count
        if missing - inSpans > 0 { s += "; \(missing - inSpans) month\(missing - inSpans == 1 ? "" : "s") missing (shown as gaps)" }
        for sp in spans {
            s += "; \(sp.period.first) to \(sp.period.last) have only a combined figure, \(NumberText.tonnes(sp.tonnes)) t"
                + (sp.status == .reported ? "" : " (\(sp.status.rawValue))")
                + " (drawn at its monthly average, \(NumberText.tonnes(sp.tonnes / Double(sp.period.monthCount), decimals: 1)) t, derived)"
        }
        if weak > 0 { s += "; \(weak) derived or estimated (hatched)" }
        let events = markersInRange.count
        if events > 0 { s += "; \(events) policy event\(events == 1 ? "" : "s") marked" }
        return s + ". The table below lists every figure with its source."
    }

    /// Where things go: the width of a month's band, the plot's height and its y axis.
    struct Layout {
        let band: Double
        let plotH: Double
        let yMax: Double
        let step: Double
        var baseline: Double { MonthlyChart.top + plotH }
        func y(_ t: Double) -> Double { MonthlyChart.top + plotH * (1 - t / yMax) }
    }

    var layout: Layout {
        let plotH = Self.height - Self.top - Self.bottom
        let (yMax, step) = Self.niceScale(tallest)
        return Layout(band: (Self.width - Self.left - Self.right) / Double(max(1, points.count)), plotH: plotH, yMax: yMax, step: step)
    }

    func render(into w: inout HTMLWriter, request: DashboardRequest) {
        let layout = self.layout
        let (band, plotH, yMax, step, baseline) = (layout.band, layout.plotH, layout.yMax, layout.step, layout.baseline)
        let barW = band * 0.72
        func y(_ t: Double) -> Double { layout.y(t) }
        func f(_ v: Double) -> String { NumberText.fixed(v, decimals: 1) }

        w.raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\"")
        w.attribute("aria-labelledby", "\(id)-title \(id)-desc")
        w.raw("><title")
        w.attribute("id", "\(id)-title")
        w.raw(">")
        w.text(title)
        w.raw("</title><desc")
        w.attribute("id", "\(id)-desc")
        w.raw(">")
        w.text(summary)
        w.raw("</desc><defs><pattern")
        w.attribute("id", "\(id)-hatch")
        w.raw(" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">")
        w.raw("<rect width=\"6\" height=\"6\" fill=\"#dce8f5\"/><rect width=\"2.5\" height=\"6\" fill=\"#245e9e\"/></pattern></defs>")

        // Grid and y axis.
        var tick = 0.0
        while tick <= yMax + step / 2 {
            let ty = f(y(tick))
            w.raw("<line class=\"grid\" x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(ty)\" y2=\"\(ty)\"/>")
            w.raw("<text x=\"\(f(Self.left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(NumberText.tonnes(tick, decimals: 0))</text>")
            tick += step
        }
        w.raw("<text x=\"12\" y=\"\(f(Self.top + plotH / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 12 \(f(Self.top + plotH / 2)))\">tonnes</text>")
        w.raw("<line class=\"axis\" x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(baseline))\" y2=\"\(f(baseline))\"/>")

        // Bars, gaps and month labels.
        let n = points.count
        let labelEvery = n <= 18 ? 1 : (n <= 36 ? 3 : 6)
        for (i, p) in points.enumerated() {
            let x0 = Self.left + band * Double(i)
            let cx = x0 + band / 2
            let period = p.month.description
            if let t = p.tonnes {
                let status = p.status ?? .reported
                let top = y(t)
                var label = "\(period): \(NumberText.tonnes(t)) t"
                if status != .reported { label += " (\(status.rawValue))" }
                if let s = p.source { label += ". " + SourceLinks.title(s) }
                // An inline style, since the stylesheet's bar colour would beat a `fill` attribute.
                Self.sourcedRect(
                    into: &w, source: p.source, request: request, id: "bar-\(seriesTag)-\(period)", cssClass: "bar \(status.rawValue)",
                    style: status == .reported ? nil : "fill:url(#\(id)-hatch)",
                    box: (f(cx - barW / 2), f(top), f(barW), f(max(0.5, baseline - top))),
                    period: period, tonnes: t, status: status, title: label)
            } else if let sp = span(over: p.month) {
                if p.month == sp.period.first { renderSpan(sp, from: i, layout: layout, into: &w, request: request) }
            } else {
                let gy = f(baseline - 4)
                w.raw("<text class=\"gap\" x=\"\(f(cx + 3.5))\" y=\"\(gy)\" transform=\"rotate(-90 \(f(cx + 3.5)) \(gy))\"")
                w.attribute("data-period", period)
                w.raw(">missing<title>")
                w.text("\(period): missing — \(p.missingReason ?? "no figure")")
                w.raw("</title></text>")
            }
            if i % labelEvery == 0 || labelEvery == 1 {
                w.raw("<text x=\"\(f(cx))\" y=\"\(f(baseline + 15))\" text-anchor=\"middle\">\(Self.monthNames[(p.month.month + 11) % 12])</text>")
            }
            if i == 0 || p.month.month == 1 {
                w.raw("<text x=\"\(f(cx))\" y=\"\(f(baseline + 30))\" text-anchor=\"middle\" font-weight=\"600\">\(p.month.year)</text>")
            }
        }

        // Policy events.
        if let first = points.first?.month {
            let inRange = markersInRange
            let xs = inRange.map { m in
                let offset = Double(m.day.monthValue.index - first.index)
                let within = Double(m.day.day - 1) / Double(CalendarDay.daysIn(month: m.day.month, year: m.day.year))
                return Self.left + band * (offset + within)
            }
            let labels = Self.eventLabels(inRange.map(\.label), at: xs)
            for (i, m) in inRange.enumerated() {
                let x = f(xs[i])
                let url = SourceLinks.safeURL(m.url)
                if let url {
                    w.raw("<a")
                    w.attribute("href", url)
                    w.raw(">")
                }
                w.raw("<g")
                w.attribute("class", "marker kind-" + Self.cssToken(m.kind))
                w.attribute("data-day", m.day.description)
                w.raw("><title>")
                w.text("\(m.day): \(m.label)")
                w.raw("</title><line class=\"event\" x1=\"\(x)\" x2=\"\(x)\" y1=\"\(f(Self.top))\" y2=\"\(f(baseline))\"/>")
                guard let label = labels[i] else {
                    w.raw("</g>")
                    if url != nil { w.raw("</a>") }
                    continue
                }
                let rotate = "rotate(-90 \(x) \(f(baseline - 6)))"
                // A light box behind the label keeps it readable over the bars (about 6 px a character at 11 px).
                w.raw("<rect class=\"label-bg\" x=\"\(x)\" y=\"\(f(baseline - 6 - 14))\" width=\"\(f(Double(label.count) * 6 + 4))\" height=\"13\" transform=\"\(rotate) translate(-2 0)\"/>")
                w.raw("<text class=\"event-label\" x=\"\(x)\" y=\"\(f(baseline - 6))\" transform=\"\(rotate) translate(0 -4)\">")
                w.text(label)
                w.raw("</text></g>")
                if url != nil { w.raw("</a>") }
            }
        }
        w.raw("</svg>")
    }

    /// One dashed box over the months of a multi-month figure, at their average, linked to its
    /// source; its title gives the published total and says the average is ours.
    private func renderSpan(_ sp: Span, from index: Int, layout: Layout, into w: inout HTMLWriter, request: DashboardRequest) {
        let band = layout.band
        let inset = band * 0.14
        let months = Double(sp.period.monthCount)
        let average = sp.tonnes / months
        let baseline = layout.baseline
        let top = layout.y(average)
        func f(_ v: Double) -> String { NumberText.fixed(v, decimals: 1) }
        var label = "\(sp.period.first) to \(sp.period.last): \(NumberText.tonnes(sp.tonnes)) t together"
        if sp.status != .reported { label += " (\(sp.status.rawValue))" }
        label += "; no figure for each month on its own. Drawn at the monthly average, \(NumberText.tonnes(average, decimals: 1)) t (derived)."
        if let s = sp.source { label += " " + SourceLinks.title(s) }
        let x0 = Self.left + band * Double(index) + inset
        Self.sourcedRect(
            into: &w, source: sp.source, request: request, id: "span-\(seriesTag)-\(sp.period.first)-\(sp.period.last)",
            cssClass: sp.status == .reported ? "span" : "span \(sp.status.rawValue)", style: nil,
            box: (f(x0), f(top), f(band * months - 2 * inset), f(max(0.5, baseline - top))),
            period: "\(sp.period.first)..\(sp.period.last)", tonnes: sp.tonnes, status: sp.status, title: label)
    }

    /// One `<rect>` with its figure's data attributes and `<title>`, inside a link to the
    /// figure's source when it has one: a month's bar or a span's box.
    private static func sourcedRect(
        into w: inout HTMLWriter, source: Provenance?, request: DashboardRequest, id: String, cssClass: String, style: String?,
        box: (x: String, y: String, width: String, height: String), period: String, tonnes: Double, status: DataStatus, title: String
    ) {
        let link = source.map { SourceLinks.href($0, request) }
        if let link {
            w.raw("<a")
            w.attribute("href", link.href)
            w.raw(">")
        }
        w.raw("<rect")
        w.attribute("id", id)
        w.attribute("class", cssClass)
        if let style { w.attribute("style", style) }
        w.raw(" x=\"\(box.x)\" y=\"\(box.y)\" width=\"\(box.width)\" height=\"\(box.height)\"")
        w.attribute("data-period", period)
        w.attribute("data-tonnes", NumberText.plain(tonnes))
        w.attribute("data-status", status.rawValue)
        w.raw("><title>")
        w.text(title)
        w.raw("</title></rect>")
        if link != nil { w.raw("</a>") }
    }

    /// The legend under the chart, as HTML so it reads and wraps on a phone.
    static func legend(into w: inout HTMLWriter, hasEvents: Bool, hasSpans: Bool = false) {
        w.raw("<ul class=\"legend\"><li><span class=\"sw sw-reported\"></span>reported</li>")
        w.raw("<li><span class=\"sw sw-derived\"></span>derived or estimate (computed from other figures or projected)</li>")
        if hasSpans {
            w.raw("<li><span class=\"sw sw-span\"></span>one figure for several months together: drawn across them at their average (the average is derived)</li>")
        }
        w.raw("<li><span class=\"sw sw-missing\"></span>missing: no figure for the month on its own</li>")
        if hasEvents { w.raw("<li><span class=\"sw sw-event\"></span>policy event</li>") }
        w.raw("</ul>")
    }

    /// An axis top of 1, 2, 2.5 or 5 × 10ⁿ above `maximum`, with four or five steps.
    static func niceScale(_ maximum: Double) -> (top: Double, step: Double) {
        guard maximum > 0, maximum.isFinite else { return (1, 0.25) }
        let rough = maximum / 4
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let r = rough / magnitude
        let step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * magnitude
        var top = step
        while top < maximum { top += step }
        return (top, step)
    }

    /// Lower-case letters, digits and hyphens only: safe in a class name.
    static func cssToken(_ s: String) -> String {
        var out = ""
        for scalar in s.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" {
                out.unicodeScalars.append(scalar)
            } else if scalar == "_" || scalar == " " {
                out.append("-")
            }
            if out.utf8.count >= 32 { break }
        }
        return out.isEmpty ? "other" : out
    }

    /// Rotated labels are one line of 11 px text tall: a label closer than this to the one drawn
    /// before it would be written over it.
    static let labelSpacing = 12.0

    /// The text drawn beside each event line (nil: none), for lines at `xs` in increasing order:
    /// lines closer than ``labelSpacing`` to a labelled one share its label, which counts them
    /// ("… (+2 more)"); every line keeps its own tooltip.
    static func eventLabels(_ labels: [String], at xs: [Double], limit: Int = 42) -> [String?] {
        var out = [String?](repeating: nil, count: labels.count)
        var i = 0
        while i < labels.count {
            var j = i + 1
            while j < labels.count, xs[j] - xs[i] < labelSpacing { j += 1 }
            let more = j - i - 1
            let suffix = more > 0 ? " (+\(more) more)" : ""
            out[i] = shortened(labels[i], to: limit - suffix.count) + suffix
            i = j
        }
        return out
    }

    static func shortened(_ s: String, to limit: Int) -> String {
        guard s.count > limit else { return s }
        return String(s.prefix(limit - 1)) + "…"
    }
}
