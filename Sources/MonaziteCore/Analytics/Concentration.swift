/// Market concentration of a set of shares: HHI, concentration ratios, N-1 residual supply.
public struct Concentration: Sendable, Hashable {
    /// Herfindahl–Hirschman index, `Σ (100·sᵢ)²`, 0…10,000, over the named participants.
    public let hhi: Double
    /// The HHI if everything not covered by named participants were one more participant:
    /// `hhi + (100·(1 − coverage))²`. Equal to ``hhi`` when coverage is complete.
    public let hhiUpperBound: Double
    public let band: HHIBand
    /// Largest share, 0…1 (CR1), and the sum of the three largest (CR3).
    public let cr1: Double
    public let cr3: Double
    /// The share left if the largest participant drops out: `1 − s_max` (N-1 residual supply).
    public let nMinus1Residual: Double
    /// Sum of named shares, 0…1. Below 1 the HHI is a lower bound.
    public let coverage: Double

    /// Computes from shares in 0…1. Shares of aggregates (world, groups, residuals) must be
    /// left out by the caller; a residual shows up as coverage below 1.
    public init(shares: [Double], guidelines: HHIBand.Guidelines = .doj2023) {
        let sorted = shares.filter { $0 > 0 }.sorted(by: >)
        let hhi = sorted.reduce(0) { $0 + ($1 * 100) * ($1 * 100) }
        let coverage = min(1, sorted.reduce(0, +))
        let rest = max(0, 1 - coverage) * 100
        self.hhi = hhi
        self.hhiUpperBound = hhi + rest * rest
        self.band = HHIBand(hhi: hhi, guidelines: guidelines)
        self.cr1 = sorted.first ?? 0
        self.cr3 = sorted.prefix(3).reduce(0, +)
        self.nMinus1Residual = 1 - (sorted.first ?? 0)
        self.coverage = coverage
    }
}

/// The US Department of Justice / FTC bands for the HHI.
public enum HHIBand: String, Sendable, Codable {
    case unconcentrated
    case moderatelyConcentrated = "moderately concentrated"
    case highlyConcentrated = "highly concentrated"

    public enum Guidelines: String, Sendable, Codable, CaseIterable {
        /// 2023 Merger Guidelines: above 1,800 highly concentrated, 1,000–1,800 moderately.
        case doj2023
        /// 2010 Horizontal Merger Guidelines: above 2,500 highly, 1,500–2,500 moderately.
        case doj2010
    }

    public init(hhi: Double, guidelines: Guidelines = .doj2023) {
        let (moderate, high): (Double, Double) = guidelines == .doj2023 ? (1000, 1800) : (1500, 2500)
        if hhi > high {
            self = .highlyConcentrated
        } else if hhi >= moderate {
            self = .moderatelyConcentrated
        } else {
            self = .unconcentrated
        }
    }
}

/// One participant's share and rank in a total.
public struct ShareEntry: Sendable, Hashable {
    public let country: CountryCode
    public let tonnes: Double
    /// Share of the total, 0…1.
    public let share: Double
    /// 1 for the largest.
    public let rank: Int
    public let status: DataStatus
    public let provenance: Provenance
}

/// Partner shares and concentration for one reporter, commodity and period.
public struct PartnerBreakdown: Sendable {
    public let period: Period
    /// The total the shares are of: the reported world figure when there is one.
    public let totalTonnes: Double
    public let totalIsReportedWorld: Bool
    public let entries: [ShareEntry]
    public let concentration: Concentration
    public let notes: [String]

    /// Shares of the world total; aggregates (EU, rest of world) are listed apart, not counted.
    ///
    /// - Parameters:
    ///   - world: the reporter's world figure for the period, if published.
    ///   - partners: one observation per partner (any country kind).
    public init(period: Period, world: Observation?, partners: [Observation]) {
        var notes: [String] = []
        let countries = partners.filter { $0.key.partner.isCountry && $0.quantityTonnes != nil }
        let aggregates = partners.filter { !$0.key.partner.isCountry && $0.key.partner != .world }
        let named = countries.reduce(0) { $0 + ($1.quantityTonnes ?? 0) }
        let total: Double
        if let w = world?.quantityTonnes, w > 0 {
            total = w
            totalIsReportedWorld = true
        } else {
            total = named
            totalIsReportedWorld = false
            notes.append("no world total for \(period): shares are of the \(countries.count) partners listed")
        }
        let sorted = countries.sorted { ($0.quantityTonnes ?? 0) > ($1.quantityTonnes ?? 0) }
        entries = sorted.enumerated().map { i, o in
            ShareEntry(
                country: o.key.partner, tonnes: o.quantityTonnes ?? 0, share: total > 0 ? (o.quantityTonnes ?? 0) / total : 0,
                rank: i + 1, status: o.status, provenance: o.provenance)
        }
        concentration = Concentration(shares: entries.map(\.share))
        self.totalTonnes = total
        self.period = period
        if totalIsReportedWorld && concentration.coverage < 0.999 {
            let pct = (concentration.coverage * 100).rounded()
            notes.append(
                "named partners cover \(Int(pct))% of the world total: HHI \(Int(concentration.hhi.rounded())) is a lower bound; "
                    + "up to \(Int(concentration.hhiUpperBound.rounded())) if the rest were one partner")
        }
        for a in aggregates {
            notes.append("\(a.key.partner.name) (\(a.key.partner)) is a group, listed apart: \(a.quantityTonnes.map { "\($0) t" } ?? "no quantity")")
        }
        self.notes = notes
    }
}
