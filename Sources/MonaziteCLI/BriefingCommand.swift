import ArgumentParser
import Foundation
import MonaziteCore
import MonaziteDashboard
import MonaziteService

/// `monazite briefing PERIOD`: the month told — headline figures, policy, freshness — every figure footnoted.
struct BriefingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "The monthly briefing on China's HS 8505.11 magnet exports: figures, policy, freshness; every figure footnoted.",
        discussion: """
            Markdown (md) by default; json is the typed answer. With --out DIR, writes briefing-PERIOD.md (or .json) \
            and the chart briefing-PERIOD-world.svg into DIR.
            Example: monazite briefing 2025-06 --format md --out docs
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The month (YYYY-MM).") var period: String
    @Option(help: "Output format: md, html (Markdown through Ink, the chart inline) or json.") var format: Format = .md
    @Option(help: "Write the briefing (and its SVG chart) into this folder instead of printing it.") var out: String?
    @Option(help: "The day the briefing is made (YYYY-MM-DD). Default: today (UTC).") var today: String?

    func validate() throws {
        let p = try parsePeriod(period, option: "PERIOD")
        guard p.first == p.last else { throw ValidationError("PERIOD: \"\(period)\" is not one month (YYYY-MM)") }
        if let today, CalendarDay(parsing: today) == nil { throw ValidationError("--today: \"\(today)\" is not a date (YYYY-MM-DD)") }
    }

    func run() async throws {
        let p = try parsePeriod(period, option: "PERIOD")
        var day = CalendarDay.todayUTC()
        if let today {
            guard let d = CalendarDay(parsing: today) else { throw ValidationError("--today: \"\(today)\" is not a date (YYYY-MM-DD)") }
            day = d
        }
        let store = try await storeOptions.openStore()
        // The timeline's count note stays out: the API's answer has none, and the two must agree.
        let events = try await storeOptions.policyTimeline().events
        let answer = try await QueryService(store: store).briefing(month: p.first, today: day, events: events)
        let text: String
        switch format {
        case .json: text = String(decoding: JSONOutput.data(answer), as: UTF8.self) + "\n"
        case .html: text = BriefingHTML.document(answer)
        case .md: text = BriefingMarkdown.render(answer, chartFile: out == nil ? nil : BriefingMarkdown.chartFileName(period: answer.period))
        }
        guard let out else {
            print(text, terminator: "")
            return
        }
        // Only inside the folder asked: the names come from the parsed month, and a link there is refused.
        var written = [try OutputFile.write(Data(text.utf8), named: "briefing-\(answer.period).\(format.rawValue)", in: out)]
        if !answer.chart.isEmpty {
            let svg = BriefingChart.svg(answer.chart, title: "World \(answer.flow)s of HS \(answer.commodity) by month, tonnes")
            written.append(try OutputFile.write(Data(svg.utf8), named: BriefingMarkdown.chartFileName(period: answer.period), in: out))
        }
        print("wrote " + written.joined(separator: ", "))
    }
}
