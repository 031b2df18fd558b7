import ArgumentParser
import Foundation
import MonaziteCore
import MonaziteStore
import Testing

import MonaziteService
@testable import MonaziteCLI

@Suite struct CLITests {
    @Test func tradeJSONFollowsTheContract() throws {
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("8505.11")))
        let observations = [("2025-05", 1238.47), ("2025-06", 3188.0)].map { p, t in
            Observation(key: key, period: Period(parsing: p)!, quantityTonnes: t, provenance: Provenance(source: "synthetic test"))
        }
        let rows = TradeSeriesReport.rows(
            totals: SeriesTotals(observations), from: try #require(Month(year: 2025, month: 5)), to: try #require(Month(year: 2025, month: 6)))
        let table = TradeSeriesAnswer(title: "synthetic", rows: rows.map(TradeRow.init), notes: []).report
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
        ["trade", "--as-of", "2025-13-01"], ["trade", "--reporter", "XXX"], ["trade", "--commodity", "85051"], ["trade", "--flow", "sideways"],
        ["partners"], ["summary", "June"], ["import"], ["briefing", "June"], ["briefing", "2025"], ["briefing", "2025-06", "--today", "tomorrow"],
        ["briefing", "2025-06", "--format", "pdf"],
    ])
    func badArgumentsAreRefusedWithAMessage(_ arguments: [String]) throws {
        do {
            var command = try MonaziteCommand.parseAsRoot(arguments)
            if let trade = command as? TradeCommand { _ = try trade.series.key(); _ = try trade.series.asOfDay() }
            if let summary = command as? SummaryCommand, let period = summary.period { _ = try parsePeriod(period, option: "PERIOD") }
            try command.validate()
            Issue.record("accepted \(arguments)")
        } catch {
            let message = MonaziteCommand.message(for: error)
            #expect(!message.isEmpty)
        }
    }

    @Test func tableRendersCSVWithQuoting() {
        let t = Report(title: nil, columns: ["a", "b"], rows: [["x,y", "say \"hi\""]], answer: [String]())
        #expect(t.render(.csv) == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n")
    }

    @Test func csvCellsAreNeutralisedAgainstSpreadsheetFormulas() {
        let t = Report(
            title: nil, columns: ["source", "change", "note"], rows: [["=HYPERLINK(\"https://evil.example\",\"x\")", "-52.856", "@SUM(A1)"]],
            answer: [String]())
        let line = t.render(.csv).split(separator: "\n")[1]
        #expect(line == #""'=HYPERLINK(""https://evil.example"",""x"")",-52.856,'@SUM(A1)"#)
    }

    @Test func csvIsForMachinesRawNumbersAndUniqueSnakeCaseKeys() throws {
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("8505.11")))
        let observations = [("2025-05", 1238.47), ("2025-06", 6357.0)].map { p, t in
            Observation(
                key: key, period: Period(parsing: p)!, quantityTonnes: t,
                provenance: Provenance(source: "synthetic test", url: "https://example.org/x", release: CalendarDay(year: 2025, month: 7, day: 1)))
        }
        let rows = TradeSeriesReport.rows(
            totals: SeriesTotals(observations), from: try #require(Month(year: 2025, month: 5)), to: try #require(Month(year: 2025, month: 6)))
        let csv = TradeSeriesAnswer(title: "synthetic", rows: rows.map(TradeRow.init), notes: []).report.render(.csv)
        let lines = csv.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Set(header).count == header.count, "unique column names: \(header)")
        #expect(header.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") && !$0.contains("(") })
        #expect(header.contains("url") && header.contains("release") && header.contains("notes"))
        // 6,357 t is written 6357, +413.3% as 413.3..., and an unavailable change as an empty cell.
        #expect(lines[2].hasPrefix("2025-06,6357,413."))
        #expect(!csv.contains("n/a") && !csv.contains("%") && !csv.contains("6,357"))
        #expect(lines[1].hasPrefix("2025-05,1238.47,,"))
        #expect(csv.contains("https://example.org/x,2025-07-01"))
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

@Suite struct PolicyImportCLITests {
    static func temp() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("monazite-policy-cli-\(UUID().uuidString)")
    }

    static let synthetic = """
        format: monazite-policy/1
        events:
          - id: synthetic-ok
            kind: tariff
            actor: synthetic
            instrument: synthetic
            title: synthetic
            direction: tightening
            source: synthetic
        """

    @Test func badFileImportsNothingAndGoodFileImports() async throws {
        let dir = Self.temp()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let storePath = dir.appendingPathComponent("store.sqlite").path
        let store = try SQLiteStore(path: storePath)
        let bad = dir.appendingPathComponent("bad.yaml")
        // The second event suspends an act that does not exist: the whole file is refused.
        let badText = Self.synthetic + """

              - id: synthetic-bad
                kind: suspension
                actor: synthetic
                instrument: synthetic
                title: synthetic
                direction: easing
                suspends: [no-such-act]
                source: synthetic
            """
        try badText.write(to: bad, atomically: true, encoding: .utf8)
        var command = try MonaziteCommand.parseAsRoot(["events", "import", bad.path, "--store", storePath])
        do {
            if var asyncCommand = command as? any AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
            Issue.record("accepted a bad file")
        } catch {
            let message = "\(error)"
            #expect(message.contains("bad.yaml:16:"))
            #expect(message.contains("unknown act 'no-such-act'"))
        }
        #expect(try store.policyEvents().isEmpty)

        let good = dir.appendingPathComponent("good.yaml")
        try Self.synthetic.write(to: good, atomically: true, encoding: .utf8)
        command = try MonaziteCommand.parseAsRoot(["events", "import", good.path, "--store", storePath, "--format", "json"])
        if var asyncCommand = command as? any AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        #expect(try store.policyEvents().map(\.id) == ["synthetic-ok"])
    }
}

@Suite struct FormatTests {
    @Test(arguments: [
        (3188.0, 2, "3,188"), (1238.47, 2, "1,238.47"), (1_234_567.891, 0, "1,234,568"), (-1500.5, 2, "-1,500.5"), (-0.001, 2, "0"),
        (999.999, 2, "1,000"), (0.5, 0, "0"), (12.0, 2, "12"),
    ])
    func tonnesAreGroupedWithTrailingZerosDropped(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(Format.tonnes(value, decimals: decimals) == expected)
    }
}
