/// A set of edges whose daily shipments are recorded, e.g. "China magnet exports to the US".
///
/// The selector has the same meaning as a licensing shock's scope. A shipment on a licensed edge
/// counts on the day it clears approval (shipment day + approval delay), as customs statistics
/// count exports when they leave; lead time after that is not included.
public struct FlowProbe: Sendable, Hashable {
    public var name: String
    public var scope: LicensingScope

    public init(name: String, scope: LicensingScope) {
        self.name = name
        self.scope = scope
    }
}
