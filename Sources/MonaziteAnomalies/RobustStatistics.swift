/// Median and median absolute deviation: location and spread that a few extreme months cannot drag.
public enum RobustStatistics {
    /// The factor that makes the MAD a consistent estimator of the standard deviation under a
    /// normal distribution: 1 / Φ⁻¹(3/4) ≈ 1.4826 (Rousseeuw & Croux 1993).
    public static let madScale = 1.4826

    /// The median of `values`; nil when empty. The mean of the two middle values for an even count.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// `madScale · median(|xᵢ − median(x)|)`; nil when empty.
    public static func scaledMAD(_ values: [Double]) -> Double? {
        guard let center = median(values) else { return nil }
        return median(values.map { abs($0 - center) }).map { $0 * madScale }
    }
}
