import Foundation
import Synchronization
public import MonaziteDashboard
public import MonaziteCore
public import MonazitePolicy
import MonaziteService
public import MonaziteStore

/// The dashboard as the server mounts it: the trade charts marked with the rare-earth policy
/// events, the `/policy` page fed by the timeline and the applicability query, and an optional
/// page cache that every write through the API empties.
public enum DashboardMount {
    /// Policy events drawn on the monthly charts: measures and deals that name rare earths, their
    /// forms or their HS codes (2846, 2805.30, 8505.11), at their effective (else announced) day.
    public static func markers(_ events: [PolicyEvent]) -> [ChartEventMarker] {
        events.compactMap { e in
            let rareEarthCodes = e.scope.hsPrefixes.contains { p in
                let d = p.filter(\.isNumber)
                return d.hasPrefix("2846") || d.hasPrefix("280530") || d.hasPrefix("850511") || "850511".hasPrefix(d) && d.count >= 4
            }
            guard !e.scope.elements.elements.isEmpty || rareEarthCodes, let day = e.dates.effective ?? e.dates.announced else { return nil }
            return ChartEventMarker(day: day, label: e.label, url: e.url, kind: e.kind.rawValue)
        }
    }

    /// The `/policy` page's rows, each measure with its status on `day`.
    public static func timeline(_ events: [PolicyEvent], on day: CalendarDay) -> [TimelineEntry] {
        let timeline = PolicyTimeline(events)
        return events.map { e in
            let status = e.kind == .suspension ? "act" : timeline.status(of: e, on: day).status.rawValue
            let destinations: String
            switch e.scope.destinations {
            case .all: destinations = e.scope.excludedDestinations.isEmpty ? "all" : "all but " + e.scope.excludedDestinations.map(\.alpha3).sorted().joined(separator: ", ")
            case .only(let set): destinations = set.map(\.alpha3).sorted().joined(separator: ", ")
            }
            return TimelineEntry(
                id: e.id, kind: e.kind.rawValue, title: e.title, instrument: e.label, announced: e.dates.announced, effective: e.dates.effective,
                status: status, elements: e.scope.elements.elements.map(\.symbol), destinations: destinations, url: e.url, verified: e.verified)
        }
    }

    /// The page handler and a function that empties its cache (call it after every write).
    /// `today` is asked at each request (the UTC clock by default): statuses on the `/policy`
    /// page and what holds today on the home page follow the day the page is read, not the day
    /// the server started. With `metrics`, what the page cache holds is on `/metrics`.
    ///
    /// `events` is the timeline at start; with `reloadEvents`, it is read again at most every
    /// `eventsMaxAge` as pages are asked for (events imported by `monazite events import` into
    /// the store of a running server then reach its chart markers, `/policy` and briefings, as
    /// they reach the API; a failed read keeps the events held).
    public static func make(
        store: any TradeStore, events: [PolicyEvent], reloadEvents: (@Sendable () async throws -> [PolicyEvent])? = nil,
        eventsMaxAge: Duration = .seconds(5), cacheSeconds: Int, today: (@Sendable () -> CalendarDay)? = nil,
        metrics: RequestMetrics? = nil
    ) -> (pages: PageHandler, invalidate: @Sendable () -> Void) {
        let today = today ?? { .todayUTC() }
        let cache = cacheSeconds > 0 ? DashboardCache(maxAge: .seconds(cacheSeconds)) : nil
        if let cache, let metrics { metrics.cacheGauges("pages") { (cache.count, cache.bytesHeld) } }
        let build: @Sendable ([PolicyEvent]) -> Dashboard = { events in dashboard(store: store, events: events, cache: cache, today: today) }
        let current = EventsRefresh(events: events, dashboard: build(events), maxAge: eventsMaxAge)
        let revisions = RevisionWatch()
        let pages: PageHandler = { path, query in
            // An import by another process (the CLI, another server) empties the page cache at once.
            if let cache, let revision = try? await store.revision(), revisions.changed(to: revision) { cache.invalidate() }
            let dashboard = await current.dashboard(reload: reloadEvents, build: build) { cache?.invalidate() }
            let r = await dashboard.respond(path: path, query: query)
            return PageResponse(status: r.status, contentType: r.contentType, body: r.body, filename: r.suggestedFilename)
        }
        return (pages, { cache?.invalidate() })
    }

    static func dashboard(store: any TradeStore, events: [PolicyEvent], cache: DashboardCache?, today: @escaping @Sendable () -> CalendarDay) -> Dashboard {
        Dashboard(
            service: QueryService(store: store), markers: markers(events), timeline: { day in timeline(events, on: day) },
            applicability: { day, element, commodity, destination in
                let results = Applicability.evaluate(
                    events: events, on: day, element: element.flatMap { RareEarthElement(parsing: $0) },
                    commodity: commodity.flatMap { CommodityMapping.normalise($0) ?? (HSCode($0)?.level == .aggregate ? $0 : nil) }, destination: destination.flatMap { CountryCatalog.resolve($0) })
                return results.map { r in
                    var dates: [String] = []
                    if let a = r.dates.announced { dates.append("announced \(a)") }
                    if let e = r.dates.effective { dates.append("effective \(e)") }
                    for s in r.suspensions { dates.append("suspended \(s.from?.description ?? "?")–\(s.until?.description ?? "open") by \(s.byLabel)") }
                    return ApplicabilityRow(
                        eventID: r.eventID, title: "\(r.label): \(r.title)", status: r.status.rawValue,
                        reason: r.explanation + (r.matched.isEmpty ? "" : " (matched: \(r.matched.joined(separator: "; ")))"),
                        dates: dates.joined(separator: "; "), url: r.url)
                }
            },
            // Today from the clock at request time; the page cache keeps a page for seconds only.
            briefing: { month in try await QueryService(store: store).briefing(month: month, today: today(), events: events) },
            cache: cache, today: today)
    }
}

/// The dashboard over the policy events as last read: read again at most every `maxAge` (by
/// one request at a time; the others use what is held), rebuilt when the events' ids change.
final class EventsRefresh: Sendable {
    private struct State {
        var ids: [String]
        var dashboard: Dashboard
        var next: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let maxAge: Duration

    init(events: [PolicyEvent], dashboard: Dashboard, maxAge: Duration) {
        self.maxAge = maxAge
        state = Mutex(State(ids: events.map(\.id), dashboard: dashboard, next: .now + maxAge))
    }

    func dashboard(
        reload: (@Sendable () async throws -> [PolicyEvent])?, build: ([PolicyEvent]) -> Dashboard, changed: () -> Void
    ) async -> Dashboard {
        let now = ContinuousClock.now
        let (held, due) = state.withLock { s in
            let due = now >= s.next
            if due { s.next = now + maxAge }
            return (s.dashboard, due)
        }
        guard due, let reload, let events = try? await reload() else { return held }
        let ids = events.map(\.id)
        let (dashboard, rebuilt) = state.withLock { s -> (Dashboard, Bool) in
            guard s.ids != ids else { return (s.dashboard, false) }
            s.ids = ids
            s.dashboard = build(events)
            return (s.dashboard, true)
        }
        if rebuilt { changed() }
        return dashboard
    }
}
