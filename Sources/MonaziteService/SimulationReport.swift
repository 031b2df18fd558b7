import Foundation
public import MonaziteScenario
public import MonaziteSimulation

/// Which groups a simulation summary shows.
public enum SimulationRowSelection: String, CaseIterable, Sendable {
    case sectors, countries, nodes, all
}

/// The summary of a simulation as a table, CSV or JSON, with its assumptions and sources.
public struct SimulateReport: Sendable {
    public let file: ScenarioFile
    public let summary: SimulationSummary
    public let result: MonteCarloResult
    public let elapsedSeconds: Double
    public let rows: SimulationRowSelection
    /// A country (alpha-3 as in the network, e.g. USA, EUU) whose row and sectors come first.
    public let country: String?

    public init(
        file: ScenarioFile, summary: SimulationSummary, result: MonteCarloResult, elapsedSeconds: Double,
        rows: SimulationRowSelection, country: String? = nil
    ) {
        self.file = file
        self.summary = summary
        self.result = result
        self.elapsedSeconds = elapsedSeconds
        self.rows = rows
        self.country = country?.uppercased()
    }

    /// The countries with end-use nodes in the network, as `--country` accepts them.
    public static func countries(in network: SupplyNetwork) -> [String] {
        var seen: [String] = []
        for node in network.nodes where node.isEndUse && !seen.contains(node.country.alpha3) {
            seen.append(node.country.alpha3)
        }
        return seen
    }

    /// Day 0 of the scenario, when it has a start date.
    public var day0: CalendarDate? { file.startDate.flatMap { CalendarDate($0) } }

    /// The calendar date of a (possibly fractional, median) day: day 0 plus the whole days.
    public func date(ofDay day: Double) -> String? {
        guard let day0, day.isFinite, day >= 0 else { return nil }
        return day0.adding(days: Int(day.rounded(.down))).description
    }

    public var selectedGroups: [GroupSummary] {
        let shown = summary.groups.filter { group in
            let name = group.group
            switch rows {
            case .all: return !name.hasPrefix("node:")
            case .sectors: return name == "total" || name.hasPrefix("sector:")
            case .countries: return name == "total" || name.hasPrefix("country:")
            case .nodes: return name == "total" || name.hasPrefix("node:")
            }
        }
        guard let country else { return shown }
        // The country first: its row, then its sectors (end-use nodes), then the rest without other
        // countries' nodes. World sector totals hide a country's shortfall.
        let countryRow = summary.groups.filter { $0.group == "country:\(country)" }
        let countryNodes = summary.groups.filter { $0.group.hasPrefix("node:\(country).") }
        let rest = shown.filter { !$0.group.hasPrefix("node:") && $0.group != "country:\(country)" }
        return countryRow + countryNodes + rest
    }

    public var table: Report {
        let d = summary.stockOutByDay
        let checkpoints = summary.checkpointDays
        let dated = day0 != nil
        var columns = [
            "group", "demand_t_per_day", "shortfall_t_p5", "shortfall_t_p50", "shortfall_t_p95", "shortfall_days_p5",
            "shortfall_days_p50", "shortfall_days_p95", "first_stockout_day_p50",
        ]
        if dated { columns.append("first_stockout_date_p50") }
        columns += checkpoints.isEmpty ? ["p_stockout_by_day_\(d)"] : checkpoints.map { "p_stockout_by_day_\($0)" }
        columns += ["p_stockout", "recovery_day_p50"]
        if dated { columns.append("recovery_date_p50") }
        let textRows = selectedGroups.map { g in
            var row = [
                Self.label(g.group), Self.number(g.baselineDemandTonnesPerDay, 2), Self.number(g.cumulativeShortfallTonnesP5, 0),
                Self.number(g.cumulativeShortfallTonnesP50, 0), Self.number(g.cumulativeShortfallTonnesP95, 0),
                Self.number(g.cumulativeShortfallDaysP5, 1), Self.number(g.cumulativeShortfallDaysP50, 1),
                Self.number(g.cumulativeShortfallDaysP95, 1), g.firstStockOutDayP50.map { Self.number($0, 0) } ?? "none",
            ]
            if dated { row.append(g.firstStockOutDayP50.flatMap { date(ofDay: $0) } ?? "none") }
            row += checkpoints.isEmpty
                ? [Self.number(g.stockOutProbabilityByDay, 3)]
                : g.stockOutProbabilityByCheckpoint.map { Self.number($0, 3) }
            let recovery = g.recoveryDayP50.map { Self.number($0, 0) } ?? (g.stockOutProbability > 0 ? "not in horizon" : "n/a")
            row += [Self.number(g.stockOutProbability, 3), recovery]
            if dated { row.append(g.recoveryDayP50.flatMap { date(ofDay: $0) } ?? recovery) }
            return row
        }
        let network = file.networkFile
        let assumed = network.assumptions.count
        var notes = [
            "Scenario \(summary.scenario) on network \(summary.network): \(summary.runs) draws, seed \(summary.seed), \(summary.horizonDays) days"
                + (file.startDate.map { ", day 0 = \($0)" } ?? "") + String(format: " (%.2f s).", elapsedSeconds),
            "Shortfall: final magnet demand not met from stock, tonnes of NdFeB magnet; days = shortfall / baseline daily demand.",
            "First stock-out and recovery are days from day 0 (dates = day 0 + whole days of the median); recovery = the day after the last shortfall.",
        ]
        if let day0 {
            let days = checkpoints.isEmpty ? [d] : checkpoints
            notes.append("P(stock-out by day D): " + days.map { "day \($0) = \(day0.adding(days: $0))" }.joined(separator: ", ") + ".")
        }
        if let country {
            notes.append("\(country) first: its total, then its sectors (node rows), then the world rows.")
        }
        notes += [
            "\(assumed) of \(network.provenance.count) network parameters are assumptions (marked in the network file; listed with --format json).",
            "Data: " + network.sources.map { $0.title }.joined(separator: "; "),
        ]
        if file.scenario.uncertain.isEmpty && file.scenario.posterior == nil { notes.append("No uncertain inputs: every draw is the same.") }
        return Report(
            title: "Disruption simulation: \(summary.scenario)", columns: columns, rows: textRows, answer: answer, notes: notes)
    }

    /// The typed answer: what the API returns and `--format json` prints.
    public var answer: SimulationAnswer {
        let network = file.networkFile
        return SimulationAnswer(
            scenario: summary.scenario, network: summary.network, description: file.description, startDate: file.startDate,
            runs: summary.runs, seed: summary.seed, horizonDays: summary.horizonDays, stockOutByDay: summary.stockOutByDay,
            groups: selectedGroups.map { g in
                SimulationAnswer.Group(
                    group: g.group, demandTPerDay: g.baselineDemandTonnesPerDay, shortfallTP5: g.cumulativeShortfallTonnesP5,
                    shortfallTP50: g.cumulativeShortfallTonnesP50, shortfallTP95: g.cumulativeShortfallTonnesP95,
                    shortfallDaysP5: g.cumulativeShortfallDaysP5, shortfallDaysP50: g.cumulativeShortfallDaysP50,
                    shortfallDaysP95: g.cumulativeShortfallDaysP95, firstStockoutDayP50: g.firstStockOutDayP50,
                    firstStockoutDateP50: g.firstStockOutDayP50.flatMap { date(ofDay: $0) },
                    pStockoutByDay: g.stockOutProbabilityByDay,
                    pStockoutBy: zip(summary.checkpointDays, g.stockOutProbabilityByCheckpoint).map { day, p in
                        .init(day: day, date: day0.map { $0.adding(days: day).description }, p: p)
                    },
                    pStockout: g.stockOutProbability, recoveryDayP50: g.recoveryDayP50,
                    recoveryDateP50: g.recoveryDayP50.flatMap { date(ofDay: $0) },
                    unrecoveredShare: g.unrecoveredShare)
            },
            uncertain: file.scenario.uncertain.map { .init(parameter: $0.target.description, distribution: $0.distribution.description) },
            assumptions: network.assumptions.map { .init(subject: $0.subject, parameter: $0.parameter, value: $0.value, note: $0.note) },
            sources: network.sources.map { .init(id: $0.id, title: $0.title, url: $0.url, licence: $0.licence) },
            notes: [
                "shortfall in tonnes of NdFeB magnet; days = shortfall / baseline daily demand",
                "first stock-out and recovery in days from day 0; null when not reached; dates = start_date + whole days of the median",
            ])
    }

    public static func label(_ group: String) -> String {
        if group.hasPrefix("sector:"), let sector = EndUseSector(rawValue: String(group.dropFirst(7))) {
            return "sector: \(sector.label)"
        }
        if group.hasPrefix("node:") {
            let id = group.dropFirst(5)
            if let dot = id.firstIndex(of: "."), let sector = EndUseSector(rawValue: String(id[id.index(after: dot)...])) {
                return "\(id[..<dot]): \(sector.label)"
            }
        }
        return group.replacingOccurrences(of: ":", with: ": ")
    }

    public static func number(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
}

/// A simulation's summary as every interface gives it.
public struct SimulationAnswer: Codable, Sendable, Hashable {
    public var scenario: String
    public var network: String
    public var description: String
    @NullWhenAbsent public var startDate: String?
    public var runs: Int
    public var seed: UInt64
    public var horizonDays: Int
    public var stockOutByDay: Int
    public var groups: [Group]
    public var uncertain: [Uncertain]
    public var assumptions: [Assumption]
    public var sources: [Source]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case scenario, network, description, runs, seed, groups, uncertain, assumptions, sources, notes
        case startDate = "start_date"
        case horizonDays = "horizon_days"
        case stockOutByDay = "stock_out_by_day"
    }

    public struct Group: Codable, Sendable, Hashable {
        public var group: String
        public var demandTPerDay: Double
        public var shortfallTP5: Double
        public var shortfallTP50: Double
        public var shortfallTP95: Double
        public var shortfallDaysP5: Double
        public var shortfallDaysP50: Double
        public var shortfallDaysP95: Double
        @NullWhenAbsent public var firstStockoutDayP50: Double?
        @NullWhenAbsent public var firstStockoutDateP50: String?
        public var pStockoutByDay: Double
        /// P(stock-out by day D) for each requested day D (`--by-day 30,60,90`); empty otherwise.
        public var pStockoutBy: [Checkpoint]
        public var pStockout: Double
        @NullWhenAbsent public var recoveryDayP50: Double?
        @NullWhenAbsent public var recoveryDateP50: String?
        public var unrecoveredShare: Double

        enum CodingKeys: String, CodingKey {
            case group
            case demandTPerDay = "demand_t_per_day"
            case shortfallTP5 = "shortfall_t_p5"
            case shortfallTP50 = "shortfall_t_p50"
            case shortfallTP95 = "shortfall_t_p95"
            case shortfallDaysP5 = "shortfall_days_p5"
            case shortfallDaysP50 = "shortfall_days_p50"
            case shortfallDaysP95 = "shortfall_days_p95"
            case firstStockoutDayP50 = "first_stockout_day_p50"
            case firstStockoutDateP50 = "first_stockout_date_p50"
            case pStockoutByDay = "p_stockout_by_day"
            case pStockoutBy = "p_stockout_by"
            case pStockout = "p_stockout"
            case recoveryDayP50 = "recovery_day_p50"
            case recoveryDateP50 = "recovery_date_p50"
            case unrecoveredShare = "unrecovered_share"
        }
    }

    /// P(stock-out on or before a day), with the day's calendar date when the scenario has a start date.
    public struct Checkpoint: Codable, Sendable, Hashable {
        public var day: Int
        @NullWhenAbsent public var date: String?
        public var p: Double
    }

    public struct Uncertain: Codable, Sendable, Hashable {
        public var parameter: String
        public var distribution: String
    }

    public struct Assumption: Codable, Sendable, Hashable {
        public var subject: String
        public var parameter: String
        public var value: Double
        @NullWhenAbsent public var note: String?
    }

    public struct Source: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        @NullWhenAbsent public var url: String?
        @NullWhenAbsent public var licence: String?
    }
}
