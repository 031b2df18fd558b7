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
            title: "Disruption simulation: \(summary.scenario)", columns: columns, rows: textRows, json: json, notes: notes)
    }

    public var json: [String: Any] {
        let network = file.networkFile
        func value(_ v: Double?) -> Any { v.map { $0 as Any } ?? NSNull() }
        return [
            "scenario": summary.scenario,
            "network": summary.network,
            "description": file.description,
            "start_date": file.startDate.map { $0 as Any } ?? NSNull(),
            "runs": summary.runs,
            "seed": summary.seed,
            "horizon_days": summary.horizonDays,
            "stock_out_by_day": summary.stockOutByDay,
            "groups": selectedGroups.map { g -> [String: Any] in
                [
                    "group": g.group,
                    "demand_t_per_day": g.baselineDemandTonnesPerDay,
                    "shortfall_t_p5": g.cumulativeShortfallTonnesP5,
                    "shortfall_t_p50": g.cumulativeShortfallTonnesP50,
                    "shortfall_t_p95": g.cumulativeShortfallTonnesP95,
                    "shortfall_days_p5": g.cumulativeShortfallDaysP5,
                    "shortfall_days_p50": g.cumulativeShortfallDaysP50,
                    "shortfall_days_p95": g.cumulativeShortfallDaysP95,
                    "first_stockout_day_p50": value(g.firstStockOutDayP50),
                    "p_stockout_by_day": g.stockOutProbabilityByDay,
                    "p_stockout": g.stockOutProbability,
                    "recovery_day_p50": value(g.recoveryDayP50),
                    "unrecovered_share": g.unrecoveredShare,
                ]
            },
            "uncertain": file.scenario.uncertain.map { ["parameter": $0.target.description, "distribution": $0.distribution.description] },
            "assumptions": network.assumptions.map { a -> [String: Any] in
                ["subject": a.subject, "parameter": a.parameter, "value": a.value, "note": a.note.map { $0 as Any } ?? NSNull()]
            },
            "sources": network.sources.map { s -> [String: Any] in
                ["id": s.id, "title": s.title, "url": s.url.map { $0 as Any } ?? NSNull(), "licence": s.licence.map { $0 as Any } ?? NSNull()]
            },
            "notes": [
                "shortfall in tonnes of NdFeB magnet; days = shortfall / baseline daily demand",
                "first stock-out and recovery in days from day 0; null when not reached",
            ],
        ]
    }

    public static func label(_ group: String) -> String {
        if group.hasPrefix("sector:"), let sector = EndUseSector(rawValue: String(group.dropFirst(7))) {
            return "sector: \(sector.label)"
        }
        return group.replacingOccurrences(of: ":", with: ": ")
    }

    public static func number(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
}
