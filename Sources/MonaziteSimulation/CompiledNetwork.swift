public import MonaziteCore

/// A ``SupplyNetwork`` checked and flattened into index-based arrays for the daily step.
///
/// Edges are stored grouped by buyer (`buyerEdgeStart[j] ..< buyerEdgeStart[j + 1]`); for each
/// supplier `supplierEdges[supplierEdgeStart[i] ..< supplierEdgeStart[i + 1]]` lists its edges.
/// Baseline flows are computed from final demand: an end-use node's baseline input use is its
/// demand; a supplier's baseline output is `Σ share_e · baselineInput_buyer(e)`; a processing
/// node's baseline input use is its baseline output divided by its yield.
public struct CompiledNetwork: Sendable {
    public let source: SupplyNetwork
    public let nodeIDs: [String]
    public let nodeCountries: [CountryCode]
    public let nodeRoles: [NodeRole]
    public let isEndUse: [Bool]
    public let isMining: [Bool]
    public let capacityTonnesPerDay: [Double]
    public let yieldTonnesPerTonne: [Double]
    public let demandTonnesPerDay: [Double]
    public let baselineInputTonnesPerDay: [Double]
    public let baselineOutputTonnesPerDay: [Double]
    public let inventoryDays: [Double]
    public let refillDays: [Double]
    public let substitutionLimitShare: [Double]
    public let substitutionDelayDays: [Int]
    public let substitutionRampDays: [Double]
    /// Upstream first; every supplier comes before its buyers.
    public let topologicalOrder: [Int]
    /// Longest path from a source, 0 for mines; used by the NumPy comparison to batch nodes.
    public let layer: [Int]

    public let buyerEdgeStart: [Int]
    public let edgeSupplier: [Int]
    public let edgeBuyer: [Int]
    public let edgeShare: [Double]
    public let edgeLeadTimeDays: [Int]
    public let edgeGroups: [Set<RareEarthElement.Group>]
    public let supplierEdgeStart: [Int]
    public let supplierEdges: [Int]
    /// Baseline flow on each edge in tonnes per day.
    public let edgeBaselineTonnesPerDay: [Double]
    /// Baseline tonnes in transit to each node: `Σ flow_e · leadTimeDays_e` over its supplier edges.
    /// The initial pipeline holds this much, and a buyer's inventory position aims at
    /// `inventoryDays · baselineInput + baselineInTransit`.
    public let baselineInTransitTonnes: [Double]

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { edgeSupplier.count }

    /// Checks the network and builds the indexed form.
    ///
    /// - Throws: ``SimulationError`` for duplicate or unknown nodes, values out of range, shares
    ///   that do not sum to 1, edges into mines or out of end-use nodes, and cycles.
    public init(_ network: SupplyNetwork) throws(SimulationError) {
        source = network
        let nodes = network.nodes
        var index: [String: Int] = [:]
        for (i, node) in nodes.enumerated() {
            if index[node.id] != nil { throw .duplicateNode(node.id) }
            index[node.id] = i
            try Self.check(node)
        }
        let n = nodes.count
        var byBuyer = Array(repeating: [Int](), count: n)
        var seen = Set<[Int]>()
        var resolved: [(s: Int, b: Int)] = []
        for (k, edge) in network.edges.enumerated() {
            guard let s = index[edge.supplier] else { throw .unknownNode(edge.supplier, context: "edge supplier") }
            guard let b = index[edge.buyer] else { throw .unknownNode(edge.buyer, context: "edge buyer") }
            guard seen.insert([s, b]).inserted else { throw .duplicateEdge(supplier: edge.supplier, buyer: edge.buyer) }
            guard (0...1).contains(edge.baselineShare) else {
                throw .shareOutOfRange("share of edge \(edge.supplier) → \(edge.buyer)", value: edge.baselineShare)
            }
            guard edge.leadTimeDays >= 0 else {
                throw .negativeValue("leadTimeDays of edge \(edge.supplier) → \(edge.buyer)", value: Double(edge.leadTimeDays))
            }
            if nodes[s].isEndUse || nodes[b].isMining || s == b || nodes[s].role.rank > nodes[b].role.rank {
                throw .edgeAgainstChain(supplier: edge.supplier, buyer: edge.buyer)
            }
            byBuyer[b].append(k)
            resolved.append((s, b))
        }
        for j in 0..<n where !nodes[j].isMining {
            if byBuyer[j].isEmpty { throw .buyerWithoutSupplier(nodes[j].id) }
            let sum = byBuyer[j].reduce(0.0) { $0 + network.edges[$1].baselineShare }
            if abs(sum - 1) > 1e-6 { throw .sharesDoNotSumToOne(buyer: nodes[j].id, sum: sum) }
        }
        let order = try Self.topologicalOrder(n: n, edges: resolved, ids: nodes.map(\.id))

        var buyerStart = [0]
        var eSupplier: [Int] = [], eBuyer: [Int] = [], eShare: [Double] = [], eLead: [Int] = []
        var eGroups: [Set<RareEarthElement.Group>] = []
        for j in 0..<n {
            for k in byBuyer[j] {
                eSupplier.append(resolved[k].s)
                eBuyer.append(j)
                eShare.append(network.edges[k].baselineShare)
                eLead.append(network.edges[k].leadTimeDays)
                eGroups.append(network.edges[k].elementGroups)
            }
            buyerStart.append(eSupplier.count)
        }
        var bySupplier = Array(repeating: [Int](), count: n)
        for e in eSupplier.indices { bySupplier[eSupplier[e]].append(e) }
        var supplierStart = [0]
        var supplierList: [Int] = []
        for i in 0..<n {
            supplierList += bySupplier[i]
            supplierStart.append(supplierList.count)
        }

        var input = Array(repeating: 0.0, count: n)
        var output = Array(repeating: 0.0, count: n)
        var flow = Array(repeating: 0.0, count: eSupplier.count)
        for j in order.reversed() {
            if nodes[j].isEndUse {
                input[j] = nodes[j].demandTonnesPerDay
            } else {
                for e in bySupplier[j] { output[j] += flow[e] }
                input[j] = nodes[j].isMining ? 0 : output[j] / nodes[j].yieldTonnesPerTonne
            }
            for e in buyerStart[j]..<buyerStart[j + 1] { flow[e] = eShare[e] * input[j] }
        }
        var layers = Array(repeating: 0, count: n)
        for j in order {
            for e in buyerStart[j]..<buyerStart[j + 1] { layers[j] = max(layers[j], layers[eSupplier[e]] + 1) }
        }

        nodeIDs = nodes.map(\.id)
        nodeCountries = nodes.map(\.country)
        nodeRoles = nodes.map(\.role)
        isEndUse = nodes.map(\.isEndUse)
        isMining = nodes.map(\.isMining)
        capacityTonnesPerDay = nodes.map(\.capacityTonnesPerDay)
        yieldTonnesPerTonne = nodes.map(\.yieldTonnesPerTonne)
        demandTonnesPerDay = nodes.map(\.demandTonnesPerDay)
        baselineInputTonnesPerDay = input
        baselineOutputTonnesPerDay = output
        inventoryDays = nodes.map(\.inventoryDays)
        refillDays = nodes.map(\.refillDays)
        substitutionLimitShare = nodes.map(\.substitutionLimitShare)
        substitutionDelayDays = nodes.map(\.substitutionDelayDays)
        substitutionRampDays = nodes.map(\.substitutionRampDays)
        topologicalOrder = order
        layer = layers
        buyerEdgeStart = buyerStart
        edgeSupplier = eSupplier
        edgeBuyer = eBuyer
        edgeShare = eShare
        edgeLeadTimeDays = eLead
        edgeGroups = eGroups
        supplierEdgeStart = supplierStart
        supplierEdges = supplierList
        edgeBaselineTonnesPerDay = flow
        var pipelineStock = Array(repeating: 0.0, count: n)
        for e in flow.indices { pipelineStock[eBuyer[e]] += flow[e] * Double(eLead[e]) }
        baselineInTransitTonnes = pipelineStock
    }

    /// Index of a node by identifier.
    public func nodeIndex(_ id: String) -> Int? { nodeIDs.firstIndex(of: id) }

    static func check(_ node: NetworkNode) throws(SimulationError) {
        let id = node.id
        for (name, value) in [
            ("capacityTonnesPerDay", node.capacityTonnesPerDay), ("demandTonnesPerDay", node.demandTonnesPerDay),
            ("inventoryDays", node.inventoryDays),
        ] where !(value >= 0) || !value.isFinite {
            throw .negativeValue("\(name) of '\(id)'", value: value)
        }
        if !(node.yieldTonnesPerTonne > 0) || !node.yieldTonnesPerTonne.isFinite {
            throw .invalidValue("yieldTonnesPerTonne of '\(id)'", reason: "must be > 0 (got \(node.yieldTonnesPerTonne))")
        }
        if !(node.refillDays >= 1) { throw .invalidValue("refillDays of '\(id)'", reason: "must be ≥ 1 (got \(node.refillDays))") }
        if !(0...1).contains(node.substitutionLimitShare) {
            throw .shareOutOfRange("substitutionLimitShare of '\(id)'", value: node.substitutionLimitShare)
        }
        if node.substitutionDelayDays < 0 {
            throw .negativeValue("substitutionDelayDays of '\(id)'", value: Double(node.substitutionDelayDays))
        }
        if !(node.substitutionRampDays >= 1) {
            throw .invalidValue("substitutionRampDays of '\(id)'", reason: "must be ≥ 1 (got \(node.substitutionRampDays))")
        }
    }

    /// Kahn's algorithm; on a cycle, walks the remaining nodes to name one cycle.
    static func topologicalOrder(n: Int, edges: [(s: Int, b: Int)], ids: [String]) throws(SimulationError) -> [Int] {
        var indegree = Array(repeating: 0, count: n)
        var out = Array(repeating: [Int](), count: n)
        for e in edges {
            indegree[e.b] += 1
            out[e.s].append(e.b)
        }
        var ready = (0..<n).filter { indegree[$0] == 0 }
        var order: [Int] = []
        var head = 0
        while head < ready.count {
            let i = ready[head]
            head += 1
            order.append(i)
            for b in out[i] {
                indegree[b] -= 1
                if indegree[b] == 0 { ready.append(b) }
            }
        }
        if order.count == n { return order }
        // Every node left has a predecessor that is also left: walking predecessors must loop.
        var predecessors = Array(repeating: [Int](), count: n)
        for e in edges { predecessors[e.b].append(e.s) }
        guard var current = (0..<n).first(where: { indegree[$0] > 0 }) else { return order }
        var path: [Int] = []
        var position: [Int: Int] = [:]
        while position[current] == nil {
            position[current] = path.count
            path.append(current)
            guard let previous = predecessors[current].first(where: { indegree[$0] > 0 }) else { break }
            current = previous
        }
        let start = position[current] ?? 0
        let cycle = [ids[current]] + path[start...].reversed().map { ids[$0] }
        throw .cycle(cycle)
    }
}
