import Foundation
public import MonaziteCore
public import MonazitePolicy

/// The monthly briefing as data: the month's headline trade figures (the summary), the last 13
/// months of the world series for a chart, the policy acts of the month and what holds on the
/// briefing's date, and how current the series is. Every figure keeps its source rows, so the
/// renderer can footnote each one. When the month asked is after the latest stored figure,
/// `missing` says so and no figure is given.
public struct BriefingAnswer: Codable, Sendable {
    public var period: String
    /// The briefing's date: the month's last day, or today when the month is current.
    public var on: String
    public var today: String
    public var reporter: String
    public var commodity: String
    public var flow: String
    /// Why there are no figures for the month, when there are none.
    @NullWhenAbsent public var missing: String?
    @NullWhenAbsent public var summary: SummaryAnswer?
    /// The world series, up to 13 months ending with the month, for the chart.
    public var chart: [TradeRow]
    /// Acts announced or taking effect in the month, with their status on `on`.
    public var actsInMonth: EventsAnswer
    /// Measures touching the commodity on `on`, with their status and why.
    public var holding: ControlsAnswer
    /// Anomalies of the world series in the month, with the events that fit each.
    public var anomalies: [AnomalyAnswer.Item]
    /// US net import reliance (USGS): each stored edition's latest year, newest edition first.
    public var dependence: [RelianceAnswer.Year]
    /// Why the dependence section is empty, when it is.
    @NullWhenAbsent public var dependenceMissing: String?
    /// How current the world series is on `today`, in words.
    public var freshness: String
    @NullWhenAbsent public var latestMonth: String?
    /// NdPr, Dy and Tb oxide quotes, spreads and stress index of the month (or the latest before it).
    public var prices: BriefingPrices
    /// Non-China magnet capacity against US demand and the Monte Carlo coverage year (derived).
    public var pipeline: BriefingPipeline
    public var notInThisBuild: [String]

    enum CodingKeys: String, CodingKey {
        case period, on, today, reporter, commodity, flow, missing, summary, chart, holding, freshness, anomalies, dependence, prices, pipeline
        case dependenceMissing = "dependence_missing"
        case actsInMonth = "acts_in_month"
        case latestMonth = "latest_month"
        case notInThisBuild = "not_in_this_build"
    }
}

public enum BriefingQueries {
    /// The briefing's date for a month: its last day, or `today` when the month has not ended.
    public static func briefingDay(for month: Month, today: CalendarDay) -> CalendarDay {
        let last = CalendarDay(year: month.year, month: month.month, day: CalendarDay.daysIn(month: month.month, year: month.year))
        guard let last else { return today }
        return today < last ? today : last
    }

    public static func briefing(
        service: QueryService, events: [PolicyEvent], eventNotes: [String] = [], month: Month, today: CalendarDay,
        reporter: CountryCode = .china, flow: TradeFlow = .export, commodity: HSCode
    ) async throws -> BriefingAnswer {
        let store = service.store
        let key = SeriesKey(reporter: reporter, partner: .world, flow: flow, commodity: commodity)
        let worldObservations = try await store.observations(for: key, asOf: nil)
        let freshness = SeriesFreshness(observations: worldObservations, on: today)
        let latest = worldObservations.filter { $0.period.first == $0.period.last }.map(\.period.last).max()
        let day = briefingDay(for: month, today: today)
        let p = Period(month: month)

        var missing: String?
        var summary: SummaryAnswer?
        var chart: [TradeRow] = []
        if let latest, month <= latest {
            do {
                summary = try await TradeQueries.summary(store: store, reporter: reporter, flow: flow, commodity: commodity, period: p)
            } catch let error as ServiceError where error.kind == .notFound {
                missing = error.message
            }
            if summary != nil {
                let from = Period(month: month.adding(months: -12))
                chart = try await TradeQueries.series(store: store, key: key, from: from, to: p).rows
            }
        } else {
            missing = "no figure for \(month) is stored: "
                + (latest.map { "the latest month with a world figure is \($0)" } ?? "the store holds no world figures for this series")
                + "; this briefing gives no trade figures for \(month)"
        }
        var anomalies: [AnomalyAnswer.Item] = []
        if summary != nil {
            anomalies = try await AnomalyQueries.anomalies(store: store, key: key, from: month, to: month, events: events).anomalies
        }
        var dependence: [RelianceAnswer.Year] = []
        var dependenceMissing: String?
        do {
            let reliance = try await DependenceQueries.reliance(store: store, country: .unitedStates)
            for edition in reliance.editions.reversed() {
                if let latestYear = reliance.years.filter({ $0.edition == edition }).max(by: { $0.year < $1.year }) { dependence.append(latestYear) }
            }
        } catch let error as ServiceError where error.kind == .notFound {
            dependenceMissing = error.message
        }
        let firstDay = CalendarDay(year: month.year, month: month.month, day: 1) ?? day
        let lastDay = CalendarDay(year: month.year, month: month.month, day: CalendarDay.daysIn(month: month.month, year: month.year)) ?? day
        let acts = PolicyQueries.events(events, from: firstDay, to: lastDay, on: day, notes: eventNotes)
        let holding = PolicyQueries.controls(events, on: day, commodity: commodity.description, notes: eventNotes)
        return BriefingAnswer(
            period: month.description, on: day.description, today: today.description, reporter: reporter.alpha3,
            commodity: commodity.description, flow: flow.rawValue, missing: missing, summary: summary, chart: chart,
            actsInMonth: acts, holding: holding, anomalies: anomalies, dependence: dependence, dependenceMissing: dependenceMissing, freshness: freshness.summary, latestMonth: latest?.description,
            prices: try prices(month: month.description), pipeline: try pipeline(month: month), notInThisBuild: [])
    }
}
