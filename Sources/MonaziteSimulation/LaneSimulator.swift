/// Runs Monte Carlo draws of a ``CompiledScenario``, `L.width` draws at a time: the daily step
/// of the model, written once for one draw (`L = Double`) and for SIMD lane groups
/// (`SIMD4<Double>`, `SIMD8<Double>`).
///
/// Every lane performs the same operations in the same order on its own draw, so lane `l` of a
/// lane group gives the bits a one-draw run of the same draw gives (a test checks this).
/// One simulator per worker: its buffers are allocated once and reused for every draw, so the
/// daily loop allocates nothing. Not `Sendable`.
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
public final class LaneSimulator<L: SimulationLanes> {
    public let compiled: CompiledScenario
    let n: Int, m: Int, h: Int, g: Int, shockCount: Int
    let arena = UnsafeArena()
    /// Scratch inputs for one draw, copied into a lane by ``prepare(lane:seed:drawIndex:sample:)``.
    var inputs: DrawInputs
    /// Values drawn for the uncertain inputs: `lane * uncertainCount + k`.
    public private(set) var drawnValues: [Double]

    // Network (read-only copies).
    let isEnd, isMine: UnsafeMutablePointer<Bool>
    let capacity, yield, demand, baseInput, refill, share, baseFlow, basePipeline: UnsafeMutablePointer<Double>
    let subDelay, order, buyerStart, edgeSupplier, edgeBuyer, lead, supplierStart, supplierEdges: UnsafeMutablePointer<Int>
    let pipeOffset, ring, targetStart, targets, endNodes, memberStart, members: UnsafeMutablePointer<Int>
    let edgeProbeStart, edgeProbes, dailyGroups: UnsafeMutablePointer<Int>
    let shockKind: [CompiledScenario.ShockCode]

    // Per-lane draw inputs.
    let inventoryDays, subLimit, subRamp: UnsafeMutablePointer<L>
    /// `subLimit / subRamp`: the daily change of a substituted share, fixed for a draw.
    let subStep: UnsafeMutablePointer<L>
    let shockStart, shockEnd, shockApproved, shockDelay, shockMagnitude, shockExempt: UnsafeMutablePointer<L>
    let shockQueues: UnsafeMutablePointer<Bool>
    /// 1 in lanes where shock `s` had started (`day ≥ start`) / had not ended (`day < end`) on
    /// the day the shock factors were last worked out, else 0.
    let shockStarted, shockRunning: UnsafeMutablePointer<L>
    let shockStepCount: UnsafeMutablePointer<Int>

    // Node state.
    let inventory, inTransit, ordersIn, capacityFactor, demandFactor, release, spare, subShare, shortDays: UnsafeMutablePointer<L>
    /// Target inventory position (stock + in transit), tonnes.
    let target: UnsafeMutablePointer<L>
    let shortfall: UnsafeMutablePointer<L>
    /// Per buyer: tonnes ordered today (before licensing) and tonnes shipped to it today.
    let requested, received: UnsafeMutablePointer<L>
    // Edge state; `delay` holds whole days.
    let approved, delay, approvedOrder: UnsafeMutablePointer<L>
    /// Share of the approved order that needs no licence and clears without the approval delay.
    let exempt: UnsafeMutablePointer<L>
    /// 1 where refused orders queue today, else 0; the queued tonnes; yesterday's approved share.
    let queues, backlog, approvedYesterday: UnsafeMutablePointer<L>
    /// A licensing shock's terms per edge today, before they are combined with other shocks.
    let termShare, termDelay: UnsafeMutablePointer<L>
    let pipeline: UnsafeMutablePointer<L>
    /// `t % ringSize[i]` for today, per buyer, advanced each day (avoids a division).
    let cursor: UnsafeMutablePointer<Int>
    // Group accumulators.
    let groupToday, groupThreshold, cumulative, firstDay, recovery: UnsafeMutablePointer<L>
    /// Probe shipments waiting for licence approval: `probe * probeRingSize + day % probeRingSize`.
    let probeRing: UnsafeMutablePointer<L>

    public init(_ compiled: CompiledScenario) {
        self.compiled = compiled
        let net = compiled.network
        n = net.nodeCount
        m = net.edgeCount
        h = compiled.horizonDays
        g = compiled.groups.count
        shockCount = compiled.shockKind.count
        inputs = DrawInputs(compiled)
        drawnValues = Array(repeating: 0, count: L.width * compiled.drawnValueCount)
        let a = arena
        isEnd = a.copy(net.isEndUse, zero: false)
        isMine = a.copy(net.isMining, zero: false)
        capacity = a.copy(net.capacityTonnesPerDay, zero: 0)
        yield = a.copy(net.yieldTonnesPerTonne, zero: 0)
        demand = a.copy(net.demandTonnesPerDay, zero: 0)
        baseInput = a.copy(net.baselineInputTonnesPerDay, zero: 0)
        refill = a.copy(net.refillDays, zero: 0)
        share = a.copy(net.edgeShare, zero: 0)
        baseFlow = a.copy(net.edgeBaselineTonnesPerDay, zero: 0)
        basePipeline = a.copy(net.baselineInTransitTonnes, zero: 0)
        subDelay = a.copy(net.substitutionDelayDays, zero: 0)
        order = a.copy(net.topologicalOrder, zero: 0)
        buyerStart = a.copy(net.buyerEdgeStart, zero: 0)
        edgeSupplier = a.copy(net.edgeSupplier, zero: 0)
        edgeBuyer = a.copy(net.edgeBuyer, zero: 0)
        lead = a.copy(net.edgeLeadTimeDays, zero: 0)
        supplierStart = a.copy(net.supplierEdgeStart, zero: 0)
        supplierEdges = a.copy(net.supplierEdges, zero: 0)
        pipeOffset = a.copy(compiled.pipelineOffset, zero: 0)
        ring = a.copy(compiled.ringSize, zero: 0)
        targetStart = a.copy(compiled.shockTargetStart, zero: 0)
        targets = a.copy(compiled.shockTargets, zero: 0)
        endNodes = a.copy(compiled.endUseNodes, zero: 0)
        memberStart = a.copy(compiled.groupMemberStart, zero: 0)
        members = a.copy(compiled.groupMembers, zero: 0)
        edgeProbeStart = a.copy(compiled.edgeProbeStart, zero: 0)
        edgeProbes = a.copy(compiled.edgeProbes, zero: 0)
        dailyGroups = a.copy(compiled.dailyGroups, zero: 0)
        shockKind = compiled.shockKind

        let z = L.zero
        func lanes(_ count: Int) -> UnsafeMutablePointer<L> { a.buffer(L.self, count, zero: z) }
        inventoryDays = lanes(n); subLimit = lanes(n); subRamp = lanes(n); subStep = lanes(n)
        shockStart = lanes(shockCount); shockEnd = lanes(shockCount); shockApproved = lanes(shockCount)
        shockDelay = lanes(shockCount); shockMagnitude = lanes(shockCount); shockExempt = lanes(shockCount)
        shockQueues = a.copy(compiled.shockQueues, zero: false)
        shockStarted = lanes(shockCount); shockRunning = lanes(shockCount)
        shockStepCount = a.copy(compiled.shockStepCount, zero: 0)
        inventory = lanes(n); inTransit = lanes(n); ordersIn = lanes(n); capacityFactor = lanes(n)
        demandFactor = lanes(n); release = lanes(n); spare = lanes(n); subShare = lanes(n); shortDays = lanes(n)
        target = lanes(n); shortfall = lanes(n); requested = lanes(n); received = lanes(n)
        approved = lanes(m); delay = lanes(m); approvedOrder = lanes(m); exempt = lanes(m)
        queues = lanes(m); backlog = lanes(m); approvedYesterday = lanes(m); termShare = lanes(m); termDelay = lanes(m)
        pipeline = lanes(compiled.pipelineLength)
        cursor = a.buffer(Int.self, n, zero: 0)
        groupToday = lanes(g); groupThreshold = lanes(g); cumulative = lanes(g); firstDay = lanes(g); recovery = lanes(g)
        probeRing = lanes(compiled.probes.count * compiled.probeRingSize)
        for k in 0..<g { groupThreshold[k] = L(repeating: 1e-9 * compiled.groups[k].baselineDemandTonnesPerDay + 1e-12) }
    }

    /// Samples lane `l`'s inputs as draw `drawIndex`: the scenario's values, then each uncertain
    /// input in declared order from the stream of `(seed, drawIndex)`. `sample: false` keeps the
    /// scenario's values.
    public func prepare(lane l: Int, seed: UInt64, drawIndex: Int, sample: Bool = true) {
        inputs.prepare(compiled, seed: seed, drawIndex: drawIndex, sample: sample)
        load(lane: l)
    }

    /// Sets lane `l`'s uncertain inputs to `values` (declared order), for calibration.
    public func prepare(lane l: Int, values: [Double]) {
        inputs.prepare(compiled, values: values)
        load(lane: l)
    }

    func load(lane l: Int) {        for i in 0..<n {
            inventoryDays[i][l] = inputs.inventoryDays[i]
            subLimit[i][l] = inputs.substitutionLimitShare[i]
            subRamp[i][l] = inputs.substitutionRampDays[i]
        }
        for s in 0..<shockCount {
            shockStart[s][l] = Double(inputs.shockStart[s])
            shockEnd[s][l] = Double(inputs.shockEnd[s])
            shockApproved[s][l] = inputs.shockApprovedShare[s]
            shockDelay[s][l] = Double(inputs.shockDelayDays[s])
            shockMagnitude[s][l] = inputs.shockMagnitude[s]
            shockExempt[s][l] = inputs.shockExemptShare[s]
        }
        let u = inputs.drawnValues.count
        for k in 0..<u { drawnValues[l * u + k] = inputs.drawnValues[k] }
    }

    /// Puts `tonnes` for lane `l` into buyer `b`'s stock (lag 0) or its in-transit ring.
    @inline(__always) func ship(_ tonnes: Double, to b: Int, lag: Int, lane l: Int) {
        if tonnes == 0 { return }
        if lag == 0 {
            inventory[b][l] += tonnes
        } else {
            // lag < ring[b], so one wrap at most.
            var slot = cursor[b] + lag
            if slot >= ring[b] { slot -= ring[b] }
            pipeline[pipeOffset[b] + slot][l] += tonnes
            inTransit[b][l] += tonnes
        }
    }

    /// Runs the prepared lanes over the horizon.
    ///
    /// - Parameters:
    ///   - lanesUsed: lanes whose results are written (the others are computed and dropped).
    ///   - cumulativeTonnes, firstStockOutDay, recoveryDay: `lanesUsed × groups.count` slots
    ///     each; lane `l`, group `q` at `l * groups.count + q`: total unmet demand; first day with
    ///     a shortfall (−1 if none); the day after the last shortfall (−1 if none, `horizonDays`
    ///     if still short on the last day).
    ///   - daily: if given, `(dailyGroups.count + probes.count) × horizonDays` slots per lane,
    ///     lane after lane: each daily group's shortfall, then each probe's shipments, in tonnes
    ///     per day.
    ///   - balance: if given, called with each lane's mass balance of each day.
    public func run(
        lanesUsed: Int,
        cumulativeTonnes: UnsafeMutablePointer<Double>,
        firstStockOutDay: UnsafeMutablePointer<Int32>,
        recoveryDay: UnsafeMutablePointer<Int32>,
        daily: UnsafeMutablePointer<Float>? = nil,
        balance: ((_ lane: Int, MassBalanceDay) -> Void)? = nil
    ) {
        let c = compiled
        let zero = L.zero, one = L(repeating: 1)
        // Initial state: the baseline steady state. Stocks at target, the pipeline full of
        // baseline flows (arriving on days 0 ..< lead), no substitution.
        for i in 0..<n {
            inventory[i] = inventoryDays[i] * L(repeating: baseInput[i])
            target[i] = inventory[i] + L(repeating: basePipeline[i])
            inTransit[i] = zero
            spare[i] = zero
            subShare[i] = zero
            shortDays[i] = zero
            capacityFactor[i] = one
            demandFactor[i] = one
            release[i] = zero
            received[i] = zero
            cursor[i] = 0
            subStep[i] = subLimit[i] / subRamp[i]
        }
        for k in 0..<c.pipelineLength { pipeline[k] = zero }
        for e in 0..<m {
            approved[e] = one
            delay[e] = zero
            exempt[e] = one
            queues[e] = zero
            backlog[e] = zero
            approvedYesterday[e] = one
        }
        let hasQueues = c.hasQueues
        for e in 0..<m where lead[e] > 0 && baseFlow[e] > 0 {
            for t in 0..<lead[e] { pipeline[pipeOffset[edgeBuyer[e]] + t] += L(repeating: baseFlow[e]) }
            inTransit[edgeBuyer[e]] += L(repeating: baseFlow[e] * Double(lead[e]))
        }
        for q in 0..<g {
            cumulative[q] = zero
            firstDay[q] = L(repeating: -1)
            recovery[q] = L(repeating: -1)
        }
        let probeCount = c.probes.count
        let probeRingSize = c.probeRingSize
        let recordProbes = daily != nil && probeCount > 0
        for k in 0..<(probeCount * probeRingSize) { probeRing[k] = zero }
        let dailyCount = c.dailyGroups.count
        let perLaneDaily = (dailyCount + probeCount) * h
        let tracking = balance != nil
        var produced = zero, consumed = zero, delivered = zero, released = zero
        var stocksBefore = [Double](repeating: 0, count: tracking ? L.width : 0)

        for t in 0..<h {
            let day = L(repeating: Double(t))
            // 1. Shock factors: reset what any shock touches, then apply the active ones. They
            // depend on the day only through which shocks have started and which have not yet
            // ended, lane by lane; on a day where none of that changed, yesterday's stand.
            var shocksChanged = t == 0
            for s in 0..<shockCount {
                let started = L.select(L.greaterOrEqual(day, shockStart[s]), one, zero)
                let running = L.select(L.less(day, shockEnd[s]), one, zero)
                if L.anyTrue(L.notEqual(started, shockStarted[s])) || L.anyTrue(L.notEqual(running, shockRunning[s])) {
                    shocksChanged = true
                }
                shockStarted[s] = started
                shockRunning[s] = running
            }
            if shocksChanged {
                for s in 0..<shockCount {
                    let lo = targetStart[s], hi = targetStart[s + 1]
                    switch shockKind[s] {
                    case .licensing:
                        for k in lo..<hi {
                            let e = targets[k]
                            approved[e] = one
                            delay[e] = zero
                            exempt[e] = one
                            queues[e] = zero
                        }
                    case .licenceStep: break
                    case .outage: for k in lo..<hi { capacityFactor[targets[k]] = one }
                    case .demandChange: for k in lo..<hi { demandFactor[targets[k]] = one }
                    case .stockRelease: for k in lo..<hi { release[targets[k]] = zero }
                    }
                }
                for s in 0..<shockCount {
                    if shockKind[s] == .licenceStep { continue }
                    let active = L.both(L.greaterOrEqual(day, shockStart[s]), L.less(day, shockEnd[s]))
                    if !L.anyTrue(active) { continue }
                    let lo = targetStart[s], hi = targetStart[s + 1]
                    switch shockKind[s] {
                    case .licensing where shockStepCount[s] == 0:
                        // No schedule steps: every edge gets the licence's own terms, so the pass and
                        // exempt shares are worked out once (the same operations as below, per edge).
                        let free = shockExempt[s]
                        let queueing = shockQueues[s] ? one : zero
                        let pass = free + (one - free) * shockApproved[s]
                        let freeOfPass = L.select(L.greater(pass, zero), free / pass, zero)
                        let wait = shockDelay[s]
                        for k in lo..<hi {
                            let e = targets[k]
                            approved[e] = L.select(active, approved[e] * pass, approved[e])
                            exempt[e] = L.select(active, exempt[e] * freeOfPass, exempt[e])
                            delay[e] = L.select(active, L.maximum(delay[e], wait), delay[e])
                            queues[e] = L.select(active, L.maximum(queues[e], queueing), queues[e])
                        }
                    case .licensing:
                        // This licence's terms per edge: its own, overridden by its active steps in order.
                        for k in lo..<hi {
                            termShare[targets[k]] = shockApproved[s]
                            termDelay[targets[k]] = shockDelay[s]
                        }
                        for step in (s + 1)..<(s + 1 + shockStepCount[s]) {
                            let on = L.both(active, L.greaterOrEqual(day, shockStart[step]))
                            if !L.anyTrue(on) { continue }
                            for k in targetStart[step]..<targetStart[step + 1] {
                                let e = targets[k]
                                termShare[e] = L.select(on, shockApproved[step], termShare[e])
                                termDelay[e] = L.select(on, shockDelay[step], termDelay[e])
                            }
                        }
                        // Exempt orders pass at once; of the rest, the approved share passes after the delay.
                        let free = shockExempt[s]
                        let queueing = shockQueues[s] ? one : zero
                        for k in lo..<hi {
                            let e = targets[k]
                            let pass = free + (one - free) * termShare[e]
                            let freeOfPass = L.select(L.greater(pass, zero), free / pass, zero)
                            approved[e] = L.select(active, approved[e] * pass, approved[e])
                            exempt[e] = L.select(active, exempt[e] * freeOfPass, exempt[e])
                            delay[e] = L.select(active, L.maximum(delay[e], termDelay[e]), delay[e])
                            queues[e] = L.select(active, L.maximum(queues[e], queueing), queues[e])
                        }
                    case .licenceStep: break
                    case .outage:
                        for k in lo..<hi {
                            let i = targets[k]
                            capacityFactor[i] = L.select(active, capacityFactor[i] * (one - shockMagnitude[s]), capacityFactor[i])
                        }
                    case .demandChange:
                        for k in lo..<hi {
                            let i = targets[k]
                            demandFactor[i] = L.select(active, demandFactor[i] * shockMagnitude[s], demandFactor[i])
                        }
                    case .stockRelease:
                        for k in lo..<hi {
                            let i = targets[k]
                            release[i] = L.select(active, release[i] + shockMagnitude[s], release[i])
                        }
                    }
                }
            }
            if tracking {
                for l in 0..<L.width { stocksBefore[l] = 0 }
                for i in 0..<n {
                    let stock = inventory[i] + inTransit[i]
                    for l in 0..<L.width { stocksBefore[l] += stock[l] }
                }
                produced = zero; consumed = zero; delivered = zero; released = zero
            }
            // 2. Arrivals and releases.
            for b in 0..<n {
                if t > 0 {
                    let next = cursor[b] + 1
                    cursor[b] = next == ring[b] ? 0 : next
                }
                let slot = pipeOffset[b] + cursor[b]
                let q = pipeline[slot]
                if L.anyTrue(L.greater(q, zero)) {
                    inventory[b] += q
                    inTransit[b] = L.maximum(zero, inTransit[b] - q)
                    pipeline[slot] = zero
                }
            }
            for i in 0..<n {
                let r = release[i]
                let releasing = L.greater(r, zero)
                if L.anyTrue(releasing) {
                    inventory[i] = L.select(releasing, inventory[i] + r, inventory[i])
                    if tracking { released += L.select(releasing, r, zero) }
                }
            }
            // 3. Orders, downstream first.
            for i in 0..<n { ordersIn[i] = zero }
            var k = n
            while k > 0 {
                k -= 1
                let j = order[k]
                if isMine[j] { continue }
                let use: L
                if isEnd[j] {
                    use = L(repeating: demand[j]) * demandFactor[j]
                } else {
                    use = L.minimum(ordersIn[j], L(repeating: capacity[j]) * capacityFactor[j]) / L(repeating: yield[j])
                }
                let lo = buyerStart[j], hi = buyerStart[j + 1]
                // Orders waiting for a licence count as on order.
                var queued = zero
                if hasQueues {
                    for e in lo..<hi { queued += backlog[e] }
                }
                // The weights below sum to 1, so the buyer asks for `total` in all.
                let total = L.maximum(zero, use + (target[j] - inventory[j] - inTransit[j] - queued) / L(repeating: refill[j]))
                requested[j] = total
                received[j] = zero
                let sub = subShare[j]
                let substituting = L.greater(sub, zero)
                let anySubstituting = L.anyTrue(substituting)
                var spareWeight = zero
                if anySubstituting {
                    for e in lo..<hi { spareWeight += spare[edgeSupplier[e]] * approved[e] }
                }
                let hasSpare = L.greater(spareWeight, zero)
                for e in lo..<hi {
                    let a = L(repeating: share[e])
                    var w = a * (one - sub)
                    if anySubstituting {
                        let extra = L.select(hasSpare, sub * spare[edgeSupplier[e]] * approved[e] / spareWeight, sub * a)
                        w = L.select(substituting, w + extra, w)
                    }
                    let asked = total * w
                    var placed = asked * approved[e]
                    if hasQueues {
                        // Terms eased since yesterday: that share of the backlog is approved now.
                        let before = approvedYesterday[e], now = approved[e]
                        let waiting = L.greater(backlog[e], zero)
                        if L.anyTrue(waiting) {
                            let eased = L.both(L.greater(now, before), waiting)
                            var freed = L.select(eased, backlog[e] * ((now - before) / (one - before)), zero)
                            // Queued applications are reviewed again over the approval delay at today's share.
                            let review = (backlog[e] - freed) * (now / L.maximum(one, delay[e]))
                            freed += L.select(waiting, review, zero)
                            placed += freed
                            backlog[e] -= freed
                        }
                        backlog[e] += (asked - asked * approved[e]) * queues[e]
                        approvedYesterday[e] = now
                    }
                    approvedOrder[e] = placed
                    ordersIn[edgeSupplier[e]] += placed
                }
            }
            // 4. Production and consumption, upstream first.
            for k in 0..<n {
                let i = order[k]
                if isEnd[i] {
                    let d = L(repeating: demand[i]) * demandFactor[i]
                    let got = L.minimum(d, inventory[i])
                    inventory[i] -= got
                    shortfall[i] = d - got
                    if tracking { delivered += got }
                    continue
                }
                let available = L(repeating: capacity[i]) * capacityFactor[i]
                var p: L
                if isMine[i] {
                    p = L.minimum(available, ordersIn[i])
                    spare[i] = available - p
                } else {
                    let y = L(repeating: yield[i])
                    let inputLimit = inventory[i] * y
                    p = L.minimum(L.minimum(available, inputLimit), ordersIn[i])
                    spare[i] = L.minimum(available, inputLimit) - p
                    // At the input limit the whole stock is used (no rounding residue left).
                    let limited = L.greaterOrEqual(p, inputLimit)
                    let left = L.select(limited, zero, L.maximum(zero, inventory[i] - p / y))
                    p = L.select(limited, inputLimit, p)
                    if tracking { consumed += inventory[i] - left }
                    inventory[i] = left
                }
                if tracking { produced += p }
                let orders = ordersIn[i]
                let ordered = L.greater(orders, zero)
                for q in supplierStart[i]..<supplierStart[i + 1] {
                    let e = supplierEdges[q]
                    let amount = L.select(ordered, p * (approvedOrder[e] / orders), zero)
                    let b = edgeBuyer[e]
                    received[b] += amount
                    let shipping = L.greater(amount, zero)
                    if !L.anyTrue(shipping) { continue }
                    if !recordProbes {
                        // The exempt part clears today; the licensed part after the approval delay.
                        // Lane by lane this is `ship(now, lag: lead)` then `ship(later, lag: lead + wait)`
                        // (the loop below); `now` has one lag in every lane, so it goes in as a whole.
                        let now = amount * exempt[e]
                        let later = amount - now
                        let lag = lead[e]
                        let sendNow = L.both(shipping, L.notEqual(now, zero))
                        if lag == 0 {
                            inventory[b] = L.select(sendNow, inventory[b] + now, inventory[b])
                        } else {
                            var slot = cursor[b] + lag
                            if slot >= ring[b] { slot -= ring[b] }
                            let at = pipeOffset[b] + slot
                            pipeline[at] = L.select(sendNow, pipeline[at] + now, pipeline[at])
                            inTransit[b] = L.select(sendNow, inTransit[b] + now, inTransit[b])
                        }
                        let sendLater = L.both(shipping, L.notEqual(later, zero))
                        if L.anyTrue(sendLater) {
                            // The approval delay differs between lanes: one ring slot per lane.
                            let wait = delay[e]
                            if lag > 0 {
                                let start = pipeOffset[b], size = ring[b], today = cursor[b]
                                for l in 0..<L.width where L.lane(sendLater, l) {
                                    var slot = today + lag + Int(wait[l])
                                    if slot >= size { slot -= size }
                                    pipeline[start + slot][l] += later[l]
                                }
                                inTransit[b] = L.select(sendLater, inTransit[b] + later, inTransit[b])
                            } else {
                                for l in 0..<L.width where L.lane(sendLater, l) {
                                    ship(later[l], to: b, lag: Int(wait[l]), lane: l)
                                }
                            }
                        }
                        continue
                    }
                    for l in 0..<L.width where amount[l] > 0 {
                        // The exempt part clears today; the licensed part after the approval delay.
                        let now = amount[l] * exempt[e][l]
                        let later = amount[l] - now
                        let wait = Int(delay[e][l])
                        ship(now, to: b, lag: lead[e], lane: l)
                        ship(later, to: b, lag: lead[e] + wait, lane: l)
                        if recordProbes {
                            // Exports count when they clear customs: at shipment, or after approval.
                            for r in edgeProbeStart[e]..<edgeProbeStart[e + 1] {
                                let base = edgeProbes[r] * probeRingSize
                                probeRing[base + t % probeRingSize][l] += now
                                probeRing[base + (t + wait) % probeRingSize][l] += later
                            }
                        }
                    }
                }
            }
            // 5. Substitution state.
            let tolerance = L(repeating: 1 - 1e-9)
            for j in 0..<n where !isMine[j] {
                let want = requested[j], got = received[j]
                let step = subStep[j]
                let short = L.both(L.greater(want, zero), L.less(got, want * tolerance))
                let days = L.select(short, shortDays[j] + one, zero)
                shortDays[j] = days
                let up = L.both(short, L.greater(days, L(repeating: Double(subDelay[j]))))
                var next = L.select(short, subShare[j], L.maximum(zero, subShare[j] - step))
                next = L.select(up, L.minimum(subLimit[j], subShare[j] + step), next)
                subShare[j] = next
            }
            // Outputs.
            for q in 0..<g { groupToday[q] = zero }
            for q in 0..<c.endUseNodes.count {
                let sf = shortfall[endNodes[q]]
                let short = L.greater(sf, zero)
                if !L.anyTrue(short) { continue }
                for r in memberStart[q]..<memberStart[q + 1] {
                    groupToday[members[r]] = L.select(short, groupToday[members[r]] + sf, groupToday[members[r]])
                }
            }
            let nextDay = L(repeating: Double(t + 1))
            for q in 0..<g {
                let sf = groupToday[q]
                cumulative[q] += sf
                let hit = L.greater(sf, groupThreshold[q])
                if L.anyTrue(hit) {
                    firstDay[q] = L.select(L.both(hit, L.less(firstDay[q], zero)), day, firstDay[q])
                    recovery[q] = L.select(hit, nextDay, recovery[q])
                }
            }
            if let daily {
                for l in 0..<lanesUsed {
                    let base = daily + l * perLaneDaily
                    for r in 0..<dailyCount { base[r * h + t] = Float(groupToday[dailyGroups[r]][l]) }
                    for p in 0..<probeCount {
                        base[(dailyCount + p) * h + t] = Float(probeRing[p * probeRingSize + t % probeRingSize][l])
                    }
                }
                for p in 0..<probeCount { probeRing[p * probeRingSize + t % probeRingSize] = zero }
            }
            if let balance {
                for l in 0..<lanesUsed {
                    var stocksAfter = 0.0, minimum = Double.infinity
                    for i in 0..<n {
                        stocksAfter += inventory[i][l] + inTransit[i][l]
                        minimum = min(minimum, inventory[i][l])
                    }
                    balance(l, MassBalanceDay(
                        day: t, stocksBeforeTonnes: stocksBefore[l], producedTonnes: produced[l],
                        consumedInputTonnes: consumed[l], deliveredToDemandTonnes: delivered[l],
                        releasedTonnes: released[l], stocksAfterTonnes: stocksAfter, minimumInventoryTonnes: minimum))
                }
            }
        }
        for l in 0..<lanesUsed {
            for q in 0..<g {
                cumulativeTonnes[l * g + q] = cumulative[q][l]
                firstStockOutDay[l * g + q] = Int32(firstDay[q][l])
                // A group still short on the last day has not recovered within the horizon.
                recoveryDay[l * g + q] = Int32(min(recovery[q][l], Double(h)))
            }
        }
    }
}
