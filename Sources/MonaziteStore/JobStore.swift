/// A simulation job as stored: what was asked (the request as JSON), its state, and its result
/// (the summary as JSON) or error. Times are ISO 8601 UTC text.
public struct SimulationJobRecord: Sendable, Hashable {
    public var id: String
    public var scenario: String
    /// `{"scenario": NAME}` or `{"scenario_yaml": TEXT}`: enough to run it again after a restart.
    public var request: String
    public var runs: Int
    public var seed: Int64
    public var state: String
    public var submittedAt: String
    public var startedAt: String?
    public var finishedAt: String?
    public var worker: String?
    public var result: String?
    public var error: String?

    public init(
        id: String, scenario: String, request: String, runs: Int, seed: Int64, state: String = "queued", submittedAt: String,
        startedAt: String? = nil, finishedAt: String? = nil, worker: String? = nil, result: String? = nil, error: String? = nil
    ) {
        self.id = id
        self.scenario = scenario
        self.request = request
        self.runs = runs
        self.seed = seed
        self.state = state
        self.submittedAt = submittedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.worker = worker
        self.result = result
        self.error = error
    }
}

/// The simulation job queue every backend keeps: jobs survive a restart, and several servers or
/// workers on one store share the queue (each job is claimed by one worker at a time).
public protocol JobStore: Sendable {
    /// Queues a job unless `maximumActive` jobs are already queued or running; false when full.
    func enqueueJob(_ job: SimulationJobRecord, maximumActive: Int) async throws -> Bool
    /// Claims the oldest queued job for `worker`, or a running one started at or before `staleBefore`
    /// (its worker stopped without finishing it); nil when there is none.
    func claimJob(worker: String, now: String, staleBefore: String) async throws -> SimulationJobRecord?
    /// Records a job's end: `succeeded` with its result, or `failed` with its error.
    func finishJob(id: String, state: String, result: String?, error: String?, now: String) async throws
    func simulationJob(id: String) async throws -> SimulationJobRecord?
    /// The latest jobs, newest first.
    func simulationJobs(limit: Int) async throws -> [SimulationJobRecord]
}
