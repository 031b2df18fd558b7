import Foundation
import MonaziteScenario
import MonaziteService
import MonaziteSimulation

/// Simulation runs submitted over HTTP: each runs in the background; clients poll its status
/// and fetch the summary when it is done. Jobs are kept in memory (a restart forgets them) and
/// at most `maximumRunning` run at once, so one client cannot occupy every core.
actor SimulationJobs {
    enum State: String, Sendable { case queued, running, succeeded, failed }

    struct Job: Sendable {
        let id: String
        let scenario: String
        let runs: Int
        let seed: UInt64
        let submittedAt: Date
        var state: State
        var finishedAt: Date?
        var result: SimulateReport?
        var error: String?
    }

    static let maximumRunning = 2
    static let maximumRuns = 5000
    static let maximumKept = 200

    private var jobs: [String: Job] = [:]
    private var order: [String] = []

    /// Starts a job; throws a 429 when too many are running.
    func submit(file: ScenarioFile, runs: Int, seed: UInt64) throws(APIError) -> Job {
        let running = jobs.values.filter { $0.state == .running || $0.state == .queued }.count
        guard running < Self.maximumRunning else {
            throw APIError(.tooManyRequests, code: "too_many_jobs", "\(running) simulations are running; poll them and submit again when one is done")
        }
        let id = UUID().uuidString.lowercased()
        let job = Job(id: id, scenario: file.scenario.name, runs: runs, seed: seed, submittedAt: Date(), state: .running)
        jobs[id] = job
        order.append(id)
        if order.count > Self.maximumKept, let oldest = order.first, jobs[oldest]?.state != .running {
            order.removeFirst()
            jobs[oldest] = nil
        }
        Task.detached(priority: .utility) { [weak self] in
            let started = Date()
            let outcome: Result<SimulateReport, any Error>
            do {
                let compiled = try ScenarioLibrary.compile(file)
                let result = await MonteCarloRunner.run(compiled, runs: runs, seed: seed, workers: nil, recordDaily: false, progress: nil)
                let summary = SimulationSummary(
                    result, scenario: file.scenario.name, network: file.scenario.network.name, stockOutByDay: file.scenario.stockOutByDay)
                outcome = .success(
                    SimulateReport(file: file, summary: summary, result: result, elapsedSeconds: Date().timeIntervalSince(started), rows: .all))
            } catch {
                outcome = .failure(error)
            }
            await self?.finish(id, outcome)
        }
        return job
    }

    private func finish(_ id: String, _ outcome: Result<SimulateReport, any Error>) {
        guard var job = jobs[id] else { return }
        job.finishedAt = Date()
        switch outcome {
        case .success(let report):
            job.state = .succeeded
            job.result = report
        case .failure(let error):
            job.state = .failed
            job.error = "\(error)"
        }
        jobs[id] = job
    }

    func job(_ id: String) -> Job? { jobs[id] }

    func all() -> [Job] { order.compactMap { jobs[$0] }.reversed() }
}

extension SimulationJobs.Job {
    /// The job as the API gives it.
    var answer: JobAnswer {
        let iso = ISO8601DateFormatter()
        return JobAnswer(
            id: id, scenario: scenario, runs: runs, seed: seed, state: state.rawValue, submittedAt: iso.string(from: submittedAt),
            finishedAt: finishedAt.map { iso.string(from: $0) }, error: error,
            links: ["self": "/api/v1/simulations/\(id)", "result": "/api/v1/simulations/\(id)/result"])
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
