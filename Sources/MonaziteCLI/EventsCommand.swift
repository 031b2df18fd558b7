import MonaziteService
import ArgumentParser
import MonaziteCore
import MonazitePolicy
import MonazitePolicyFile

/// `monazite events`: the policy timeline, and importing more events.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "The policy timeline (bundled and imported events); import more from YAML.",
        subcommands: [EventsListCommand.self, EventsImportCommand.self], defaultSubcommand: EventsListCommand.self)
}

/// `monazite events [list]`: the timeline, filtered.
struct EventsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List timeline events, oldest first.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "First day (YYYY-MM-DD) of the announcement/effective date.")
    var from: String?

    @Option(name: .long, help: "Last day (YYYY-MM-DD) of the announcement/effective date.")
    var to: String?

    @Option(name: .long, help: "Kind: \(PolicyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String?

    @Option(name: .long, help: "A rare earth the event names (or all rare earths).")
    var element: String?

    @Option(name: .long, help: "A destination the event applies to (ISO alpha-3).")
    var destination: String?

    func validate() throws {
        _ = try PolicyArguments.optionalDay(from, option: "--from")
        _ = try PolicyArguments.optionalDay(to, option: "--to")
        _ = try PolicyArguments.kind(kind)
        _ = try PolicyArguments.element(element)
        _ = try PolicyArguments.destination(destination)
    }

    func run() async throws {
        let (events, notes) = try await global.storeOptions.policyTimeline()
        let from = try PolicyArguments.optionalDay(from, option: "--from")
        let to = try PolicyArguments.optionalDay(to, option: "--to")
        let kind = try PolicyArguments.kind(kind)
        let element = try PolicyArguments.element(element)
        let destination = try PolicyArguments.destination(destination)
        let table = PolicyQueries.events(
            events, kind: kind, element: element, destination: destination, from: from, to: to, on: .todayUTC(), notes: notes
        ).report
        print(table.render(global.format), terminator: "")
    }
}

/// `monazite events import FILE`: validated, all or nothing.
struct EventsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import timeline events from a YAML file (monazite-policy/1), all or nothing.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The YAML file.")
    var file: String

    func run() async throws {
        let store = try await global.storeOptions.openPolicyStore()
        let known = try await global.storeOptions.policyTimeline().events
        let events: [PolicyEvent]
        do {
            events = try PolicyTimelineFile.parse(yaml: try PolicyArguments.readText(file), file: file, known: known)
        } catch let error as PolicyFileError {
            throw CLIError(error.description + " (nothing was imported)")
        }
        let count = try await store.importPolicyEvents(events, file: file)
        struct Imported: Encodable {
            let file: String
            let imported: Int
            let ids: [String]
        }
        let table = Report(
            title: "Imported \(count) events from \(file)", columns: ["id", "kind", "effective"],
            rows: events.map { [$0.id, $0.kind.rawValue, $0.dates.effective?.description ?? ""] },
            answer: Imported(file: file, imported: count, ids: events.map(\.id)))
        print(table.render(global.format), terminator: "")
    }
}
