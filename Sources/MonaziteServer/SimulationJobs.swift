public import Foundation
public import Logging
import MonaziteScenario
import MonaziteService
import MonaziteSimulation
public import MonaziteStore
public import ServiceLifecycle

/// Simulation runs submitted over HTTP, kept in the store's job queue: they survive a restart, and
/// several servers (or `monazite worker` processes) on one PostgreSQL store share the queue. At
/// most `maximumActive` jobs are queued or running at once, so one client cannot occupy every core.
struct SimulationJobs: Sendable {
    static let maximumActive = 2
    static let maximumRuns = 5000
    static let listed = 200

    let store: any JobStore

    /// Queues a job; a 429 when too many are queued or running.
    func submit(scenario: String, request: SimulationSubmission, runs: Int, seed: UInt64) async throws -> SimulationJobRecord {
        let job = SimulationJobRecord(
            id: UUID().uuidString.lowercased(), scenario: scenario, request: request.storedJSON, runs: runs, seed: Int64(clamping: seed),
            submittedAt: JobClock.now())
        guard try await store.enqueueJob(job, maximumActive: Self.maximumActive) else {
            throw APIError(
                .tooManyRequests, code: "too_many_jobs",
                "\(Self.maximumActive) simulations are queued or running; poll them and submit again when one is done")
        }
        return job
    }

    func job(_ id: String) async throws -> SimulationJobRecord? { try await store.simulationJob(id: id) }

    func all() async throws -> [SimulationJobRecord] { try await store.simulationJobs(limit: Self.listed) }
}

enum JobClock {
    static func now(_ date: Date = Date()) -> String { ISO8601DateFormatter().string(from: date) }
}

/// Runs queued simulation jobs inside the application's service lifecycle: claims one, runs it,
/// stores its summary (or its error), and looks again; stops at graceful shutdown. A job whose
/// worker stopped mid-run is claimed again once it is older than `staleAfter`.
public struct SimulationWorker: Service {
    let store: any JobStore
    let name: String
    let pollInterval: Duration
    let staleAfter: TimeInterval
    let logger: Logger

    public init(
        store: any JobStore, name: String = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)",
        pollInterval: Duration = .milliseconds(200), staleAfter: TimeInterval = 1800, logger: Logger = Logger(label: "monazite.jobs")
    ) {
        self.store = store
        self.name = name
        self.pollInterval = pollInterval
        self.staleAfter = staleAfter
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    if try await runOne() { continue }
                } catch {
                    logger.error("simulation job queue failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: pollInterval)
            }
        }
    }

    /// Runs the draws on a thread of their own. On Swift's cooperative pool (one thread per
    /// core) a job's chunks took every thread for the whole simulation, and HTTP requests waited
    /// behind it: the soak measured a p99 of 5 s on 2 cores with a job every 20 s
    /// (`scripts/soak.sh`). The result is the same: draws do not depend on how they are split.
    static func simulateOnOwnThread(_ compiled: CompiledScenario, runs: Int, seed: UInt64) async -> MonteCarloResult {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: MonteCarloRunner.runOnCurrentThread(compiled, runs: runs, seed: seed))
            }
            thread.name = "monazite-simulation-job"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Claims and runs one job; false when the queue is empty.
    @discardableResult
    public func runOne() async throws -> Bool {
        let now = Date()
        guard
            let job = try await store.claimJob(
                worker: name, now: JobClock.now(now), staleBefore: JobClock.now(now.addingTimeInterval(-staleAfter)))
        else { return false }
        let started = Date()
        do {
            let file = try SimulationSubmission.scenarioFile(storedJSON: job.request)
            let compiled = try ScenarioLibrary.compile(file)
            let result = await Self.simulateOnOwnThread(compiled, runs: job.runs, seed: UInt64(job.seed))
            let summary = SimulationSummary(
                result, scenario: file.scenario.name, network: file.scenario.network.name, stockOutByDay: file.scenario.stockOutByDay)
            let report = SimulateReport(file: file, summary: summary, result: result, elapsedSeconds: Date().timeIntervalSince(started), rows: .all)
            let text = String(decoding: JSONOutput.data(report.answer, pretty: false), as: UTF8.self)
            try await store.finishJob(id: job.id, state: "succeeded", result: text, error: nil, now: JobClock.now())
        } catch {
            try await store.finishJob(id: job.id, state: "failed", result: nil, error: "\(error)", now: JobClock.now())
        }
        return true
    }
}

extension SimulationJobRecord {
    /// The job as the API gives it.
    var answer: JobAnswer {
        JobAnswer(
            id: id, scenario: scenario, runs: runs, seed: UInt64(max(0, seed)), state: state, submittedAt: submittedAt, finishedAt: finishedAt,
            error: error, links: ["self": "/api/v1/simulations/\(id)", "result": "/api/v1/simulations/\(id)/result"])
    }
}

/// A simulation job: its state, when it ran, and where its result is.
struct JobAnswer: Encodable, Sendable {
    let id: String
    let scenario: String
    let runs: Int
    let seed: UInt64
    let state: String
    let submittedAt: String
    @NullWhenAbsent var finishedAt: String?
    @NullWhenAbsent var error: String?
    let links: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, scenario, runs, seed, state, error, links
        case submittedAt = "submitted_at"
        case finishedAt = "finished_at"
    }
}
