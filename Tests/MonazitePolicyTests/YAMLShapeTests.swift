import Foundation
import MonaziteCore
import MonazitePolicyFile
import Testing

/// YAML whose keys are lists, mappings or aliases is refused before Yams builds it: Yams sorts
/// duplicate keys with an ordering exponential in their depth (`YAMLShape`).
@Suite struct YAMLShapeTests {
    /// The policy harness's finding (2026-12-01, at 925,259 executions): 6.5 KB of nested `? - -`
    /// complex keys that ran past libFuzzer's 10 s. Kept byte for byte (base64), read as the
    /// harness reads it.
    static let finding: [String] = [
            "ID8gID8gPyAgLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAg",
            "PyAgLSAtICA/ID8gLSA/ICAgLSAtICA/ID8gLSAtIC0gLSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtICA/ICAtIC0gID8gPyAt",
            "IC0gLSAtICA/ICA/IC0gLSAgLSAgLSAgPyA/IC0gLSAtICA/ICAtIC0gID8gIGVuZCB1c2VycwogICAgPyAgPyAtIC0gLSAtICA/",
            "ICA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAgPyAgLSAtICA/ID8gLSAgPyAgLSAtICA/ID8gLSAtIC0gID8g",
            "ID8gPyAgLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSA/ICAg",
            "LSAtICA/ID8gLSAtIC0gLSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAg",
            "LSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAgPyAgLSAtICA/ID8gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSA/ID8gPyA/IC0g",
            "LSAgLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICAtIC0gID8gIC0gLSAg",
            "PyA/IC0gID8gIC0gLSAgPyA/IC0gLSAtICA/ICA/ID8gIC0gLSAgICAgPy0tICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8g",
            "PyAtIC0gLSAtID8gPyAtICA/ICAtIC0gPyAgIC0gLSAgPyA/IC0gLSAtIC0gPyA/ID8gPyAtIC0gIC0gID8gPyAtIC0gLSAgPyAg",
            "LSAtICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICAtIC0gID8gIC0gLSAgPyA/IC0gID8g",
            "IC0gLSAgPyA/IC0gLSAtIC0gPyA/ID8gPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gLSAtIC0gIC0gID8gIC0gLSAgPyA/IC0gLSAt",
            "IC0gID8gIC0gLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gICA/IC0g",
            "PyA/ID8gPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gLSAtIC0gIC0gID8gIC0gLSAgPyA/ICMgLSAtIC0gID8gIC0gLSAtICA/ID8g",
            "LSAtIC0gLSA/ID8gLSAgPyAgLSAtICA/ICAtIC0gID8gPyAtICA/ICAtIC0gID8gPyAtIC0gLSAgPyAgPyA/ICAtIC0gID8gIC0g",
            "LSAgPyA/IC0gLSAtIC0gID8gID8gLSAtICAtICA/ID8gLSAtIC0gLSA/ID8gLSAgPyAgLSAtID8gICAtIC0gID8gPyAtIC0gLSAt",
            "ID8gPyA/ID8gLSAtICAtICA/ID8gLSAtIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gID8gLSAtICAtICA/ID8gLSAtIC0gLSA/",
            "ID8gLSAgPyAgLSAtICA/ICAtIC0gID8gPyAtICA/ICAtIC0gID8gPyAtIC0gLSAtID8gPyA/ID8gLSAtICAtICA/ID8gLSAtIC0g",
            "LSA/IC0gLSAtICAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICAtIC0gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAtICA/ID8g",
            "LSAtIC0gLSA/IC0gLSAtICAtICA/ICAtIC0gID8gIC0gIC0gID8gPyAtIC0gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAgPyAt",
            "IC0gIC0gIC0gID8gPyAtIC0gLSAgPyAgLSAtICA/ICBlbmQgdXNlcnMKICAgID8gID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8g",
            "PyAtIC0gLSAtID8gPyAtICA/ICAtIC0gID8gIC0gLSAgPyA/IC0gID8gIC0gLSAgPyA/IC0gLSAtICA/ICA/ID8gIC0gLSAgPyAg",
            "LSAtICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICAtIC0gPyAgIC0gLSAgPyA/IC0gLSAt",
            "IC0gPyA/ID8gPyAtIC0gIC0gID8gPyAtIC0gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPy0gLSAgPyA/IC0gLSAtIC0gID8gID8g",
            "LSAtICAtICAtICA/ID8gLSAtIC0gID8gIC0gLSAgPyAgZW5kIHVzZXJzCiAgICA/ICA/IC0gLSAtIC0gID8gID8gLSAtICAtICA/",
            "ID8gLSAtIC0gLSA/ID8gLSAgPyAgLSAtICA/ICAtIC0gID8gPyAtICA/ICAtIC0gID8gPyAtIC0gLSAgPyAgPyA/ICAtIC0gID8g",
            "IC0gLSAgPyA/IC0gLSAtIC0gID8gID8gLSAtICAtICA/ID8gLSAtIC0gLSA/ID8gLSAgPyAgLSAtID8gICAtIC0gID8gPyAtIC0g",
            "LSAtID8gPyA/ID8gLSAtICAtICA/ID8gLSAtIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gID8gLSAtICAtICA/ID8gLSAtIC0g",
            "LSA/ID8gLSAgPyAghoaGhoaGhoaGhoaGhoaGLSAtICA/ICAtIC0gID8gPyAtICA/ICAtIC0gID8gPyAtIC0gLSAtID8gPyA/ID8g",
            "LSAtICAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAgPyAgLSAt",
            "ICA/ID8gLSAgPyAgLSAtICA/ID8gLSAtIC0gID8gID8gPyAgLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAg",
            "PyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSA/ICAgLSAtICA/ID8gLSAtIC0gLSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtICA/",
            "ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAgPyAgLSAtICA/ID8gLSAg",
            "PyAgLSAtICA/ID8gLSAtIC0gLSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyAtIC0gLSAgLSAgPyAgLSAtICA/ID8gLSAt",
            "IC0gLSAgPyAgLSAtIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gID8gLSAtICAtICA/ID8gLSAtIC0gLSA/ID8gLSAgPyAgID8g",
            "LSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyAtIC0gLSAgLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAgLSAtIC0gID8g",
            "PyAtIC0gLSAtID8gPyAtICA/ICAtIC0gID8gIC0gLSAgPyA/IC0gID8gIC0gLSAgPyA/IC0gLSAtICA/ICA/ID8gIC0gLSAgPyAg",
            "LSAtICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICAtIC0gPyAgIC0gLSAgPyA/IC0gLSAt",
            "IC0gPyA/ID8gPyAtIC0gIC0gID8gPyAtIC0gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8gPyAtIC0gLSAt",
            "ID8gPyAtICA/ICAtIC0gID8gIC0gLSAgPyA/IC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gPyA/ID8gPyAtIC0gIC0gID8gPyAtIC0g",
            "LSAtID8gLSAtIC0gIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gIC0gLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/IC0gID8g",
            "PyAtIC0gLSAtID8gLSAtIC0gIC0gID8gIC0gLSAgPyAgLSAgLSAgPyA/IC0gLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/",
            "IC0gLSAgLSAgLSAgPyA/IC0gLSAtICA/ICAtIC0gID8gIGVuZCB1c2VycwogICAgPyAgPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAg",
            "LSAtIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gID8gLSAtICAtICA/ID8gLSAtIC0gLSA/ID8gLSAgPyAgLSAtICA/ICAtIC0g",
            "ID8gPyAtICA/ICAtIC0gID8gPyAtIC0gLSAtID8gPyA/ID8gLSAtICAtICA/ID8gLSAtIC0gLSA/IC0gLSAtICAtICA/ICAtIC0g",
            "ID8gPyAtIC0gLSAtICA/ICAtIC0gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAtICA/ICAtIC0gLSAtICA/ICA/IC0gLSAgLSAg",
            "PyA/IC0gLSAtIC0gPyA/IC0gID8gICA/IC0gPyA/ID8gPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gLSAtIC0gIC0gID8gIC0gLSAg",
            "PyA/IC0gLSAtIC0gID8gIC0gLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/IC0gLSAgLSAtICA/ICAt",
            "IC0gID8gPyAtICA/ICAtIC0gID8gPyAtIC0gLSAtID8gPyA/ID8gLSAtICAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0g",
            "LSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAgPyAgLSAtICA/ID8gLSAgPyAgLSAtICA/ID8gLSAtIC0gID8gID8gPyAg",
            "LSAtICAgICA/LS0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSA/ICAgLSAtICA/",
            "ID8gLSAtIC0gLSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/",
            "IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAgPyAgLSAtICA/ID8gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSA/ID8gPyA/IC0gLSAgLSAg",
            "PyA/IC0gLSAtIC0gPyAtIC0gLSAgLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAgLSAtIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0g",
            "ID8gID8gLSAtICAtICA/ID8gLSAtIC0gLSA/ID8gLSAgPyAgID8gLSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyAtIC0g",
            "LSAgLSAgPyAgLSAtICA/ID8gIyAtIC0gLSAgPyAgLSAtIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICAtIC0gID8gIC0gLSAgPyA/",
            "IC0gID8gIC0gLSAgPyA/IC0gLSAtICA/ICA/ID8gIC0gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8gPyAt",
            "IC0gLSAtID8gPyAtICA/ICAtIC0gPyAgIC0gLSAgPyA/IC0gLSAtIC0gPyA/ID8gPyAtIC0gIC0gID8gPyAtIC0gLSAgPyAgLSAt",
            "ICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICAtIC0gID8gIC0gLSAgPyA/IC0gID8gIC0g",
            "LSAgPyA/IC0gLSAtIC0gPyA/ID8gPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gLSAtIC0gIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0g",
            "ID8gIC0gLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/IC0gID8gPyAtIC0gLSAtID8gLSAtIC0gIC0gID8gIC0gLSAgPyAgLSAg",
            "LSAgPyA/IC0gLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgLSAgPyA/IC0gLSAtICA/ICAtIC0gID8gIGVu",
            "ZCB1c2VycwogICAgPyAgPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAgPyAgLSAtICA/",
            "ID8gLSAgPyAgLSAtICA/ID8gLSAtIC0gID8gID8gPyAgLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/",
            "IC0gLSAtIC0gPyA/IC0gID8gIC0gLSA/ICAgLSAtICA/ID8gLSAtIC0gLSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtICA/ICAt",
            "IC0gID8gPyAtIC0gLSAtICA/LSAtICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gIC0gID8gPyAtIC0gLSAgPyAgLSAtICA/ICBl",
            "bmQgdXNlcnMKICAgID8gID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICAtIC0gID8gIC0gLSAg",
            "PyA/IC0gID8gIC0gLSAgPyA/IC0gLSAtICA/ICA/ID8gIC0gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8g",
            "PyAtIC0gLSAtID8gPyAtICA/ICAtIC0gPyAgIC0gLSAgPyA/IC0gLSAtIC0gPyA/ID8gPyAtIC0gIC0gID8gPyAtIC0gLSAgPyAg",
            "LSAtICA/ID8gLSAtIC0gLSAgPyAgPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICCGhoaGhoaGhoaGhoaGhoYtIC0gID8g",
            "IC0gLSAgPyA/IC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gPyA/ID8gPyAtIC0gIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gID8g",
            "LSAtICAtICA/ID8gLSAtIC0gLSA/ID8gLSAgPyAgLSAtICA/ICAtIC0gID8gPyAtICA/ICAtIC0gID8gPyAtIC0gLSAgPyAgPyA/",
            "ICAtIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gID8gLSAtICAtICA/ID8gLSAtIC0gLSA/ID8gLSAgPyAgLSAtID8gICAtIC0g",
            "ID8gPyAtIC0gLSAtID8gPyA/ID8gLSAtICAtICA/ID8gLSAtIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gID8gLSAtICAtICA/",
            "ID8gLSAtIC0gLSA/ID8gLSAgPyAgLSAtICA/ICAtIC0gID8gPyAtICA/ICAtIC0gID8gPyAtIC0gLSAtID8gPyA/ID8gLSAtICAt",
            "ICA/ID8gLSAtIC0gLSA/IC0gLSAtICAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICAtIC0gLSAgPyAgLSAtICA/ID8gLSAtIC0g",
            "LSAgPyAgPyAtIC0gIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICAgPyAtID8gPyA/ID8gLSAtICAtICA/ID8gLSAtIC0gLSA/IC0g",
            "LSAtICAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICAtIC0gLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAgPyAgLSAtICA/",
            "ID8gLSAgPyAgLSAtICA/ID8gLSAtIC0gID8gID8gPyAgLSAtICA/ICAtIC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/",
            "IC0gLSAtIC0gPyA/IC0gID8gIC0gLSA/ICAgLSAtICA/ID8gLSAtIC0gLSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtICA/ICAt",
            "IC0gID8gPyAtIC0gLSAtICA/ICA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyA/IC0gID8gIC0gLSAgPyAgLSAtICA/ID8gLSAgPyAg",
            "LSAtICA/ID8gLSAtIC0gLSA/ID8gPyA/IC0gLSAgLSAgPyA/IC0gLSAtIC0gPyAtIC0gLSAgLSAgPyAgLSAtICA/ID8gLSAtIC0g",
            "LSAgPyAgLSAtIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gLSAgPyA/IC0gLSAtIC0gPyAtIC0gLSAgLSAgPyAgLSAtICA/ICAt",
            "ICAtICA/ID8gLSAtIC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gID8gID8gLSAtICAtICAtICA/ID8gLSAtIC0gID8gIC0gLSAgPyAg",
            "ZW5kIHVzZXJzCiAgICA/ICA/IC0gLSAtIC0gID8gID8gLSAtICAtICAtIC0gLSAgPyAgLSAtICA/ID8gLSAtIC0gLSAgPyAgPyAt",
            "IC0gIC0gID8gPyAtIC0gLSAtID8gPyAtICA/ICAtIC0gID8gIC0gLSAgPyA/IC0gID8gIC0gLSAgPyA/IC0gLSAtIC0gPyA/ID8g",
            "PyAtIC0gIC0gID8gPyAtIC0gLSAtID8gLSAtIC0gIC0gID8gLSAtID8gPyAtICA/ICAgPyAtIC0gPyA/IC0gLSAgLSAgPyA/IC0g",
            "LSAtIC0gPyA/ICBt",
    ]

    static func refusal(_ yaml: String) -> LocatedError? {
        do {
            _ = try PolicyTimelineFile.parse(yaml: yaml, file: "shape.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func theFuzzersHangIsAnErrorAtItsFirstComplexKey() throws {
        let bytes = try #require(Data(base64Encoded: Self.finding.joined()))
        let started = ContinuousClock.now
        let error = try #require(Self.refusal(String(decoding: bytes, as: UTF8.self)))
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(error.reason.hasPrefix("keys must be text, not a"), "\(error)")
        #expect(error.line == 1)
    }

    /// Forty short lines of aliases nest a list 40 deep; two such lists differing only at the
    /// end, each used twice as a key, make Yams compare them about 2^40 times.
    @Test func anAliasAsAKeyIsRefusedAtItsLine() throws {
        var yaml = "a0: &a0 [x]\n"
        for i in 1...40 { yaml += "a\(i): &a\(i) [*a\(i - 1)]\n" }
        yaml += "k1: &k1 [*a40, 1]\nk2: &k2 [*a40, 2]\n"
        yaml += "events:\n  - {*k1 : 1, *k1 : 2, *k2 : 3, *k2 : 4}\n"
        let started = ContinuousClock.now
        let error = try #require(Self.refusal(yaml))
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(error.reason == "keys must be text, not an alias")
        #expect(error.line == 45)
    }

    @Test(arguments: [
        ("events:\n  - ? [a, b]\n    : 1\n", "keys must be text, not a list", 2),
        ("events:\n  - {? {a: 1} : 2}\n", "keys must be text, not a mapping", 2),
        (String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n", "nested deeper than 64 levels", 1),
    ])
    func otherNonTextKeysAndDeepNesting(yaml: String, reason: String, line: Int) throws {
        let error = try #require(Self.refusal(yaml))
        #expect(error.reason == reason)
        #expect(error.line == line)
    }

    /// The bundled timeline (text keys, anchors only as values) still reads.
    @Test func textKeysAndAliasValuesStillRead() throws {
        let yaml = "defaults: &d\n  kind: tariff\nevents: []\nother: *d\n"
        let error = Self.refusal(yaml)
        #expect(error.map { !$0.reason.hasPrefix("keys must be text") && !$0.reason.hasPrefix("nested") } ?? true, "\(String(describing: error))")
        #expect(!(try BundledPolicyTimeline.load()).isEmpty)
    }
}
