import MonaziteAlerts
import MonaziteAnomalies
import MonaziteCore
import Testing

@Suite struct AlertEvaluatorTests {
    static let key = SeriesKey(reporter: .china, partner: .world, flow: .export, commodity: HSCode("8505.11")!)
    static func day(_ s: String) -> CalendarDay { CalendarDay(parsing: s)! }
    static func month(_ y: Int, _ m: Int) -> Month { Month(year: y, month: m)! }

    /// Figures from the bundled dataset (China HS 8505.11 exports to the world, tonnes).
    static let magnets = MonthlySeries([(month(2025, 4), 2627), (month(2025, 5), 1238.47), (month(2025, 6), 3188)])

    @Test func series_change_fires_on_the_latest_month_beyond_the_threshold() {
        let rule = AlertRule(id: "mom", condition: .seriesChange(series: Self.key, measure: .mom, thresholdPct: 100))
        let alerts = AlertEvaluator.evaluate([rule], inputs: AlertInputs(series: [Self.key: Self.magnets], today: Self.day("2025-07-21")))
        #expect(alerts.count == 1)
        #expect(alerts.first?.key == "mom:CHN-WLD-export-850511:2025-06")
        #expect(alerts.first?.message == "CHN export 8505.11 to WLD: 2025-06 MOM +157.4% (threshold ±100%)")
        #expect(alerts.first?.evidence == ["2025-06: 3188 t", "2025-05: 1238.47 t"])
        // As of an earlier day the latest month is May: −52.9%, under 100.
        #expect(
            AlertEvaluator.evaluate([rule], inputs: AlertInputs(series: [Self.key: Self.magnets], today: Self.day("2025-05-31"))).isEmpty)
        // No base a year earlier: nothing.
        let yoy = AlertRule(id: "yoy", condition: .seriesChange(series: Self.key, measure: .yoy, thresholdPct: 1))
        #expect(
            AlertEvaluator.evaluate([yoy], inputs: AlertInputs(series: [Self.key: Self.magnets], today: Self.day("2025-07-21"))).isEmpty)
    }

    @Test func already_fired_keys_do_not_fire_again() {
        let rule = AlertRule(id: "mom", condition: .seriesChange(series: Self.key, measure: .mom, thresholdPct: 100))
        let inputs = AlertInputs(
            series: [Self.key: Self.magnets], today: Self.day("2025-07-21"), alreadyFired: ["mom:CHN-WLD-export-850511:2025-06"])
        #expect(AlertEvaluator.evaluate([rule], inputs: inputs).isEmpty)
    }

    static func event(_ id: String, announced: String, elements: Set<RareEarthElement>?, destinations: Set<CountryCode>?) -> AnnouncedEvent {
        // Synthetic events; nil elements: an event not about rare earths (tungsten, batteries).
        AnnouncedEvent(
            event: EventCandidate(
                id: id, title: "synthetic \(id)", instrument: "synthetic \(id)", day: Self.day(announced),
                material: MaterialScope(elements: elements.map { $0.isEmpty ? .all : .some($0) } ?? .none),
                destinations: destinations,
                direction: .tightening, url: "https://example.org/\(id)", source: "synthetic"),
            announced: Self.day(announced))
    }

    @Test func new_event_fires_for_recent_events_in_scope() {
        let rule = AlertRule(
            id: "heavy", severity: .critical,
            condition: .newEvent(WatchedScope(elements: [.dysprosium], destinations: [.unitedStates]), withinDays: 30))
        let events = [
            Self.event("in-scope", announced: "2025-04-04", elements: [.dysprosium, .terbium], destinations: nil),
            Self.event("other-element", announced: "2025-04-04", elements: [.cerium], destinations: nil),
            Self.event("other-destination", announced: "2025-04-04", elements: [], destinations: [CountryCode("JPN")!]),
            Self.event("too-old", announced: "2025-02-01", elements: [.dysprosium], destinations: nil),
            Self.event("future", announced: "2025-04-20", elements: [.dysprosium], destinations: nil),
            // A Dy/Tb rule never fires on measures about other materials (tungsten, batteries).
            Self.event("tungsten", announced: "2025-04-04", elements: nil, destinations: nil),
        ]
        let alerts = AlertEvaluator.evaluate([rule], inputs: AlertInputs(events: events, today: Self.day("2025-04-10")))
        #expect(alerts.map(\.key) == ["heavy:in-scope"])
        #expect(alerts.first?.severity == .critical)
        #expect(alerts.first?.url == "https://example.org/in-scope")
    }

    @Test func deadline_fires_within_the_window() {
        let rule = AlertRule(id: "ending", condition: .deadline(kinds: [.suspension], WatchedScope(), withinDays: 60))
        let deadlines = [
            // Synthetic deadlines.
            Deadline(id: "soon", title: "synthetic suspension", kind: .suspension, endDay: Self.day("2026-11-10"), material: MaterialScope(elements: .all)),
            Deadline(id: "licence", title: "synthetic licence", kind: .licence, endDay: Self.day("2026-10-01"), material: MaterialScope(elements: .all)),
            Deadline(id: "far", title: "synthetic suspension", kind: .suspension, endDay: Self.day("2027-06-01"), material: MaterialScope(elements: .all)),
            Deadline(id: "past", title: "synthetic suspension", kind: .suspension, endDay: Self.day("2026-09-01"), material: MaterialScope(elements: .all)),
        ]
        let alerts = AlertEvaluator.evaluate([rule], inputs: AlertInputs(deadlines: deadlines, today: Self.day("2026-09-20")))
        #expect(alerts.map(\.key) == ["ending:soon:2026-11-10"])
        #expect(alerts.first?.message == "suspension ends in 51 days (2026-11-10): synthetic suspension")
    }
}
