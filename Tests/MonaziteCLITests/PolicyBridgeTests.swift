import Foundation
import MonaziteAlerts
import MonaziteAnomalies
import MonaziteCore
import MonaziteDataset
import MonazitePolicy
import MonaziteStore
import Testing

import MonaziteService
@testable import MonaziteCLI

/// The bundled policy timeline, bridged into anomalies and alerts, on the bundled 2025 magnet
/// series: the acceptance of issue 5 on real data.
@Suite struct PolicyBridgeTests {
    func attributed2025() async throws -> [Month: AttributedAnomaly] {
        let store = try SQLiteStore(path: try await AnomaliesAndAlertsCLITests.bundledStorePath())
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: try #require(HSCode("8505.11")))
        let observations = try store.observations(for: key, asOf: nil)
        let from = try #require(Month(year: 2024, month: 1))
        let to = try #require(Month(year: 2025, month: 12))
        let report = AnomalyDetector().detect(MonthlySeries(totals: SeriesTotals(observations), from: from, to: to))
        let events = PolicyBridge.candidates(try await PolicyBridge.events(store: store))
        #expect(events.count > 20)
        let attributed = EventAttributor().attribute(report.anomalies, scope: SeriesScope(commodity: key.commodity, partner: key.partner), events: events)
        return Dictionary(attributed.map { ($0.anomaly.month, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func theAprilMayCollapseIsLinkedToAnnouncementNo18AndTheJuneRecoveryToTheLicencesAndLondon() async throws {
        let byMonth = try await attributed2025()
        for m in [4, 5] {
            let month = try #require(Month(year: 2025, month: m))
            let a = try #require(byMonth[month], "2025-\(m) not detected")
            #expect(a.anomaly.direction == .collapse)
            #expect(a.candidates.first?.event.id == "mofcom-2025-18", "2025-\(m): \(a.candidates.map(\.event.id))")
        }
        let juneMonth = try #require(Month(year: 2025, month: 6))
        let june = try #require(byMonth[juneMonth], "2025-06 not detected")
        #expect(june.anomaly.direction == .surge)
        let top = june.candidates.prefix(3).map(\.event.title.localizedLowercase)
        #expect(top.first?.contains("licence") == true, "\(top)")
        #expect(top.contains { $0.contains("london") }, "\(top)")
    }

    @Test func theOctoberMeasuresSuspensionIsADeadlineOn20261110() async throws {
        let events = try await PolicyBridge.events(store: nil)
        let deadlines = PolicyBridge.deadlines(events, licences: [])
        let october = deadlines.filter { $0.id.hasPrefix("mofcom-2025-61") || $0.id.hasPrefix("mofcom-2025-62") }
        #expect(!october.isEmpty)
        #expect(october.allSatisfy { $0.kind == .suspension && $0.endDay == CalendarDay(year: 2026, month: 11, day: 10) })
    }
}
