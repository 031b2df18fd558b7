import Foundation

extension Distribution {
    /// Density at `x` up to a constant factor (the same for every `x`): what ABC-SMC weights need.
    /// Zero outside the support; `fixed` has no density (it is not fitted).
    public func relativeDensity(_ x: Double) -> Double {
        guard bounds.contains(x) else { return 0 }
        switch self {
        case .fixed: return 0
        case .uniform: return 1
        case .triangular(let a, let m, let b):
            if x < m { return m > a ? (x - a) / (m - a) : 1 }
            return b > m ? (b - x) / (b - m) : 1
        case .truncatedNormal(let mu, let sd, _, _):
            let z = (x - mu) / sd
            return exp(-0.5 * z * z)
        }
    }

    /// True for distributions calibration can fit (everything but `fixed`).
    public var isFittable: Bool {
        if case .fixed = self { false } else { true }
    }
}
