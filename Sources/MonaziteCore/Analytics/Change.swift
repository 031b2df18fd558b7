/// Percent changes and the bases they imply.
public enum Change {
    /// Percent change from `base` to `current`: `(current / base − 1) × 100`.
    ///
    /// Unavailable when either figure is missing or the base is zero or negative;
    /// `baseLabel` names the base period in the reason.
    public static func percent(from base: Double?, to current: Double?, baseLabel: String, currentLabel: String = "this period")
        -> Computed
    {
        guard let current else { return .unavailable("no figure for \(currentLabel)") }
        guard let base else { return .unavailable("no figure for \(baseLabel)") }
        guard base > 0 else { return .unavailable("base \(baseLabel) is \(base == 0 ? "zero" : "negative")") }
        return .checked((current / base - 1) * 100, otherwise: "not a finite change")
    }

    /// The base implied by a figure and its reported percent change:
    /// `base = current / (1 + pct / 100)`. June 2025 US-bound magnets, 353 t at +660% MoM,
    /// imply May ≈ 46.4 t.
    public static func impliedBase(current: Double, changePct: Double) -> Computed {
        let factor = 1 + changePct / 100
        guard factor > 0 else { return .unavailable("a change of \(changePct)% leaves no positive base") }
        return .checked(current / factor, otherwise: "not a finite base")
    }

    /// The interval of percent changes consistent with inputs known only to their published
    /// rounding: `current ± currentHalfStep`, `base ± baseHalfStep`. Used to check a published
    /// change against published levels (3,188 t over 1,238.47 t is +157.41%, but 3,188 could be
    /// anything up to 3,188.5, so a published +157.5% is consistent).
    public static func percentInterval(
        current: Double, currentHalfStep: Double, base: Double, baseHalfStep: Double
    ) -> ClosedRange<Double>? {
        let lowBase = base + baseHalfStep
        let highBase = base - baseHalfStep
        guard highBase > 0 else { return nil }
        let low = ((current - currentHalfStep) / lowBase - 1) * 100
        let high = ((current + currentHalfStep) / highBase - 1) * 100
        guard low.isFinite, high.isFinite, low <= high else { return nil }
        return low...high
    }

    /// Half of the last digit's step in a number as published: 3188 → 0.5, 1238.47 → 0.005.
    public static func halfStep(ofDecimalPlaces places: Int) -> Double {
        var step = 0.5
        for _ in 0..<max(0, places) { step /= 10 }
        return step
    }
}
