import MonaziteAnomalies
import MonaziteCore
import Testing

@Suite struct EventAttributorTests {
    // Synthetic events and anomalies: not real policy events.
    static let magnets = SeriesScope(commodity: HSCode("8505.11")!, partner: .world)
    static let april = Month(year: 2025, month: 4)!

    static func event(
        _ id: String, _ day: String, _ direction: EventDirection, elements: Set<RareEarthElement> = [],
        hs: [String] = [], destinations: Set<CountryCode>? = nil
    ) -> EventCandidate {
        EventCandidate(
            id: id, title: "synthetic \(id)", instrument: "synthetic", day: CalendarDay(parsing: day)!, elements: elements, hsPrefixes: hs,
            destinations: destinations, direction: direction, source: "synthetic")
    }

    static func collapse(_ month: Month) -> Anomaly {
        Anomaly(month: month, direction: .collapse, value: 1, signals: [AnomalySignal(method: .mom, statistic: -5, text: "synthetic")])
    }

    @Test func timing_window_is_lag_months_before_to_month_end() {
        let events = [
            Self.event("too-early", "2025-01-31", .tightening), Self.event("window-start", "2025-02-01", .tightening),
            Self.event("in-month", "2025-04-30", .tightening), Self.event("after", "2025-05-01", .tightening),
        ]
        let ids = EventAttributor(lagMonths: 2).candidates(for: Self.collapse(Self.april), scope: Self.magnets, events: events).map(
            \.event.id)
        #expect(Set(ids) == ["window-start", "in-month"])
        let none = EventAttributor(lagMonths: 0).candidates(for: Self.collapse(Self.april), scope: Self.magnets, events: events).map(
            \.event.id)
        #expect(none == ["in-month"])
    }

    @Test func scope_must_fit_elements_hs_and_destination() {
        let events = [
            Self.event("heavy", "2025-04-04", .tightening, elements: [.dysprosium, .yttrium]),
            Self.event("cerium-only", "2025-04-04", .tightening, elements: [.cerium]),
            Self.event("graphite", "2025-04-04", .tightening, hs: ["2504"]),
            Self.event("magnets", "2025-04-04", .tightening, hs: ["8505"]),
        ]
        let ids = EventAttributor().candidates(for: Self.collapse(Self.april), scope: Self.magnets, events: events).map(\.event.id)
        #expect(Set(ids) == ["heavy", "magnets"])
        let usSeries = SeriesScope(commodity: HSCode("8505.11")!, partner: .unitedStates)
        let japanOnly = Self.event("japan", "2025-04-04", .tightening, destinations: [CountryCode("JPN")!])
        #expect(EventAttributor().candidates(for: Self.collapse(Self.april), scope: usSeries, events: [japanOnly]).isEmpty)
        #expect(EventAttributor().candidates(for: Self.collapse(Self.april), scope: Self.magnets, events: [japanOnly]).count == 1)
    }

    @Test func consistent_direction_and_specific_scope_rank_first() {
        let events = [
            Self.event("easing", "2025-04-04", .easing),
            Self.event("blanket", "2025-04-04", .tightening),
            Self.event("specific", "2025-04-04", .tightening, elements: [.terbium], hs: ["8505.11"]),
            Self.event("neutral", "2025-04-04", .neutral),
        ]
        let ranked = EventAttributor().candidates(for: Self.collapse(Self.april), scope: Self.magnets, events: events)
        #expect(ranked.map(\.event.id) == ["specific", "blanket", "neutral", "easing"])
        let top = ranked[0]
        // Timing: in force 27 of 30 days; direction 1; specificity (1 + 1 + 1) / 3.
        #expect(abs(top.timing - 27.0 / 30) < 1e-12)
        #expect(abs(top.score - (0.4 * 0.9 + 0.35 + 0.25)) < 1e-12)
        #expect(top.evidence.contains("effective 2025-04-04, in force for 27 of the 30 days of 2025-04"))
        #expect(top.evidence.contains("covers Tb used in NdFeB/SmCo magnets (8505.11)"))
        #expect(ranked[3].evidence.contains("opposite to a collapse"))
    }

    @Test func earlier_events_decay_with_lag() {
        let events = [Self.event("march", "2025-03-01", .tightening), Self.event("february", "2025-02-01", .tightening)]
        let ranked = EventAttributor().candidates(for: Self.collapse(Self.april), scope: Self.magnets, events: events)
        #expect(ranked.map(\.event.id) == ["march", "february"])
        // February 1 is 59 days before April 1; the window is 59 days long: 1 − 59/60.
        #expect(abs(ranked[1].timing - (1 - 59.0 / 60)) < 1e-12)
        #expect(ranked[1].evidence.contains("59 days before 2025-04 began"))
    }
}
