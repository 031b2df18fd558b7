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

    public init(file: ScenarioFile, summary: SimulationSummary, result: MonteCarloResult, elapsedSeconds: Double, rows: SimulationRowSelection) {
        self.file = file
        self.summary = summary
        self.result = result
        self.elapsedSeconds = elapsedSeconds
        self.rows = rows
    }

    public var selectedGroups: [GroupSummary] {
        summary.groups.filter { group in
            let name = group.group
            switch rows {
            case .all: return !name.hasPrefix("node:")
            case .sectors: return name == "total" || name.hasPrefix("sector:")
            case .countries: return name == "total" || name.hasPrefix("country:")
            case .nodes: return name == "total" || name.hasPrefix("node:")
            }
        }
    }

    public var table: Report {
        let d = summary.stockOutByDay
        let columns = [
            "group", "demand_t_per_day", "shortfall_t_p5", "shortfall_t_p50", "shortfall_t_p95", "shortfall_days_p5",
            "shortfall_days_p50", "shortfall_days_p95", "first_stockout_day_p50", "p_stockout_by_day_\(d)", "p_stockout",
            "recovery_day_p50",
        ]
        let textRows = selectedGroups.map { g in
            [
                Self.label(g.group), Self.number(g.baselineDemandTonnesPerDay, 2), Self.number(g.cumulativeShortfallTonnesP5, 0),
                Self.number(g.cumulativeShortfallTonnesP50, 0), Self.number(g.cumulativeShortfallTonnesP95, 0),
                Self.number(g.cumulativeShortfallDaysP5, 1), Self.number(g.cumulativeShortfallDaysP50, 1),
                Self.number(g.cumulativeShortfallDaysP95, 1), g.firstStockOutDayP50.map { Self.number($0, 0) } ?? "none",
                Self.number(g.stockOutProbabilityByDay, 3), Self.number(g.stockOutProbability, 3),
                g.recoveryDayP50.map { Self.number($0, 0) } ?? (g.stockOutProbability > 0 ? "not in horizon" : "n/a"),
            ]
        }
        let network = file.networkFile
        let assumed = network.assumptions.count
        var notes = [
            "Scenario \(summary.scenario) on network \(summary.network): \(summary.runs) draws, seed \(summary.seed), \(summary.horizonDays) days"
                + (file.startDate.map { ", day 0 = \($0)" } ?? "") + String(format: " (%.2f s).", elapsedSeconds),
            "Shortfall: final magnet demand not met from stock, tonnes of NdFeB magnet; days = shortfall / baseline daily demand.",
            "First stock-out and recovery are days from day 0; recovery = the day after the last shortfall.",
            "\(assumed) of \(network.provenance.count) network parameters are assumptions (marked in the network file; listed with --format json).",
            "Data: " + network.sources.map { $0.title }.joined(separator: "; "),
        ]
        if file.scenario.uncertain.isEmpty { notes.append("No uncertain inputs: every draw is the same.") }
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
                    pStockoutByDay: g.stockOutProbabilityByDay, pStockout: g.stockOutProbability, recoveryDayP50: g.recoveryDayP50,
                    unrecoveredShare: g.unrecoveredShare)
            },
            uncertain: file.scenario.uncertain.map { .init(parameter: $0.target.description, distribution: $0.distribution.description) },
            assumptions: network.assumptions.map { .init(subject: $0.subject, parameter: $0.parameter, value: $0.value, note: $0.note) },
            sources: network.sources.map { .init(id: $0.id, title: $0.title, url: $0.url, licence: $0.licence) },
            notes: [
                "shortfall in tonnes of NdFeB magnet; days = shortfall / baseline daily demand",
                "first stock-out and recovery in days from day 0; null when not reached",
            ])
    }

    public static func label(_ group: String) -> String {
        if group.hasPrefix("sector:"), let sector = EndUseSector(rawValue: String(group.dropFirst(7))) {
            return "sector: \(sector.label)"
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
        public var pStockoutByDay: Double
        public var pStockout: Double
        @NullWhenAbsent public var recoveryDayP50: Double?
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
            case pStockoutByDay = "p_stockout_by_day"
            case pStockout = "p_stockout"
            case recoveryDayP50 = "recovery_day_p50"
            case unrecoveredShare = "unrecovered_share"
        }
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
