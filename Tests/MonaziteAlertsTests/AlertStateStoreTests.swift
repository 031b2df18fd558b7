import Foundation
import MonaziteCore
import MonaziteStore
import Testing

@Suite struct AlertStateStoreTests {
    static func store() throws -> SQLiteStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-alerts-\(UUID().uuidString)")
        return try SQLiteStore(path: dir.appendingPathComponent("store.sqlite").path)
    }

    static func fired(_ key: String) -> FiredAlert {
        FiredAlert(
            key: key, ruleID: "r", kind: "deadline", severity: "warning", message: "synthetic", url: nil,
            evaluatedFor: CalendarDay(parsing: "2026-09-20")!)
    }

    @Test func records_each_key_once() async throws {
        let store = try Self.store()
        #expect(try store.firedAlertKeys().isEmpty)
        #expect(try store.recordFiredAlerts([Self.fired("a"), Self.fired("b")]) == 2)
        #expect(try store.recordFiredAlerts([Self.fired("b"), Self.fired("c")]) == 1)
        #expect(try store.firedAlertKeys() == ["a", "b", "c"])
        let listed = try store.firedAlerts(limit: 2)
        #expect(listed.map(\.key) == ["c", "b"])
        #expect(listed.first?.evaluatedFor == CalendarDay(parsing: "2026-09-20"))
        #expect(listed.first?.firedAt.isEmpty == false)
    }

    @Test func bad_rows_are_rejected_whole() async throws {
        let store = try Self.store()
        let bad = FiredAlert(
            key: "x", ruleID: "r", kind: "nonsense", severity: "warning", message: "", url: nil,
            evaluatedFor: CalendarDay(parsing: "2026-09-20")!)
        #expect(throws: (any Error).self) { try store.recordFiredAlerts([Self.fired("ok"), bad]) }
        #expect(try store.firedAlertKeys().isEmpty, "one transaction: the good row is rolled back too")
    }
}
