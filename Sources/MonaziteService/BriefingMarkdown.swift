import Foundation
import MonaziteCore
import MonazitePolicy

/// Renders a ``BriefingAnswer`` as Markdown: every figure carries a footnote `[^n]` to the
/// source rows it comes from (source, URL, release). Pure: same answer, same text.
public enum BriefingMarkdown {
    /// The chart's file name beside the Markdown when written to a folder.
    public static func chartFileName(period: String) -> String { "briefing-\(period)-world.svg" }

    public static func render(_ a: BriefingAnswer, chartFile: String? = nil) -> String {
        var notes = Footnotes()
        var out: [String] = []
        let commodity = a.commodity == "8505.11" ? "HS 8505.11 (permanent magnets of metal)" : "HS \(a.commodity)"
        out.append("# Briefing \(a.period): \(CountryCode(a.reporter)?.name ?? a.reporter) \(a.flow)s of \(commodity)")
        out.append("")
        out.append("Briefing date \(a.on) (the month's last day, or today when the month is current). Made on \(a.today); regenerate from the bundled store with `monazite init` then `monazite briefing \(a.period) --today \(a.today) --out docs`.")
        out.append("")

        out.append("## Headline figures")
        out.append("")
        if let missing = a.missing {
            out.append("**The month is missing:** \(escape(missing)).")
            out.append("")
        } else if let s = a.summary, let world = s.items.first {
            let w = notes.refs(world.row.sources)
            out.append(escape(s.headline) + w)
            out.append("")
            out.append("### By the numbers")
            out.append("")
            out.append(line("World", world.row, refs: w))
            if let ytd = s.ytdT {
                let year = String(a.period.prefix(4))
                // January to June is the half-year the customs releases and the press name (H1).
                let half = s.ytdLabel == "\(year)-01..\(year)-06" ? ", H1 \(year)" : ""
                var text = "- Year to date (\(s.ytdLabel)\(half)): \(Format.tonnes(ytd, decimals: 0)) t"
                if let y = s.ytdYoYPct { text += ", \(Format.pct(y)) on the same months a year earlier" }
                // The sum's inputs: the stored months of the year to date (the chart holds them).
                let inputs = a.chart.filter { $0.period.hasPrefix(year) && $0.period <= a.period }.flatMap(\.sources)
                text += " (derived: our sum of the monthly figures)" + (inputs.isEmpty ? w : notes.refs(inputs))
                out.append(text)
            }
            for item in s.items.dropFirst() {
                out.append(line(capitalised(item.label), item.row, refs: notes.refs(item.row.sources), share: item.shareOfWorld))
            }
            out.append("")
            let derived = s.notes.filter { !$0.hasPrefix("source: ") }
            if !derived.isEmpty {
                out.append("Notes on the bases (derived or circular bases flagged):")
                out.append("")
                for n in derived { out.append("- " + escape(n) + w) }
                out.append("")
            }
        }

        if !a.chart.isEmpty {
            out.append("### The last \(a.chart.count) months")
            out.append("")
            let refs = notes.refs(a.chart.flatMap(\.sources))
            if let chartFile {
                out.append("![World \(a.flow)s by month, tonnes](\(chartFile))")
                out.append("")
            }
            out.append("World \(a.flow)s by month, the bars of the chart:" + refs)
            out.append("")
            for row in a.chart {
                if let q = row.quantityT {
                    out.append("- \(row.period): \(Format.tonnes(q, decimals: 0)) t" + notes.refs(row.sources))
                } else {
                    out.append("- \(row.period): no figure stored (no bar)")
                }
            }
            out.append("")
        }

        out.append("## Policy")
        out.append("")
        out.append("### Acts in \(a.period)")
        out.append("")
        if a.actsInMonth.events.isEmpty { out.append("No act on the timeline was announced or took effect in \(a.period).") }
        for item in a.actsInMonth.events {
            let e = item.event
            let when = [e.dates.announced.map { "announced \($0)" }, e.dates.effective.map { "effective \($0)" }].compactMap { $0 }.joined(separator: ", ")
            var text = "- \(escape(e.label)): \(escape(e.title)) (\(when))"
            if let st = item.status { text += "; on \(st.on): \(st.status.replacingOccurrences(of: "_", with: " "))" }
            if !e.verified { text += " (unverified)" }
            out.append(text + notes.ref(source: e.source, url: e.url, release: e.dates.announced?.description))
        }
        out.append("")
        out.append("### What holds on \(a.on) for HS \(a.commodity)")
        out.append("")
        // Acts not yet announced on the briefing's date are not news on that date.
        let announced = a.holding.measures.filter { m in m.dates.announced.map { $0.description <= a.on } ?? true }
        if announced.isEmpty { out.append("No measure on the timeline touches HS \(a.commodity) on \(a.on).") }
        // A lapsed suspension leads: the measures it held back apply again.
        var lapsed: [String: [ApplicabilityResult]] = [:]
        var order: [String] = []
        for m in announced where m.status == .suspensionLapsed {
            guard let w = m.suspensions.last, let until = w.until else { continue }
            let key = "the suspension by \(w.byLabel) ended on \(until)"
            if lapsed[key] == nil { order.append(key) }
            lapsed[key, default: []].append(m)
        }
        for key in order {
            let measures = lapsed[key] ?? []
            let refs = measures.map { notes.ref(source: $0.source, url: $0.url, release: $0.dates.announced?.description) }
            out.append("**On \(a.on): \(escape(key)); no renewal is recorded, so \(measures.map { escape($0.label) }.joined(separator: ", ")) apply again by their own terms.**" + Set(refs).sorted().joined())
            out.append("")
        }
        for m in announced {
            let status = m.status.rawValue.replacingOccurrences(of: "_", with: " ")
            // The explanation often opens with the status itself ("in force since …"): say it once.
            let explanation = m.explanation.hasPrefix(status) ? m.explanation : "\(status): \(m.explanation)"
            var text = "- **\(escape(m.label))** (\(escape(m.title))): \(escape(explanation))"
            if m.status == .suspensionLapsed, !m.explanation.contains("no renewal") { text += "; no renewal is recorded" }
            if !m.verified { text += " (unverified)" }
            out.append(text + notes.ref(source: m.source, url: m.url, release: m.dates.announced?.description))
        }
        out.append("")

        if a.missing == nil {
            out.append("## Anomalies in \(a.period)")
            out.append("")
            let world = notes.refs(a.summary?.items.first?.row.sources ?? [])
            if a.anomalies.isEmpty { out.append("The detector flags no surge or collapse in the world series for \(a.period).") }
            for item in a.anomalies {
                var text = "- \(item.direction) in \(item.month): \(Format.tonnes(item.quantityT, decimals: 0)) t; "
                text += item.signals.map { escape($0.text) }.joined(separator: "; ") + world
                out.append(text)
                for e in item.events {
                    out.append("  - linked event: \(escape(e.instrument)), \(escape(e.title)) (\(e.day); \(escape(e.evidence)))" + notes.ref(source: e.source, url: e.url, release: e.day))
                }
            }
            out.append("")
        }
        out.append("## Dependence: US net import reliance (USGS)")
        out.append("")
        if let why = a.dependenceMissing { out.append(escape(why) + ".") }
        for y in a.dependence {
            var parts: [String] = []
            if let p = y.nirPublished { parts.append("published \(escape(p))" + (Double(p) != nil ? "%" : "")) }
            if let c = y.nirComputedPct { parts.append("ours \(Format.tonnes(c, decimals: 0))% (derived from the edition's salient statistics)") }
            if parts.isEmpty { parts.append("no reliance figure printed") }
            let ref = y.source.map { notes.ref(source: $0.source, url: $0.url, release: $0.release) } ?? ""
            out.append("- \(escape(y.edition)), year \(y.year)\(y.estimated ? " (estimate)" : ""): " + parts.joined(separator: "; ") + ref)
        }
        out.append("")
        prices(a, into: &out, notes: &notes)
        pipeline(a, into: &out, notes: &notes)
        out.append("## Freshness")
        out.append("")
        out.append("The world series on \(a.today): \(escape(a.freshness)).")
        out.append("")
        if !a.notInThisBuild.isEmpty {
            out.append("## Not in this build")
            out.append("")
            out.append("\(capitalised(a.notInThisBuild.joined(separator: " and "))): not in this build.")
            out.append("")
        }
        if !notes.texts.isEmpty {
            out.append("## Sources")
            out.append("")
            for (i, t) in notes.texts.enumerated() { out.append("[^\(i + 1)]: \(t)") }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// The prices and spreads section: quotes as published with USD/kg (derived), spreads and the stress index (derived).
    static func prices(_ a: BriefingAnswer, into out: inout [String], notes: inout Footnotes) {
        let p = a.prices
        out.append("## Prices and spreads")
        out.append("")
        if let missing = p.missing {
            out.append(escape(missing) + ".")
            out.append("")
            return
        }
        if p.monthHasQuotes {
            out.append("NdPr, Dy and Tb oxide quotes dated in \(a.period), by market basis, as published; USD/kg figures are derived (the conversion follows each):")
        } else {
            out.append("**No NdPr, Dy or Tb oxide quote is dated in \(a.period).** The latest quote on or before the end of \(a.period) is dated \(p.latestQuoteDate ?? "—"); nothing newer is bundled. The latest quote of each product and basis:")
        }
        out.append("")
        for q in p.quotes {
            let vat: String
            switch q.vatIncluded {
            case "yes": vat = "VAT included"
            case "no": vat = "VAT excluded"
            default: vat = "VAT treatment not stated"
            }
            var text = "- \(q.date), \(escape(q.product))\(q.purity.map { " " + escape($0) } ?? ""), \(escape(q.basis)): published \(range(q.low, q.high, decimals: q.unit.hasSuffix("/t") ? 0 : 2)) \(escape(q.unit)), \(vat)"
            if let l = q.usdPerKgLow, let h = q.usdPerKgHigh {
                text += "; USD \(range(l, h, decimals: 2))/kg (\(escape(q.conversion ?? "derived")))"
            } else if let c = q.conversion {
                text += "; " + escape(c)
            }
            out.append(text + notes.ref(source: q.publisher, url: q.url, release: q.release))
        }
        out.append("")
        if p.spreads.isEmpty {
            out.append("No ex-China / China spread is computable for \(a.period): no ex-China quote of the month has a China-domestic quote near enough in date.")
        } else {
            out.append("Ex-China / China spreads of \(a.period) (derived: ex-China USD/kg midpoint ÷ China-domestic USD/kg midpoint with VAT removed; docs/prices.md):")
            out.append("")
            for s in p.spreads {
                let x = s.spread
                let refs = notes.ref(source: s.exChinaQuote.publisher, url: s.exChinaQuote.url, release: s.exChinaQuote.release)
                    + notes.ref(source: s.chinaQuote.publisher, url: s.chinaQuote.url, release: s.chinaQuote.release)
                out.append(
                    "- \(x.date), \(escape(x.product)): ex-China basis \(escape(x.exChinaBasis.rawValue)) USD \(Format.tonnes(x.exChinaUSDPerKg, decimals: 2))/kg against China basis \(escape(x.chinaBasis)) (\(x.chinaDate)) USD \(Format.tonnes(x.chinaUSDPerKg, decimals: 2))/kg: ratio \(String(format: "%.2f", x.ratio)) (derived)"
                        + refs)
            }
            if let caveat = p.spreads.compactMap(\.spread.caveat).first {
                out.append("")
                out.append("Caveat: " + escape(caveat) + notes.ref(source: "Adamas Intelligence", url: "https://www.adamasintel.com/the-fallacy-of-european-rare-earth-prices-and-the-pras-that-promote-them", release: nil))
            }
        }
        out.append("")
        if let i = p.stressIndex {
            var seen = Set<String>()
            var refs = ""
            for s in p.spreads {
                for q in [s.exChinaQuote, s.chinaQuote] {
                    let r = notes.ref(source: q.publisher, url: q.url, release: q.release)
                    if seen.insert(r).inserted { refs += r }
                }
            }
            out.append("Stress index \(i.month): \(String(format: "%.0f", i.index)) (derived from the \(i.spreadCount) spreads above: 100 × exp of the mean log ratio over \(i.products.map(escape).joined(separator: ", ")); 100 = parity)" + refs)
        } else {
            out.append("No stress index for \(a.period): no spread is dated in the month.")
        }
        out.append("")
    }

    static func range(_ low: Double, _ high: Double, decimals: Int) -> String {
        let l = Format.tonnes(low, decimals: decimals), h = Format.tonnes(high, decimals: decimals)
        return l == h ? l : l + "–" + h
    }

    static func line(_ label: String, _ r: TradeRow, refs: String, share: Double? = nil) -> String {
        var parts = ["\(Format.tonnes(r.quantityT, decimals: 0)) t"]
        if let share { parts.append("\(Format.share(share)) of the world total (derived)") }
        if let m = r.momPct { parts.append("MoM \(Format.pct(m))") }
        if let m = r.reportedMoMPct { parts.append("published MoM \(Format.pct(m))") }
        if let y = r.yoyPct { parts.append("YoY \(Format.pct(y))") }
        if let y = r.reportedYoYPct { parts.append("published YoY \(Format.pct(y))") }
        if let v = r.valueUSD { parts.append("USD \(Format.tonnes(v, decimals: 0))") }
        return "- \(escape(label)): " + parts.joined(separator: "; ") + refs
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Data text made inert in Markdown (and so in the HTML made from it).
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "*", "_", "`", "[", "]", "\\", "|": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    /// Numbered footnotes, one per distinct source, in order of first use.
    struct Footnotes {
        var texts: [String] = []
        var index: [String: Int] = [:]

        mutating func ref(source: String, url: String?, release: String?) -> String {
            var text = escape(source)
            if let url { text += ", <\(url)>" }
            text += release.map { ", release \($0)" } ?? ", release date not recorded"
            if let i = index[text] { return "[^\(i)]" }
            texts.append(text)
            index[text] = texts.count
            return "[^\(texts.count)]"
        }

        mutating func refs(_ sources: [SourceRef]) -> String {
            var seen = Set<String>()
            var out = ""
            for s in sources {
                let r = ref(source: s.source, url: s.url, release: s.release)
                if seen.insert(r).inserted { out += r }
            }
            return out
        }
    }
}

/// The bar chart of the briefing's world series, written as SVG text.
public enum BriefingChart {
    public static func svg(_ rows: [TradeRow], title: String) -> String {
        let width = 640.0, height = 260.0, left = 56.0, bottom = 36.0, top = 28.0
        let values = rows.map { $0.quantityT ?? 0 }
        let maxValue = max(values.max() ?? 0, 1)
        let slot = (width - left - 8) / Double(max(rows.count, 1))
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(xml(title))\">\n"
        s += "<title>\(xml(title))</title>\n"
        s += "<text x=\"\(Int(left))\" y=\"16\" font-size=\"12\" font-family=\"sans-serif\">\(xml(title))</text>\n"
        let plot = height - top - bottom
        for (i, row) in rows.enumerated() {
            let x = left + Double(i) * slot + slot * 0.15
            let v = row.quantityT ?? 0
            let h = plot * v / maxValue
            let y = top + plot - h
            let fill = i == rows.count - 1 ? "#b5542c" : "#5a7fa8"
            s += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(slot * 0.7))\" height=\"\(f(h))\" fill=\"\(fill)\">"
            s += "<title>\(xml(row.period)): \(Format.tonnes(row.quantityT, decimals: 0)) t</title></rect>\n"
            s += "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(height - bottom + 14))\" font-size=\"9\" font-family=\"sans-serif\" text-anchor=\"middle\">"
            s += "\(xml(String(row.period.suffix(5))))</text>\n"
        }
        s += "<text x=\"4\" y=\"\(f(top + 8))\" font-size=\"9\" font-family=\"sans-serif\">\(Format.tonnes(maxValue, decimals: 0)) t</text>\n"
        s += "<line x1=\"\(Int(left))\" y1=\"\(Int(top + plot))\" x2=\"\(Int(width - 8))\" y2=\"\(Int(top + plot))\" stroke=\"#333\"/>\n"
        s += "</svg>\n"
        return s
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
