import ArgumentParser
import Logging
import MonaziteServer
import ServiceLifecycle

/// `monazite worker`: runs queued simulation jobs from the store's queue, beside or instead of a
/// server's own workers (on PostgreSQL, on any machine that reaches the database). Stops on
/// SIGINT or SIGTERM after the job at hand.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run queued simulation jobs from the store (several workers, on several machines, share one queue).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many jobs to run at once (1–8).") var jobs = 1

    func validate() throws {
        guard (1...8).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 8") }
    }

    func run() async throws {
        HeapAllocator.limitArenas()  // as `serve` does: a long-running process
        let store = try await global.storeOptions.openServerStore()
        var logger = Logger(label: "monazite.worker")
        logger.logLevel = .info
        let workers: [any Service] = (0..<jobs).map { i in SimulationWorker(store: store, name: "worker:\(i)", logger: logger) }
        let services = workers + [HeapTrimmer(interval: .seconds(60))]
        let group = ServiceGroup(
            configuration: .init(services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("running simulation jobs from \(store.location)")
        try await group.run()
    }
}
