public import MonaziteCore

/// A disruption active on days `startDay ..< endDay` of the simulation (day 0 is the first day).
public struct Shock: Sendable, Hashable {
    public var id: String
    public var startDay: Int
    /// First day the shock no longer applies (exclusive end).
    public var endDay: Int
    public var kind: ShockKind

    public init(id: String, startDay: Int, endDay: Int, kind: ShockKind) {
        self.id = id
        self.startDay = startDay
        self.endDay = endDay
        self.kind = kind
    }
}

/// What a shock does.
public enum ShockKind: Sendable, Hashable {
    /// Export licensing: orders on matching edges are approved at `approvedShare` (0…1) and the
    /// approved part ships `approvalDelayDays` later than its lead time.
    case licensing(LicensingScope, approvedShare: Double, approvalDelayDays: Int)
    /// Capacity outage: the nodes lose `lostShare` (0…1) of their capacity.
    case outage(nodes: [String], lostShare: Double)
    /// Final demand of the end-use nodes is multiplied by `factor` (≥ 0).
    case demandChange(nodes: [String], factor: Double)
    /// Tonnes per day added to the input stock of each node (a strategic stock release).
    case stockRelease(nodes: [String], tonnesPerDay: Double)
}

/// Which edges an export-licensing shock covers. `nil` fields match everything.
///
/// An edge matches when its supplier is in `exporter`, its buyer is not, the supplier's stage is
/// `stage` (if set), the edge carries `elementGroup` (if set) and the buyer's country is in
/// `destinations` (if set).
public struct LicensingScope: Sendable, Hashable {
    public var exporter: CountryCode
    public var elementGroup: RareEarthElement.Group?
    public var stage: SupplyStage?
    public var destinations: [CountryCode]?

    public init(
        exporter: CountryCode, elementGroup: RareEarthElement.Group? = nil, stage: SupplyStage? = nil,
        destinations: [CountryCode]? = nil
    ) {
        self.exporter = exporter
        self.elementGroup = elementGroup
        self.stage = stage
        self.destinations = destinations
    }
}
