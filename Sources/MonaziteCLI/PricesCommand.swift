import Foundation
import ArgumentParser
import MonazitePriceFile
import MonazitePrices
import MonaziteService

/// `monazite prices`: the bundled, cited price quotes, optionally in USD/kg (derived).
struct PricesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices", abstract: "Cited rare-earth price quotes; --currency USD / --ex-vat add derived USD/kg figures (docs/prices.md).")

    @Option(name: .long, help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Product, e.g. \"NdPr oxide\", \"Dy oxide\".") var product: String?
    @Option(help: "Market basis: \(MarketBasis.allCases.map(\.rawValue).joined(separator: ", ")).") var basis: String?
    @Option(help: "First date (YYYY-MM-DD, YYYY-MM or YYYY-Qn).") var from: String?
    @Option(help: "Last date (YYYY-MM-DD, YYYY-MM or YYYY-Qn).") var to: String?
    @Option(help: "USD: add USD/kg figures converted with the cited FX table.") var currency: String?
    @Flag(name: .customLong("ex-vat"), help: "Remove VAT the quote includes (implies --currency USD).") var exVAT = false
    @Option(help: "A price CSV (docs/prices.md) to read instead of the bundled and imported prices; rejected whole on any bad cell.") var file: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let answer = try PriceQueries.prices(
            product: product, basis: basis, from: from, to: to, currency: currency, exVAT: exVAT, file: try priceFile(file),
            stored: file == nil ? try await storedPriceQuotes(storeOptions) : [])
        print(answer.report.render(format), terminator: "")
    }
}

/// `monazite spreads`: ex-China / China ratios and the stress index (derived).
struct SpreadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spreads", abstract: "Ex-China / China price ratios per product and date, and the monthly stress index (derived; docs/prices.md).")

    @Option(name: .long, help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Product, e.g. \"Dy oxide\".") var product: String?
    @Option(help: "A price CSV (docs/prices.md) to read instead of the bundled and imported prices.") var file: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let stored = file == nil ? try await storedPriceQuotes(storeOptions) : []
        print(try PriceQueries.spreads(product: product, file: try priceFile(file), stored: stored).report.render(format), terminator: "")
    }
}

/// `monazite contract`: the DoD–MP Materials NdPr floor's top-ups for a price path (derived).
struct ContractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Top-ups of the DoD–MP Materials NdPr price floor (USD 110/kg) for a price path (derived; docs/prices.md).")

    @Option(name: .long, help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @Option(help: "A constant reference price in USD/kg (default: the bundled China NdPr oxide history).") var constant: Double?
    @Option(name: .customLong("tonnes-per-quarter"), help: "Volume per quarter in tonnes (default: MP's reported sales).")
    var tonnesPerQuarter: Double?
    @Option(help: "Quarters, comma-separated (e.g. 2026-Q1,2026-Q2; default: those with a volume).") var periods: String?
    @Option(help: "A scenario price path: a price CSV (docs/prices.md); its NdPr oxide quotes set each quarter's reference.") var file: String?

    func run() async throws {
        let list = periods.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        let answer = try PriceQueries.contract(constant: constant, tonnesPerQuarter: tonnesPerQuarter, periods: list, file: try priceFile(file))
        print(answer.report.render(format), terminator: "")
    }
}

/// The quotes imported into the store (`monazite import prices.csv`). Without `--store` and with no
/// store at the default place there are none: the bundled quotes need no store.
func storedPriceQuotes(_ options: StoreOptions) async throws -> [PriceObservation] {
    let location = try StoreLocation(options.storePath)
    if options.store == nil, case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) { return [] }
    return try await location.open(create: false).priceQuotes()
}

/// Reads `--file`, when given.
func priceFile(_ path: String?) throws -> PriceFileInput? {
    guard let path else { return nil }
    do { return PriceFileInput(name: path, data: try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
        throw CLIError("\(path): cannot read the file (\(error.localizedDescription))")
    }
}
