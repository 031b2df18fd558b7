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
        let selected = events.filter { e in
            // An event is in the window when its announcement or effective date is.
            let days = [e.dates.announced, e.dates.effective].compactMap { $0 }
            if let from, !days.contains(where: { $0 >= from }) { return false }
            if let to, !days.contains(where: { $0 <= to }) { return false }
            if let kind, e.kind != kind { return false }
            if let element, !e.scope.elements.contains(element) { return false }
            if let destination, !e.scope.covers(destination: destination) { return false }
            return true
        }.sorted { a, b in
            let da = a.dates.announced ?? a.dates.effective
            let db = b.dates.announced ?? b.dates.effective
            return (da?.dayNumber ?? Int.max, a.id) < (db?.dayNumber ?? Int.max, b.id)
        }
        let rows = selected.map { e in
            [
                e.dates.announced?.description ?? "", e.dates.effective?.description ?? "", e.id, e.kind.rawValue, e.label,
                e.suspends.isEmpty
                    ? e.title
                    : "suspends " + e.suspends.joined(separator: ", ")
                        + (e.dates.suspendedUntil.map { " until \($0)" } ?? ""),
                e.verified ? "" : "unverified",
            ]
        }
        let table = Report(
            title: "\(selected.count) of \(events.count) events",
            columns: ["announced", "effective", "id", "kind", "instrument", "what", "flag"],
            rows: rows, json: try PolicyArguments.jsonObject(selected), notes: notes)
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
        let table = Report(
            title: "Imported \(count) events from \(file)", columns: ["id", "kind", "effective"],
            rows: events.map { [$0.id, $0.kind.rawValue, $0.dates.effective?.description ?? ""] },
            json: ["file": file, "imported": count, "ids": events.map(\.id)])
        print(table.render(global.format), terminator: "")
    }
}
