import Foundation
import MonaziteAnomalies
import MonaziteCore
import MonaziteDataset
import MonaziteStore
import Testing

/// The bundled real series: China's exports of HS 8505.11 (permanent magnets) to the world, 2024–2025,
/// and candidate events built by hand from rows of `export_controls_timeline.csv` (shared curated data),
/// each citing its row's source and URL.
@Suite struct RealSeriesAttributionTests {
    static func bundledMagnetSeries() async throws -> MonthlySeries {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-anomalies-\(UUID().uuidString)")
        let store: any TradeStore = try SQLiteStore(path: dir.appendingPathComponent("store.sqlite").path)
        _ = try await BundledDataset.install(into: store)
        let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: HSCode("8505.11")!)
        let observations = try await store.observations(for: key, asOf: nil)
        return MonthlySeries(totals: SeriesTotals(observations), from: Month(year: 2024, month: 1)!, to: Month(year: 2025, month: 12)!)
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(parsing: text)! }

    /// Rows of export_controls_timeline.csv (announced, effective, instrument, scope, source, url as given there).
    static let candidates: [EventCandidate] = [
        // 2025-04-04,2025-04-04,China MOFCOM + GAC,Announcement No. 18 [2025],export licensing (medium/heavy REE), Sm Gd Tb Dy Lu Sc Y, all destinations
        EventCandidate(
            id: "mofcom-2025-18", title: "Export licensing of medium/heavy rare earths (Sm, Gd, Tb, Dy, Lu, Sc, Y)",
            instrument: "MOFCOM + GAC Announcement No. 18 [2025]", day: day("2025-04-04"),
            material: MaterialScope(
                elements: .some([.samarium, .gadolinium, .terbium, .dysprosium, .lutetium, .scandium, .yttrium]),
                forms: [.metal, .alloy, .target, .oxide, .compound, .magnet], hsPrefixes: ["8505.11"]),
            destinations: nil,
            direction: .tightening,
            url:
                "https://hklaw.com/en/insights/publications/2025/04/china-imposes-export-controls-on-medium-and-heavy-rare-earth-materials",
            source: "Holland & Knight 2025-04-04; Osenc translation; USGS MCS 2026"),
        // 2025-04-04,2025-04-04,China MOFCOM,Announcement No. 21 [2025],entity listing,16 US entities
        EventCandidate(
            id: "mofcom-2025-21", title: "16 US entities added to the export control list", instrument: "MOFCOM Announcement No. 21 [2025]",
            day: day("2025-04-04"), material: MaterialScope(), destinations: [.unitedStates], direction: .tightening,
            url: "http://exportcontrol.mofcom.gov.cn/article/gndt/202511/1186.html",
            source: "MOFCOM spokesman 2025-11-06 (via weiqi-kids extraction)"),
        // 2025-04-15,2025-04-22,United States,EO 14272 - Section 232 investigation on processed critical minerals
        EventCandidate(
            id: "eo-14272", title: "Section 232 investigation on processed critical minerals and derivative products",
            instrument: "EO 14272", day: day("2025-04-22"), material: MaterialScope(elements: .all), destinations: [.unitedStates],
            direction: .neutral,
            url:
                "https://www.thompsonhinesmartrade.com/2025/04/president-trump-directs-commerce-to-initiate-section-232-investigation-of-critical-mineral-imports/",
            source: "Thompson Hine; Federal Register 90 FR 16437"),
        // 2025-05-12,2025-05-14,US + China,Joint Statement on Geneva economic and trade meeting,tariff truce
        EventCandidate(
            id: "geneva-2025", title: "Geneva joint statement: 90-day tariff truce, China suspends non-tariff countermeasures",
            instrument: "Joint Statement on Geneva economic and trade meeting", day: day("2025-05-14"), material: MaterialScope(),
            destinations: [.unitedStates],
            direction: .easing, url: "https://en.portnews.ru/news/376823/", source: "Joint statement text (portnews/94ha mirrors)"),
        // 2025-06-02,2025-06-02,China MOFCOM,temporary export licences,licensing decision,"rare-earth (magnet) export licences to suppliers of GM, Ford and Stellantis"
        EventCandidate(
            id: "licences-2025-06", title: "Temporary rare-earth magnet export licences to suppliers of GM, Ford and Stellantis",
            instrument: "MOFCOM temporary export licences", day: day("2025-06-02"), material: MaterialScope(hsPrefixes: ["8505.11"]),
            destinations: [.unitedStates],
            direction: .easing,
            url:
                "https://www.straitstimes.com/asia/east-asia/china-issues-rare-earth-licenses-to-suppliers-of-top-3-us-automakers-sources-say",
            source: "Straits Times (Reuters) 2025-06-06"),
        // 2025-06-10,2025-06-26,US + China,London framework to implement Geneva consensus,framework agreement
        EventCandidate(
            id: "london-2025", title: "London framework: China to approve export applications for rare earths and magnets",
            instrument: "London framework to implement Geneva consensus", day: day("2025-06-10"),
            material: MaterialScope(hsPrefixes: ["8505.11"]), destinations: [.unitedStates],
            direction: .easing,
            url: "https://www.zerohedge.com/markets/beijing-puts-six-month-limit-rare-earth-exports-us-case-trade-deal-collapses",
            source: "ZeroHedge (WSJ) 2025-06-11; Urban Mines (Caijing); gov.capital", dayKind: .announced),
    ]

    @Test func april_may_collapse_is_detected_and_linked_to_announcement_18() async throws {
        let series = try await Self.bundledMagnetSeries()
        #expect(series[Month(year: 2025, month: 5)!] == 1238.47)
        #expect(series[Month(year: 2024, month: 1)!] == nil, "a month without a figure stays missing")
        let report = AnomalyDetector().detect(series)
        let attributed = EventAttributor().attribute(
            report.anomalies, scope: SeriesScope(commodity: HSCode("8505.11")!, partner: .world), events: Self.candidates)
        for month in [4, 5] {
            let found = attributed.first { $0.anomaly.month == Month(year: 2025, month: month)! && $0.anomaly.direction == .collapse }
            #expect(found != nil, "2025-0\(month) collapse detected")
            #expect(found?.candidates.first?.event.id == "mofcom-2025-18", "2025-0\(month): No. 18 ranked first")
        }
        let april = attributed.first { $0.anomaly.month == Month(year: 2025, month: 4)! }
        #expect(april?.anomaly.methods.contains(.yoy) == true)
        #expect(april?.candidates.first?.evidence.contains("effective 2025-04-04, in force for 27 of the 30 days of 2025-04") == true)
        #expect(april?.candidates.first?.evidence.contains("magnet forms listed: HS 8505.11 permanent magnets of metal") == true)
        // The entity listing (no rare-earth materials) and the neutral Section 232 investigation never explain a collapse.
        #expect(april?.candidates.contains { $0.event.id == "mofcom-2025-21" || $0.event.id == "eo-14272" } == false)
    }

    @Test func june_recovery_is_linked_to_the_june_licences_and_framework() async throws {
        let series = try await Self.bundledMagnetSeries()
        let report = AnomalyDetector().detect(series)
        let attributed = EventAttributor().attribute(
            report.anomalies, scope: SeriesScope(commodity: HSCode("8505.11")!, partner: .world), events: Self.candidates)
        let june = attributed.first { $0.anomaly.month == Month(year: 2025, month: 6)! && $0.anomaly.direction == .surge }
        #expect(june != nil)
        #expect(june?.anomaly.methods.contains(.mom) == true)
        let top = june?.candidates.first?.event.id
        #expect(top == "licences-2025-06" || top == "london-2025")
        #expect(june?.candidates.contains { $0.event.id == "london-2025" } == true)
        // A tightening can never be ranked as the cause of a surge.
        #expect(june?.candidates.contains { $0.event.id == "mofcom-2025-18" } == false)
    }
}
