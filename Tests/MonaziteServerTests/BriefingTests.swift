import Foundation
import HummingbirdTesting
import MonaziteCore
import MonaziteDashboard
import MonazitePolicyFile
import MonaziteServer
import MonaziteService
import Testing

/// The monthly briefing on the bundled store: the June 2025 and November 2026 figures and
/// statuses, every figure footnoted, the API's JSON equal to the CLI's, a missing month said.
@Suite(.serialized) struct BriefingTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 30)

    func briefing(_ harness: ServerHarness, _ year: Int, _ month: Int) async throws -> BriefingAnswer {
        let m = try #require(Month(year: year, month: month))
        return try await QueryService(store: harness.store).briefing(
            month: m, today: try #require(Self.today), events: try BundledPolicyTimeline.load())
    }

    /// The Markdown body: everything before the footnote definitions, with Markdown escapes removed.
    static func body(_ markdown: String) -> [String] {
        let lines = markdown.components(separatedBy: "\n")
        let end = lines.firstIndex(of: "## Sources") ?? lines.count
        return lines[..<end].map { $0.replacingOccurrences(of: "\\", with: "") }
    }

    /// A figure: a number with a unit (t, %, USD, kg) or a signed change.
    static func hasFigure(_ line: String) -> Bool {
        guard let figure = try? Regex(#"(\d[\d,]*(\.\d+)?\s?(t\b|%|kg\b))|(USD\s?\d)|(\d\s?USD)|([+−-]\d+(\.\d+)?%)"#) else { return true }
        return line.contains(figure)
    }

    /// Lines of the body that state a figure without a footnote marker.
    static func unfootnoted(_ markdown: String) -> [String] {
        body(markdown).filter { line in
            !line.hasPrefix("#") && hasFigure(line) && !line.contains("[^")
        }
    }

    /// The body line containing `text`, which must carry a footnote marker.
    func footnotedLine(_ markdown: String, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let line = Self.body(markdown).first { $0.contains(text) }
        #expect(line != nil, "no line states \(text)", sourceLocation: sourceLocation)
        if let line { #expect(line.contains("[^"), "not footnoted: \(line)", sourceLocation: sourceLocation) }
        return line
    }

    @Test func june2025StatesTheHeadlineFiguresFootnoted() async throws {
        let harness = try await ServerHarness.bundled()
        let answer = try await briefing(harness, 2025, 6)
        #expect(answer.missing == nil)
        #expect(answer.on == "2025-06-30")
        let md = BriefingMarkdown.render(answer)
        let world = footnotedLine(md, containing: "- World: 3,188 t")
        #expect(world?.contains("published MoM +157.5%") == true)
        #expect(world?.contains("YoY -38.1%") == true)
        let us = footnotedLine(md, containing: "353 t")
        #expect(us?.contains("United States") == true)
        #expect(us?.contains("+660") == true)
        let ytd = footnotedLine(md, containing: "22,319 t")
        #expect(ytd?.contains("-18.9%") == true)
        let mofcom = footnotedLine(md, containing: "No. 18 [2025]")
        #expect(mofcom?.contains("in force") == true)
        // Every footnote marker has its definition with a URL.
        for n in 1...3 { #expect(md.contains("[^\(n)]: "), "footnote \(n) undefined") }
        #expect(answer.chart.count == 13)
        #expect(answer.chart.last?.period == "2025-06")
    }

    /// The footnote definitions a line's markers point to (`[^n]: text`), each of which must exist.
    func definitions(of line: String?, in markdown: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        guard let line, let marker = try? Regex(#"\[\^(\d+)\]"#) else { return [] }
        let defs = markdown.components(separatedBy: "\n")
        return line.matches(of: marker).compactMap { m in
            let n = String(line[m.range].dropFirst(2).dropLast())
            let def = defs.first { $0.hasPrefix("[^\(n)]: ") }
            #expect(def != nil, "footnote \(n) undefined", sourceLocation: sourceLocation)
            return def
        }
    }

    /// Issue 12, "Done when": the June 2025 briefing states 3,188 t (+157.5% MoM, −38.1% YoY), 353 t to
    /// the US (+660%), H1 22,319 t (−18.9%), MOFCOM No. 18 [2025] in force and the June licences, each
    /// footnoted to a cited source with its URL. The licences are the timeline's licence decision of
    /// 2025-06-02 (Reuters via The Straits Times, unverified) and the London framework of 2025-06-10.
    @Test func june2025PinsEveryDoneWhenStatementToACitedFootnote() async throws {
        let harness = try await ServerHarness.bundled()
        let md = BriefingMarkdown.render(try await briefing(harness, 2025, 6))
        let pins: [(String, [String], String)] = [
            ("- World: 3,188 t", ["published MoM +157.5%", "YoY -38.1%"], "http"),
            ("- To United States: 353 t", ["published MoM +660.0%"], "http"),
            ("- Year to date (2025-01..2025-06, H1 2025): 22,319 t", ["-18.9% on the same months a year earlier"], "http"),
            ("No. 18 [2025]", ["in force"], "http"),
            ("temporary export licences", ["announced 2025-06-02", "suppliers of GM, Ford and Stellantis", "(unverified)"],
             "<https://www.straitstimes.com/asia/east-asia/china-issues-rare-earth-licenses-to-suppliers-of-top-3-us-automakers-sources-say>"),
            ("London framework", ["announced 2025-06-10", "approve rare-earth and magnet export applications"], "<https://www.yicai.com/news/102693961.html>"),
        ]
        for (text, also, cited) in pins {
            let line = footnotedLine(md, containing: text)
            for a in also { #expect(line?.contains(a) == true, "\(text): \(a) in \(line ?? "nil")") }
            let defs = definitions(of: line, in: md)
            #expect(!defs.isEmpty, "\(text)")
            #expect(defs.contains { $0.contains(cited) }, "\(text): \(defs)")
        }
        // The licences are acts of the month, listed under it.
        let body = Self.body(md)
        let acts = try #require(body.firstIndex(of: "### Acts in 2025-06"))
        let holds = try #require(body.firstIndex { $0.hasPrefix("### What holds on") })
        #expect(body[acts..<holds].contains { $0.contains("temporary export licences") })
    }

    /// June 2025's prices: the bundled file holds SMM's China-domestic NdPr oxide at CNY 447,000–448,000/t
    /// (VAT included) on 2025-06-11; the nearest cited rate is the CFETS parity of 2025-04-30
    /// (7.2014 CNY/USD, 42 days away), so USD 447/7.2014 = 62.07 and 448/7.2014 = 62.21 per kg (derived).
    @Test func june2025StatesFootnotedNdPrPricesAndSpreads() async throws {
        let harness = try await ServerHarness.bundled()
        let answer = try await briefing(harness, 2025, 6)
        #expect(answer.prices.monthHasQuotes)
        #expect(answer.notInThisBuild.isEmpty)
        let md = BriefingMarkdown.render(answer)
        #expect(md.contains("## Prices and spreads"))
        let ndpr = footnotedLine(md, containing: "2025-06-11, NdPr oxide, China domestic: published 447,000–448,000 CNY/t, VAT included")
        #expect(ndpr?.contains("USD 62.07–62.21/kg (derived") == true, "\(ndpr ?? "")")
        #expect(ndpr?.contains("7.2014") == true, "\(ndpr ?? "")")
        // The footnote of that line names SMM and the quote's URL.
        let marker = try #require(ndpr?.firstMatch(of: /\[\^(\d+)\]/)?.1)
        let definition = md.components(separatedBy: "\n").first { $0.hasPrefix("[^\(marker)]: ") }
        #expect(definition?.contains("SMM") == true && definition?.contains("https://news.metal.com/") == true, "\(definition ?? "")")
        // Argus's Europe Dy oxide at USD 750/kg against SMM's China quote: a spread naming both bases, and the month's index.
        let spread = footnotedLine(md, containing: "Dy oxide: ex-China basis Europe USD 750/kg against China basis China domestic")
        #expect(spread?.contains("(derived)") == true)
        let index = try #require(answer.prices.stressIndex)
        #expect(index.month == "2025-06")
        _ = footnotedLine(md, containing: "Stress index 2025-06: \(String(format: "%.0f", index.index)) (derived")
        #expect(!md.contains("Prices and spreads and project pipeline: not in this build"))
        #expect(!md.contains("not in this build"))
    }

    /// The price data ends in February 2026: a November 2026 briefing says so and states nothing newer.
    @Test func november2026SaysTheLatestPriceDateAndNothingNewer() async throws {
        let harness = try await ServerHarness.bundled()
        let answer = try await briefing(harness, 2026, 11)
        #expect(!answer.prices.monthHasQuotes)
        #expect(answer.prices.latestQuoteDate == "2026-02-18")
        #expect(answer.prices.spreads.isEmpty)
        #expect(answer.prices.stressIndex == nil)
        #expect(answer.prices.quotes.allSatisfy { $0.date <= "2026-02-18" && !$0.date.hasPrefix("2026-11") })
        let md = BriefingMarkdown.render(answer)
        #expect(md.contains("No NdPr, Dy or Tb oxide quote is dated in 2026-11."))
        #expect(md.contains("The latest quote on or before the end of 2026-11 is dated 2026-02-18; nothing newer is bundled."))
        _ = footnotedLine(md, containing: "2026-02-18, NdPr oxide, China domestic: published")
        #expect(Self.unfootnoted(md).isEmpty, "\(Self.unfootnoted(md))")
    }

    @Test func november2026SaysTheSuspensionLapsed() async throws {
        let harness = try await ServerHarness.bundled()
        let answer = try await briefing(harness, 2026, 11)
        #expect(answer.on == "2026-11-30")
        let lapsed = answer.holding.measures.filter { $0.status == .suspensionLapsed }
        #expect(!lapsed.isEmpty)
        let md = BriefingMarkdown.render(answer)
        let line = footnotedLine(md, containing: "suspension lapsed")
        #expect(line?.contains("2026-11-10") == true, "\(line ?? "")")
        #expect(line?.lowercased().contains("no renewal") == true)
        let lead = footnotedLine(md, containing: "ended on 2026-11-10; no renewal is recorded")
        #expect(lead?.contains("No. 70 [2025]") == true)
    }

    @Test func everyFigureInGeneratedBriefingsIsFootnoted() async throws {
        // The scanner itself must catch a figure without a footnote.
        #expect(Self.unfootnoted("- World: 3,188 t; MoM +157.4%\n") == ["- World: 3,188 t; MoM +157.4%"])
        #expect(Self.unfootnoted("- World: 3,188 t[^1]\n").isEmpty)
        let harness = try await ServerHarness.bundled()
        let june = try await briefing(harness, 2025, 6)
        let latestText = try #require(june.latestMonth)
        let latest = try #require(Period(parsing: latestText)?.first)
        for answer in [june, try await briefing(harness, latest.year, latest.month)] {
            let md = BriefingMarkdown.render(answer, chartFile: "chart.svg")
            #expect(answer.missing == nil)
            #expect(Self.unfootnoted(md).isEmpty, "\(answer.period): \(Self.unfootnoted(md))")
        }
    }

    @Test func aMonthAfterTheLatestDataIsMissingNotInvented() async throws {
        let harness = try await ServerHarness.bundled()
        let answer = try await briefing(harness, 2027, 3)
        #expect(answer.summary == nil)
        #expect(answer.chart.isEmpty)
        let missing = try #require(answer.missing)
        #expect(missing.contains("no figure for 2027-03"))
        let md = BriefingMarkdown.render(answer)
        #expect(md.contains("The month is missing"))
        #expect(!md.contains(" t[^"))
    }

    @Test func theAPIsJSONEqualsTheCLIsJSON() async throws {
        let harness = try await ServerHarness.bundled()
        let cli = try AgreementTests.cliData(["briefing", "2025-06", "--today", "2026-11-30"], store: harness.store.location)
        try await harness.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/briefings/2025-06?today=2026-11-30", method: .get) { response in
                #expect(response.status == .ok)
                let api = try response.json() as? NSDictionary
                let cliObject = try JSONSerialization.jsonObject(with: cli) as? NSDictionary
                #expect(api != nil && api == cliObject)
            }
            try await client.execute(uri: "/api/v1/briefings/June", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func htmlThroughInkKeepsFootnotesAsAnchorsAndTheChartInline() async throws {
        let harness = try await ServerHarness.bundled()
        let html = BriefingHTML.fragment(try await briefing(harness, 2025, 6))
        #expect(html.contains("<sup><a href=\"#fn-1\">[1]</a></sup>"))
        #expect(html.contains("<li id=\"fn-1\">"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("[^"), "a footnote marker left unconverted")
        #expect(html.contains("No. 18 [2025]"))
    }

    @Test func theDashboardServesTheBriefingPageInItsLayout() async throws {
        let harness = try await ServerHarness.bundled()
        let today = try #require(Self.today)
        let mount = DashboardMount.make(store: harness.store, events: try BundledPolicyTimeline.load(), cacheSeconds: 0, today: { today })
        try await harness.application(dashboard: mount.pages).test(.router) { client in
            try await client.execute(uri: "/briefing/2025-06", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<nav aria-label=\"Main\">"))
                #expect(html.contains("3,188 t"))
                #expect(html.contains("<svg"))
            }
            try await client.execute(uri: "/briefing/June", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func theHomePageLeadsWithWhatHoldsTodayAndTheLatestRelease() async throws {
        let harness = try await ServerHarness.bundled()
        let today = try #require(Self.today)
        let mount = DashboardMount.make(store: harness.store, events: try BundledPolicyTimeline.load(), cacheSeconds: 0, today: { today })
        try await harness.application(dashboard: mount.pages).test(.router) { client in
            try await client.execute(uri: "/?today=2026-11-30", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                let today = try #require(html.range(of: "What holds today, 2026-11-30"))
                let lead = try #require(html.range(of: "class=\"lead\""))
                #expect(today.lowerBound < lead.lowerBound, "what holds today comes first")
                #expect(html.contains("suspension lapsed"))
                #expect(html.contains("until 2026-11-10"))
                #expect(html.contains("Latest release: the 2026-03 figure, released 2026-04-20"))
                // The chart's event labels (rotated, one 11 px line each) never overlap: November
                // 2025 has five events within days, drawn as lines with one shared label.
                let xs = html.components(separatedBy: "class=\"event-label\" x=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
                #expect(xs.count >= 5)
                #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= 12 }, "\(xs)")
                #expect(html.contains(" more)</text>"))
            }
            try await client.execute(uri: "/?today=2025-06-30", method: .get) { response in
                #expect(!response.text.contains("suspension lapsed"), "nothing had lapsed in June 2025")
            }
        }
    }

    /// "Every status and why" must land on the answer for that day, not on the bare timeline, and
    /// a page looked at from another day keeps that day in its links and forms.
    @Test func theHomePageLinkAnswersWhatAppliesOnThatDay() async throws {
        let harness = try await ServerHarness.bundled()
        let today = try #require(Self.today)
        let mount = DashboardMount.make(store: harness.store, events: try BundledPolicyTimeline.load(), cacheSeconds: 0, today: { today })
        try await harness.application(dashboard: mount.pages).test(.router) { client in
            let href = try await client.execute(uri: "/?today=2026-11-30", method: .get) { response in
                let html = response.text
                let link = try #require(html.range(of: "\">every status and why</a>"))
                let start = try #require(html[..<link.lowerBound].range(of: "href=\"", options: .backwards))
                return String(html[start.upperBound..<link.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
            }
            #expect(href == "/policy?date=2026-11-30&commodity=8505.11&today=2026-11-30#applies", "opens at the answer")
            try await client.execute(uri: String(href.prefix { $0 != "#" }), method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h2 id=\"applies\">What applies on a date</h2>"))
                #expect(html.contains("What applies on 2026-11-30"), "the applicability answer is shown")
                #expect(html.contains("suspension_lapsed"))
                #expect(html.contains("Status on 2026-11-30"))
                // Both forms carry the chosen day, so filtering does not jump back to the clock's.
                #expect(html.components(separatedBy: "<input type=\"hidden\" name=\"today\" value=\"2026-11-30\">").count == 3)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("/policy?date=\(today)&amp;commodity=8505.11#applies\""), "no ?today= when the clock's day is shown")
            }
            try await client.execute(uri: "/policy", method: .get) { response in
                #expect(!response.text.contains("name=\"today\""))
            }
        }
    }

    @Test func dataTextIsEscapedInMarkdownAndHTML() async throws {
        let harness = try await ServerHarness.bundled()
        var answer = try await briefing(harness, 2025, 6)
        try #require(!answer.holding.measures.isEmpty)
        answer.holding.measures[0].title = "<script>alert(1)</script> [x](javascript:alert(1)) *b* [^99]"
        let html = BriefingHTML.fragment(answer)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("#fn-99"), "data text made a footnote link")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}

extension BriefingTests {
    /// The pipeline section: the outlook's magnet figures for the briefing's year, each footnoted to the
    /// project rows they sum, the Monte Carlo headline, and every counted row with its own source.
    @Test func pipelineOutlookSectionIsFootnotedToProjectRows() async throws {
        let harness = try await ServerHarness.bundled()
        let answer = try await briefing(harness, 2026, 11)
        let outlook = try ProjectQueries.outlook()
        #expect(answer.pipeline.year == 2026)
        #expect(answer.pipeline.coverage == outlook.coverage)
        let m = try #require(outlook.magnet.first { $0.year == 2026 })
        let md = BriefingMarkdown.render(answer)
        #expect(md.contains("## Pipeline outlook"))
        let line = footnotedLine(md, containing: "\(Format.tonnes(m.announcedT, decimals: 0)) t as announced")
        #expect(line?.contains("\(Format.tonnes(m.weightedT, decimals: 0)) t probability-weighted") == true, "\(line ?? "")")
        _ = footnotedLine(md, containing: "US demand set against it: 30,000 t NdFeB/yr")
        for c in outlook.contributions {
            let row = footnotedLine(md, containing: "- \(c.project) (\(c.country)): \(Format.tonnes(c.capacityT, decimals: 0)) t NdFeB/yr")
            let marker = try #require(row?.firstMatch(of: /\[\^(\d+)\]/)?.1)
            let definition = md.components(separatedBy: "\n").first { $0.hasPrefix("[^\(marker)]: ") }
            #expect(definition?.contains(c.url) == true, "\(c.project): \(definition ?? "")")
        }
        // June 2025 predates the project statuses: the section says so.
        let june = BriefingMarkdown.render(try await briefing(harness, 2025, 6))
        #expect(june.contains("The outlook starts in 2026"))
    }
}
