import MonaziteCore
import Foundation

/// What a calibration fits: the scenario's uncertain inputs (their distributions are the priors)
/// against observed spans, through the probes that measure them.
///
/// Distance between a simulation and the data: the root mean square over the observations of
/// `ln((simulated + 1 t) / (observed + 1 t))`, so a month's error counts by its ratio (a US
/// month of 46 t weighs as much as a world month of 1,238 t) and an empty month stays finite.
public struct CalibrationProblem: Sendable {
    /// The scenario cut to the last observed day (simulating further changes nothing).
    public let compiled: CompiledScenario
    public let flows: MonthlyFlows
    public let observations: [MonthlyObservation]
    /// Probe of each observation.
    public let probes: [Int]
    /// Indices (into the scenario's uncertain inputs) of the fitted ones: all but `fixed`.
    public let fitted: [Int]

    /// - Throws: ``SimulationError`` if no observation falls within the horizon.
    public init(
        scenario: SimulationScenario, probes flowProbes: [FlowProbe], startDate: CalendarDate,
        observations: [MonthlyObservation], probeIndex: [String: Int]
    ) throws(SimulationError) {
        let usable = observations.filter { probeIndex[$0.destination] != nil && startDate.days(to: $0.lastDay) >= 0 }
        guard let last = usable.map({ startDate.days(to: $0.lastDay) }).max(), last < scenario.horizonDays else {
            throw .invalidValue("calibration", reason: "no observed month between the start date and the horizon")
        }
        var cut = scenario
        cut.horizonDays = last + 1
        cut.posterior = nil
        compiled = try CompiledScenario(cut, probes: flowProbes)
        flows = MonthlyFlows(compiled: compiled, startDate: startDate)
        self.observations = usable
        probes = usable.compactMap { probeIndex[$0.destination] }
        fitted = scenario.uncertain.indices.filter { scenario.uncertain[$0].distribution.isFittable }
    }

    /// Distances of the given input vectors (one value per uncertain input, declared order),
    /// simulated four at a time on `simulator`.
    func distances(_ batch: [[Double]], simulator: LaneSimulator<SIMD4<Double>>) -> [Double] {
        let g = compiled.groups.count
        let h = compiled.horizonDays
        let series = compiled.dailyGroups.count + compiled.probes.count
        var cumulative = [Double](repeating: 0, count: 4 * g)
        var first = [Int32](repeating: 0, count: 4 * g), recovery = [Int32](repeating: 0, count: 4 * g)
        var daily = [Float](repeating: 0, count: 4 * series * h)
        var out: [Double] = []
        var k = 0
        while k < batch.count {
            let used = min(4, batch.count - k)
            for l in 0..<4 { simulator.prepare(lane: l, values: batch[k + min(l, used - 1)]) }
            cumulative.withUnsafeMutableBufferPointer { c in
            first.withUnsafeMutableBufferPointer { f in
            recovery.withUnsafeMutableBufferPointer { r in
            daily.withUnsafeMutableBufferPointer { d in
                guard let cb = c.baseAddress, let fb = f.baseAddress, let rb = r.baseAddress, let db = d.baseAddress else { return }
                simulator.run(lanesUsed: used, cumulativeTonnes: cb, firstStockOutDay: fb, recoveryDay: rb, daily: db)
                for l in 0..<used {
                    var sum = 0.0
                    for (o, observation) in observations.enumerated() {
                        let p = probes[o]
                        let simulated = flows.total(
                            observation, probe: p, daily: db + (l * series + compiled.dailyGroups.count + p) * h) ?? 0
                        let e = log((simulated + 1) / (observation.observedTonnes + 1))
                        sum += e * e
                    }
                    out.append((sum / Double(max(observations.count, 1))).squareRoot())
                }
            }}}}
            k += used
        }
        return out
    }
}

/// Settings of ``ABCSMC``.
public struct ABCSMCSettings: Sendable, Hashable {
    /// Accepted particles per generation.
    public var particles: Int = 400
    /// Generations after the prior one.
    public var generations: Int = 5
    /// Each tolerance is this quantile of the previous generation's accepted distances.
    public var quantile: Double = 0.5
    /// A generation stops (and the fit with it) after this many proposals per particle.
    public var maxProposalsPerParticle: Int = 40
    public var seed: UInt64 = 1

    public init(particles: Int = 400, generations: Int = 5, quantile: Double = 0.5, maxProposalsPerParticle: Int = 40, seed: UInt64 = 1) {
        self.particles = particles
        self.generations = generations
        self.quantile = quantile
        self.maxProposalsPerParticle = maxProposalsPerParticle
        self.seed = seed
    }
}

/// The result of ``ABCSMC/run(_:settings:workers:)``.
public struct ABCSMCResult: Sendable {
    /// Names of all uncertain inputs; `fitted` indexes the fitted ones.
    public var names: [String]
    public var fitted: [Int]
    /// Final population: full input vectors, normalised weights, distances.
    public var particles: [[Double]]
    public var weights: [Double]
    public var distances: [Double]
    /// Tolerance of each generation (the first, the prior's, is infinite).
    public var tolerances: [Double]
    public var acceptanceRates: [Double]
    public var simulations: Int

    /// `count` rows drawn from the weighted population by systematic resampling (deterministic
    /// given the seed), fitted inputs only, in `fitted` order.
    public func resample(_ count: Int, seed: UInt64) -> [[Double]] {
        var rng = SplitMix64(seed: seed, drawIndex: 0x5eed)
        let u0 = rng.nextUnit() / Double(count)
        var rows: [[Double]] = []
        var cumulative = 0.0, i = 0
        for r in 0..<count {
            let u = u0 + Double(r) / Double(count)
            while i < weights.count - 1 && cumulative + weights[i] < u {
                cumulative += weights[i]
                i += 1
            }
            rows.append(fitted.map { particles[i][$0] })
        }
        return rows
    }
}

/// Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009, J. R. Soc.
/// Interface 6:187; weights and kernel as in Beaumont et al. 2009, Biometrika 96:983).
///
/// Generation 0 samples the priors and keeps every particle. Generation t ≥ 1 sets its
/// tolerance εₜ to the `quantile` of generation t−1's distances, then proposes by picking a
/// particle of t−1 by weight and moving each fitted input by a normal step with twice the
/// weighted variance of that input in t−1 (a move outside the prior's support is drawn again, so
/// the kernel is a normal truncated to the support, and the weights divide by each old
/// particle's kernel mass inside the support); a proposal is accepted when its distance is ≤ εₜ. A new particle's weight
/// is `π(θ) / Σⱼ wⱼ K(θ | θⱼ)`. Proposals are numbered and accepted in number order, each with
/// its own random stream from (seed, generation, number), and simulated in parallel batches, so
/// the result depends only on the seed and settings, never on the number of workers.
public enum ABCSMC {
    public static func run(_ problem: CalibrationProblem, settings: ABCSMCSettings, workers: Int? = nil) async -> ABCSMCResult {
        let priors = problem.compiled.scenario.uncertain.map(\.distribution)
        let fitted = problem.fitted
        let n = settings.particles
        let workerCount = max(1, workers ?? MonteCarloRunner.defaultWorkers())
        let batchSize = max(64, workerCount * 64)
        var simulations = 0

        func stream(_ generation: Int, _ number: Int) -> SplitMix64 {
            SplitMix64(seed: settings.seed &+ UInt64(generation) &* 0x9E37_79B9_7F4A_7C15, drawIndex: UInt64(number))
        }
        func simulate(_ batch: [[Double]]) async -> [Double] {
            simulations += batch.count
            let bounds = (0...workerCount).map { $0 * batch.count / workerCount }
            return await withTaskGroup(of: (Int, [Double]).self) { group in
                for w in 0..<workerCount where bounds[w] < bounds[w + 1] {
                    let slice = Array(batch[bounds[w]..<bounds[w + 1]])
                    group.addTask { (w, problem.distances(slice, simulator: LaneSimulator<SIMD4<Double>>(problem.compiled))) }
                }
                var parts = [[Double]](repeating: [], count: workerCount)
                for await (w, d) in group { parts[w] = d }
                return parts.flatMap { $0 }
            }
        }

        // Generation 0: the priors.
        var particles: [[Double]] = (0..<n).map { i in
            var rng = stream(0, i)
            return priors.map { $0.sample(&rng) }
        }
        var distances = await simulate(particles)
        var weights = [Double](repeating: 1 / Double(n), count: n)
        var tolerances = [Double.infinity]
        var rates = [1.0]

        for generation in 1...max(settings.generations, 1) where settings.generations > 0 {
            let epsilon = quantile(distances, settings.quantile)
            // Kernel: twice the weighted variance of each fitted input.
            let scale = fitted.map { k -> Double in
                let mean = zip(particles, weights).reduce(0.0) { $0 + $1.0[k] * $1.1 }
                let variance = zip(particles, weights).reduce(0.0) { $0 + $1.1 * ($1.0[k] - mean) * ($1.0[k] - mean) }
                return max((2 * variance).squareRoot(), 1e-9)
            }
            let cumulative = weights.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1) }
            var accepted: [[Double]] = [], acceptedDistances: [Double] = []
            var number = 0
            let limit = n * settings.maxProposalsPerParticle
            while accepted.count < n && number < limit {
                var batch: [[Double]] = []
                while batch.count < batchSize && number < limit {
                    var rng = stream(generation, number)
                    number += 1
                    let u = rng.nextUnit() * (cumulative.last ?? 1)
                    let parent = cumulative.firstIndex { $0 >= u } ?? (n - 1)
                    // Move each fitted input, drawing again (from the same stream) while outside its prior.
                    var theta = particles[parent]
                    for (f, k) in fitted.enumerated() {
                        var moved = theta[k] + scale[f] * normal(&rng)
                        var tries = 1
                        while priors[k].relativeDensity(moved) <= 0 && tries < 1000 {
                            moved = theta[k] + scale[f] * normal(&rng)
                            tries += 1
                        }
                        theta[k] = priors[k].relativeDensity(moved) > 0 ? moved : theta[k]
                    }
                    batch.append(theta)
                }
                let d = await simulate(batch)
                for (theta, distance) in zip(batch, d) where distance <= epsilon && accepted.count < n {
                    accepted.append(theta)
                    acceptedDistances.append(distance)
                }
            }
            if accepted.count < n { break }  // tolerance too tight for the budget: keep the last generation
            // Weights: prior density over the (truncated) kernel mixture of the previous generation.
            let mass = particles.map { old in
                fitted.enumerated().map { f, k in
                    let support = priors[k].bounds
                    let upper = 0.5 * erfc(-(support.upperBound - old[k]) / (scale[f] * 2.0.squareRoot()))
                    let lower = 0.5 * erfc(-(support.lowerBound - old[k]) / (scale[f] * 2.0.squareRoot()))
                    return max(upper - lower, 1e-12)
                }
            }
            var newWeights = accepted.map { theta -> Double in
                let prior = fitted.reduce(1.0) { $0 * priors[$1].relativeDensity(theta[$1]) }
                var mixture = 0.0
                for (j, old) in particles.enumerated() {
                    var kernel = 1.0
                    for (f, k) in fitted.enumerated() {
                        let z = (theta[k] - old[k]) / scale[f]
                        kernel *= exp(-0.5 * z * z) / mass[j][f]
                    }
                    mixture += weights[j] * kernel
                }
                return mixture > 0 ? prior / mixture : 0
            }
            let total = newWeights.reduce(0, +)
            if total > 0 { newWeights = newWeights.map { $0 / total } } else { newWeights = accepted.map { _ in 1 / Double(n) } }
            particles = accepted
            distances = acceptedDistances
            weights = newWeights
            tolerances.append(epsilon)
            rates.append(Double(n) / Double(number))
        }
        return ABCSMCResult(
            names: problem.compiled.scenario.uncertain.map { $0.target.description }, fitted: fitted, particles: particles,
            weights: weights, distances: distances, tolerances: tolerances, acceptanceRates: rates, simulations: simulations)
    }

    /// Standard normal by Box–Muller.
    static func normal(_ rng: inout SplitMix64) -> Double {
        let u1 = max(rng.nextUnit(), 1e-300), u2 = rng.nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Unweighted quantile (type 7) of the distances.
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        Percentile.of(sorted: values.sorted(), q) ?? .infinity
    }
}
