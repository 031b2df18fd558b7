import MonaziteService
import Foundation
import MonaziteScenario
import MonaziteSimulation

/// `--out DIR`: daily percentile series as CSV, the summary as CSV and JSON, the band chart as SVG.
enum SimulateFiles {
    static func write(report: SimulateReport, to directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SimulateFileError(path: directory, reason: "cannot create the directory (\(error.localizedDescription))")
        }
        guard let bands = DailyBands(report.result) else { return }
        var daily = "day,series,kind,p5_t,p50_t,p95_t,mean_t\n"
        for series in bands.series {
            let kind = series.isProbe ? "shipments" : "shortfall"
            for t in 0..<bands.horizonDays {
                daily += "\(t),\(series.name),\(kind),\(f(series.p5[t])),\(f(series.p50[t])),\(f(series.p95[t])),\(f(series.mean[t]))\n"
            }
        }
        var draws = "draw," + (report.result.uncertainNames + ["total_shortfall_t", "total_first_stockout_day"]).joined(separator: ",") + "\n"
        let u = report.result.uncertainNames.count
        let g = report.result.groups.count
        for d in 0..<report.result.runs {
            let values = (0..<u).map { f(report.result.drawnValues[d * u + $0]) }
            let first = report.result.firstStockOutDay[d * g]
            draws += "\(d)," + (values + [f(report.result.cumulativeShortfallTonnes[d * g]), first < 0 ? "" : "\(first)"]).joined(separator: ",") + "\n"
        }
        let summary = report.summary
        let chart = ShortfallBandChart.svg(
            bands: bands,
            title: "Daily magnet shortfall by sector: \(summary.scenario)",
            subtitle: "P5–P95 band and median of \(summary.runs) draws (seed \(summary.seed)); tonnes of NdFeB magnet per day; day 0 = \(report.file.startDate ?? "shock start")",
            sourceNote: "Monazite disruption simulator. Network \(summary.network): IEA (2025) Critical Minerals Dataset (CC BY 4.0), customs figures as cited; many parameters are assumptions.")
        let files: [(String, String)] = [
            ("daily_series.csv", daily),
            ("draws.csv", draws),
            ("summary.csv", report.table.render(.csv)),
            ("summary.json", report.table.render(.json)),
            ("shortfall_by_sector.svg", chart),
        ]
        for (name, text) in files {
            // Only inside the directory asked; a symbolic link in place of a file is refused, not followed.
            do { try OutputFile.write(Data(text.utf8), named: name, in: directory) } catch { throw SimulateFileError(path: error.path, reason: error.reason) }
        }
    }

    static func f(_ v: Double) -> String { String(format: "%.6g", v) }
}

/// A file that `--out` could not write.
struct SimulateFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
}
