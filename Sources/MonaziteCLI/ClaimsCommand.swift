import ArgumentParser
import Foundation
import MonaziteClaims
import MonaziteCore
import MonaziteService

/// `monazite claims`: the quantitative claims of an article, each checked against the store.
struct ClaimsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Extract the quantitative claims of an article (text, Markdown or HTML) and check each against the store.",
        discussion:
            "Each claim gets a verdict: agrees, disagrees (with the figure the data holds), unverifiable or out_of_scope. The grammar is in docs/claims.md."
    )

    /// How the claims are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, md
    }

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The article: a file, or - for standard input.") var file: String
    @Option(help: "Publication date YYYY-MM-DD: anchors \"last month\", \"in June\" (default: a date found in the text).")
    var published: ArticleDate?
    @Option(help: "Output format: table, json or md.") var format: Format = .table

    func run() async throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(file) is not UTF-8 text") }
        let store = try await storeOptions.openStore()
        let report = try await ClaimsQueries.check(store: store, text: text, published: published?.day)
        switch format {
        case .table: print(report.renderTable(), terminator: "")
        case .md: print(report.renderMarkdown(), terminator: "")
        case .json: print(String(decoding: try report.jsonData(), as: UTF8.self))
        }
    }
}

/// A `YYYY-MM-DD` option, parsed once by ArgumentParser.
struct ArticleDate: ExpressibleByArgument {
    let day: CalendarDay
    init?(argument: String) {
        guard let d = CalendarDay(parsing: argument) else { return nil }
        day = d
    }
}
