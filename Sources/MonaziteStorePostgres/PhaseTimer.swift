import Foundation

/// Where an import's time goes, phase by phase, on stderr when `MONAZITE_PG_TIMING=1` (for
/// benchmarks: `scripts/bench-postgres-import.sh`); silent and nearly free otherwise.
struct PhaseTimer: Sendable {
    private let enabled: Bool
    private let label: String
    private var last: ContinuousClock.Instant
    private let start: ContinuousClock.Instant

    init(_ label: String) {
        enabled = ProcessInfo.processInfo.environment["MONAZITE_PG_TIMING"] == "1"
        self.label = label
        start = .now
        last = start
    }

    /// Prints the time since the previous mark (or the start) under `phase`.
    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let ms = { (d: Duration) in Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15 }
        let name = phase.count < 28 ? phase + String(repeating: " ", count: 28 - phase.count) : phase
        let line = label + " " + name + String(format: " %8.1f ms (%.1f ms in all)\n", ms(now - last), ms(now - start))
        FileHandle.standardError.write(Data(line.utf8))
        last = now
    }
}
