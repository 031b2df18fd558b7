import Foundation
import MonaziteScenario
import MonaziteService
import MonaziteSimulation
import Testing

@testable import MonaziteCLI

/// What `monazite simulate … --country USA --by-day 30,60,90` shows: the country first, calendar dates
/// beside days, and P(stock-out by day D) for each D.
@Suite struct SimulateReportTests {
    static func report(country: String?, checkpoints: [Int]) async throws -> SimulateReport {
        let file = try ScenarioLibrary.loadScenario("october-2025-measures-calibrated")
        let compiled = try ScenarioLibrary.compile(file)
        let result = await MonteCarloRunner.run(compiled, runs: 60, seed: 7, workers: 1, recordDaily: false, progress: nil)
        let summary = SimulationSummary(
            result, scenario: file.scenario.name, network: file.scenario.network.name,
            stockOutByDay: checkpoints.max() ?? 90, checkpointDays: checkpoints)
        return SimulateReport(file: file, summary: summary, result: result, elapsedSeconds: 0, rows: .all, country: country)
    }

    @Test func theCalibratedOctoberScenarioCarriesTheAprilPosterior() throws {
        let file = try ScenarioLibrary.loadScenario("october-2025-measures-calibrated")
        let posterior = try #require(file.scenario.posterior)
        #expect(posterior.rows.count == 300)
        #expect(posterior.parameters.map(\.description).contains("shock.hree.approvedShare"))
        #expect(file.startDate == "2026-11-10")
        _ = try ScenarioLibrary.compile(file)
    }

    @Test func aCountryComesFirstWithItsSectors() async throws {
        let report = try await Self.report(country: "usa", checkpoints: [])
        let names = report.selectedGroups.map(\.group)
        #expect(names.first == "country:USA")
        #expect(Array(names[1...6]) == [
            "node:USA.evTraction", "node:USA.wind", "node:USA.defense", "node:USA.consumerElectronics",
            "node:USA.industrialMotors", "node:USA.other",
        ])
        #expect(!names.contains { $0.hasPrefix("node:CHN.") || $0.hasPrefix("node:EUU.") })
        #expect(names.contains("total") && names.contains("sector:evTraction") && names.contains("country:EUU"))
        #expect(names.filter { $0 == "country:USA" }.count == 1)
        #expect(SimulateReport.label("node:USA.evTraction") == "USA: EV traction")
        #expect(SimulateReport.countries(in: report.file.scenario.network) == ["CHN", "USA", "EUU", "ROW"])
    }

    @Test func checkpointsAreCumulativeAndMatchTheSingleDay() async throws {
        let report = try await Self.report(country: nil, checkpoints: [30, 60, 90])
        #expect(report.summary.stockOutByDay == 90)
        for group in report.summary.groups {
            let p = group.stockOutProbabilityByCheckpoint
            #expect(p.count == 3)
            #expect(p[0] <= p[1] && p[1] <= p[2], "\(group.group): \(p)")
            #expect(p[2] == group.stockOutProbabilityByDay)
            #expect(p[2] <= group.stockOutProbability)
        }
        let columns = report.table.columns
        #expect(columns.contains("p_stockout_by_day_30") && columns.contains("p_stockout_by_day_60") && columns.contains("p_stockout_by_day_90"))
        let answer = try #require(report.answer.groups.first)
        #expect(answer.pStockoutBy.map(\.day) == [30, 60, 90])
        #expect(answer.pStockoutBy.map(\.date) == ["2026-12-10", "2027-01-09", "2027-02-08"])
    }

    @Test func daysAreAlsoCalendarDates() async throws {
        let report = try await Self.report(country: nil, checkpoints: [])
        // 2026-11-10 + 64 days: 20 days to 2026-11-30, 31 more to 2026-12-31, 13 more to 2027-01-13.
        #expect(report.date(ofDay: 64) == "2027-01-13")
        #expect(report.date(ofDay: 64.5) == "2027-01-13")
        #expect(report.date(ofDay: .infinity) == nil)
        let columns = report.table.columns
        #expect(columns.contains("first_stockout_date_p50") && columns.contains("recovery_date_p50"))
        for (row, group) in zip(report.answer.groups, report.selectedGroups) {
            #expect(row.firstStockoutDateP50 == group.firstStockOutDayP50.flatMap { report.date(ofDay: $0) })
        }
    }

    @Test(arguments: [("30,60,90", [30, 60, 90]), ("90, 30,30", [30, 90]), ("45", [45])])
    func dayListsParse(_ text: String, _ days: [Int]) {
        #expect(DayList(argument: text)?.days == days)
    }

    @Test(arguments: ["", "x", "30,,60", "30;60"])
    func badDayListsAreRefused(_ text: String) {
        #expect(DayList(argument: text) == nil)
    }

    /// `--lanes` picks the SIMD width (4 unless given) and accepts only the widths the engine has.
    @Test func laneWidthIsParsedAndChecked() throws {
        #expect(try SimulateRunCommand.parse(["april-2025-heavy-licensing"]).lanes == .four)
        #expect(try SimulateRunCommand.parse(["april-2025-heavy-licensing", "--lanes", "8"]).lanes == .eight)
        #expect(try SimulateRunCommand.parse(["april-2025-heavy-licensing", "--lanes", "1"]).lanes == .one)
        #expect(throws: (any Error).self) { try SimulateRunCommand.parse(["april-2025-heavy-licensing", "--lanes", "3"]) }
    }
}
