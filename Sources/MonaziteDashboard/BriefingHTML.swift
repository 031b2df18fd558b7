import Foundation
import Ink
public import MonaziteService

/// The briefing as HTML: the Markdown renderer's text converted by Ink. Ink 0.6.0 has no
/// footnotes, so the markers become superscript links and the definitions an ordered list with
/// anchors (escaped here); the chart's SVG goes in after the 13-month heading.
public enum BriefingHTML {
    /// The HTML fragment (what goes inside `<main>` or `<body>`).
    public static func fragment(_ answer: BriefingAnswer) -> String {
        let markdown = BriefingMarkdown.render(answer)
        var lines = markdown.components(separatedBy: "\n")
        var definitions: [(Int, String)] = []
        if let start = lines.firstIndex(of: "## Sources") {
            for line in lines[start...] {
                guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]"),
                    let n = Int(line[line.index(line.startIndex, offsetBy: 2)..<close])
                else { continue }
                let textStart = line.index(close, offsetBy: 3, limitedBy: line.endIndex) ?? line.endIndex
                definitions.append((n, String(line[textStart...])))
            }
            lines.removeSubrange(start...)
        }
        let body = lines.map(markers).joined(separator: "\n")
        var html = MarkdownParser().html(from: body)
        if !answer.chart.isEmpty {
            let svg = BriefingChart.svg(answer.chart, title: "World \(answer.flow)s of HS \(answer.commodity) by month, tonnes")
            if let range = html.range(of: "</h3>", range: (html.range(of: "The last ")?.lowerBound ?? html.endIndex)..<html.endIndex) {
                html.insert(contentsOf: "<figure class=\"chart\">" + svg + "</figure>", at: range.upperBound)
            } else {
                html += "<figure class=\"chart\">" + svg + "</figure>"
            }
        }
        if !definitions.isEmpty {
            html += "<h2 id=\"sources\">Sources</h2><ol class=\"footnotes\">"
            for (n, text) in definitions { html += "<li id=\"fn-\(n)\">" + linked(unescapeMarkdown(text)) + "</li>" }
            html += "</ol>"
        }
        return html
    }

    /// A whole HTML document (for `monazite briefing --format html`).
    public static func document(_ answer: BriefingAnswer) -> String {
        var w = HTMLWriter(capacity: 1024)
        w.text("Briefing \(answer.period) · Monazite")
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + w.output + "</title><style>" + Stylesheet.css
            + "</style></head><body><main id=\"main\">" + fragment(answer) + "</main></body></html>\n"
    }

    /// `[^3]` to a superscript link to the third source.
    static func markers(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let open = rest.range(of: "[^") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if let close = after.firstIndex(of: "]"), let n = Int(after[..<close]) {
                out += "<sup><a href=\"#fn-\(n)\">[\(n)]</a></sup>"
                rest = after[after.index(after: close)...]
            } else {
                out += "[^"
                rest = after
            }
        }
        return out + rest
    }

    /// The Markdown escapes of the renderer removed, back to the data's text.
    static func unescapeMarkdown(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if !escaped, c == "\\" { escaped = true; continue }
            escaped = false
            out.append(c)
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }

    /// Plain text escaped for HTML, with `<https://…>` autolinks as anchors.
    static func linked(_ text: String) -> String {
        var w = HTMLWriter(capacity: text.utf8.count + 64)
        var rest = Substring(text)
        while let open = rest.range(of: "<http"), let close = rest[open.lowerBound...].firstIndex(of: ">") {
            w.text(String(rest[..<open.lowerBound]))
            let url = String(rest[rest.index(after: open.lowerBound)..<close])
            w.raw("<a")
            w.attribute("href", url)
            w.raw(">")
            w.text(url)
            w.raw("</a>")
            rest = rest[rest.index(after: close)...]
        }
        w.text(String(rest))
        return w.output
    }
}
