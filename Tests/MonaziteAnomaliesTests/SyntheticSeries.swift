import Foundation
import MonaziteAnomalies
import MonaziteCore

/// Synthetic test series (not real data): a level with a small deterministic wobble, plus the
/// breaks each test labels.
enum SyntheticSeries {
    static func month(_ year: Int, _ month: Int) -> Month { Month(index: year * 12 + month - 1) }

    /// `count` months from January `startYear`, value `level(i) · (1 + 0.04 · sin(1.7 i))`.
    static func make(startYear: Int = 2020, count: Int, level: (Int) -> Double) -> [(Month, Double?)] {
        (0..<count).map { i in
            (Month(index: startYear * 12 + i), level(i) * (1 + 0.04 * sin(1.7 * Double(i))))
        }
    }
}
