import MonaziteCore
import MonaziteService

/// `/briefing/{period}`: the monthly briefing, as `monazite briefing PERIOD --format html` writes it.
struct BriefingPage: DashboardPage {
    let answer: BriefingAnswer
    var title: String { "Briefing \(answer.period)" }
    var tables: [DataTable] { [] }

    static func load(periodText: String, briefing: Dashboard.Briefing?) async throws -> BriefingPage {
        guard let briefing else { throw DashboardFailure.notFound("Briefings are not available on this server.") }
        guard let p = Period(parsing: periodText), p.first == p.last else {
            throw DashboardFailure.badRequest("\"\(periodText)\" is not a month: use YYYY-MM, as in /briefing/2025-06.")
        }
        return BriefingPage(answer: try await briefing(p.first))
    }

    func body(into w: inout HTMLWriter, request: DashboardRequest) {
        w.raw("<article class=\"briefing\">")
        w.raw(BriefingHTML.fragment(answer))
        w.raw("</article>")
    }
}
