/// Everything one simulation needs: the network, the horizon, the shocks and the uncertain inputs.
public struct SimulationScenario: Sendable, Hashable {
    /// The longest span of days any day count in a scenario or network may give (a horizon, a
    /// start day, a duration, a delay, a lead time): 100,000 days, some 270 years. Larger values
    /// are refused with a reason rather than overflowing the engine's day arithmetic.
    public static let maximumDays = 100_000

    public var name: String
    public var network: SupplyNetwork
    public var horizonDays: Int
    public var shocks: [Shock]
    public var uncertain: [UncertainParameter]
    /// Inputs drawn jointly from a sample (a calibrated posterior), after the `uncertain` ones.
    public var posterior: JointSample?
    /// Monte Carlo draws when the user does not say.
    public var defaultRuns: Int
    public var defaultSeed: UInt64
    /// Day D of "P(stock-out by day D)".
    public var stockOutByDay: Int

    public init(
        name: String, network: SupplyNetwork, horizonDays: Int, shocks: [Shock] = [],
        uncertain: [UncertainParameter] = [], defaultRuns: Int = 1000, defaultSeed: UInt64 = 1,
        stockOutByDay: Int = 90, posterior: JointSample? = nil
    ) {
        self.posterior = posterior
        self.name = name
        self.network = network
        self.horizonDays = horizonDays
        self.shocks = shocks
        self.uncertain = uncertain
        self.defaultRuns = defaultRuns
        self.defaultSeed = defaultSeed
        self.stockOutByDay = stockOutByDay
    }
}
