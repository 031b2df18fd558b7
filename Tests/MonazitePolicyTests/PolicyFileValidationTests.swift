import MonaziteCore
import MonazitePolicy
import MonazitePolicyFile
import Testing

/// Validation of timeline and licence files (synthetic content).
@Suite struct PolicyFileValidationTests {
    /// A valid synthetic event; `extra` lines are appended inside the item.
    static func event(id: String = "synthetic-a", kind: String = "export_licensing", elements: String = "[Dy]", extra: String = "")
        -> String
    {
        """
          - id: \(id)
            kind: \(kind)
            actor: synthetic
            instrument: synthetic act
            title: synthetic
            direction: tightening
            scope:
              elements: \(elements)
            announced: 2025-01-01
            effective: 2025-01-02
            source: synthetic
        \(extra)
        """
    }

    static func file(_ items: String...) -> String {
        "format: monazite-policy/1\nevents:\n" + items.joined(separator: "\n")
    }

    func failure(_ yaml: String, known: [PolicyEvent] = []) -> PolicyFileError? {
        do {
            _ = try PolicyTimelineFile.parse(yaml: yaml, file: "synthetic.yaml", known: known)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsAValidFile() throws {
        let events = try PolicyTimelineFile.parse(yaml: Self.file(Self.event()), file: "synthetic.yaml")
        #expect(events.count == 1)
        #expect(events.first?.scope.elements == .some([.dysprosium]))
    }

    @Test func unknownElementIsLocated() throws {
        let e = try #require(failure(Self.file(Self.event(elements: "[Dy, Xx]"))))
        #expect(e.line == 10)
        #expect(e.column == 22)
        #expect(e.reason.contains("unknown element 'Xx'"))
        #expect(e.description.hasPrefix("synthetic.yaml:10:22: "))
    }

    @Test func unknownKind() throws {
        let e = try #require(failure(Self.file(Self.event(kind: "embargo"))))
        #expect(e.line == 4)
        #expect(e.reason.contains("unknown kind 'embargo'"))
    }

    @Test func endBeforeStart() throws {
        let e = try #require(failure(Self.file(Self.event(extra: "    expires: 2024-12-31"))))
        #expect(e.line == 14)
        #expect(e.reason.contains("before the start"))
    }

    @Test func suspensionMustNameKnownActs() throws {
        let none = try #require(failure(Self.file(Self.event(id: "synthetic-s", kind: "suspension", elements: "[]"))))
        #expect(none.reason.contains("must name the acts"))
        let unknown = try #require(
            failure(
                Self.file(
                    Self.event(), Self.event(id: "synthetic-s", kind: "suspension", elements: "[]", extra: "    suspends: [synthetic-zz]")))
        )
        #expect(unknown.reason.contains("unknown act 'synthetic-zz'"))
        #expect(unknown.line == 26)
        // Naming an act from the known timeline is fine.
        let known = try PolicyTimelineFile.parse(yaml: Self.file(Self.event()), file: "k.yaml")
        let ok = try PolicyTimelineFile.parse(
            yaml: Self.file(Self.event(id: "synthetic-s", kind: "suspension", elements: "[]", extra: "    suspends: [synthetic-a]")),
            file: "s.yaml", known: known)
        #expect(ok.first?.suspends == ["synthetic-a"])
    }

    @Test func duplicateIDs() throws {
        let e = try #require(failure(Self.file(Self.event(), Self.event())))
        #expect(e.reason.contains("duplicate id 'synthetic-a'"))
        #expect(e.line == 15)
        let known = try PolicyTimelineFile.parse(yaml: Self.file(Self.event()), file: "k.yaml")
        let again = try #require(failure(Self.file(Self.event()), known: known))
        #expect(again.reason.contains("already on the timeline"))
    }

    @Test func unknownKeyAndBadYAML() throws {
        let key = try #require(failure(Self.file(Self.event(extra: "    colour: red"))))
        #expect(key.reason.contains("unknown key 'colour'"))
        let syntax = try #require(failure("events: [\n  - id: x"))
        #expect(syntax.reason.hasPrefix("not valid YAML"))
        #expect(syntax.line > 0)
    }

    @Test func licenceFileValidation() throws {
        let good = """
            format: monazite-licences/1
            licences:
              - holder: synthetic holder
                item: Dy
                destination: USA
                quantity_kg: 250
                granted: 2025-06-02
                expires: 2025-12-01
                kind: general
                reference: SYN-1
              - holder: synthetic holder
                item: "8505.11"
                destination: DEU
                granted: 2025-07-01
                expires: 2025-07-31
                kind: single_shipment
                reference: SYN-2
            """
        let licences = try LicenceFile.parse(yaml: good, file: "l.yaml")
        #expect(licences.count == 2)
        #expect(licences.last?.item == .commodity("850511"))
        let bad = good.replacingOccurrences(of: "expires: 2025-07-31", with: "expires: 2025-06-30")
        do {
            _ = try LicenceFile.parse(yaml: bad, file: "l.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 15)
            #expect(error.reason.contains("before granted"))
        }
        let badItem = good.replacingOccurrences(of: "item: Dy", with: "item: Unobtainium")
        #expect(throws: PolicyFileError.self) { try LicenceFile.parse(yaml: badItem, file: "l.yaml") }
    }

    @Test func jsonEncodingIsSnakeCaseAndStable() throws {
        let events = try BundledPolicyTimeline.load()
        let e = try #require(events.first { $0.id == "mofcom-2025-70" })
        let encoder = JSONEncoderProvider.make()
        let text = String(decoding: try encoder.encode(e), as: UTF8.self)
        #expect(text.contains("\"suspended_until\":\"2026-11-10\""))
        #expect(text.contains("\"hs_prefixes\""))
        #expect(text.contains("\"kind\":\"suspension\""))
        let decoded = try JSONDecoderProvider.make().decode(PolicyEvent.self, from: try encoder.encode(e))
        #expect(decoded == e)
    }
}
