public import MonaziteCore

/// A supplier → buyer link: the buyer orders `baselineShare` of its input from the supplier.
public struct NetworkEdge: Sendable, Hashable {
    public var supplier: String
    public var buyer: String
    /// Share (0…1) of the buyer's orders placed with this supplier in normal times. The shares of a
    /// buyer's edges sum to 1. A 0 share marks an alternative supplier used only for substitution.
    public var baselineShare: Double
    /// Days between shipment and arrival (≥ 0); 0 arrives the same day.
    public var leadTimeDays: Int
    /// Element groups the shipped material contains, for matching licensing shocks.
    public var elementGroups: Set<RareEarthElement.Group>

    public init(
        supplier: String, buyer: String, baselineShare: Double, leadTimeDays: Int,
        elementGroups: Set<RareEarthElement.Group> = [.light, .heavy]
    ) {
        self.supplier = supplier
        self.buyer = buyer
        self.baselineShare = baselineShare
        self.leadTimeDays = leadTimeDays
        self.elementGroups = elementGroups
    }
}
