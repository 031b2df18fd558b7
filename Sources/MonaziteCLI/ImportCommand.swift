import ArgumentParser
import Foundation
import MonaziteCore
import MonaziteIngest
import MonaziteService
import MonaziteStore

/// `monazite import FILE`: load a file into the store, all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a file into the store: all of it, or nothing and every problem listed as file:line:column: reason.")

    typealias FileFormat = FileImport.FileFormat

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .customLong("output-format"), help: "Output format of the report: table, csv or json.") var outputFormat: OutputFormat = .table
    @Argument(help: "The file to import.") var file: String
    @Option(name: .customLong("format"), help: "observations, comtrade, usgs-salient, usgs-world or indicators (default: from the header).")
    var fileFormatName: String?
    @Option(help: "Release date of the file's figures (YYYY-MM-DD), for formats without a release column.") var release: String?
    @Option(help: "Source name, for formats without a source column (default: UN Comtrade / the USGS edition).") var source: String?
    @Option(help: "Source URL, for formats without a url column.") var url: String?
    @Option(help: "Country of a USGS salient table (alpha-3).") var country = "USA"
    @Flag(help: "Print a progress line on stderr whatever the file size.") var progress = false
    @Option(help: "Alert rules to evaluate after the import (default: $MONAZITE_ALERTS; none when unset).") var alerts: String?

    func run() async throws {
        let data: Data
        do { data = try Self.contents(of: file) } catch {
            throw CLIError("cannot read \(file): \(error.localizedDescription)")
        }
        let fileFormat = try fileFormatName.map { name in
            do { return try FileFormat(name: name) } catch { throw ValidationError("--format: \(error)") }
        }
        let releaseDay = try release.map { text throws(ServiceError) in try QueryParsing.day(text, name: "--release") }
        let countryCode = try QueryParsing.country(country, name: "--country")
        let store = try await storeOptions.openStore()
        let showProgress = progress || data.count >= 16 << 20
        let reporter = ProgressLine(label: "importing \((file as NSString).lastPathComponent)", enabled: showProgress)
        let (format, report) = try await FileImport.run(
            store: store, data: data, name: file, format: fileFormat,
            options: FileImport.Options(release: releaseDay, source: source, url: url, country: countryCode),
            progress: { done, total in reporter.update(done, total) })
        reporter.finish()
        print(FileImport.answer(file: file, format: format, report).report.render(outputFormat), terminator: "")
        do { try await AlertsRunner.afterImport(option: alerts, storePath: storeOptions.storePath) } catch {
            throw CLIError("\(file) was imported; the alert check after it failed: \(error)")
        }
    }
}

extension ImportCommand {
    /// Files from this size on are mapped rather than read.
    static let mapFrom = 4 << 20

    /// The file's bytes. A large regular file is mapped (read-only, private), so that parsing
    /// starts at once and pages come in as the parser reaches them, instead of the whole file
    /// being copied into memory first (0.2 s for 300 MB). Anything else (a small file, a pipe,
    /// a file that cannot be mapped) is read whole, as before.
    ///
    /// A mapped file that another process truncates during the import makes the process fault
    /// when it reads past the new end (SIGBUS): the import's transaction then never commits and
    /// the store is as it was, as after any interruption.
    static func contents(of path: String) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return try Data(contentsOf: URL(fileURLWithPath: path)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size >= mapFrom else {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != UnsafeMutableRawPointer(bitPattern: -1) else {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        // Read front to back: the kernel reads ahead further and drops pages behind.
        _ = madvise(base, size, MADV_SEQUENTIAL)
        return Data(bytesNoCopy: base, count: size, deallocator: .custom { pointer, count in _ = munmap(pointer, count) })
    }
}

/// A progress line on stderr: rewritten in place on a terminal, every 10% otherwise.
final class ProgressLine: @unchecked Sendable {
    // @unchecked: used from the importing thread only; the closure never escapes the import call.
    private let label: String
    private let enabled: Bool
    private let isTerminal = isatty(2) == 1
    private var lastDecile = -1

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let pct = Int(Double(done) / Double(total) * 100)
        let mb = { (b: Int) in String(format: "%.0f", Double(b) / 1_048_576) }
        let text = "\(label): \(pct)% (\(mb(done)) of \(mb(total)) MB)"
        if isTerminal {
            FileHandle.standardError.write(Data(("\r" + text).utf8))
        } else if pct / 10 > lastDecile {
            lastDecile = pct / 10
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    func finish() {
        if enabled && isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
