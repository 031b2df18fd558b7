import Foundation
import MonaziteCore
import MonaziteDataset
import MonaziteIngest
import MonaziteSimulation

/// China's observed magnet exports (HS 8505.11, national line 8505111000) from the bundled customs
/// file, as spans of whole months per destination, for calibration and backtests.
enum SimulateObserved {
    struct Figure {
        var observation: MonthlyObservation
        var status: DataStatus
        var release: String
    }

    /// Single months and multi-month spans of at most two months (customs publish January and
    /// February together), reported or derived; for each span and destination the latest
    /// release, a reported figure before a derived one.
    static func magnetExports() throws -> [Figure] {
        guard let file = BundledDataset.files.first(where: { $0.name == "china-customs-exports.csv" }),
              let url = BundledDataset.url(of: file)
        else { throw SimulateFileError(path: "china-customs-exports.csv", reason: "missing from this build") }
        let data = try Data(contentsOf: url)
        var figures: [String: Figure] = [:]
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            try ObservationCSVFormat.read(bytes: bytes, file: file.name) { o, _ in
                guard o.key.reporter.description == "CHN", o.key.flow == .export,
                      o.key.commodity.code.hasPrefix("850511"), let tonnes = o.quantityTonnes,
                      o.period.first.year == o.period.last.year, o.period.last.index - o.period.first.index <= 1,
                      let observation = MonthlyObservation(
                          period: o.period.first.index == o.period.last.index
                              ? "\(o.period.first.year)-\(two(o.period.first.month))"
                              : "\(o.period.first.year)-\(two(o.period.first.month))..\(two(o.period.last.month))",
                          destination: o.key.partner.description, observedTonnes: tonnes, inSample: false)
                else { return nil }
                let release = o.provenance.release.map { "\($0)" } ?? ""
                let figure = Figure(observation: observation, status: o.status, release: release)
                let key = observation.period + " " + observation.destination
                if let old = figures[key] {
                    let better = (o.status == .reported && old.status != .reported)
                        || (o.status == old.status && release > old.release)
                    if !better { return nil }
                }
                figures[key] = figure
                return nil
            }
        }
        return figures.values.sorted {
            ($0.observation.firstDay, $0.observation.destination) < ($1.observation.firstDay, $1.observation.destination)
        }
    }

    /// Probe of each destination: a probe of magnet exports to all destinations measures `WLD`,
    /// one to a single country measures that country.
    static func probeIndex(_ probes: [FlowProbe]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (p, probe) in probes.enumerated() where probe.scope.stage == .magnet {
            switch probe.scope.destinations {
            case nil: out["WLD"] = out["WLD"] ?? p
            case let list? where list.count == 1: out[list[0].description] = out[list[0].description] ?? p
            default: break
            }
        }
        return out
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
