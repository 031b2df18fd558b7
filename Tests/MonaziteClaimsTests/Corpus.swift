import Foundation
import MonaziteClaims
import MonaziteCore
import MonaziteDataset
import MonaziteService
import MonaziteStore
import Testing

/// The test corpus: single sentences (`Corpus/sentences.txt`) and whole articles
/// (`Corpus/article-*.{txt,md,html}` with `.expected`), each with the claims a careful reader finds.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var published: CalendarDay?
    /// For sentences the line is not checked (each sentence is its own one-line article).
    var checksLines: Bool
    var expected: [ExpectedClaim]

    var testDescription: String { name }
}

/// One expected claim: `[line] measure value qualifier unit period reporter partner flow commodity verdict`
/// (`-` for null, `*` for any).
struct ExpectedClaim: Sendable, CustomStringConvertible {
    var line: Int?
    var fields: [String]

    var measure: String { fields[0] }
    var value: Double { Double(fields[1]) ?? .nan }
    var unit: String { fields[3] }
    var verdict: String { fields[9] }
    var description: String { (line.map { "\($0) " } ?? "") + fields.joined(separator: " ") }

    static let names = ["measure", "value", "qualifier", "unit", "period", "reporter", "partner", "flow", "commodity", "verdict"]

    /// The claim's fields in the same order.
    static func fields(of c: Claim) -> [String] {
        [
            c.measure.rawValue, String(c.value), c.qualifier.rawValue, c.unit, c.period ?? "-", c.reporter ?? "-", c.partner ?? "-",
            c.flow ?? "-",
            c.commodity ?? "-", c.verdict.rawValue,
        ]
    }

    /// Same figure (line, value and unit): the claim the expectation is about.
    func isSameFigure(_ c: Claim, checksLines: Bool) -> Bool {
        (!checksLines || line == c.line) && abs(c.value - value) <= 1e-9 * max(1, abs(value)) && c.unit == unit
    }

    /// The fields that differ, by name.
    func mismatches(_ c: Claim) -> [String] {
        let actual = Self.fields(of: c)
        var out: [String] = []
        for (i, f) in fields.enumerated() where f != "*" && i != 1 {
            if f != actual[i] { out.append("\(Self.names[i]): expected \(f), got \(actual[i])") }
        }
        return out
    }
}

enum Corpus {
    static var directory: URL {
        Bundle.module.url(forResource: "Corpus", withExtension: nil) ?? URL(fileURLWithPath: "Corpus")
    }

    static func load() throws -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let sentences = try String(contentsOf: directory.appendingPathComponent("sentences.txt"), encoding: .utf8)
        var published: CalendarDay?
        var text: String?
        var expected: [ExpectedClaim] = []
        func flush() {
            if let t = text {
                cases.append(
                    CorpusCase(
                        name: "sentence \(cases.count + 1): \(t.prefix(60))", text: t, published: published, checksLines: false,
                        expected: expected))
            }
            text = nil
            expected = []
        }
        for raw in sentences.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("@ ") {
                flush()
                published = CalendarDay(parsing: String(line.dropFirst(2)))
            } else if line.hasPrefix("= ") {
                expected.append(ExpectedClaim(line: nil, fields: line.dropFirst(2).split(separator: " ").map(String.init)))
            } else if !line.isEmpty {
                text = line
            }
        }
        flush()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasPrefix("article-") && !$0.hasSuffix(".expected")
        }
        for file in files.sorted() {
            let base = (file as NSString).deletingPathExtension
            let body = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let spec = try String(contentsOf: directory.appendingPathComponent(base + ".expected"), encoding: .utf8)
            var date: CalendarDay?
            var claims: [ExpectedClaim] = []
            for raw in spec.split(separator: "\n") {
                let line = String(raw)
                if line.hasPrefix("@ ") {
                    date = CalendarDay(parsing: String(line.dropFirst(2)))
                    continue
                }
                var parts = line.split(separator: " ").map(String.init)
                guard let n = Int(parts.removeFirst()) else { continue }
                claims.append(ExpectedClaim(line: n, fields: parts))
            }
            cases.append(CorpusCase(name: file, text: body, published: date, checksLines: true, expected: claims))
        }
        return cases
    }

    /// The bundled dataset in a fresh SQLite store, loaded once per test process.
    static let bundled = Task { () throws -> StoreClaimData in
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-claims-\(UUID().uuidString)")
        let store = try SQLiteStore(path: dir.appendingPathComponent("store.sqlite").path)
        _ = try await BundledDataset.install(into: store)
        return StoreClaimData(store: store)
    }
}

/// Precision, recall and verdict accuracy of the checker on the corpus.
struct CorpusMetrics: CustomStringConvertible {
    var expected = 0
    var extracted = 0
    var matched = 0
    var verdictCorrect = 0
    var fieldsCorrect = 0
    var disagreesReported = 0
    var disagreesCorrect = 0
    var outOfScopeCalledDisagrees = 0
    var problems: [String] = []

    var precision: Double { extracted == 0 ? 1 : Double(matched) / Double(extracted) }
    var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }
    var verdictAccuracy: Double { matched == 0 ? 1 : Double(verdictCorrect) / Double(matched) }
    var disagreesPrecision: Double { disagreesReported == 0 ? 1 : Double(disagreesCorrect) / Double(disagreesReported) }

    mutating func add(_ c: CorpusCase, _ claims: [Claim]) {
        expected += c.expected.count
        extracted += claims.count
        var unused = Array(claims.indices)
        for e in c.expected {
            guard let k = unused.firstIndex(where: { e.isSameFigure(claims[$0], checksLines: c.checksLines) }) else {
                problems.append("\(c.name): missed \(e)")
                continue
            }
            let claim = claims[unused.remove(at: k)]
            matched += 1
            if claim.verdict.rawValue == e.verdict { verdictCorrect += 1 }
            let wrong = e.mismatches(claim)
            if wrong.isEmpty {
                fieldsCorrect += 1
            } else {
                problems.append("\(c.name) line \(claim.line) \(claim.value): " + wrong.joined(separator: "; "))
            }
            if claim.verdict == .disagrees {
                disagreesReported += 1
                if e.verdict == "disagrees" { disagreesCorrect += 1 }
            }
            if e.verdict == "out_of_scope" && claim.verdict == .disagrees { outOfScopeCalledDisagrees += 1 }
        }
        for k in unused {
            problems.append(
                "\(c.name): extra claim line \(claims[k].line) \(ExpectedClaim.fields(of: claims[k]).joined(separator: " ")) «\(claims[k].text)»"
            )
            if claims[k].verdict == .disagrees { disagreesReported += 1 }
        }
    }

    var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return "expected \(expected), extracted \(extracted), matched \(matched); precision \(f(precision)), recall \(f(recall)), "
            + "verdict accuracy \(f(verdictAccuracy)) (\(verdictCorrect)/\(matched)), all fields right \(fieldsCorrect)/\(matched), "
            + "disagrees precision \(f(disagreesPrecision)) (\(disagreesCorrect)/\(disagreesReported)), out-of-scope called disagrees \(outOfScopeCalledDisagrees)"
    }
}
