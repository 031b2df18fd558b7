import Foundation
public import MonaziteCore

/// Which log change a score is about.
public enum ChangeMeasure: String, Sendable, Codable, CaseIterable {
    /// Month on month: `ln(yₜ / yₜ₋₁)`.
    case mom
    /// Year on year: `ln(yₜ / yₜ₋₁₂)`, which removes a stable seasonal pattern.
    case yoy

    /// How many months back the base is.
    public var lag: Int { self == .mom ? 1 : 12 }
}

/// The robust z-score of one month's log change against the series' baseline.
public struct ChangeScore: Sendable, Hashable {
    public let month: Month
    public let measure: ChangeMeasure
    /// `ln(yₜ / y_base)`.
    public let logChange: Double
    /// The baseline the change is compared with: the median log change of the same calendar month in
    /// other years when enough years exist (`isSeasonal`), else the median of all log changes.
    public let center: Double
    public let isSeasonal: Bool
    /// `1.4826 · MAD` of the residuals (log change − center) over the series.
    public let scale: Double
    /// `(logChange − center) / scale`.
    public let z: Double

    /// The change as a percent, `100 · (e^logChange − 1)`.
    public var changePct: Double { 100 * (exp(logChange) - 1) }
}

/// A month (and measure) that detection could not score, and why.
public struct SkippedChange: Sendable, Hashable, CustomStringConvertible {
    public let month: Month
    public let measure: ChangeMeasure?
    public let reason: String

    public var description: String { "\(month)\(measure.map { " " + $0.rawValue } ?? ""): \(reason)" }
}
