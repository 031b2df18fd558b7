public import MonaziteCore

/// One (country, stage) or (country, sector) node of the supply network.
///
/// Mass is in tonnes of the node's own product; time in days. A production node turns
/// `1 / yieldTonnesPerTonne` tonnes of input into one tonne of output.
public struct NetworkNode: Sendable, Hashable {
    /// Unique identifier, e.g. `CHN.magnet` or `USA.evTraction`.
    public var id: String
    public var country: CountryCode
    public var role: NodeRole
    /// Output capacity in tonnes per day (production nodes; 0 for end-use nodes).
    public var capacityTonnesPerDay: Double
    /// Output tonnes per tonne of input consumed (> 0). Ignored for mining and end use.
    public var yieldTonnesPerTonne: Double
    /// Final demand in tonnes of magnet per day (end-use nodes; 0 otherwise).
    public var demandTonnesPerDay: Double
    /// Target (and initial) input inventory, in days of baseline input use. Baseline use is
    /// computed by ``CompiledNetwork`` from final demand flowing up the baseline shares.
    public var inventoryDays: Double
    /// Days over which a gap to the target inventory is ordered (≥ 1): order = gap / refillDays.
    public var refillDays: Double
    /// Largest share (0…1) of the node's orders it can move to suppliers with spare capacity.
    public var substitutionLimitShare: Double
    /// Days of continuous shortfall before substitution starts.
    public var substitutionDelayDays: Int
    /// Days to ramp substitution from 0 to its limit (≥ 1).
    public var substitutionRampDays: Double

    public init(
        id: String, country: CountryCode, role: NodeRole, capacityTonnesPerDay: Double = 0,
        yieldTonnesPerTonne: Double = 1, demandTonnesPerDay: Double = 0,
        inventoryDays: Double = 0, refillDays: Double = 30, substitutionLimitShare: Double = 0,
        substitutionDelayDays: Int = 0, substitutionRampDays: Double = 1
    ) {
        self.id = id
        self.country = country
        self.role = role
        self.capacityTonnesPerDay = capacityTonnesPerDay
        self.yieldTonnesPerTonne = yieldTonnesPerTonne
        self.demandTonnesPerDay = demandTonnesPerDay
        self.inventoryDays = inventoryDays
        self.refillDays = refillDays
        self.substitutionLimitShare = substitutionLimitShare
        self.substitutionDelayDays = substitutionDelayDays
        self.substitutionRampDays = substitutionRampDays
    }

    public var isEndUse: Bool { if case .endUse = role { true } else { false } }
    public var isMining: Bool { role == .production(.mining) }
}
