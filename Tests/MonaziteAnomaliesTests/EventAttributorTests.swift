import MonaziteAnomalies
import MonaziteCore
import Testing

@Suite struct EventAttributorTests {
    // Synthetic events and anomalies: not real policy events.
    static let magnets = SeriesScope(commodity: HSCode("8505.11")!, partner: .world)
    static let april = Month(year: 2025, month: 4)!

    /// A synthetic event; by default about all rare earths (so it covers magnets), `elements` and
    /// `hs` narrow it, `material: MaterialScope()` makes it about something else (gallium, tungsten).
    static func event(
        _ id: String, _ day: String, _ direction: EventDirection, elements: Set<RareEarthElement>? = nil,
        hs: [String] = [], destinations: Set<CountryCode>? = nil, material: MaterialScope? = nil
    ) -> EventCandidate {
        let scope = material ?? MaterialScope(elements: elements.map { .some($0) } ?? (hs.isEmpty ? .all : .none), hsPrefixes: hs)
        return EventCandidate(
            id: id, title: "synthetic \(id)", instrument: "synthetic \(id)", day: CalendarDay(parsing: day)!, material: scope,
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
            // Not about rare earths (tungsten, batteries): never a candidate for a magnet series.
            Self.event("tungsten", "2025-04-04", .tightening, material: MaterialScope()),
        ]
        let ids = EventAttributor().candidates(for: Self.collapse(Self.april), scope: Self.magnets, events: events).map(\.event.id)
        #expect(Set(ids) == ["heavy", "magnets"])
        let usSeries = SeriesScope(commodity: HSCode("8505.11")!, partner: .unitedStates)
        let japanOnly = Self.event("japan", "2025-04-04", .tightening, hs: ["8505.11"], destinations: [CountryCode("JPN")!])
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
        // Only events whose direction fits a collapse: the easing and the neutral act are left out.
        #expect(ranked.map(\.event.id) == ["specific", "blanket"])
        let top = ranked[0]
        // Timing: in force 27 of 30 days; direction 1; specificity (1 + 1 + 1) / 3.
        #expect(abs(top.timing - 27.0 / 30) < 1e-12)
        #expect(abs(top.score - (0.4 * 0.9 + 0.35 + 0.25)) < 1e-12)
        #expect(top.evidence.contains("effective 2025-04-04, in force for 27 of the 30 days of 2025-04"))
        #expect(top.evidence.contains("HS 8505.11 named in the measure"))
        #expect(top.evidence.contains("covers Tb in every form"))
    }

    @Test func two_articles_of_one_instrument_are_one_candidate() {
        var first = Self.event("no46-art1", "2025-04-02", .tightening, hs: ["8505.11"])
        var second = Self.event("no46-art2", "2025-04-03", .tightening, hs: ["8505.11"])
        first.instrument = "MOFCOM Announcement No. 46 [2024]"
        second.instrument = "MOFCOM Announcement No. 46 [2024]"
        let ranked = EventAttributor().candidates(for: Self.collapse(Self.april), scope: Self.magnets, events: [first, second])
        #expect(ranked.map(\.event.id) == ["no46-art1"])
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
