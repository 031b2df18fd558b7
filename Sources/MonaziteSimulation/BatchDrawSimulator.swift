/// Runs four Monte Carlo draws at once, one per SIMD lane: the same daily step as
/// ``DrawSimulator``, operation for operation, so each lane's results equal the scalar
/// simulator's bit for bit (a test checks this). The index loads and loop overhead of the
/// network walk are shared by the four draws.
///
/// Records summary outcomes only; daily series and mass-balance traces use ``DrawSimulator``.
/// One per worker; not `Sendable`.
public final class BatchDrawSimulator {
    public typealias Lanes = SIMD4<Double>
    public static let width = 4

    public let compiled: CompiledScenario
    let scalar: DrawSimulator
    let n: Int, m: Int, h: Int, g: Int, shockCount: Int

    // Per-lane draw inputs.
    let inventoryDays: UnsafeMutablePointer<Lanes>
    let subLimit: UnsafeMutablePointer<Lanes>
    let subRamp: UnsafeMutablePointer<Lanes>
    let shockStart: UnsafeMutablePointer<Lanes>
    let shockEnd: UnsafeMutablePointer<Lanes>
    let shockApproved: UnsafeMutablePointer<Lanes>
    let shockDelay: UnsafeMutablePointer<SIMD4<Int>>
    let shockMagnitude: UnsafeMutablePointer<Lanes>
    /// Values drawn for the uncertain inputs: `lane * count + k`.
    public private(set) var drawnValues: [Double]

    // State.
    let inventory, inTransit, ordersIn, capacityFactor, demandFactor, release, spare, subShare, shortDays, target,
        shortfall, requested, received: UnsafeMutablePointer<Lanes>
    let approved, approvedOrder: UnsafeMutablePointer<Lanes>
    let delay: UnsafeMutablePointer<SIMD4<Int>>
    let pipeline: UnsafeMutablePointer<Lanes>
    let cursor: UnsafeMutablePointer<Int>
    let groupToday, groupThreshold, cumulative, firstDay, recovery: UnsafeMutablePointer<Lanes>

    public init(_ compiled: CompiledScenario) {
        self.compiled = compiled
        scalar = DrawSimulator(compiled)
        n = compiled.network.nodeCount
        m = compiled.network.edgeCount
        h = compiled.horizonDays
        g = compiled.groups.count
        shockCount = compiled.shockKind.count
        func lanes(_ count: Int) -> UnsafeMutablePointer<Lanes> {
            let p = UnsafeMutablePointer<Lanes>.allocate(capacity: max(count, 1))
            p.initialize(repeating: .zero, count: max(count, 1))
            return p
        }
        func intLanes(_ count: Int) -> UnsafeMutablePointer<SIMD4<Int>> {
            let p = UnsafeMutablePointer<SIMD4<Int>>.allocate(capacity: max(count, 1))
            p.initialize(repeating: .zero, count: max(count, 1))
            return p
        }
        inventoryDays = lanes(n); subLimit = lanes(n); subRamp = lanes(n)
        shockStart = lanes(shockCount); shockEnd = lanes(shockCount); shockApproved = lanes(shockCount)
        shockDelay = intLanes(shockCount); shockMagnitude = lanes(shockCount)
        drawnValues = Array(repeating: 0, count: Self.width * compiled.uncertainTargets.count)
        inventory = lanes(n); inTransit = lanes(n); ordersIn = lanes(n); capacityFactor = lanes(n)
        demandFactor = lanes(n); release = lanes(n); spare = lanes(n); subShare = lanes(n); shortDays = lanes(n)
        target = lanes(n); shortfall = lanes(n); requested = lanes(n); received = lanes(n)
        approved = lanes(m); approvedOrder = lanes(m); delay = intLanes(m)
        pipeline = lanes(compiled.pipelineLength)
        cursor = UnsafeMutablePointer<Int>.allocate(capacity: max(n, 1))
        cursor.initialize(repeating: 0, count: max(n, 1))
        groupToday = lanes(g); groupThreshold = lanes(g); cumulative = lanes(g); firstDay = lanes(g); recovery = lanes(g)
        for k in 0..<g { groupThreshold[k] = Lanes(repeating: 1e-9 * compiled.groups[k].baselineDemandTonnesPerDay + 1e-12) }
    }

    deinit {
        for p in [inventoryDays, subLimit, subRamp, shockStart, shockEnd, shockApproved, shockMagnitude, inventory,
                  inTransit, ordersIn, capacityFactor, demandFactor, release, spare, subShare, shortDays, target,
                  shortfall, requested, received, approved, approvedOrder, pipeline, groupToday, groupThreshold,
                  cumulative, firstDay, recovery] {
            p.deallocate()
        }
        shockDelay.deallocate()
        delay.deallocate()
        cursor.deallocate()
    }

    /// Samples lane `l`'s inputs as draw `drawIndex` (same stream and order as ``DrawSimulator``).
    public func prepare(lane l: Int, seed: UInt64, drawIndex: Int, sample: Bool = true) {
        scalar.prepare(seed: seed, drawIndex: drawIndex, sample: sample)
        for i in 0..<n {
            inventoryDays[i][l] = scalar.inventoryDays[i]
            subLimit[i][l] = scalar.subLimit[i]
            subRamp[i][l] = scalar.subRamp[i]
        }
        for s in 0..<shockCount {
            shockStart[s][l] = Double(scalar.shockStart[s])
            shockEnd[s][l] = Double(scalar.shockEnd[s])
            shockApproved[s][l] = scalar.shockApproved[s]
            shockDelay[s][l] = scalar.shockDelay[s]
            shockMagnitude[s][l] = scalar.shockMagnitude[s]
        }
        let u = compiled.uncertainTargets.count
        for k in 0..<u { drawnValues[l * u + k] = sample ? scalar.drawnValues[k] : 0 }
    }

    /// Runs the four prepared lanes; writes lane `l`'s outcome for group `q` to index
    /// `l * groups.count + q` of each output (`lanesUsed` lanes only).
    public func run(
        lanesUsed: Int, cumulativeTonnes: UnsafeMutablePointer<Double>, firstStockOutDay: UnsafeMutablePointer<Int32>,
        recoveryDay: UnsafeMutablePointer<Int32>
    ) {
        let c = compiled
        let net = c.network
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
        c.shockKind.withUnsafeBufferPointer { shockKind in
        c.endUseNodes.withUnsafeBufferPointer { endNodes in
        c.groupMemberStart.withUnsafeBufferPointer { memberStart in
        c.groupMembers.withUnsafeBufferPointer { members in
        net.edgeBaselineTonnesPerDay.withUnsafeBufferPointer { baseFlow in
        net.baselineInTransitTonnes.withUnsafeBufferPointer { basePipeline in
            let zero = Lanes.zero, one = Lanes(repeating: 1)
            for i in 0..<n {
                inventory[i] = inventoryDays[i] * baseInput[i]
                target[i] = inventory[i] + basePipeline[i]
                inTransit[i] = zero
                spare[i] = zero
                subShare[i] = zero
                shortDays[i] = zero
                capacityFactor[i] = one
                demandFactor[i] = one
                release[i] = zero
                received[i] = zero
                cursor[i] = 0
            }
            for k in 0..<c.pipelineLength { pipeline[k] = zero }
            for e in 0..<m {
                approved[e] = one
                delay[e] = .zero
            }
            for e in 0..<m where lead[e] > 0 && baseFlow[e] > 0 {
                for t in 0..<lead[e] { pipeline[pipeOffset[edgeBuyer[e]] + t] += Lanes(repeating: baseFlow[e]) }
                inTransit[edgeBuyer[e]] += Lanes(repeating: baseFlow[e] * Double(lead[e]))
            }
            for q in 0..<g {
                cumulative[q] = zero
                firstDay[q] = Lanes(repeating: -1)
                recovery[q] = Lanes(repeating: -1)
            }
            for t in 0..<h {
                let day = Lanes(repeating: Double(t))
                // 1. Shock factors.
                for s in 0..<shockCount {
                    let lo = targetStart[s], hi = targetStart[s + 1]
                    switch shockKind[s] {
                    case .licensing:
                        for k in lo..<hi {
                            approved[targets[k]] = one
                            delay[targets[k]] = .zero
                        }
                    case .outage: for k in lo..<hi { capacityFactor[targets[k]] = one }
                    case .demandChange: for k in lo..<hi { demandFactor[targets[k]] = one }
                    case .stockRelease: for k in lo..<hi { release[targets[k]] = zero }
                    }
                }
                for s in 0..<shockCount {
                    let active = (day .>= shockStart[s]) .& (day .< shockEnd[s])
                    if !any(active) { continue }
                    let lo = targetStart[s], hi = targetStart[s + 1]
                    switch shockKind[s] {
                    case .licensing:
                        var intActive = SIMDMask<SIMD4<Int>>()
                        for l in 0..<Self.width { intActive[l] = active[l] }
                        for k in lo..<hi {
                            let e = targets[k]
                            approved[e].replace(with: approved[e] * shockApproved[s], where: active)
                            delay[e].replace(with: pointwiseMax(delay[e], shockDelay[s]), where: intActive)
                        }
                    case .outage:
                        for k in lo..<hi {
                            let i = targets[k]
                            capacityFactor[i].replace(with: capacityFactor[i] * (one - shockMagnitude[s]), where: active)
                        }
                    case .demandChange:
                        for k in lo..<hi {
                            let i = targets[k]
                            demandFactor[i].replace(with: demandFactor[i] * shockMagnitude[s], where: active)
                        }
                    case .stockRelease:
                        for k in lo..<hi {
                            let i = targets[k]
                            release[i].replace(with: release[i] + shockMagnitude[s], where: active)
                        }
                    }
                }
                // 2. Arrivals and releases.
                for b in 0..<n {
                    if t > 0 {
                        let next = cursor[b] + 1
                        cursor[b] = next == ring[b] ? 0 : next
                    }
                    let slot = pipeOffset[b] + cursor[b]
                    let q = pipeline[slot]
                    if q != zero {
                        inventory[b] += q
                        inTransit[b] = pointwiseMax(zero, inTransit[b] - q)
                        pipeline[slot] = zero
                    }
                }
                for i in 0..<n {
                    inventory[i].replace(with: inventory[i] + release[i], where: release[i] .> zero)
                }
                // 3. Orders, downstream first.
                for i in 0..<n { ordersIn[i] = zero }
                var k = n
                while k > 0 {
                    k -= 1
                    let j = order[k]
                    if isMine[j] { continue }
                    let use: Lanes
                    if isEnd[j] {
                        use = demand[j] * demandFactor[j]
                    } else {
                        use = pointwiseMin(ordersIn[j], capacity[j] * capacityFactor[j]) / yield[j]
                    }
                    let total = pointwiseMax(zero, use + (target[j] - inventory[j] - inTransit[j]) / refill[j])
                    requested[j] = total
                    received[j] = zero
                    let lo = buyerStart[j], hi = buyerStart[j + 1]
                    let sub = subShare[j]
                    let substituting = sub .> zero
                    var spareWeight = zero
                    if any(substituting) {
                        for e in lo..<hi { spareWeight += spare[edgeSupplier[e]] * approved[e] }
                    }
                    let hasSpare = spareWeight .> zero
                    for e in lo..<hi {
                        var w = share[e] * (one - sub)
                        if any(substituting) {
                            var extra = sub * share[e]
                            extra.replace(with: sub * spare[edgeSupplier[e]] * approved[e] / spareWeight, where: hasSpare)
                            w.replace(with: w + extra, where: substituting)
                        }
                        let a = total * w * approved[e]
                        approvedOrder[e] = a
                        ordersIn[edgeSupplier[e]] += a
                    }
                }
                // 4. Production and consumption, upstream first.
                for k in 0..<n {
                    let i = order[k]
                    if isEnd[i] {
                        let d = demand[i] * demandFactor[i]
                        let got = pointwiseMin(d, inventory[i])
                        inventory[i] -= got
                        shortfall[i] = d - got
                        continue
                    }
                    let available = capacity[i] * capacityFactor[i]
                    var p: Lanes
                    if isMine[i] {
                        p = pointwiseMin(available, ordersIn[i])
                        spare[i] = available - p
                    } else {
                        let inputLimit = inventory[i] * yield[i]
                        p = pointwiseMin(pointwiseMin(available, inputLimit), ordersIn[i])
                        spare[i] = pointwiseMin(available, inputLimit) - p
                        let limited = p .>= inputLimit
                        var left = pointwiseMax(zero, inventory[i] - p / yield[i])
                        left.replace(with: zero, where: limited)
                        p.replace(with: inputLimit, where: limited)
                        inventory[i] = left
                    }
                    let orders = ordersIn[i]
                    let ordered = orders .> zero
                    for q in supplierStart[i]..<supplierStart[i + 1] {
                        let e = supplierEdges[q]
                        var amount = p * (approvedOrder[e] / orders)
                        amount.replace(with: zero, where: .!ordered)
                        let b = edgeBuyer[e]
                        received[b] += amount
                        if amount == zero { continue }
                        for l in 0..<Self.width where amount[l] > 0 {
                            let lag = lead[e] + delay[e][l]
                            if lag == 0 {
                                inventory[b][l] += amount[l]
                            } else {
                                var slot = cursor[b] + lag
                                if slot >= ring[b] { slot -= ring[b] }
                                pipeline[pipeOffset[b] + slot][l] += amount[l]
                                inTransit[b][l] += amount[l]
                            }
                        }
                    }
                }
                // 5. Substitution state.
                let tolerance = Lanes(repeating: 1 - 1e-9)
                for j in 0..<n where !isMine[j] {
                    let want = requested[j], got = received[j]
                    let step = subLimit[j] / subRamp[j]
                    let short = (want .> zero) .& (got .< want * tolerance)
                    var days = shortDays[j] + one
                    days.replace(with: zero, where: .!short)
                    shortDays[j] = days
                    let up = short .& (days .> Lanes(repeating: Double(subDelay[j])))
                    var next = pointwiseMax(zero, subShare[j] - step)
                    next.replace(with: subShare[j], where: short)
                    next.replace(with: pointwiseMin(subLimit[j], subShare[j] + step), where: up)
                    subShare[j] = next
                }
                // Outputs.
                for q in 0..<g { groupToday[q] = zero }
                for q in 0..<endNodes.count {
                    let sf = shortfall[endNodes[q]]
                    for r in memberStart[q]..<memberStart[q + 1] {
                        groupToday[members[r]].replace(with: groupToday[members[r]] + sf, where: sf .> zero)
                    }
                }
                let nextDay = Lanes(repeating: Double(t + 1))
                for q in 0..<g {
                    let sf = groupToday[q]
                    cumulative[q] += sf
                    let hit = sf .> groupThreshold[q]
                    if any(hit) {
                        firstDay[q].replace(with: day, where: hit .& (firstDay[q] .< zero))
                        recovery[q].replace(with: nextDay, where: hit)
                    }
                }
            }
            for l in 0..<lanesUsed {
                for q in 0..<g {
                    cumulativeTonnes[l * g + q] = cumulative[q][l]
                    firstStockOutDay[l * g + q] = Int32(firstDay[q][l])
                    recoveryDay[l * g + q] = Int32(recovery[q][l])
                }
            }
        }}}}}}}}}}}}}}}}}}}}}}}}}}
    }
}
