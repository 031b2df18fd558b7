import Testing

@testable import MonaziteDashboard

@Suite("Formatting, escaping and URLs")
struct FormattingTests {
    @Test("Tonnes are grouped with trailing zeros dropped; changes are signed with one decimal")
    func numbers() {
        #expect(NumberText.tonnes(3188) == "3,188")
        #expect(NumberText.tonnes(1238.47) == "1,238.47")
        #expect(NumberText.tonnes(46.4) == "46.4")
        #expect(NumberText.tonnes(1_234_567.891) == "1,234,567.89")
        #expect(NumberText.tonnes(0) == "0")
        #expect(NumberText.tonnes(-2500.5) == "-2,500.5")
        #expect(NumberText.tonnes(999.999) == "1,000")
        #expect(NumberText.change(157.41) == "+157.4%")
        #expect(NumberText.change(-38.06) == "-38.1%")
        #expect(NumberText.change(-0.01) == "+0.0%")
        #expect(NumberText.share(0.2231) == "22.3%")
        #expect(NumberText.plain(3188) == "3188")
        #expect(NumberText.plain(1238.47) == "1238.47")
        #expect(NumberText.fixed(12, decimals: 1) == "12.0")
        #expect(NumberText.tonnes(.nan) == "")
    }

    @Test("HTML escaping covers the five special characters and leaves other text alone")
    func escaping() {
        #expect(HTMLWriter.escaped("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLWriter.escaped("Côte d’Ivoire — 5 t") == "Côte d’Ivoire — 5 t")
    }

    @Test("CSV fields are quoted only when needed, quotes doubled, records end in CRLF")
    func csv() {
        var out = ""
        CSVText.append(record: ["a", "b,c", "say \"hi\"", "two\nlines", ""], to: &out)
        #expect(out == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n")
    }

    @Test("Only http(s) URLs become links, with illegal characters encoded")
    func urls() {
        #expect(SourceLinks.safeURL("javascript:alert(1)") == nil)
        #expect(SourceLinks.safeURL("  https://x") == nil)
        #expect(SourceLinks.safeURL("data:text/html,hi") == nil)
        #expect(SourceLinks.safeURL("HTTPS://example.org/a") == "HTTPS://example.org/a")
        #expect(SourceLinks.safeURL("https://example.org/a-[b] c") == "https://example.org/a-%5Bb%5D%20c")
        #expect(SourceLinks.anchor("Reuters via Goldsea") == "src-reuters-via-goldsea")
        #expect(URLText.encode("a b&c=d/é") == "a%20b%26c%3Dd%2F%C3%A9")
        #expect(URLText.decode("a%20b+c", plusIsSpace: true) == "a b c")
        #expect(URLText.decode("%zz") == nil)
    }

    @Test("Event labels closer than a line's height share the first one's label, which counts them")
    func eventLabels() {
        let labels = MonthlyChart.eventLabels(["A", "B", "C", "D", String(repeating: "x", count: 60)], at: [10, 15, 21.9, 40, 52])
        #expect(labels == ["A (+2 more)", nil, nil, "D", String(repeating: "x", count: 41) + "…"])
        #expect(MonthlyChart.eventLabels(["A", String(repeating: "y", count: 50)], at: [0, 1]) == ["A (+1 more)", nil])
        #expect(MonthlyChart.eventLabels([String(repeating: "y", count: 50), "A"], at: [0, 1]) == [String(repeating: "y", count: 31) + "… (+1 more)", nil])
    }

    @Test("The chart's axis tops are round numbers above the maximum")
    func scale() {
        #expect(MonthlyChart.niceScale(6357).top == 8000)
        #expect(MonthlyChart.niceScale(6357).step == 2000)
        #expect(MonthlyChart.niceScale(46.4).top == 60)
        #expect(MonthlyChart.niceScale(0).top == 1)
        #expect(MonthlyChart.cssToken("export_licensing") == "export-licensing")
        #expect(MonthlyChart.cssToken("\"><b>") == "b")
    }
}
