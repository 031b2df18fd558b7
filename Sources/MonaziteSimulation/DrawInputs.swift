import MonaziteCore
/// The inputs of one Monte Carlo draw: the scenario's values with its uncertain inputs sampled.
///
/// Reused across draws (``prepare(seed:drawIndex:sample:)`` overwrites every field), so
/// preparing a draw allocates nothing.
public struct DrawInputs: Sendable {
    public var inventoryDays: [Double]
    public var substitutionLimitShare: [Double]
    public var substitutionRampDays: [Double]
    public var shockStart: [Int]
    public var shockEnd: [Int]
    public var shockApprovedShare: [Double]
    public var shockDelayDays: [Int]
    public var shockMagnitude: [Double]
    public var shockExemptShare: [Double]
    /// The values drawn for the scenario's uncertain inputs, in declared order.
    public var drawnValues: [Double]

    public init(_ compiled: CompiledScenario) {
        let net = compiled.network
        inventoryDays = net.inventoryDays
        substitutionLimitShare = net.substitutionLimitShare
        substitutionRampDays = net.substitutionRampDays
        shockStart = compiled.shockStart
        shockEnd = compiled.shockEnd
        shockApprovedShare = compiled.shockApprovedShare
        shockDelayDays = compiled.shockDelayDays
        shockMagnitude = compiled.shockMagnitude
        shockExemptShare = compiled.shockExemptShare
        drawnValues = Array(repeating: 0, count: compiled.drawnValueCount)
    }

    /// Sets the baseline values, then each uncertain input in declared order drawn from the
    /// stream of `(seed, drawIndex)`. `sample: false` keeps the baseline values.
    public mutating func prepare(_ compiled: CompiledScenario, seed: UInt64, drawIndex: Int, sample: Bool = true) {
        let net = compiled.network
        for i in 0..<net.nodeCount {
            inventoryDays[i] = net.inventoryDays[i]
            substitutionLimitShare[i] = net.substitutionLimitShare[i]
            substitutionRampDays[i] = net.substitutionRampDays[i]
        }
        for s in compiled.shockStart.indices {
            shockStart[s] = compiled.shockStart[s]
            shockEnd[s] = compiled.shockEnd[s]
            shockApprovedShare[s] = compiled.shockApprovedShare[s]
            shockDelayDays[s] = compiled.shockDelayDays[s]
            shockMagnitude[s] = compiled.shockMagnitude[s]
            shockExemptShare[s] = compiled.shockExemptShare[s]
        }
        for k in drawnValues.indices { drawnValues[k] = 0 }
        guard sample else { return }
        var rng = SplitMix64(seed: seed, drawIndex: UInt64(drawIndex))
        for (k, target) in compiled.uncertainTargets.enumerated() {
            let v = compiled.uncertainDistributions[k].sample(&rng)
            drawnValues[k] = v
            apply(target, value: v, nodeCount: net.nodeCount)
        }
        let p = compiled.posteriorTargets.count
        if p > 0 {
            let row = Int(rng.next() % UInt64(compiled.posteriorRowCount))
            let u = compiled.uncertainTargets.count
            for k in 0..<p {
                let v = compiled.posteriorValues[row * p + k]
                drawnValues[u + k] = v
                apply(compiled.posteriorTargets[k], value: v, nodeCount: net.nodeCount)
            }
        }
    }

    /// Sets the baseline values, then the given values of the uncertain inputs (in declared
    /// order, one per uncertain input); the posterior, if any, is not applied. For calibration.
    public mutating func prepare(_ compiled: CompiledScenario, values: [Double]) {
        prepare(compiled, seed: 0, drawIndex: 0, sample: false)
        for (k, target) in compiled.uncertainTargets.enumerated() where k < values.count {
            drawnValues[k] = values[k]
            apply(target, value: values[k], nodeCount: compiled.network.nodeCount)
        }
    }

    mutating func apply(_ target: CompiledScenario.CompiledTarget, value v: Double, nodeCount n: Int) {
        switch target {
        case .duration(let s): shockEnd[s] = shockStart[s] + max(0, Int(v.rounded()))
        case .approvedShare(let s): shockApprovedShare[s] = min(max(v, 0), 1)
        case .approvalDelay(let s): shockDelayDays[s] = max(0, Int(v.rounded()))
        case .magnitude(let s): shockMagnitude[s] = max(v, 0)
        case .exemptShare(let s): shockExemptShare[s] = min(max(v, 0), 1)
        case .startDay(let s): shockStart[s] = max(0, Int(v.rounded()))
        case .inventoryDaysFactor: for i in 0..<n { inventoryDays[i] *= max(v, 0) }
        case .nodeInventoryDays(let i): inventoryDays[i] = max(v, 0)
        case .substitutionLimit: for i in 0..<n { substitutionLimitShare[i] = min(max(v, 0), 1) }
        case .substitutionRamp: for i in 0..<n { substitutionRampDays[i] = max(v, 1) }
        }
    }
}
