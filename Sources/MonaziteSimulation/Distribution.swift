public import MonaziteCore
import Foundation

/// A probability distribution for an uncertain scenario input.
public enum Distribution: Sendable, Hashable, CustomStringConvertible {
    case fixed(Double)
    case uniform(min: Double, max: Double)
    /// Triangular on `min…max` with its peak at `mode`.
    case triangular(min: Double, mode: Double, max: Double)
    /// Normal with `mean` and `standardDeviation`, truncated to `min…max` by rejection.
    case truncatedNormal(mean: Double, standardDeviation: Double, min: Double, max: Double)

    /// Checks the parameters; returns a reason when they are unusable.
    public var problem: String? {
        switch self {
        case .fixed(let v): return v.isFinite ? nil : "value must be finite"
        case .uniform(let a, let b):
            return a.isFinite && b.isFinite && a <= b ? nil : "needs finite min <= max (got \(a), \(b))"
        case .triangular(let a, let m, let b):
            return a.isFinite && b.isFinite && m.isFinite && a <= m && m <= b && a < b
                ? nil : "needs min <= mode <= max and min < max (got \(a), \(m), \(b))"
        case .truncatedNormal(let mu, let sd, let a, let b):
            guard mu.isFinite, sd.isFinite, a.isFinite, b.isFinite else { return "parameters must be finite" }
            if sd <= 0 { return "standard deviation must be > 0 (got \(sd))" }
            if a >= b { return "needs min < max (got \(a), \(b))" }
            if mu < a - 6 * sd || mu > b + 6 * sd { return "mean \(mu) is too far outside min…max to sample" }
            return nil
        }
    }

    /// The lowest and highest value a draw can take.
    public var bounds: ClosedRange<Double> {
        switch self {
        case .fixed(let v): v...v
        case .uniform(let a, let b): a...b
        case .triangular(let a, _, let b): a...b
        case .truncatedNormal(_, _, let a, let b): a...b
        }
    }

    /// Draws one value. Uses inverse-CDF sampling for uniform and triangular, Box–Muller with
    /// rejection (at most 64 tries, then the clamped mean) for the truncated normal.
    public func sample(_ rng: inout SplitMix64) -> Double {
        switch self {
        case .fixed(let v):
            return v
        case .uniform(let a, let b):
            return a + (b - a) * rng.nextUnit()
        case .triangular(let a, let m, let b):
            let u = rng.nextUnit()
            let cut = (m - a) / (b - a)
            if u < cut { return a + ((b - a) * (m - a) * u).squareRoot() }
            return b - ((b - a) * (b - m) * (1 - u)).squareRoot()
        case .truncatedNormal(let mu, let sd, let a, let b):
            for _ in 0..<64 {
                let u1 = max(rng.nextUnit(), 1e-300)
                let u2 = rng.nextUnit()
                let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
                let x = mu + sd * z
                if x >= a && x <= b { return x }
            }
            return Swift.min(Swift.max(mu, a), b)
        }
    }

    public var description: String {
        switch self {
        case .fixed(let v): "fixed(\(v))"
        case .uniform(let a, let b): "uniform(\(a), \(b))"
        case .triangular(let a, let m, let b): "triangular(\(a), \(m), \(b))"
        case .truncatedNormal(let mu, let sd, let a, let b): "normal(\(mu), \(sd)) truncated to \(a)…\(b)"
        }
    }
}
