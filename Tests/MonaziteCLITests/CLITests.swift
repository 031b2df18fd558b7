import ArgumentParser
import Foundation
import MonaziteCore
import Testing

@testable import MonaziteCLI

@Suite struct CLITests {
    @Test func tradeJSONFollowsTheContract() throws {
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("8505.11")))
        let observations = [("2025-05", 1238.47), ("2025-06", 3188.0)].map { p, t in
            Observation(key: key, period: Period(parsing: p)!, quantityTonnes: t, provenance: Provenance(source: "synthetic test"))
        }
        let rows = TradeSeriesReport.rows(
            totals: SeriesTotals(observations), from: try #require(Month(year: 2025, month: 5)), to: try #require(Month(year: 2025, month: 6)))
        let table = Table(title: nil, columns: TradeSeriesRow.columns, rows: rows.map(\.cells), json: rows.map(\.json))
        let data = Data(table.render(.json).utf8)
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.count == 2)
        for object in array {
            for field in ["period", "quantity_t", "mom_pct", "yoy_pct", "ytd_t", "ytd_yoy_pct", "status", "source", "notes"] {
                #expect(object.keys.contains(field), "missing \(field)")
            }
        }
        #expect(array[0]["mom_pct"] is NSNull)
        #expect((array[0]["notes"] as? [String])?.contains("mom_pct: no figure for 2025-04") == true)
        #expect(array[1]["mom_pct"] as? Double == 157.414)
        #expect(array[1]["period"] as? String == "2025-06")
    }

    @Test(arguments: [
        ["trade", "--as-of", "2025-13-01"], ["trade", "--reporter", "XXX"], ["trade", "--commodity", "85"], ["trade", "--flow", "sideways"],
        ["partners"], ["summary", "June"], ["import"],
    ])
    func badArgumentsAreRefusedWithAMessage(_ arguments: [String]) throws {
        do {
            var command = try MonaziteCommand.parseAsRoot(arguments)
            if let trade = command as? TradeCommand { _ = try trade.series.key(); _ = try trade.series.asOfDay() }
            if let summary = command as? SummaryCommand { _ = try parsePeriod(summary.period, option: "PERIOD") }
            try command.validate()
            Issue.record("accepted \(arguments)")
        } catch {
            let message = MonaziteCommand.message(for: error)
            #expect(!message.isEmpty)
        }
    }

    @Test func tableRendersCSVWithQuoting() {
        let t = Table(title: nil, columns: ["a", "b"], rows: [["x,y", "say \"hi\""]], json: [])
        #expect(t.render(.csv) == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n")
    }
}

@Suite struct PolicyCLITests {
    @Test(arguments: [
        ["controls", "--on", "2025-02-30"], ["controls", "--element", "Xx"], ["controls", "--commodity", "magnets"],
        ["controls", "--destination", "ZZZ"], ["events", "--kind", "embargo"], ["licences", "--warn-days", "-1"],
    ])
    func badPolicyArgumentsAreRefused(_ arguments: [String]) {
        do {
            var command = try MonaziteCommand.parseAsRoot(arguments)
            try command.validate()
            Issue.record("accepted \(arguments)")
        } catch {
            #expect(!MonaziteCommand.message(for: error).isEmpty)
        }
    }

    @Test func controlsParsesAQuery() throws {
        let command = try MonaziteCommand.parseAsRoot(["controls", "--on", "2025-06-15", "--element", "Dy", "--destination", "USA"])
        let controls = try #require(command as? ControlsCommand)
        #expect(controls.element == "Dy")
        #expect(try PolicyArguments.commodity("8505.11") == "850511")
    }
}
