/// One project's capacity as the outlook counts it: one stage, one unit, a start year and the
/// chance and delays of its status class.
public struct OutlookContribution: Codable, Sendable, Hashable {
    public var project: String
    public var country: String
    public var line: Int
    public var stage: PipelineStage
    public var unit: String
    /// Capacity counted (after the range rule and any overlap), in `unit` per year.
    public var capacity: Double
    /// First year of production as announced; nil for an operating project with no start year
    /// (counted at nameplate in every year).
    public var start: Int?
    public var statusClass: StatusClass
    public var probability: Double
    public var delays: [StatusAssumption.Delay]
    /// How the counted capacity differs from the row's figure, when it does.
    public var adjustment: String?
}

/// A project row the outlook leaves out, and why.
public struct OutlookExclusion: Codable, Sendable, Hashable {
    public var project: String
    public var line: Int
    public var reason: String
}

/// One stage, unit and year: capacity as announced (every project on time at its ramp) and
/// probability-weighted (each project's chance × its expected ramp over the delay weights).
public struct StageYear: Codable, Sendable, Hashable {
    public var stage: PipelineStage
    public var unit: String
    public var year: Int
    public var announced: Double
    public var weighted: Double
    public var projects: Int
}

public enum PipelineOutlook {
    /// Each usable row as a contribution; rows without a single capacity figure, or not yet
    /// producing with no start year, are excluded with the reason.
    public static func contributions(_ projects: [Project], assumptions a: OutlookAssumptions) -> (
        [OutlookContribution], [OutlookExclusion]
    ) {
        var out: [OutlookContribution] = []
        var excluded: [OutlookExclusion] = []
        let byName = Dictionary(projects.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        for p in projects {
            guard let c = p.capacity else {
                excluded.append(.init(project: p.name, line: p.line, reason: p.capacityNote ?? "no capacity stated"))
                continue
            }
            if p.startYear == nil, p.statusClass != .operating {
                excluded.append(.init(project: p.name, line: p.line, reason: "no start year and not operating: cannot be placed in time"))
                continue
            }
            var value = figure(c, a.rangeEnd)
            var adjustment: String?
            if c.high != nil { adjustment = "\(a.rangeEnd.rawValue) end of the stated range \(p.capacityText)" }
            for o in a.overlaps where o.project == p.name {
                if let inner = byName[o.includes], let ic = inner.capacity, ic.unit == c.unit, ic.stage == c.stage {
                    let innerValue = figure(ic, a.rangeEnd)
                    value = max(0, value - innerValue)
                    adjustment = "the row's \(fmt(figure(c, a.rangeEnd))) includes \(o.includes) (\(fmt(innerValue))); counted: the difference"
                }
            }
            let s = a.status(p.statusClass)
            out.append(
                OutlookContribution(
                    project: p.name, country: p.country, line: p.line, stage: c.stage, unit: c.unit, capacity: value, start: p.startYear,
                    statusClass: p.statusClass, probability: s.probability, delays: s.delays, adjustment: adjustment))
        }
        return (out, excluded)
    }

    static func figure(_ c: ProjectCapacity, _ end: OutlookAssumptions.RangeEnd) -> Double {
        guard let high = c.high else { return c.value }
        switch end {
        case .low: return c.value
        case .mid: return (c.value + high) / 2
        case .high: return high
        }
    }

    static func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

    /// Share of nameplate in `year` for a project starting in `start` (+ `delay`).
    static func rampShare(_ c: OutlookContribution, year: Int, delay: Int, _ a: OutlookAssumptions) -> Double {
        guard let start = c.start else { return 1 }
        return a.ramp(year - start - delay)
    }

    /// Capacity as announced in `year`: on time, at the ramp.
    public static func announced(_ c: OutlookContribution, year: Int, _ a: OutlookAssumptions) -> Double {
        c.capacity * rampShare(c, year: year, delay: 0, a)
    }

    /// Expected capacity in `year`: chance × the ramp averaged over the delay weights.
    public static func weighted(_ c: OutlookContribution, year: Int, _ a: OutlookAssumptions) -> Double {
        c.capacity * c.probability * c.delays.reduce(0) { $0 + $1.weight * rampShare(c, year: year, delay: $1.years, a) }
    }

    /// Per stage, unit and year, the sums of announced and weighted capacity. Units are never
    /// mixed: a stage with rows in two units gives two series.
    public static func stageYears(_ contributions: [OutlookContribution], years: ClosedRange<Int>, _ a: OutlookAssumptions) -> [StageYear] {
        var keys: [(PipelineStage, String)] = []
        for c in contributions where !keys.contains(where: { $0 == (c.stage, c.unit) }) { keys.append((c.stage, c.unit)) }
        keys.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var out: [StageYear] = []
        for (stage, unit) in keys {
            let group = contributions.filter { $0.stage == stage && $0.unit == unit }
            for y in years {
                out.append(
                    StageYear(
                        stage: stage, unit: unit, year: y, announced: group.reduce(0) { $0 + announced($1, year: y, a) },
                        weighted: group.reduce(0) { $0 + weighted($1, year: y, a) }, projects: group.count))
            }
        }
        return out
    }
}
