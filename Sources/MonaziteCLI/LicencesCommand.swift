import MonaziteService
import ArgumentParser
import MonaziteCore
import MonazitePolicy
import MonazitePolicyFile

/// `monazite licences`: the user's export licences with expiry warnings.
struct LicencesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "licences", abstract: "Your export licences, with expiry warnings; add one or import a YAML file.",
        subcommands: [LicencesListCommand.self, LicencesAddCommand.self, LicencesImportCommand.self],
        defaultSubcommand: LicencesListCommand.self)
}

struct LicencesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List licences, soonest expiry first.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Warn when a licence's last day is within this many days (default 30).")
    var warnDays: Int = 30

    @Option(name: .long, help: "The day to check against (YYYY-MM-DD); default: today (UTC).")
    var on: String?

    func validate() throws {
        guard warnDays >= 0 else { throw ValidationError("--warn-days must be ≥ 0") }
        _ = try PolicyArguments.day(on, option: "--on")
    }

    func run() async throws {
        let day = try PolicyArguments.day(on, option: "--on")
        let licences = try await global.storeOptions.openPolicyStore().licences()
        let standings = licences.map { LicenceStanding.of($0, on: day, warnDays: warnDays) }
        let rows = zip(licences, standings).map { l, s in
            [
                l.holder, l.reference, l.item.description, l.destination.alpha3, l.quantityKg.map { Format.tonnes($0, decimals: 3) } ?? "",
                l.kind.rawValue, l.granted.description, l.expires.description, s.state.rawValue, s.message,
            ]
        }
        struct Entry: Encodable {
            let licence: Licence
            let standing: LicenceStanding
        }
        let json = zip(licences, standings).map { Entry(licence: $0, standing: $1) }
        let expired = standings.filter { $0.state == .expired }.count
        let soon = standings.filter { $0.state == .expiresSoon }.count
        var notes: [String] = []
        if expired > 0 { notes.append("WARNING: \(expired) licence(s) expired") }
        if soon > 0 { notes.append("WARNING: \(soon) licence(s) expire within \(warnDays) days") }
        let table = Report(
            title: "\(licences.count) licences on \(day)",
            columns: ["holder", "reference", "item", "destination", "quantity_kg", "kind", "granted", "expires", "state", "message"],
            rows: rows, answer: json, notes: notes)
        print(table.render(global.format), terminator: "")
    }
}

struct LicencesAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record one licence.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Who holds the licence.") var holder: String
    @Option(name: .long, help: "An element (Dy) or an HS code (8505.11).") var item: String
    @Option(name: .long, help: "Destination, ISO alpha-3 (USA).") var destination: String
    @Option(name: .long, help: "Licensed quantity in kg (optional).") var quantityKg: Double?
    @Option(name: .long, help: "Day granted (YYYY-MM-DD).") var granted: String
    @Option(name: .long, help: "Last valid day (YYYY-MM-DD).") var expires: String
    @Option(name: .long, help: "general or single_shipment.") var kind: String
    @Option(name: .long, help: "Licence number or your reference (unique per holder).") var reference: String
    @Option(name: .long, help: "Free text.") var note: String?

    func licence() throws -> Licence {
        guard let what = LicenceItem(parsing: item) else {
            throw ValidationError("--item: \"\(item)\" is not an element (Dy) or an HS code (8505.11)")
        }
        guard let destination = try PolicyArguments.destination(destination) else { throw ValidationError("--destination is required") }
        guard let kind = LicenceKind(parsing: kind) else { throw ValidationError("--kind: \"\(kind)\" is not general or single_shipment") }
        let l = Licence(
            holder: holder, item: what, destination: destination, quantityKg: quantityKg,
            granted: try PolicyArguments.day(granted, option: "--granted"), expires: try PolicyArguments.day(expires, option: "--expires"),
            kind: kind, reference: reference, note: note)
        if let problem = l.problem { throw ValidationError(problem) }
        return l
    }

    func validate() throws { _ = try licence() }

    func run() async throws {
        let saved = try await global.storeOptions.openPolicyStore().addLicence(try licence(), file: "cli")
        let table = Report(
            title: "Recorded licence \(saved.reference) of \(saved.holder)", columns: ["id", "item", "destination", "expires"],
            rows: [[saved.id.map(String.init) ?? "", saved.item.description, saved.destination.alpha3, saved.expires.description]],
            answer: saved)
        print(table.render(global.format), terminator: "")
    }
}

struct LicencesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import licences from a YAML file (monazite-licences/1), all or nothing.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The YAML file.") var file: String

    func run() async throws {
        let store = try await global.storeOptions.openPolicyStore()
        let licences: [Licence]
        do {
            licences = try LicenceFile.parse(yaml: try PolicyArguments.readText(file), file: file)
        } catch let error as PolicyFileError {
            throw CLIError(error.description + " (nothing was imported)")
        }
        let count = try await store.importLicences(licences, file: file)
        let table = Report(
            title: "Imported \(count) licences from \(file)", columns: ["holder", "reference", "expires"],
            rows: licences.map { [$0.holder, $0.reference, $0.expires.description] }, answer: ["file": file, "imported": String(count)])
        print(table.render(global.format), terminator: "")
    }
}
