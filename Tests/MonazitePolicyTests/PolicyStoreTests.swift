import Foundation
import MonaziteCore
import MonazitePolicy
import MonazitePolicyFile
import MonaziteStore
import Testing

/// The SQLite `PolicyStore`: round trips and all-or-nothing imports (synthetic records).
@Suite struct PolicyStoreTests {
    static func emptyStore() throws -> any PolicyStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-policy-\(UUID().uuidString)/store.sqlite").path
        return try SQLiteStore(path: path)
    }

    static func day(_ t: String) -> CalendarDay { CalendarDay(parsing: t) ?? CalendarDay(dayNumber: 0) }

    static func event(_ id: String) -> PolicyEvent {
        PolicyEvent(
            id: id, kind: .exportLicensing, actor: "synthetic", instrument: "synthetic act", title: "synthetic",
            scope: PolicyScope(elements: .some([.terbium]), forms: [.metal], hsPrefixes: ["850511"], destinations: .only([.unitedStates])),
            dates: PolicyDates(announced: day("2025-01-01"), effective: day("2025-01-02")), direction: .tightening, source: "synthetic",
            url: nil, verified: false, note: "synthetic")
    }

    static func licence(_ ref: String, expires: String = "2025-12-01") -> Licence {
        Licence(
            holder: "synthetic holder", item: .element(.dysprosium), destination: .unitedStates, quantityKg: 100,
            granted: day("2025-06-01"), expires: day(expires), kind: .general, reference: ref, note: nil)
    }

    @Test func eventsRoundTrip() async throws {
        let store = try Self.emptyStore()
        #expect(try await store.importPolicyEvents([Self.event("synthetic-1"), Self.event("synthetic-2")], file: "a.yaml") == 2)
        let back = try await store.policyEvents()
        #expect(back == [Self.event("synthetic-1"), Self.event("synthetic-2")])
    }

    @Test func duplicateEventRollsBackTheWholeImport() async throws {
        let store = try Self.emptyStore()
        _ = try await store.importPolicyEvents([Self.event("synthetic-1")], file: "a.yaml")
        await #expect(throws: StoreError.self) {
            try await store.importPolicyEvents([Self.event("synthetic-2"), Self.event("synthetic-1")], file: "b.yaml")
        }
        #expect(try await store.policyEvents().map(\.id) == ["synthetic-1"])
    }

    @Test func licencesRoundTripSortedByExpiry() async throws {
        let store = try Self.emptyStore()
        let saved = try await store.addLicence(Self.licence("SYN-B", expires: "2026-01-31"), file: "cli")
        #expect(saved.id != nil)
        var second = Self.licence("SYN-A")
        second.item = .commodity("850511")
        second.kind = .singleShipment
        second.quantityKg = nil
        #expect(try await store.importLicences([second], file: "l.yaml") == 1)
        let all = try await store.licences()
        #expect(all.map(\.reference) == ["SYN-A", "SYN-B"])
        #expect(all.first?.item == .commodity("850511"))
        #expect(all.first?.quantityKg == nil)
        #expect(all.last?.expires == Self.day("2026-01-31"))
    }

    @Test func badLicenceImportSavesNothing() async throws {
        let store = try Self.emptyStore()
        var bad = Self.licence("SYN-2")
        bad.expires = Self.day("2025-01-01")  // before granted
        await #expect(throws: StoreError.self) {
            try await store.importLicences([Self.licence("SYN-1"), bad], file: "l.yaml")
        }
        #expect(try await store.licences().isEmpty)
        await #expect(throws: StoreError.self) {
            try await store.importLicences([Self.licence("SYN-3"), Self.licence("SYN-3")], file: "l.yaml")
        }
        #expect(try await store.licences().isEmpty)
    }
}
