/// The terms of one day's mass balance, in tonnes, summed over the network.
///
/// The balance that must hold every day (up to rounding):
/// `stocksAfter = stocksBefore + producedTonnes − consumedInputTonnes − deliveredToDemandTonnes + releasedTonnes`,
/// where stocks are input inventories plus shipments in transit, `producedTonnes` is the output
/// of every producing node (each in its own product's tonnes) and `consumedInputTonnes` is the
/// input those nodes used (output / yield). Orders denied by licensing move no mass.
public struct MassBalanceDay: Sendable, Hashable {
    public var day: Int
    public var stocksBeforeTonnes: Double
    public var producedTonnes: Double
    public var consumedInputTonnes: Double
    public var deliveredToDemandTonnes: Double
    public var releasedTonnes: Double
    public var stocksAfterTonnes: Double
    /// Smallest input inventory of any node after the day (never negative if the model is right).
    public var minimumInventoryTonnes: Double

    /// `stocksAfter − (stocksBefore + produced − consumed − delivered + released)`.
    public var residualTonnes: Double {
        stocksAfterTonnes - (stocksBeforeTonnes + producedTonnes - consumedInputTonnes - deliveredToDemandTonnes + releasedTonnes)
    }
}
