import Foundation
import MonaziteClaims
import MonaziteCore
import MonaziteService
import Testing

/// Golden tests over the whole corpus, against the bundled dataset.
@Suite struct CorpusTests {
    static let cases: [CorpusCase] = (try? Corpus.load()) ?? []

    @Test func corpusIsLargeEnough() {
        #expect(Self.cases.filter { !$0.checksLines }.count >= 40)
        #expect(Self.cases.filter(\.checksLines).count >= 4)
    }

    @Test(arguments: cases)
    func claimsAreFoundAndJudgedAsExpected(_ c: CorpusCase) async throws {
        let data = try await Corpus.bundled.value
        let report = try await ClaimChecker.check(text: c.text, published: c.published, data: data)
        var metrics = CorpusMetrics()
        metrics.add(c, report.claims)
        #expect(metrics.problems.isEmpty, "\(metrics.problems.joined(separator: "\n"))")
    }

    /// Precision, recall and verdict accuracy over every claim of the corpus (printed for the report).
    @Test func corpusMetricsMeetTheAims() async throws {
        let data = try await Corpus.bundled.value
        var metrics = CorpusMetrics()
        for c in Self.cases {
            let report = try await ClaimChecker.check(text: c.text, published: c.published, data: data)
            metrics.add(c, report.claims)
        }
        print("claims corpus: \(metrics)")
        for p in metrics.problems { print("  " + p) }
        #expect(metrics.precision >= 0.95)
        #expect(metrics.recall >= 0.90)
        #expect(metrics.disagreesPrecision >= 0.95)
        #expect(metrics.outOfScopeCalledDisagrees == 0)
    }
}
