import Foundation
public import MonazitePipeline
import MonazitePipelineFile

/// The pipeline outlook: capacity by stage and year (as announced and probability-weighted), the
/// magnet stage against US demand and IEA world demand, and the Monte Carlo year in which
/// non-China magnet supply covers a share of US demand (all derived; docs/projects.md).
public struct OutlookAnswer: Codable, Sendable, Hashable {
    public var parameters: Parameters
    /// The headline: the year supply first covers the share, as P10 / P50 / P90.
    public var coverage: Coverage
    /// Every stage, unit and year: announced and probability-weighted capacity (derived).
    public var stageYears: [StageRow]
    /// The magnet stage (t NdFeB) by year against demand, with the Monte Carlo supply band.
    public var magnet: [MagnetYear]
    /// The magnet-stage rows the outlook counts.
    public var contributions: [Contribution]
    /// Rows left out of the outlook, and why.
    public var excluded: [OutlookExclusion]
    public var demand: Demand
    /// Every assumption used, with its reason (from the assumptions file).
    public var assumptions: [Assumption]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case parameters, coverage, magnet, contributions, excluded, demand, assumptions, notes
        case stageYears = "stage_years"
    }

    public struct Parameters: Codable, Sendable, Hashable {
        /// Target share of US demand, in percent.
        public var sharePct: Double
        public var draws: Int
        public var seed: UInt64
        public var firstYear: Int
        public var horizon: Int
        public var ieaScenario: String
        public var assumptionsFile: String
        public var projectsFile: String

        enum CodingKeys: String, CodingKey {
            case draws, seed, horizon
            case sharePct = "share_pct"
            case firstYear = "first_year"
            case ieaScenario = "iea_scenario"
            case assumptionsFile = "assumptions_file"
            case projectsFile = "projects_file"
        }
    }

    public struct Coverage: Codable, Sendable, Hashable {
        public var sharePct: Double
        @NullWhenAbsent public var p10: Int?
        @NullWhenAbsent public var p50: Int?
        @NullWhenAbsent public var p90: Int?
        /// Fraction of draws that reach the share by the horizon.
        public var withinHorizon: Double
        public var headline: String

        enum CodingKeys: String, CodingKey {
            case p10, p50, p90, headline
            case sharePct = "share_pct"
            case withinHorizon = "within_horizon"
        }
    }

    public struct StageRow: Codable, Sendable, Hashable {
        public var stage: String
        public var unit: String
        public var year: Int
        public var announced: Double
        public var weighted: Double
        public var projects: Int
    }

    public struct MagnetYear: Codable, Sendable, Hashable {
        public var year: Int
        public var announcedT: Double
        public var weightedT: Double
        public var usDemandT: Double
        public var targetT: Double
        public var supplyP10T: Double
        public var supplyP50T: Double
        public var supplyP90T: Double
        /// Fraction of draws whose supply meets the target in this year.
        public var covered: Double
        /// IEA world demand for the magnet rare earths (Nd, Pr, Dy, Tb) in kt of elements: the
        /// IEA's figure in 2024/2030/2035…, linear between them (derived); not comparable with t NdFeB.
        @NullWhenAbsent public var ieaWorldMagnetREEKt: Double?
        public var ieaStatus: String

        enum CodingKeys: String, CodingKey {
            case year, covered
            case announcedT = "announced_t"
            case weightedT = "weighted_t"
            case usDemandT = "us_demand_t"
            case targetT = "target_t"
            case supplyP10T = "supply_p10_t"
            case supplyP50T = "supply_p50_t"
            case supplyP90T = "supply_p90_t"
            case ieaWorldMagnetREEKt = "iea_world_magnet_ree_kt"
            case ieaStatus = "iea_status"
        }
    }

    public struct Contribution: Codable, Sendable, Hashable {
        public var project: String
        public var country: String
        public var capacityT: Double
        @NullWhenAbsent public var startYear: Int?
        public var statusClass: String
        public var probability: Double
        public var meanDelayYears: Double
        @NullWhenAbsent public var adjustment: String?
        public var source: String
        public var url: String
        public var release: String
        public var line: Int

        enum CodingKeys: String, CodingKey {
            case project, country, probability, adjustment, source, url, release, line
            case capacityT = "capacity_t"
            case startYear = "start_year"
            case statusClass = "status_class"
            case meanDelayYears = "mean_delay_years"
        }
    }

    public struct Demand: Codable, Sendable, Hashable {
        public var usValueT: Double
        public var usYear: Int
        public var usGrowthPerYear: Double
        public var usScope: String
        public var usSource: String
        public var usURL: String
        public var usRelease: String
        public var ieaSource: String
        public var ieaURL: String
        public var ieaRelease: String

        enum CodingKeys: String, CodingKey {
            case usValueT = "us_value_t"
            case usYear = "us_year"
            case usGrowthPerYear = "us_growth_per_year"
            case usScope = "us_scope"
            case usSource = "us_source"
            case usURL = "us_url"
            case usRelease = "us_release"
            case ieaSource = "iea_source"
            case ieaURL = "iea_url"
            case ieaRelease = "iea_release"
        }
    }

    public struct Assumption: Codable, Sendable, Hashable {
        public var name: String
        public var value: String
        public var label: String
        public var reason: String
        @NullWhenAbsent public var source: String?
        @NullWhenAbsent public var url: String?
    }

    public var report: Report {
        let magnetByYear = Dictionary(magnet.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [[Cell]] = stageYears.map { s in
            let m = s.stage == PipelineStage.magnet.rawValue && s.unit == "t NdFeB" ? magnetByYear[s.year] : nil
            return [
                .text(s.stage), .text(s.unit), .int(s.year), Cell.tonnes(s.announced, decimals: 0), Cell.tonnes(s.weighted, decimals: 0),
                Cell.tonnes(m?.usDemandT, decimals: 0).blankIfNil(m), Cell.tonnes(m?.supplyP10T, decimals: 0).blankIfNil(m),
                Cell.tonnes(m?.supplyP50T, decimals: 0).blankIfNil(m), Cell.tonnes(m?.supplyP90T, decimals: 0).blankIfNil(m),
                Cell.share(m?.covered), Cell.number(m?.ieaWorldMagnetREEKt, decimals: 1).blankIfNil(m?.ieaWorldMagnetREEKt),
            ]
        }
        var notes = [coverage.headline]
        notes += self.notes
        notes += excluded.map { "left out: \($0.project) (line \($0.line)): \($0.reason)" }
        notes += assumptions.map { "assumption: \($0.name) = \($0.value) (\($0.reason))" }
        return Report(
            title: "Pipeline outlook by stage and year (derived)",
            columns: [
                "stage", "unit", "year", Column("announced", "announced"), Column("weighted", "weighted"), Column("us_demand_t", "US demand t"),
                Column("supply_p10_t", "P10 t"), Column("supply_p50_t", "P50 t"), Column("supply_p90_t", "P90 t"),
                Column("covered", "draws ≥ target"), Column("iea_world_magnet_ree_kt", "IEA world kt REE"),
            ],
            rows: rows, answer: self, notes: notes)
    }
}

extension Cell {
    func blankIfNil<T>(_ v: T?) -> Cell { v == nil ? Cell(display: "", raw: "") : self }
}

extension ProjectQueries {
    public static let defaultSharePct = 50.0
    public static let defaultDraws = 10_000
    /// Bounds one request's work (about 5 s in a debug build at this size).
    public static let maxDraws = 100_000
    public static let defaultSeed: UInt64 = 1
    public static let defaultHorizon = 2035
    public static let ieaScenarios = ["STEPS", "APS", "NZE"]

    static func loadAssumptions(_ file: PipelineFileInput?) throws(ServiceError) -> OutlookAssumptions {
        if let file {
            do { return try BundledPipeline.readAssumptions(data: file.data, file: file.name) } catch {
                throw ServiceError(.invalidParameter, parameter: "assumptions", error.description)
            }
        }
        do { return try BundledPipeline.assumptions() } catch {
            throw ServiceError(.notFound, "the bundled assumptions file cannot be read: \(error)")
        }
    }

    /// IEA world magnet-REE demand (total) for `year` in `scenario`: the figure where the IEA gives
    /// one, linear between the two nearest given years otherwise (derived); nil outside 2024–2050.
    static func ieaWorld(_ points: [IEADemandPoint], scenario: String, year: Int) -> (Double, String)? {
        let series = points.filter { $0.category == "total demand" && ($0.scenario == scenario || $0.scenario == "observed") }
            .map { ($0.year, $0.valueKt) }.sorted { $0.0 < $1.0 }
        if let exact = series.first(where: { $0.0 == year }) { return (exact.1, year == 2024 ? "IEA observed" : "IEA \(scenario) projection") }
        guard let lo = series.last(where: { $0.0 < year }), let hi = series.first(where: { $0.0 > year }) else { return nil }
        let v = lo.1 + (hi.1 - lo.1) * Double(year - lo.0) / Double(hi.0 - lo.0)
        return (v, "derived: linear between IEA \(lo.0) and \(hi.0) (\(scenario))")
    }

    /// The outlook. `sharePct` is the target share of US demand in percent; `firstYear` defaults to
    /// the year of the latest status date in the project file.
    public static func outlook(
        sharePct: Double = defaultSharePct, draws: Int = defaultDraws, seed: UInt64 = defaultSeed, horizon: Int = defaultHorizon,
        firstYear: Int? = nil, ieaScenario: String = "STEPS", file: PipelineFileInput? = nil, assumptionsFile: PipelineFileInput? = nil
    ) throws(ServiceError) -> OutlookAnswer {
        guard sharePct.isFinite, sharePct > 0, sharePct <= 1000 else { throw .invalid("share", "must be a percentage above 0 and at most 1000") }
        guard (1...ProjectQueries.maxDraws).contains(draws) else { throw .invalid("draws", "must be between 1 and \(ProjectQueries.maxDraws)") }
        guard ieaScenarios.contains(ieaScenario) else { throw .invalid("scenario", "\"\(ieaScenario)\" is not one of \(ieaScenarios.joined(separator: ", "))") }
        let projects = try load(file)
        let a = try loadAssumptions(assumptionsFile)
        let asOf = projects.compactMap { Int($0.statusAsOf.prefix(4)) }.max() ?? 2026
        let first = firstYear ?? asOf
        guard (2000...2100).contains(first) else { throw .invalid("from", "must be a year between 2000 and 2100") }
        guard horizon >= first, horizon - first <= 50 else { throw .invalid("horizon", "must be a year from \(first) to \(first + 50)") }
        let iea: [IEADemandPoint]
        do { iea = try BundledPipeline.ieaDemand() } catch { throw ServiceError(.notFound, "the bundled IEA demand file cannot be read: \(error)") }

        var notes: [String] = []
        let names = Set(projects.map(\.name))
        for o in a.overlaps where !names.contains(o.project) || !names.contains(o.includes) {
            notes.append("overlap not applied: \"\(o.project)\" / \"\(o.includes)\" is not a row of the project file")
        }
        let (contributions, excluded) = PipelineOutlook.contributions(projects, assumptions: a)
        let years = first...horizon
        let stageYears = PipelineOutlook.stageYears(contributions, years: years, a)
        let magnetRows = contributions.filter { $0.stage == .magnet && $0.unit == "t NdFeB" }
        let mc = PipelineOutlook.coverage(
            magnetRows, demand: a.usDemand, share: sharePct / 100, firstYear: first, horizon: horizon, draws: draws, seed: seed, a)
        let byName = Dictionary(projects.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        let magnet: [OutlookAnswer.MagnetYear] = mc.years.map { b in
            let world = ieaWorld(iea, scenario: ieaScenario, year: b.year)
            return OutlookAnswer.MagnetYear(
                year: b.year, announcedT: magnetRows.reduce(0) { $0 + PipelineOutlook.announced($1, year: b.year, a) },
                weightedT: magnetRows.reduce(0) { $0 + PipelineOutlook.weighted($1, year: b.year, a) }, usDemandT: b.demand, targetT: b.target,
                supplyP10T: b.p10, supplyP50T: b.p50, supplyP90T: b.p90, covered: b.covered, ieaWorldMagnetREEKt: world?.0,
                ieaStatus: world?.1 ?? "no IEA figure for this year")
        }
        let contributionRows: [OutlookAnswer.Contribution] = magnetRows.map { c in
            let p = byName[c.project]
            return OutlookAnswer.Contribution(
                project: c.project, country: c.country, capacityT: c.capacity, startYear: c.start, statusClass: c.statusClass.rawValue,
                probability: c.probability, meanDelayYears: a.status(c.statusClass).meanDelay, adjustment: c.adjustment, source: p?.source ?? "",
                url: p?.url ?? "", release: p?.release ?? "", line: c.line)
        }
        let share = format(sharePct)
        let demandText = "US demand (\(Int(a.usDemand.value).formatted()) t NdFeB/yr: \(a.usDemand.scope))"
        let headline: String
        if let p90 = mc.p90, let p50 = mc.p50, let p10 = mc.p10 {
            headline = "Year non-China magnet supply first covers \(share)% of \(demandText): P10 \(p10), P50 \(p50), P90 \(p90) (derived; \(mc.draws) draws, seed \(seed))"
        } else if let p10 = mc.p10 {
            let p50 = mc.p50.map(String.init) ?? "not by \(horizon)"
            headline = "Year non-China magnet supply first covers \(share)% of \(demandText): P10 \(p10), P50 \(p50), P90 not within the horizon (\(horizon)); \(format(mc.withinHorizon * 100))% of \(mc.draws) draws reach it by \(horizon) (derived; seed \(seed))"
        } else {
            headline = "Non-China magnet supply does not cover \(share)% of \(demandText) by \(horizon) in at least 90% of draws: \(format(mc.withinHorizon * 100))% of \(mc.draws) draws reach it (derived; seed \(seed))"
        }
        notes.append("the magnet stage counts every row whose capacity is in t NdFeB (none is in China); other stages are summed per unit only, never across units (docs/projects.md)")
        notes.append("announced = every project on time at the ramp-up; weighted = chance of its status class × ramp averaged over its delay weights; the Monte Carlo draws success and delay per project (assumptions, not data)")
        notes.append("IEA world demand is kt of magnet rare-earth elements (Nd, Pr, Dy, Tb), shown for scale only: it is not t NdFeB")
        var assumptions: [OutlookAnswer.Assumption] = StatusClass.allCases.map { c in
            let s = a.status(c)
            return .init(
                name: "status \(c.rawValue)",
                value: "probability \(format(s.probability)); delay " + s.delays.map { "\($0.years) y: \(format($0.weight))" }.joined(separator: ", "),
                label: "assumption", reason: s.note.reason, source: s.note.source, url: s.note.url)
        }
        assumptions.append(
            .init(
                name: "ramp-up", value: a.rampUp.map(format).joined(separator: ", ") + " of nameplate in production years 1.., then 1", label: "assumption",
                reason: a.rampUpNote.reason, source: a.rampUpNote.source, url: a.rampUpNote.url))
        assumptions.append(.init(name: "capacity range", value: a.rangeEnd.rawValue + " end", label: "assumption", reason: a.rangeNote.reason))
        for o in a.overlaps {
            assumptions.append(.init(name: "overlap", value: "\(o.project) includes \(o.includes)", label: "assumption", reason: o.note.reason))
        }
        assumptions.append(
            .init(
                name: "US demand growth", value: "\(format(a.usDemand.growthPerYear * 100))% a year after \(a.usDemand.year)", label: "assumption",
                reason: a.usDemand.growthNote.reason))
        let ieaRow = iea.first
        return OutlookAnswer(
            parameters: .init(
                sharePct: sharePct, draws: draws, seed: seed, firstYear: first, horizon: horizon, ieaScenario: ieaScenario,
                assumptionsFile: assumptionsFile?.name ?? "data/projects/outlook-assumptions.yaml",
                projectsFile: file?.name ?? "data/projects/us_allied_ree_projects.csv"),
            coverage: .init(sharePct: sharePct, p10: mc.p10, p50: mc.p50, p90: mc.p90, withinHorizon: mc.withinHorizon, headline: headline),
            stageYears: stageYears.map { .init(stage: $0.stage.rawValue, unit: $0.unit, year: $0.year, announced: $0.announced, weighted: $0.weighted, projects: $0.projects) },
            magnet: magnet, contributions: contributionRows, excluded: excluded,
            demand: .init(
                usValueT: a.usDemand.value, usYear: a.usDemand.year, usGrowthPerYear: a.usDemand.growthPerYear, usScope: a.usDemand.scope,
                usSource: a.usDemand.source, usURL: a.usDemand.url, usRelease: a.usDemand.release, ieaSource: ieaRow?.source ?? "",
                ieaURL: ieaRow?.url ?? "", ieaRelease: ieaRow?.release ?? ""),
            assumptions: assumptions, notes: notes)
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded() { return String(Int(v)) }
        var s = String(format: "%.3f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}

