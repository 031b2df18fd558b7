import MonaziteCore

/// A scenario resolved against its compiled network: shocks as index lists, uncertain inputs as
/// typed targets, output groups and the pipeline layout. Built once, shared by every draw.
public struct CompiledScenario: Sendable {
    static let tooManyDays = "a day count cannot go beyond \(SimulationScenario.maximumDays) days"
    public let scenario: SimulationScenario
    public let network: CompiledNetwork
    public let horizonDays: Int
    public let groups: [OutputGroup]
    public let probes: [FlowProbe]

    // Shocks (struct of arrays).
    let shockKind: [ShockCode]
    let shockStart: [Int]
    let shockEnd: [Int]
    let shockApprovedShare: [Double]
    let shockDelayDays: [Int]
    let shockMagnitude: [Double]
    /// Licensing: share of orders exempt from the licence; steps: 0.
    let shockExemptShare: [Double]
    /// Licensing: refused orders queue (see ``Shock/queuesRefusedOrders``).
    let shockQueues: [Bool]
    /// A licensing shock's schedule steps are the `shockStepCount[s]` shocks right after it
    /// (kind `.licenceStep`); 0 for every other shock.
    let shockStepCount: [Int]
    /// True when some licensing shock queues refused orders (the step then tracks backlogs).
    let hasQueues: Bool
    /// Affected edges (licensing) or nodes (others): `shockTargets[shockTargetStart[s] ..< shockTargetStart[s + 1]]`.
    let shockTargetStart: [Int]
    let shockTargets: [Int]

    let uncertainTargets: [CompiledTarget]
    let uncertainDistributions: [Distribution]
    /// The posterior's inputs and its rows (flat: `row * posteriorTargets.count + k`).
    let posteriorTargets: [CompiledTarget]
    let posteriorValues: [Double]
    let posteriorRowCount: Int
    /// Values recorded per draw: the uncertain inputs, then the posterior's.
    public var drawnValueCount: Int { uncertainTargets.count + posteriorTargets.count }
    /// Names of the values recorded per draw, in order.
    public var drawnValueNames: [String] {
        scenario.uncertain.map { $0.target.description } + (scenario.posterior?.parameters.map(\.description) ?? [])
    }

    /// Ring buffer of in-transit shipments per buyer node: `ringSize[i]` = 1 + the longest lead
    /// time plus approval delay of any edge into `i`; slot `(t + lag) % ringSize[i]` holds what arrives on day `t + lag`.
    let pipelineOffset: [Int]
    let ringSize: [Int]
    let pipelineLength: Int

    /// End-use node k's groups: `groupMembers[groupMemberStart[k] ..< groupMemberStart[k + 1]]`.
    let endUseNodes: [Int]
    let groupMemberStart: [Int]
    let groupMembers: [Int]
    /// Groups with daily series, in order.
    public let dailyGroups: [Int]
    let probeEdgeStart: [Int]
    let probeEdges: [Int]
    /// Probes of edge e: `edgeProbes[edgeProbeStart[e] ..< edgeProbeStart[e + 1]]`.
    let edgeProbeStart: [Int]
    let edgeProbes: [Int]
    /// Length of each probe's ring of shipments waiting for approval (largest delay + 1).
    let probeRingSize: Int

    enum ShockCode: Sendable { case licensing, licenceStep, outage, demandChange, stockRelease }

    enum CompiledTarget: Sendable {
        case duration(Int), approvedShare(Int), approvalDelay(Int), magnitude(Int), exemptShare(Int), startDay(Int)
        case inventoryDaysFactor, nodeInventoryDays(Int), substitutionLimit, substitutionRamp
    }

    /// Resolves shocks, uncertain inputs and probes against the network.
    ///
    /// - Throws: ``SimulationError`` for unknown nodes or shocks, shares outside 0…1, negative
    ///   magnitudes or days, and unusable distributions.
    public init(_ scenario: SimulationScenario, probes: [FlowProbe] = []) throws(SimulationError) {
        self.scenario = scenario
        let net = try CompiledNetwork(scenario.network)
        network = net
        guard scenario.horizonDays >= 1 else {
            throw .invalidValue("horizonDays", reason: "must be ≥ 1 (got \(scenario.horizonDays))")
        }
        horizonDays = scenario.horizonDays
        self.probes = probes

        var kinds: [ShockCode] = [], starts: [Int] = [], ends: [Int] = [], shares: [Double] = []
        var delays: [Int] = [], magnitudes: [Double] = [], targetStart = [0], targets: [Int] = []
        var exempts: [Double] = [], queues: [Bool] = [], stepCounts: [Int] = []
        var shockIndex: [String: Int] = [:]
        var nodeIndex: [String: Int] = [:]
        for (i, id) in net.nodeIDs.enumerated() { nodeIndex[id] = i }
        for shock in scenario.shocks {
            if shockIndex[shock.id] != nil { throw .invalidValue("shock '\(shock.id)'", reason: "duplicate shock id") }
            shockIndex[shock.id] = kinds.count
            guard shock.startDay >= 0, shock.endDay >= shock.startDay else {
                throw .invalidValue("shock '\(shock.id)'", reason: "needs 0 ≤ startDay ≤ endDay (got \(shock.startDay), \(shock.endDay))")
            }
            starts.append(shock.startDay)
            ends.append(shock.endDay)
            func resolve(_ ids: [String]) throws(SimulationError) -> [Int] {
                var out: [Int] = []
                for id in ids {
                    guard let i = nodeIndex[id] else { throw .unknownNode(id, context: "shock '\(shock.id)'") }
                    out.append(i)
                }
                return out
            }
            switch shock.kind {
            case .licensing(let scope, let approved, let delay):
                guard (0...1).contains(approved) else { throw .shareOutOfRange("approvedShare of shock '\(shock.id)'", value: approved) }
                guard delay >= 0 else { throw .negativeValue("approvalDelayDays of shock '\(shock.id)'", value: Double(delay)) }
                guard (0...1).contains(shock.exemptShare) else {
                    throw .shareOutOfRange("exemptShare of shock '\(shock.id)'", value: shock.exemptShare)
                }
                kinds.append(.licensing); shares.append(approved); delays.append(delay); magnitudes.append(0)
                let licensed = Self.edges(matching: scope, in: net)
                targets += licensed
                exempts.append(shock.exemptShare); queues.append(shock.queuesRefusedOrders); stepCounts.append(shock.schedule.count)
                for step in shock.schedule {
                    targetStart.append(targets.count)
                    let id = shock.id + "." + step.id
                    if shockIndex[id] != nil { throw .invalidValue("licence step '\(id)'", reason: "duplicate id") }
                    guard (0...1).contains(step.approvedShare) else { throw .shareOutOfRange("approvedShare of '\(id)'", value: step.approvedShare) }
                    guard step.approvalDelayDays >= 0, step.startDay >= 0 else {
                        throw .negativeValue("startDay or approvalDelayDays of '\(id)'", value: Double(min(step.startDay, step.approvalDelayDays)))
                    }
                    var buyers: Set<Int>?
                    if let named = step.buyers { buyers = Set(try resolve(named)) }
                    shockIndex[id] = kinds.count
                    kinds.append(.licenceStep); starts.append(step.startDay); ends.append(shock.endDay)
                    shares.append(step.approvedShare); delays.append(step.approvalDelayDays); magnitudes.append(0)
                    exempts.append(0); queues.append(false); stepCounts.append(0)
                    targets += licensed.filter { e in
                        let b = net.edgeBuyer[e]
                        if let buyers, !buyers.contains(b) { return false }
                        if let d = step.destinations, !d.contains(net.nodeCountries[b]) { return false }
                        return true
                    }
                }
            case .outage(let nodes, let lost):
                guard (0...1).contains(lost) else { throw .shareOutOfRange("lostShare of shock '\(shock.id)'", value: lost) }
                exempts.append(0); queues.append(false); stepCounts.append(0)
                kinds.append(.outage); shares.append(1); delays.append(0); magnitudes.append(lost)
                targets += try resolve(nodes)
            case .demandChange(let nodes, let factor):
                guard factor >= 0 else { throw .negativeValue("factor of shock '\(shock.id)'", value: factor) }
                exempts.append(0); queues.append(false); stepCounts.append(0)
                kinds.append(.demandChange); shares.append(1); delays.append(0); magnitudes.append(factor)
                targets += try resolve(nodes)
            case .stockRelease(let nodes, let tonnes):
                guard tonnes >= 0 else { throw .negativeValue("tonnesPerDay of shock '\(shock.id)'", value: tonnes) }
                exempts.append(0); queues.append(false); stepCounts.append(0)
                kinds.append(.stockRelease); shares.append(1); delays.append(0); magnitudes.append(tonnes)
                targets += try resolve(nodes)
            }
            targetStart.append(targets.count)
        }

        var maxDelay = delays
        var compiledTargets: [CompiledTarget] = []
        func compileTarget(_ target: UncertainParameter.Target, bounds: ClosedRange<Double>) throws(SimulationError) -> CompiledTarget {
            let name = target.description
            var compiledTargets: [CompiledTarget] = []
            func shock(_ id: String) throws(SimulationError) -> Int {
                guard let s = shockIndex[id] else { throw .unknownShock(id) }
                return s
            }
            /// A day count's draws: never negative (`negative` says what), never past the longest horizon.
            func requireDays(_ negative: String) throws(SimulationError) {
                if bounds.lowerBound < 0 { throw .invalidDistribution(name, reason: negative) }
                if bounds.upperBound > Double(SimulationScenario.maximumDays) { throw .invalidDistribution(name, reason: Self.tooManyDays) }
            }
            switch target {
            case .shockDurationDays(let id):
                let s = try shock(id)
                try requireDays("durations cannot be negative")
                compiledTargets.append(.duration(s))
            case .shockApprovedShare(let id):
                let s = try shock(id)
                if kinds[s] != .licensing && kinds[s] != .licenceStep { throw .invalidDistribution(name, reason: "shock '\(id)' is not a licensing shock") }
                if bounds.lowerBound < 0 || bounds.upperBound > 1 { throw .invalidDistribution(name, reason: "a share must stay within 0…1") }
                compiledTargets.append(.approvedShare(s))
            case .shockExemptShare(let id):
                let s = try shock(id)
                if kinds[s] != .licensing { throw .invalidDistribution(name, reason: "shock '\(id)' is not a licensing shock") }
                if bounds.lowerBound < 0 || bounds.upperBound > 1 { throw .invalidDistribution(name, reason: "a share must stay within 0…1") }
                compiledTargets.append(.exemptShare(s))
            case .shockStartDay(let id):
                let s = try shock(id)
                try requireDays("a start day cannot be negative")
                compiledTargets.append(.startDay(s))
            case .shockApprovalDelayDays(let id):
                let s = try shock(id)
                if kinds[s] != .licensing && kinds[s] != .licenceStep { throw .invalidDistribution(name, reason: "shock '\(id)' is not a licensing shock") }
                try requireDays("a delay cannot be negative")
                maxDelay[s] = max(maxDelay[s], Int(bounds.upperBound.rounded()))
                compiledTargets.append(.approvalDelay(s))
            case .shockMagnitude(let id):
                let s = try shock(id)
                if bounds.lowerBound < 0 { throw .invalidDistribution(name, reason: "a magnitude cannot be negative") }
                if kinds[s] == .outage && bounds.upperBound > 1 { throw .invalidDistribution(name, reason: "a lost share must stay within 0…1") }
                if kinds[s] == .licensing || kinds[s] == .licenceStep { throw .invalidDistribution(name, reason: "use approvedShare for a licensing shock") }
                compiledTargets.append(.magnitude(s))
            case .inventoryDaysFactor:
                if bounds.lowerBound < 0 { throw .invalidDistribution(name, reason: "a factor cannot be negative") }
                compiledTargets.append(.inventoryDaysFactor)
            case .nodeInventoryDays(let id):
                guard let i = nodeIndex[id] else { throw .unknownNode(id, context: name) }
                if bounds.lowerBound < 0 { throw .invalidDistribution(name, reason: "inventory days cannot be negative") }
                compiledTargets.append(.nodeInventoryDays(i))
            case .substitutionLimitShare:
                if bounds.lowerBound < 0 || bounds.upperBound > 1 { throw .invalidDistribution(name, reason: "a share must stay within 0…1") }
                compiledTargets.append(.substitutionLimit)
            case .substitutionRampDays:
                if bounds.lowerBound < 1 { throw .invalidDistribution(name, reason: "ramp-up needs at least 1 day") }
                compiledTargets.append(.substitutionRamp)
            }
            return compiledTargets[0]
        }
        for parameter in scenario.uncertain {
            if let reason = parameter.distribution.problem { throw .invalidDistribution(parameter.target.description, reason: reason) }
            compiledTargets.append(try compileTarget(parameter.target, bounds: parameter.distribution.bounds))
        }
        var jointTargets: [CompiledTarget] = [], jointValues: [Double] = []
        if let posterior = scenario.posterior {
            guard !posterior.rows.isEmpty else { throw .invalidValue("posterior", reason: "has no rows") }
            var low = posterior.parameters.map { _ in Double.infinity }, high = posterior.parameters.map { _ in -Double.infinity }
            for (r, row) in posterior.rows.enumerated() {
                guard row.count == posterior.parameters.count, row.allSatisfy(\.isFinite) else {
                    throw .invalidValue("posterior row \(r + 1)", reason: "needs \(posterior.parameters.count) finite values")
                }
                for k in row.indices {
                    low[k] = min(low[k], row[k])
                    high[k] = max(high[k], row[k])
                }
                jointValues += row
            }
            for (k, target) in posterior.parameters.enumerated() {
                jointTargets.append(try compileTarget(target, bounds: low[k]...high[k]))
            }
        }
        posteriorTargets = jointTargets
        posteriorValues = jointValues
        posteriorRowCount = scenario.posterior?.rows.count ?? 0
        shockKind = kinds
        shockStart = starts
        shockEnd = ends
        shockApprovedShare = shares
        shockDelayDays = delays
        shockMagnitude = magnitudes
        shockExemptShare = exempts
        shockQueues = queues
        shockStepCount = stepCounts
        hasQueues = queues.contains(true)
        shockTargetStart = targetStart
        shockTargets = targets
        uncertainTargets = compiledTargets
        uncertainDistributions = scenario.uncertain.map(\.distribution)

        var edgeMaxDelay = Array(repeating: 0, count: net.edgeCount)
        for s in kinds.indices where kinds[s] == .licensing || kinds[s] == .licenceStep {
            for k in targetStart[s]..<targetStart[s + 1] { edgeMaxDelay[targets[k]] = max(edgeMaxDelay[targets[k]], maxDelay[s]) }
        }
        // One ring per buyer: arrivals only matter per buyer, so shipments on all its edges share it.
        var sizes = Array(repeating: 1, count: net.nodeCount)
        for e in 0..<net.edgeCount {
            let b = net.edgeBuyer[e]
            sizes[b] = max(sizes[b], net.edgeLeadTimeDays[e] + edgeMaxDelay[e] + 1)
        }
        var offsets: [Int] = [], length = 0
        for i in 0..<net.nodeCount {
            offsets.append(length)
            length += sizes[i]
        }
        pipelineOffset = offsets
        ringSize = sizes
        pipelineLength = length

        // Output groups: total, sectors, importing countries, then single nodes.
        let endNodes = (0..<net.nodeCount).filter { net.isEndUse[$0] }
        var groupList: [OutputGroup] = [OutputGroup(kind: .total, baselineDemandTonnesPerDay: 0)]
        var sectorGroup: [EndUseSector: Int] = [:]
        var countryGroup: [CountryCode: Int] = [:]
        for i in endNodes {
            if case .endUse(let sector) = net.nodeRoles[i], sectorGroup[sector] == nil {
                sectorGroup[sector] = -1
            }
            if countryGroup[net.nodeCountries[i]] == nil { countryGroup[net.nodeCountries[i]] = -1 }
        }
        for sector in EndUseSector.allCases where sectorGroup[sector] != nil {
            sectorGroup[sector] = groupList.count
            groupList.append(OutputGroup(kind: .sector(sector), baselineDemandTonnesPerDay: 0))
        }
        for country in countryGroup.keys.sorted() {
            countryGroup[country] = groupList.count
            groupList.append(OutputGroup(kind: .country(country), baselineDemandTonnesPerDay: 0))
        }
        var memberStart = [0], members: [Int] = []
        for i in endNodes {
            var mine = [0]
            if case .endUse(let sector) = net.nodeRoles[i], let g = sectorGroup[sector] { mine.append(g) }
            if let g = countryGroup[net.nodeCountries[i]] { mine.append(g) }
            mine.append(groupList.count)
            groupList.append(OutputGroup(kind: .node(net.nodeIDs[i]), baselineDemandTonnesPerDay: 0))
            for g in mine { groupList[g].baselineDemandTonnesPerDay += net.demandTonnesPerDay[i] }
            members += mine
            memberStart.append(members.count)
        }
        groups = groupList
        endUseNodes = endNodes
        groupMemberStart = memberStart
        groupMembers = members
        dailyGroups = groupList.indices.filter { groupList[$0].recordsDaily }

        var probeStart = [0], probeList: [Int] = []
        for probe in probes {
            probeList += Self.edges(matching: probe.scope, in: net)
            probeStart.append(probeList.count)
        }
        probeEdgeStart = probeStart
        probeEdges = probeList
        var perEdge = Array(repeating: [Int](), count: net.edgeCount)
        for p in probes.indices {
            for r in probeStart[p]..<probeStart[p + 1] { perEdge[probeList[r]].append(p) }
        }
        var edgeStart = [0], edgeList: [Int] = []
        for e in 0..<net.edgeCount {
            edgeList += perEdge[e]
            edgeStart.append(edgeList.count)
        }
        edgeProbeStart = edgeStart
        edgeProbes = edgeList
        probeRingSize = (edgeMaxDelay.max() ?? 0) + 1
    }

    /// Edges whose supplier is in the exporter, buyer abroad, stage, element group and destination match.
    static func edges(matching scope: LicensingScope, in net: CompiledNetwork) -> [Int] {
        (0..<net.edgeCount).filter { e in
            let s = net.edgeSupplier[e], b = net.edgeBuyer[e]
            guard net.nodeCountries[s] == scope.exporter, net.nodeCountries[b] != scope.exporter else { return false }
            if let stage = scope.stage, net.nodeRoles[s] != .production(stage) { return false }
            if let group = scope.elementGroup, !net.edgeGroups[e].contains(group) { return false }
            if let destinations = scope.destinations, !destinations.contains(net.nodeCountries[b]) { return false }
            return true
        }
    }
}
