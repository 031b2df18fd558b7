import MonaziteCore
import Synchronization

/// Runs a scenario's Monte Carlo draws in parallel and gathers the results in draw order.
///
/// Draw `d` samples its inputs from `SplitMix64(seed:drawIndex: d)` and runs independently, so a
/// result depends only on the seed and the number of runs, not on the number of workers.
public enum MonteCarloRunner {
    /// - Parameters:
    ///   - runs: number of draws (≥ 1).
    ///   - workers: chunks run concurrently (one task each); default one per core.
    ///   - recordDaily: keep daily shortfall and probe series for every draw (memory:
    ///     `runs × series × horizonDays × 4` bytes).
    ///   - sample: false runs every draw with the baseline values (a deterministic run).
    ///   - laneWidth: draws per SIMD lane group (speed only; the numbers do not depend on it).
    ///   - progress: called from worker tasks with the number of draws just finished.
    public static func run(
        _ compiled: CompiledScenario, runs: Int, seed: UInt64, workers: Int? = nil, recordDaily: Bool = false,
        sample: Bool = true, laneWidth: LaneWidth = .four, progress: (@Sendable (Int) -> Void)? = nil
    ) async -> MonteCarloResult {
        let runs = max(runs, 1)
        let workerCount = max(1, min(workers ?? defaultWorkers(), runs))
        // More chunks than workers, each worker taking the next chunk when it is done: a worker
        // slowed by another process no longer holds the others back at the end with a fixed half.
        // Chunks are whole lane groups where the runs allow; results are gathered in chunk order,
        // and a draw's result depends only on the seed and its index, so the bits are the same.
        let chunkCount = workerCount == 1 ? 1 : max(workerCount, min(workerCount * chunksPerWorker, runs / laneWidth.rawValue))
        let bounds = (0...chunkCount).map { $0 * runs / chunkCount }
        let next = ChunkCounter()
        let chunks = await withTaskGroup(of: [(Int, Chunk)].self) { group in
            for _ in 0..<workerCount {
                group.addTask {
                    var done: [(Int, Chunk)] = []
                    while true {
                        let c = next.take()
                        guard c < chunkCount else { break }
                        done.append(
                            (c, runChunk(compiled, draws: bounds[c]..<bounds[c + 1], seed: seed, recordDaily: recordDaily,
                                         sample: sample, laneWidth: laneWidth, progress: progress)))
                    }
                    return done
                }
            }
            var collected = [Chunk?](repeating: nil, count: chunkCount)
            for await finished in group {
                for (c, chunk) in finished { collected[c] = chunk }
            }
            return collected.compactMap { $0 }
        }
        return assemble(compiled, runs: runs, seed: seed, recordDaily: recordDaily, chunks: chunks)
    }

    /// The same draws and the same result as ``run(_:runs:seed:workers:recordDaily:sample:laneWidth:progress:)``,
    /// computed in one chunk on the calling thread, with no task. For a caller that must keep
    /// Swift's cooperative threads free: the server runs a job on a thread of its own, so that
    /// HTTP requests are not queued behind a simulation for its whole length.
    public static func runOnCurrentThread(
        _ compiled: CompiledScenario, runs: Int, seed: UInt64, recordDaily: Bool = false, sample: Bool = true,
        laneWidth: LaneWidth = .four
    ) -> MonteCarloResult {
        let runs = max(runs, 1)
        let chunk = runChunk(compiled, draws: 0..<runs, seed: seed, recordDaily: recordDaily, sample: sample, laneWidth: laneWidth, progress: nil)
        return assemble(compiled, runs: runs, seed: seed, recordDaily: recordDaily, chunks: [chunk])
    }

    static func assemble(_ compiled: CompiledScenario, runs: Int, seed: UInt64, recordDaily: Bool, chunks: [Chunk]) -> MonteCarloResult {
        var cumulative: [Double] = [], first: [Int32] = [], recovery: [Int32] = [], drawn: [Double] = []
        var daily: [Float]? = recordDaily ? [] : nil
        for chunk in chunks {
            cumulative += chunk.cumulative
            first += chunk.first
            recovery += chunk.recovery
            drawn += chunk.drawn
            if recordDaily { daily? += chunk.daily }
        }
        return MonteCarloResult(
            groups: compiled.groups, runs: runs, seed: seed, horizonDays: compiled.horizonDays,
            cumulativeShortfallTonnes: cumulative, firstStockOutDay: first, recoveryDay: recovery, drawnValues: drawn,
            uncertainNames: compiled.drawnValueNames, dailyGroups: compiled.dailyGroups,
            probeNames: compiled.probes.map(\.name), daily: daily)
    }

    /// Chunks per worker when the draws are shared out as the workers free up.
    static let chunksPerWorker = 8

    /// Active processor count, at least 1.
    public static func defaultWorkers() -> Int { max(1, ProcessInfoCores.count) }

    struct Chunk: Sendable {
        var cumulative: [Double], first: [Int32], recovery: [Int32], drawn: [Double], daily: [Float]
    }

    /// Draws per lane group of the Monte Carlo: 1 (scalar), 4 or 8 SIMD lanes. Results are the
    /// same bits whatever the width; only the speed differs.
    public enum LaneWidth: Int, Sendable, CaseIterable {
        case one = 1, four = 4, eight = 8
    }

    static func runChunk(
        _ compiled: CompiledScenario, draws: Range<Int>, seed: UInt64, recordDaily: Bool, sample: Bool,
        laneWidth: LaneWidth, progress: (@Sendable (Int) -> Void)?
    ) -> Chunk {
        switch laneWidth {
        case .one:
            runChunk(LaneSimulator<Double>(compiled), draws: draws, seed: seed, recordDaily: recordDaily, sample: sample, progress: progress)
        case .four:
            runChunk(LaneSimulator<SIMD4<Double>>(compiled), draws: draws, seed: seed, recordDaily: recordDaily, sample: sample, progress: progress)
        case .eight:
            runChunk(LaneSimulator<SIMD8<Double>>(compiled), draws: draws, seed: seed, recordDaily: recordDaily, sample: sample, progress: progress)
        }
    }

    static func runChunk<L: SimulationLanes>(
        _ simulator: LaneSimulator<L>, draws: Range<Int>, seed: UInt64, recordDaily: Bool, sample: Bool,
        progress: (@Sendable (Int) -> Void)?
    ) -> Chunk {
        let compiled = simulator.compiled
        let g = compiled.groups.count
        let u = compiled.drawnValueCount
        let perDrawDaily = recordDaily ? (compiled.dailyGroups.count + compiled.probes.count) * compiled.horizonDays : 0
        var cumulative = [Double](repeating: 0, count: draws.count * g)
        var first = [Int32](repeating: -1, count: draws.count * g)
        var recovery = [Int32](repeating: -1, count: draws.count * g)
        var drawn = [Double](repeating: 0, count: draws.count * u)
        var daily = [Float](repeating: 0, count: draws.count * perDrawDaily)
        var pending = 0
        let width = L.width
        cumulative.withUnsafeMutableBufferPointer { cum in
        first.withUnsafeMutableBufferPointer { fst in
        recovery.withUnsafeMutableBufferPointer { rec in
        daily.withUnsafeMutableBufferPointer { day in
            guard let cumBase = cum.baseAddress, let fstBase = fst.baseAddress, let recBase = rec.baseAddress else { return }
            var k = 0
            while k < draws.count {
                let used = min(width, draws.count - k)
                for l in 0..<width {
                    // Spare lanes repeat the last draw; their results are not written.
                    simulator.prepare(lane: l, seed: seed, drawIndex: draws.lowerBound + k + min(l, used - 1), sample: sample)
                }
                simulator.run(
                    lanesUsed: used, cumulativeTonnes: cumBase + k * g, firstStockOutDay: fstBase + k * g,
                    recoveryDay: recBase + k * g, daily: recordDaily ? day.baseAddress.map { $0 + k * perDrawDaily } : nil)
                for l in 0..<used {
                    for q in 0..<u { drawn[(k + l) * u + q] = simulator.drawnValues[l * u + q] }
                }
                k += used
                pending += used
                if pending >= 64 {
                    progress?(pending)
                    pending = 0
                }
            }
        }}}}
        if pending > 0 { progress?(pending) }
        return Chunk(cumulative: cumulative, first: first, recovery: recovery, drawn: drawn, daily: daily)
    }
}

/// Hands out chunk numbers 0, 1, 2, … to whichever worker asks next.
final class ChunkCounter: Sendable {
    private let next = Mutex(0)

    func take() -> Int {
        next.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
