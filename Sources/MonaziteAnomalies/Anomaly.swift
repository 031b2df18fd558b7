public import MonaziteCore

/// Up or down.
public enum AnomalyDirection: String, Sendable, Codable, CaseIterable {
    /// An unusually large rise.
    case surge
    /// An unusually large fall.
    case collapse
}

/// The method that found an anomaly.
public enum AnomalyMethod: String, Sendable, Codable, CaseIterable {
    /// Robust z-score of the log month-on-month change.
    case mom
    /// Robust z-score of the log year-on-year change.
    case yoy
    /// Start of a new segment in the PELT segmentation of log levels.
    case changePoint = "change_point"
    /// A fall to zero or a rise from zero, where log changes are undefined.
    case zero
}

/// One piece of evidence that a month is anomalous.
public struct AnomalySignal: Sendable, Hashable {
    public let method: AnomalyMethod
    /// z for `mom`/`yoy`; the shift in units of σ̂ for `changePoint`; nil for `zero`.
    public let statistic: Double?
    /// A sentence a reader can check: "log MoM −0.759 (−53.2%), z = −5.8 against median +0.007, scale 0.130".
    public let text: String

    public init(method: AnomalyMethod, statistic: Double?, text: String) {
        self.method = method
        self.statistic = statistic
        self.text = text
    }
}

/// A month whose value broke from its baseline, with every signal that says so.
public struct Anomaly: Sendable, Hashable {
    public let month: Month
    public let direction: AnomalyDirection
    /// The month's value, in the series' unit.
    public let value: Double?
    public var signals: [AnomalySignal]

    public init(month: Month, direction: AnomalyDirection, value: Double?, signals: [AnomalySignal]) {
        self.month = month
        self.direction = direction
        self.value = value
        self.signals = signals
    }

    /// The largest |statistic| among the signals (0 when none has one): a rough strength for sorting.
    public var strength: Double { signals.compactMap(\.statistic).map(abs).max() ?? 0 }
    public var methods: [AnomalyMethod] { signals.map(\.method) }
}
