import Foundation
import MonaziteCore
import MonazitePolicy
import MonaziteStore
import Testing

/// Policy events, licences and fired alerts: the same bodies against SQLite and PostgreSQL
/// (synthetic records).
@Suite struct PolicyContractTests {
    static func day(_ t: String) -> CalendarDay { CalendarDay(parsing: t) ?? CalendarDay(dayNumber: 0) }

    static func event(_ id: String, effective: String? = "2025-01-02") -> PolicyEvent {
        PolicyEvent(
            id: id, kind: .exportLicensing, actor: "synthetic", instrument: "synthetic act", title: "synthetic",
            scope: PolicyScope(elements: .some([.terbium]), forms: [.metal], hsPrefixes: ["850511"], destinations: .only([.unitedStates])),
            dates: PolicyDates(announced: day("2025-01-01"), effective: effective.map(day)), direction: .tightening,
            source: "synthetic", url: "https://example.org/a/b", verified: false, note: "synthetic")
    }

    static func licence(_ ref: String, holder: String = "synthetic holder", expires: String = "2025-12-01") -> Licence {
        Licence(
            holder: holder, item: .element(.dysprosium), destination: .unitedStates, quantityKg: 100,
            granted: day("2025-06-01"), expires: day(expires), kind: .general, reference: ref, note: nil)
    }

    static func fired(_ key: String, kind: String = "deadline") -> FiredAlert {
        FiredAlert(
            key: key, ruleID: "r", kind: kind, severity: "warning", message: "synthetic", url: nil, evaluatedFor: day("2026-09-20"))
    }

    @Test(arguments: Backend.available)
    func eventsRoundTripInEffectiveOrder(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            let events = [Self.event("synthetic-b"), Self.event("synthetic-none", effective: nil), Self.event("synthetic-a", effective: "2024-05-01")]
            #expect(try await store.importPolicyEvents(events, file: "a.yaml") == 3)
            let back = try await store.policyEvents()
            #expect(back.map(\.id) == ["synthetic-a", "synthetic-b", "synthetic-none"])
            #expect(back.first { $0.id == "synthetic-b" } == Self.event("synthetic-b"))
            #expect(back.first { $0.id == "synthetic-none" }?.dates.effective == nil)
        }
    }

    @Test(arguments: Backend.available)
    func aDuplicateEventIdRollsBackTheWholeImport(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            _ = try await store.importPolicyEvents([Self.event("synthetic-1")], file: "a.yaml")
            do {
                _ = try await store.importPolicyEvents([Self.event("synthetic-2"), Self.event("synthetic-1")], file: "b.yaml")
                Issue.record("duplicate id accepted")
            } catch let error as StoreError {
                guard case .conflict(let message) = error else { Issue.record("not a conflict: \(error)"); return }
                #expect(message == "b.yaml: event id 'synthetic-1' is already in the store; nothing was imported")
            }
            // The same id twice in one file is refused too.
            await #expect(throws: StoreError.self) {
                _ = try await store.importPolicyEvents([Self.event("synthetic-3"), Self.event("synthetic-3")], file: "c.yaml")
            }
            #expect(try await store.policyEvents().map(\.id) == ["synthetic-1"])
        }
    }

    @Test(arguments: Backend.available)
    func licencesAreAddedImportedAndListedByExpiry(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            let saved = try await store.addLicence(Self.licence("SYN-B", expires: "2026-01-31"), file: "cli")
            #expect(saved.id == 1)
            var second = Self.licence("SYN-A")
            second.item = .commodity("850511")
            second.kind = .singleShipment
            second.quantityKg = nil
            second.note = "synthetic note"
            #expect(try await store.importLicences([second, Self.licence("SYN-A", holder: "Other holder")], file: "l.yaml") == 2)
            let all = try await store.licences()
            #expect(all.map(\.reference) == ["SYN-A", "SYN-A", "SYN-B"])
            #expect(all.map(\.holder) == ["Other holder", "synthetic holder", "synthetic holder"])
            let a = try #require(all.first { $0.holder == "synthetic holder" && $0.reference == "SYN-A" })
            #expect(a.item == .commodity("850511") && a.kind == .singleShipment && a.quantityKg == nil && a.note == "synthetic note")
            #expect(a.id == 2)
            #expect(all.last == saved)
        }
    }

    @Test(arguments: Backend.available)
    func aDuplicateOrBadLicenceSavesNothing(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            _ = try await store.addLicence(Self.licence("SYN-1"), file: "cli")
            do {
                _ = try await store.importLicences([Self.licence("SYN-2"), Self.licence("SYN-1")], file: "l.yaml")
                Issue.record("duplicate reference accepted")
            } catch let error as StoreError {
                guard case .conflict(let message) = error else { Issue.record("not a conflict: \(error)"); return }
                #expect(message == "l.yaml: licence 'SYN-1' of synthetic holder is already in the store; nothing was imported")
            }
            await #expect(throws: StoreError.self) { _ = try await store.addLicence(Self.licence("SYN-1"), file: "cli") }
            var bad = Self.licence("SYN-3")
            bad.expires = Self.day("2025-01-01")  // before granted
            await #expect(throws: StoreError.self) { _ = try await store.importLicences([Self.licence("SYN-4"), bad], file: "l.yaml") }
            #expect(try await store.licences().map(\.reference) == ["SYN-1"])
        }
    }

    @Test(arguments: Backend.available)
    func alertsAreRecordedOnceAndListedNewestFirst(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            #expect(try await store.firedAlertKeys().isEmpty)
            #expect(try await store.recordFiredAlerts([Self.fired("a"), Self.fired("b")]) == 2)
            #expect(try await store.recordFiredAlerts([Self.fired("b"), Self.fired("c")]) == 1)
            #expect(try await store.firedAlertKeys() == ["a", "b", "c"])
            let listed = try await store.firedAlerts(limit: 2)
            #expect(listed.map(\.key) == ["c", "b"])
            #expect(listed.first?.evaluatedFor == Self.day("2026-09-20"))
            #expect(listed.first?.firedAt.isEmpty == false)
            #expect(try await store.firedAlerts(limit: -1).isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func aBadAlertRollsBackTheBatch(_ backend: Backend) async throws {
        try await ContractStore.with(backend) { store in
            await #expect(throws: (any Error).self) {
                _ = try await store.recordFiredAlerts([Self.fired("ok"), Self.fired("x", kind: "nonsense")])
            }
            let keys = try await store.firedAlertKeys()
            #expect(keys.isEmpty, "one transaction: the good row is rolled back too")
        }
    }
}
