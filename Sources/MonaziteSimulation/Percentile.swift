/// Percentiles by linear interpolation between order statistics (Hyndman & Fan type 7, the
/// default of NumPy and R): for sorted `x[0…n−1]`, `P(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])`, `h = (n − 1)p`.
public enum Percentile {
    /// `p` in 0…1 of already sorted values; nil for an empty array.
    public static func of(sorted values: [Double], _ p: Double) -> Double? {
        guard let last = values.last else { return nil }
        let position = Double(values.count - 1) * min(max(p, 0), 1)
        let lower = Int(position.rounded(.down))
        if lower >= values.count - 1 { return last }
        let fraction = position - Double(lower)
        return values[lower] + fraction * (values[lower + 1] - values[lower])
    }
}
