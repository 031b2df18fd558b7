import MonaziteService
import ArgumentParser
import MonaziteCore
import MonazitePolicy

/// `monazite controls`: which measures touch an element, commodity or destination on a date.
struct ControlsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controls",
        abstract: "Measures that apply on a date to an element, HS code or destination, with status and why.",
        discussion: """
            Reads the bundled timeline plus events imported with `monazite events import`. Status is one of \
            in_force, not_yet_effective, suspended, suspension_lapsed, revoked, expired.
            Example: monazite controls --on 2025-06-15 --element Dy --destination USA
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The day (YYYY-MM-DD); default: today (UTC).")
    var on: String?

    @Option(name: .long, help: "A rare earth: symbol (Dy) or name (dysprosium).")
    var element: String?

    @Option(name: .long, help: "An HS code or prefix (8505.11, 2846).")
    var commodity: String?

    @Option(name: .long, help: "Destination country, ISO 3166-1 alpha-3 (USA).")
    var destination: String?

    func validate() throws {
        _ = try PolicyArguments.day(on, option: "--on")
        _ = try PolicyArguments.element(element)
        _ = try PolicyArguments.commodity(commodity)
        _ = try PolicyArguments.destination(destination)
    }

    func run() async throws {
        let day = try PolicyArguments.day(on, option: "--on")
        let (events, notes) = try await global.storeOptions.policyTimeline()
        let answer = PolicyQueries.controls(
            events, on: day, element: try PolicyArguments.element(element), commodity: try PolicyArguments.commodity(commodity),
            destination: try PolicyArguments.destination(destination), notes: notes)
        let table = answer.report
        print(table.render(global.format), terminator: "")
    }
}
