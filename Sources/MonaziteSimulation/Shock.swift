public import MonaziteCore

/// A disruption active on days `startDay ..< endDay` of the simulation (day 0 is the first day).
public struct Shock: Sendable, Hashable {
    public var id: String
    public var startDay: Int
    /// First day the shock no longer applies (exclusive end).
    public var endDay: Int
    public var kind: ShockKind
    /// Licensing only: share (0…1) of each order on a licensed edge that needs no licence (for
    /// example magnet grades without the controlled elements) and clears at once.
    public var exemptShare: Double
    /// Licensing only: refused orders wait in an exporter-side backlog instead of vanishing. The
    /// buyer counts them as on order; when an edge's approved share rises from `a` to `a'` (a
    /// schedule step, or the end of the shock: `a' = 1`), a share `(a' − a) / (1 − a)` of the
    /// backlog is approved that day; besides, each day a share `approved / max(1, delay)` of what
    /// still waits is approved (applications filed again and reviewed over the approval delay).
    public var queuesRefusedOrders: Bool
    /// Licensing only: changes of terms from a day on, for some destinations or named buyers.
    /// A later step overrides earlier ones (and the shock's own terms) on the edges it covers.
    public var schedule: [LicenceStep]

    public init(
        id: String, startDay: Int, endDay: Int, kind: ShockKind, exemptShare: Double = 0, queuesRefusedOrders: Bool = false,
        schedule: [LicenceStep] = []
    ) {
        self.id = id
        self.startDay = startDay
        self.endDay = endDay
        self.kind = kind
        self.exemptShare = exemptShare
        self.queuesRefusedOrders = queuesRefusedOrders
        self.schedule = schedule
    }
}

/// New licence terms from `startDay` (until the shock ends) on the licensed edges whose buyer is
/// in `buyers` (node identifiers) or whose buyer's country is in `destinations`; nil matches all.
/// Its uncertain inputs are named `shock.SHOCK.STEP.approvedShare` and `…approvalDelayDays`.
public struct LicenceStep: Sendable, Hashable {
    public var id: String
    public var startDay: Int
    public var destinations: [CountryCode]?
    public var buyers: [String]?
    public var approvedShare: Double
    public var approvalDelayDays: Int

    public init(
        id: String, startDay: Int, destinations: [CountryCode]? = nil, buyers: [String]? = nil, approvedShare: Double,
        approvalDelayDays: Int
    ) {
        self.id = id
        self.startDay = startDay
        self.destinations = destinations
        self.buyers = buyers
        self.approvedShare = approvedShare
        self.approvalDelayDays = approvalDelayDays
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
