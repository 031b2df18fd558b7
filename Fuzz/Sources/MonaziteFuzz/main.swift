// libFuzzer harnesses: one binary, the harness picked by MONAZITE_FUZZ_TARGET.
//
// Each harness hands the input to one parser and ignores what it throws: a thrown error is the
// right answer for bad input. A crash, trap, hang, leak or out-of-memory is a finding.
// Built by scripts/fuzz.sh (`-sanitize=fuzzer,address -parse-as-library`).

import Foundation
import MonaziteAlerts
import MonaziteClaims
import MonaziteCore
import MonaziteIngest
import MonazitePolicyFile
import MonazitePriceFile
import MonaziteScenario
import MonaziteYAML

typealias Harness = @Sendable (UnsafeBufferPointer<UInt8>) -> Void

/// The text parsers read files as UTF-8; invalid bytes become U+FFFD as they would through `String(decoding:)`.
func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

/// The network every fuzzed scenario refers to, whatever name it gives (parsed once, from the bundle).
let baselineNetwork: NetworkFile? = {
    guard let name = ScenarioLibrary.bundledNetworkNames.first else { return nil }
    return try? ScenarioLibrary.loadNetwork(name)
}()

let harnesses: [String: Harness] = [
    // The CSV layer under every import format: records, fields, numbers, and the format sniffer.
    "csv": { bytes in
        _ = FileFormat.sniff(Data(buffer: bytes))
        var record = CSVReader.Record()
        guard var reader = try? CSVReader.open(bytes: bytes, file: "fuzz.csv", header: &record) else { return }
        do {
            repeat {
                for i in 0..<record.count {
                    _ = try? reader.string(record, i)
                    _ = reader.double(record, i)
                    _ = reader.isBlank(record, i)
                }
            } while try reader.next(into: &record)
        } catch {}
    },
    "observations": { bytes in
        _ = try? ObservationCSVFormat.read(bytes: bytes, file: "fuzz.csv", sink: { _, _ in nil })
    },
    "comtrade": { bytes in
        _ = try? ComtradeCSVFormat.read(
            bytes: bytes, file: "fuzz.csv", provenance: Provenance(source: "fuzz"), sink: { _, _ in nil })
    },
    // Differential: the Comtrade bulk path (read in two parts at once, as files from 4 MiB on are)
    // against the row-at-a-time path on the same bytes. Both must accept the same rows (series,
    // months, figures, line) or report the same problems; a difference traps (a finding).
    "comtrade-bulk": { bytes in
        let one = ComtradeRead.rowAtATime(bytes)
        let two = ComtradeCSVFormat.$twoPartsFrom.withValue(0) { ComtradeRead.bulk(bytes) }
        precondition(one == two, "bulk and row-at-a-time reads differ:\n\(one)\n\(two)")
    },
    "usgs-salient": { bytes in
        _ = try? USGSSalientFormat.read(
            bytes: bytes, file: "fuzz.csv", country: .unitedStates, commodityName: "Rare earths", provenance: nil)
    },
    "usgs-world": { bytes in
        _ = try? USGSWorldTableFormat.read(bytes: bytes, file: "fuzz.csv")
    },
    "indicators": { bytes in
        _ = try? IndicatorCSVFormat.read(bytes: bytes, file: "fuzz.csv")
    },
    "prices": { bytes in
        _ = try? PriceCSVFormat.read(bytes: bytes, file: "fuzz.csv")
    },
    "fx": { bytes in
        _ = try? FXCSVFormat.read(bytes: bytes, file: "fuzz.csv")
    },
    "yaml": { bytes in
        _ = try? YAMLNode.parse(text(bytes), file: "fuzz.yaml")
    },
    "scenario": { bytes in
        _ = try? ScenarioFile(yaml: text(bytes), file: "fuzz.yaml") { name, location throws(ScenarioFileError) -> NetworkFile in
            guard let baselineNetwork else {
                throw ScenarioFileError(file: location.file, line: location.line, reason: "no network \(name)")
            }
            return baselineNetwork
        }
    },
    "network": { bytes in
        _ = try? NetworkFile(yaml: text(bytes), file: "fuzz.yaml")
    },
    "policy": { bytes in
        _ = try? PolicyTimelineFile.parse(yaml: text(bytes), file: "fuzz.yaml")
    },
    "licences": { bytes in
        _ = try? LicenceFile.parse(yaml: text(bytes), file: "fuzz.yaml")
    },
    "alerts": { bytes in
        _ = try? AlertRulesFile.parse(text(bytes), file: "fuzz.yaml")
    },
    // Core's small parsers, fed every line of the input (they read cells and query parameters).
    "period": { bytes in
        for line in text(bytes).split(separator: "\n", omittingEmptySubsequences: false) {
            let s = String(line)
            if let p = Period(parsing: s) { _ = p.description }
            if let d = CalendarDay(parsing: s) { _ = d.description }
            _ = USGSEdition(parsing: s)
        }
    },
    "hs": { bytes in
        for line in text(bytes).split(separator: "\n", omittingEmptySubsequences: false) {
            let s = String(line)
            if let h = HSCode(s) { _ = h.description }
            _ = CustomsAggregate.named(s)
            _ = Derivation.parse(s)
        }
    },
    "country": { bytes in
        for line in text(bytes).split(separator: "\n", omittingEmptySubsequences: false) {
            let s = String(line)
            if let c = CountryCode(s) { _ = c.name }
            _ = CountryCatalog.resolve(s)
        }
    },
    "claims": { bytes in
        _ = ClaimChecker.extractClaims(text: text(bytes), published: CalendarDay(year: 2025, month: 6, day: 1))
    },
]

/// What a Comtrade read gave: its rows and row count, or its problems.
enum ComtradeRead: Equatable, CustomStringConvertible {
    struct Row: Equatable {
        var series: SeriesKey
        var first: Int, last: Int, line: Int
        var tonnes: Double?, value: Double?
    }
    case rows([Row], count: Int, skipped: Int)
    case failed([String])

    var description: String {
        switch self {
        case .rows(let rows, let count, let skipped): "\(rows.count) rows kept of \(count), \(skipped) skipped"
        case .failed(let issues): issues.joined(separator: "\n")
        }
    }

    static func rowAtATime(_ bytes: UnsafeBufferPointer<UInt8>) -> ComtradeRead {
        let rows = RowCollector()
        return read(bytes, rows: rows) {
            rows.rows.append(
                Row(series: $0.key, first: $0.period.first.index, last: $0.period.last.index, line: $1,
                    tonnes: $0.quantityTonnes, value: $0.valueUSD))
            return nil
        }
    }

    static func bulk(_ bytes: UnsafeBufferPointer<UInt8>) -> ComtradeRead {
        let rows = RowCollector()
        return BulkImport.$store.withValue(rows) { read(bytes, rows: rows) { _, _ in "the bulk path used the sink" } }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, rows: RowCollector, sink: @escaping ObservationSink) -> ComtradeRead {
        do {
            let summary = try ComtradeCSVFormat.read(bytes: bytes, file: "fuzz.csv", provenance: Provenance(source: "fuzz"), sink: sink)
            return .rows(rows.rows, count: summary.rows, skipped: summary.skippedBreakdowns)
        } catch {
            return .failed(error.issues.map(\.description) + (error.truncated ? ["(truncated)"] : []))
        }
    }
}

/// Collects what either path hands over, the bulk path's rows turned back into series keys and months.
final class RowCollector: BulkObservationStore, @unchecked Sendable {
    // @unchecked: one read at a time, on the thread that hands the rows over.
    var rows: [ComtradeRead.Row] = []
    private var series: [SeriesKey] = []

    func begin(provenance: Provenance, status: DataStatus) {}

    func store(newSeries: ArraySlice<SeriesKey>, rows batch: UnsafeBufferPointer<BulkRow>) -> (line: Int, reason: String)? {
        series += newSeries
        for r in batch {
            guard let first = Month(year: Int(r.firstMonth) / 100, month: Int(r.firstMonth) % 100),
                let last = Month(year: Int(r.lastMonth) / 100, month: Int(r.lastMonth) % 100)
            else {
                return (Int(r.line), "months \(r.firstMonth)..\(r.lastMonth) are not YYYYMM")
            }
            rows.append(
                ComtradeRead.Row(series: series[Int(r.series)], first: first.index, last: last.index, line: Int(r.line),
                    tonnes: r.tonnes, value: r.valueUSD))
        }
        return nil
    }
}

let selected: Harness? = {
    guard let name = ProcessInfo.processInfo.environment["MONAZITE_FUZZ_TARGET"] else { return nil }
    return harnesses[name]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selected?(UnsafeBufferPointer(start: data, count: size))
    return 0
}

// SwiftPM links an executable with `main` aliased to `<Target>_main`; libFuzzer brings its own
// driver, so that symbol starts it (LLVMFuzzerRunDriver is libFuzzer's public entry point).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("MonaziteFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    if CommandLine.arguments.dropFirst().first == "--list" {
        print(harnesses.keys.sorted().joined(separator: "\n"))
        return 0
    }
    guard selected != nil else {
        let names = harnesses.keys.sorted().joined(separator: ", ")
        FileHandle.standardError.write(Data("set MONAZITE_FUZZ_TARGET to one of: \(names)\n".utf8))
        return 2
    }
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOne)
}
