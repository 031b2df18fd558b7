/// A supply network as written by a user: nodes and supplier → buyer edges, by identifier.
///
/// ``CompiledNetwork`` turns it into the indexed, flat form the daily step runs on.
public struct SupplyNetwork: Sendable, Hashable {
    public var name: String
    public var nodes: [NetworkNode]
    public var edges: [NetworkEdge]

    public init(name: String, nodes: [NetworkNode], edges: [NetworkEdge]) {
        self.name = name
        self.nodes = nodes
        self.edges = edges
    }
}
