/// Runs single draws of a ``CompiledScenario``: the daily step of the model.
///
/// One simulator per worker. Its buffers are allocated once and reused for every draw, so the
/// daily loop allocates nothing. Not `Sendable`: each task owns its own simulator.
///
/// Each day `t`, in this order (see `docs/simulation.md` for the equations):
/// 1. shock factors for the day: capacity, demand, releases, licence approval and delay per edge;
/// 2. arrivals: shipments due today enter the buyer's input stock; releases are added;
/// 3. orders, downstream first: a buyer orders its expected input use plus
///    `(target − stock − in transit) / refillDays`, split over suppliers by baseline share blended
///    with substitution toward spare capacity; licensing passes on `approvedShare` of an order;
/// 4. production, upstream first: `output = min(capacity, stock · yield, orders)`, shipped to
///    buyers in proportion to their approved orders (proportional rationing) with lead time plus
///    approval delay; end-use nodes consume `min(demand, stock)` and record the shortfall;
/// 5. substitution state: a buyer short for more than its delay ramps its substituted share up by
///    `limit / rampDays` a day; once supplied in full it ramps back down.
public final class DrawSimulator {
    public let compiled: CompiledScenario
    let n: Int, m: Int, h: Int, g: Int

    // Draw inputs.
    let inventoryDays: UnsafeMutablePointer<Double>
    let subLimit: UnsafeMutablePointer<Double>
    let subRamp: UnsafeMutablePointer<Double>
    let shockStart: UnsafeMutablePointer<Int>
    let shockEnd: UnsafeMutablePointer<Int>
    let shockApproved: UnsafeMutablePointer<Double>
    let shockDelay: UnsafeMutablePointer<Int>
    let shockMagnitude: UnsafeMutablePointer<Double>
    /// The values drawn for the scenario's uncertain inputs in the last draw.
    public private(set) var drawnValues: [Double]

    // Node state.
    let inventory: UnsafeMutablePointer<Double>
    let inTransit: UnsafeMutablePointer<Double>
    let ordersIn: UnsafeMutablePointer<Double>
    let capacityFactor: UnsafeMutablePointer<Double>
    let demandFactor: UnsafeMutablePointer<Double>
    let release: UnsafeMutablePointer<Double>
    let spare: UnsafeMutablePointer<Double>
    let subShare: UnsafeMutablePointer<Double>
    let shortDays: UnsafeMutablePointer<Int>
    /// Target inventory position (stock + in transit), tonnes.
    let target: UnsafeMutablePointer<Double>
    let shortfall: UnsafeMutablePointer<Double>
    // Edge state.
    let approved: UnsafeMutablePointer<Double>
    let delay: UnsafeMutablePointer<Int>
    let approvedOrder: UnsafeMutablePointer<Double>
    /// Per buyer: tonnes ordered today (before licensing) and tonnes shipped to it today.
    let requested: UnsafeMutablePointer<Double>
    let received: UnsafeMutablePointer<Double>
    let pipeline: UnsafeMutablePointer<Double>
    /// `t % ringSize[i]` for today, per buyer, advanced each day (avoids a division).
    let cursor: UnsafeMutablePointer<Int>
    // Group accumulators.
    let groupToday: UnsafeMutablePointer<Double>
    let groupThreshold: UnsafeMutablePointer<Double>
    /// Probe shipments waiting for licence approval: `probe * probeRingSize + day % probeRingSize`.
    let probeRing: UnsafeMutablePointer<Double>

    public init(_ compiled: CompiledScenario) {
        self.compiled = compiled
        n = compiled.network.nodeCount
        m = compiled.network.edgeCount
        h = compiled.horizonDays
        g = compiled.groups.count
        let s = compiled.shockKind.count
        func doubles(_ count: Int) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            return p
        }
        func ints(_ count: Int) -> UnsafeMutablePointer<Int> {
            let p = UnsafeMutablePointer<Int>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            return p
        }
        inventoryDays = doubles(n); subLimit = doubles(n); subRamp = doubles(n)
        shockStart = ints(s); shockEnd = ints(s); shockApproved = doubles(s); shockDelay = ints(s); shockMagnitude = doubles(s)
        drawnValues = Array(repeating: 0, count: compiled.uncertainTargets.count)
        inventory = doubles(n); inTransit = doubles(n); ordersIn = doubles(n); capacityFactor = doubles(n)
        demandFactor = doubles(n); release = doubles(n); spare = doubles(n); subShare = doubles(n)
        shortDays = ints(n); target = doubles(n); shortfall = doubles(n)
        approved = doubles(m); delay = ints(m); requested = doubles(n); approvedOrder = doubles(m); received = doubles(n)
        pipeline = doubles(compiled.pipelineLength)
        cursor = ints(n)
        groupToday = doubles(g); groupThreshold = doubles(g)
        probeRing = doubles(compiled.probes.count * compiled.probeRingSize)
        for k in 0..<g { groupThreshold[k] = 1e-9 * compiled.groups[k].baselineDemandTonnesPerDay + 1e-12 }
    }

    deinit {
        for p in [inventoryDays, subLimit, subRamp, shockApproved, shockMagnitude, inventory, inTransit, ordersIn,
                  capacityFactor, demandFactor, release, spare, subShare, target, shortfall, approved, requested,
                  approvedOrder, received, pipeline, groupToday, groupThreshold, probeRing] {
            p.deallocate()
        }
        for p in [shockStart, shockEnd, shockDelay, shortDays, delay, cursor] { p.deallocate() }
    }

    /// Sets the draw's inputs: the baseline values, then each uncertain input in declared order
    /// drawn from the stream of `(seed, drawIndex)`. `sample: false` keeps the baseline values.
    public func prepare(seed: UInt64, drawIndex: Int, sample: Bool = true) {
        let net = compiled.network
        for i in 0..<n {
            inventoryDays[i] = net.inventoryDays[i]
            subLimit[i] = net.substitutionLimitShare[i]
            subRamp[i] = net.substitutionRampDays[i]
        }
        for s in compiled.shockKind.indices {
            shockStart[s] = compiled.shockStart[s]
            shockEnd[s] = compiled.shockEnd[s]
            shockApproved[s] = compiled.shockApprovedShare[s]
            shockDelay[s] = compiled.shockDelayDays[s]
            shockMagnitude[s] = compiled.shockMagnitude[s]
        }
        guard sample else { return }
        var rng = SplitMix64(seed: seed, drawIndex: UInt64(drawIndex))
        for (k, targetKind) in compiled.uncertainTargets.enumerated() {
            let v = compiled.uncertainDistributions[k].sample(&rng)
            drawnValues[k] = v
            switch targetKind {
            case .duration(let s): shockEnd[s] = shockStart[s] + max(0, Int(v.rounded()))
            case .approvedShare(let s): shockApproved[s] = min(max(v, 0), 1)
            case .approvalDelay(let s): shockDelay[s] = max(0, Int(v.rounded()))
            case .magnitude(let s): shockMagnitude[s] = max(v, 0)
            case .inventoryDaysFactor: for i in 0..<n { inventoryDays[i] *= max(v, 0) }
            case .nodeInventoryDays(let i): inventoryDays[i] = max(v, 0)
            case .substitutionLimit: for i in 0..<n { subLimit[i] = min(max(v, 0), 1) }
            case .substitutionRamp: for i in 0..<n { subRamp[i] = max(v, 1) }
            }
        }
    }

    /// Runs the prepared draw over the horizon.
    ///
    /// - Parameters:
    ///   - cumulativeTonnes, firstStockOutDay, recoveryDay: `groups.count` slots each, written
    ///     per group: total unmet demand; first day with a shortfall (−1 if none); the day after the
    ///     last shortfall (−1 if none, `horizonDays` if still short on the last day).
    ///   - daily: if given, `(dailyGroups.count + probes.count) × horizonDays` slots: each daily
    ///     group's shortfall, then each probe's shipments, in tonnes per day.
    ///   - balance: if given, called with each day's mass balance.
    public func run(
        cumulativeTonnes: UnsafeMutablePointer<Double>,
        firstStockOutDay: UnsafeMutablePointer<Int32>,
        recoveryDay: UnsafeMutablePointer<Int32>,
        daily: UnsafeMutablePointer<Float>? = nil,
        balance: ((MassBalanceDay) -> Void)? = nil
    ) {
        let c = compiled
        let net = c.network
        // Static arrays, read through buffer pointers in the loop.
        net.isEndUse.withUnsafeBufferPointer { isEnd in
        net.isMining.withUnsafeBufferPointer { isMine in
        net.capacityTonnesPerDay.withUnsafeBufferPointer { capacity in
        net.yieldTonnesPerTonne.withUnsafeBufferPointer { yield in
        net.demandTonnesPerDay.withUnsafeBufferPointer { demand in
        net.baselineInputTonnesPerDay.withUnsafeBufferPointer { baseInput in
        net.refillDays.withUnsafeBufferPointer { refill in
        net.substitutionDelayDays.withUnsafeBufferPointer { subDelay in
        net.topologicalOrder.withUnsafeBufferPointer { order in
        net.buyerEdgeStart.withUnsafeBufferPointer { buyerStart in
        net.edgeSupplier.withUnsafeBufferPointer { edgeSupplier in
        net.edgeBuyer.withUnsafeBufferPointer { edgeBuyer in
        net.edgeShare.withUnsafeBufferPointer { share in
        net.edgeLeadTimeDays.withUnsafeBufferPointer { lead in
        net.supplierEdgeStart.withUnsafeBufferPointer { supplierStart in
        net.supplierEdges.withUnsafeBufferPointer { supplierEdges in
        c.pipelineOffset.withUnsafeBufferPointer { pipeOffset in
        c.ringSize.withUnsafeBufferPointer { ring in
        c.shockTargetStart.withUnsafeBufferPointer { targetStart in
        c.shockTargets.withUnsafeBufferPointer { targets in
        c.endUseNodes.withUnsafeBufferPointer { endNodes in
        c.groupMemberStart.withUnsafeBufferPointer { memberStart in
        c.groupMembers.withUnsafeBufferPointer { members in
        net.edgeBaselineTonnesPerDay.withUnsafeBufferPointer { baseFlow in
        net.baselineInTransitTonnes.withUnsafeBufferPointer { basePipeline in
            // Initial state: the baseline steady state. Stocks at target, the pipeline full of
            // baseline flows (arriving on days 0 ..< lead), no substitution.
            for i in 0..<n {
                inventory[i] = inventoryDays[i] * baseInput[i]
                target[i] = inventory[i] + basePipeline[i]
                inTransit[i] = 0
                spare[i] = 0
                subShare[i] = 0
                shortDays[i] = 0
            }
            for k in 0..<c.pipelineLength { pipeline[k] = 0 }
            for i in 0..<n {
                capacityFactor[i] = 1
                demandFactor[i] = 1
                release[i] = 0
                received[i] = 0
                cursor[i] = 0
            }
            for e in 0..<m {
                approved[e] = 1
                delay[e] = 0
            }
            let probeRingSize = c.probeRingSize
            let recordProbes = daily != nil && !c.probes.isEmpty
            for k in 0..<(c.probes.count * probeRingSize) { probeRing[k] = 0 }
            for e in 0..<m where lead[e] > 0 && baseFlow[e] > 0 {
                for t in 0..<lead[e] { pipeline[pipeOffset[edgeBuyer[e]] + t] += baseFlow[e] }
                inTransit[edgeBuyer[e]] += baseFlow[e] * Double(lead[e])
            }
            for k in 0..<g {
                cumulativeTonnes[k] = 0
                firstStockOutDay[k] = -1
                recoveryDay[k] = -1
            }
            let shockCount = c.shockKind.count
            let dailyCount = c.dailyGroups.count
            for t in 0..<h {
                // 1. Shock factors: reset what any shock touches, then apply the active ones.
                for s in 0..<shockCount {
                    let lo = targetStart[s], hi = targetStart[s + 1]
                    switch c.shockKind[s] {
                    case .licensing:
                        for k in lo..<hi {
                            approved[targets[k]] = 1
                            delay[targets[k]] = 0
                        }
                    case .outage: for k in lo..<hi { capacityFactor[targets[k]] = 1 }
                    case .demandChange: for k in lo..<hi { demandFactor[targets[k]] = 1 }
                    case .stockRelease: for k in lo..<hi { release[targets[k]] = 0 }
                    }
                }
                for s in 0..<shockCount where t >= shockStart[s] && t < shockEnd[s] {
                    let lo = targetStart[s], hi = targetStart[s + 1]
                    switch c.shockKind[s] {
                    case .licensing:
                        for k in lo..<hi {
                            let e = targets[k]
                            approved[e] *= shockApproved[s]
                            delay[e] = max(delay[e], shockDelay[s])
                        }
                    case .outage:
                        for k in lo..<hi { capacityFactor[targets[k]] *= 1 - shockMagnitude[s] }
                    case .demandChange:
                        for k in lo..<hi { demandFactor[targets[k]] *= shockMagnitude[s] }
                    case .stockRelease:
                        for k in lo..<hi { release[targets[k]] += shockMagnitude[s] }
                    }
                }
                var stocksBefore = 0.0
                if balance != nil {
                    for i in 0..<n { stocksBefore += inventory[i] + inTransit[i] }
                }
                // 2. Arrivals and releases.
                for b in 0..<n {
                    if t > 0 {
                        let next = cursor[b] + 1
                        cursor[b] = next == ring[b] ? 0 : next
                    }
                    let slot = pipeOffset[b] + cursor[b]
                    let q = pipeline[slot]
                    if q != 0 {
                        inventory[b] += q
                        inTransit[b] = max(0, inTransit[b] - q)
                        pipeline[slot] = 0
                    }
                }
                var released = 0.0
                for i in 0..<n where release[i] > 0 {
                    inventory[i] += release[i]
                    released += release[i]
                }
                // 3. Orders, downstream first.
                for i in 0..<n { ordersIn[i] = 0 }
                var k = n
                while k > 0 {
                    k -= 1
                    let j = order[k]
                    if isMine[j] { continue }
                    let use: Double
                    if isEnd[j] {
                        use = demand[j] * demandFactor[j]
                    } else {
                        use = min(ordersIn[j], capacity[j] * capacityFactor[j]) / yield[j]
                    }
                    let total = max(0, use + (target[j] - inventory[j] - inTransit[j]) / refill[j])
                    // The weights below sum to 1, so the buyer asks for `total` in all.
                    requested[j] = total
                    received[j] = 0
                    let lo = buyerStart[j], hi = buyerStart[j + 1]
                    let sub = subShare[j]
                    var spareWeight = 0.0
                    if sub > 0 {
                        for e in lo..<hi { spareWeight += spare[edgeSupplier[e]] * approved[e] }
                    }
                    for e in lo..<hi {
                        var w = share[e] * (1 - sub)
                        if sub > 0 {
                            w += spareWeight > 0 ? sub * spare[edgeSupplier[e]] * approved[e] / spareWeight : sub * share[e]
                        }
                        let a = total * w * approved[e]
                        approvedOrder[e] = a
                        ordersIn[edgeSupplier[e]] += a
                    }
                }
                // 4. Production and consumption, upstream first.
                var produced = 0.0, consumed = 0.0, delivered = 0.0
                for k in 0..<n {
                    let i = order[k]
                    if isEnd[i] {
                        let d = demand[i] * demandFactor[i]
                        let got = min(d, inventory[i])
                        inventory[i] -= got
                        shortfall[i] = d - got
                        delivered += got
                        continue
                    }
                    let available = capacity[i] * capacityFactor[i]
                    var p: Double
                    if isMine[i] {
                        p = min(available, ordersIn[i])
                        spare[i] = available - p
                    } else {
                        let inputLimit = inventory[i] * yield[i]
                        p = min(available, inputLimit, ordersIn[i])
                        spare[i] = min(available, inputLimit) - p
                        let used: Double
                        if p >= inputLimit {
                            used = inventory[i]
                            p = inputLimit
                            inventory[i] = 0
                        } else {
                            used = p / yield[i]
                            inventory[i] = max(0, inventory[i] - used)
                        }
                        consumed += used
                    }
                    produced += p
                    let lo = supplierStart[i], hi = supplierStart[i + 1]
                    let orders = ordersIn[i]
                    for q in lo..<hi {
                        let e = supplierEdges[q]
                        let amount = orders > 0 ? p * (approvedOrder[e] / orders) : 0
                        received[edgeBuyer[e]] += amount
                        if recordProbes && amount > 0 {
                            // Exports count when they clear approval, `delay` days after shipment.
                            for r in c.edgeProbeStart[e]..<c.edgeProbeStart[e + 1] {
                                probeRing[c.edgeProbes[r] * probeRingSize + (t + delay[e]) % probeRingSize] += amount
                            }
                        }
                        if amount > 0 {
                            let b = edgeBuyer[e]
                            let lag = lead[e] + delay[e]
                            if lag == 0 {
                                inventory[b] += amount
                            } else {
                                // lag < ring[b], so one wrap at most.
                                var slot = cursor[b] + lag
                                if slot >= ring[b] { slot -= ring[b] }
                                pipeline[pipeOffset[b] + slot] += amount
                                inTransit[b] += amount
                            }
                        }
                    }
                }
                // 5. Substitution state.
                for j in 0..<n where !isMine[j] {
                    let want = requested[j], got = received[j]
                    let step = subLimit[j] / subRamp[j]
                    if want > 0 && got < want * (1 - 1e-9) {
                        shortDays[j] += 1
                        if shortDays[j] > subDelay[j] { subShare[j] = min(subLimit[j], subShare[j] + step) }
                    } else {
                        shortDays[j] = 0
                        subShare[j] = max(0, subShare[j] - step)
                    }
                }
                // Outputs.
                for q in 0..<g { groupToday[q] = 0 }
                for q in 0..<endNodes.count {
                    let sf = shortfall[endNodes[q]]
                    if sf > 0 {
                        for r in memberStart[q]..<memberStart[q + 1] { groupToday[members[r]] += sf }
                    }
                }
                for q in 0..<g {
                    let sf = groupToday[q]
                    cumulativeTonnes[q] += sf
                    if sf > groupThreshold[q] {
                        if firstStockOutDay[q] < 0 { firstStockOutDay[q] = Int32(t) }
                        recoveryDay[q] = Int32(t + 1)
                    }
                }
                if let daily {
                    for (r, q) in c.dailyGroups.enumerated() { daily[r * h + t] = Float(groupToday[q]) }
                    for p in 0..<c.probes.count {
                        let slot = p * probeRingSize + t % probeRingSize
                        daily[(dailyCount + p) * h + t] = Float(probeRing[slot])
                        probeRing[slot] = 0
                    }
                }
                if let balance {
                    var stocksAfter = 0.0, minimum = Double.infinity
                    for i in 0..<n {
                        stocksAfter += inventory[i] + inTransit[i]
                        minimum = min(minimum, inventory[i])
                    }
                    balance(MassBalanceDay(
                        day: t, stocksBeforeTonnes: stocksBefore, producedTonnes: produced, consumedInputTonnes: consumed,
                        deliveredToDemandTonnes: delivered, releasedTonnes: released, stocksAfterTonnes: stocksAfter,
                        minimumInventoryTonnes: minimum))
                }
            }
            // A group still short on the last day has not recovered within the horizon.
            for q in 0..<g where recoveryDay[q] > Int32(h - 1) { recoveryDay[q] = Int32(h) }
        }}}}}}}}}}}}}}}}}}}}}}}}}
    }
}
