/// One value of the assumptions file with its label (always `assumption`) and its one-line reason.
public struct AssumptionNote: Codable, Sendable, Hashable {
    public var reason: String
    /// The page the assumption leans on, when it leans on one.
    public var source: String?
    public var url: String?

    public init(reason: String, source: String? = nil, url: String? = nil) {
        self.reason = reason
        self.source = source
        self.url = url
    }
}

/// What a status class implies for the outlook: the chance of reaching production and the delay
/// (in whole years) past the announced start, as weights over years.
public struct StatusAssumption: Codable, Sendable, Hashable {
    public var probability: Double
    /// Delay in years → weight; the weights sum to 1.
    public var delays: [Delay]
    public var note: AssumptionNote

    public struct Delay: Codable, Sendable, Hashable {
        public var years: Int
        public var weight: Double
        public init(years: Int, weight: Double) {
            self.years = years
            self.weight = weight
        }
    }

    public init(probability: Double, delays: [Delay], note: AssumptionNote) {
        self.probability = probability
        self.delays = delays
        self.note = note
    }

    /// The mean delay in years.
    public var meanDelay: Double { delays.reduce(0) { $0 + Double($1.years) * $1.weight } }
}

/// A project whose capacity figure already includes another's (10X includes Independence): the
/// outlook counts only the difference for it.
public struct CapacityOverlap: Codable, Sendable, Hashable {
    public var project: String
    public var includes: String
    public var note: AssumptionNote

    public init(project: String, includes: String, note: AssumptionNote) {
        self.project = project
        self.includes = includes
        self.note = note
    }
}

/// The demand a magnet-stage outlook is compared with: a cited figure, held or grown by an assumption.
public struct DemandFigure: Codable, Sendable, Hashable {
    public var value: Double
    public var unit: String
    public var year: Int
    /// Growth per year after `year` (0 = held flat; an assumption).
    public var growthPerYear: Double
    public var scope: String
    public var source: String
    public var url: String
    public var release: String
    public var growthNote: AssumptionNote

    public init(
        value: Double, unit: String = "t NdFeB", year: Int, growthPerYear: Double = 0, scope: String, source: String, url: String,
        release: String = "", growthNote: AssumptionNote
    ) {
        self.value = value
        self.unit = unit
        self.year = year
        self.growthPerYear = growthPerYear
        self.scope = scope
        self.source = source
        self.url = url
        self.release = release
        self.growthNote = growthNote
    }

    public func value(in year: Int) -> Double {
        year <= self.year ? value : value * pow1(1 + growthPerYear, year - self.year)
    }
}

func pow1(_ base: Double, _ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<max(0, n) { r *= base }
    return r
}

/// The editable outlook assumptions (data/projects/outlook-assumptions.yaml): every value is an
/// assumption with a reason, not data.
public struct OutlookAssumptions: Codable, Sendable, Hashable {
    public var statuses: [StatusClass: StatusAssumption]
    /// Share of nameplate in the first, second, … year of production; later years 1.
    public var rampUp: [Double]
    public var rampUpNote: AssumptionNote
    /// Which end of a stated range ("2000-5000") the outlook uses: `low`, `mid` or `high`.
    public var rangeEnd: RangeEnd
    public var rangeNote: AssumptionNote
    public var overlaps: [CapacityOverlap]
    public var usDemand: DemandFigure

    public enum RangeEnd: String, Codable, Sendable, Hashable, CaseIterable { case low, mid, high }

    public init(
        statuses: [StatusClass: StatusAssumption], rampUp: [Double], rampUpNote: AssumptionNote, rangeEnd: RangeEnd = .low,
        rangeNote: AssumptionNote, overlaps: [CapacityOverlap] = [], usDemand: DemandFigure
    ) {
        self.statuses = statuses
        self.rampUp = rampUp
        self.rampUpNote = rampUpNote
        self.rangeEnd = rangeEnd
        self.rangeNote = rangeNote
        self.overlaps = overlaps
        self.usDemand = usDemand
    }

    /// Share of nameplate `k` years after the first production year (0 before it).
    public func ramp(_ k: Int) -> Double {
        if k < 0 { return 0 }
        return k < rampUp.count ? rampUp[k] : 1
    }

    public func status(_ c: StatusClass) -> StatusAssumption {
        statuses[c] ?? StatusAssumption(probability: 0, delays: [.init(years: 0, weight: 1)], note: AssumptionNote(reason: "no assumption given"))
    }
}
