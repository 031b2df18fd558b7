/// Market concentration of a set of shares: HHI, concentration ratios, N-1 residual supply.
public struct Concentration: Sendable, Hashable {
    /// Herfindahl–Hirschman index, `Σ (100·sᵢ)²`, 0…10,000, over the named participants.
    public let hhi: Double
    /// The HHI if everything not covered by named participants were one more participant:
    /// `hhi + (100·(1 − coverage))²`. Equal to ``hhi`` when coverage is complete.
    public let hhiUpperBound: Double
    /// The band, only when the lower and upper bounds fall in the same one: with a large share
    /// not broken down, a lower bound alone says nothing about concentration.
    public let band: HHIBand?
    /// The bands of the lower bound (``hhi``) and of the upper bound (``hhiUpperBound``).
    public let bandLower: HHIBand
    public let bandUpper: HHIBand
    /// Largest named share, 0…1 (CR1), and the sum of the three largest named (CR3).
    public let cr1: Double
    public let cr3: Double
    /// CR1 if the part not broken down were one participant: `max(cr1, 1 − coverage)`.
    public let cr1UpperBound: Double
    /// The share left if the largest participant drops out: `1 − s_max` (N-1 residual supply), with
    /// `s_max` the largest named share. With incomplete coverage it is an upper bound, and
    /// ``nMinus1ResidualLowerBound`` `= 1 − cr1UpperBound` the lower one.
    public let nMinus1Residual: Double
    public let nMinus1ResidualLowerBound: Double
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
        let lower = HHIBand(hhi: hhi, guidelines: guidelines)
        let upper = HHIBand(hhi: hhi + rest * rest, guidelines: guidelines)
        self.bandLower = lower
        self.bandUpper = upper
        self.band = lower == upper ? lower : nil
        self.cr1 = sorted.first ?? 0
        self.cr3 = sorted.prefix(3).reduce(0, +)
        self.cr1UpperBound = max(sorted.first ?? 0, rest / 100)
        self.nMinus1Residual = 1 - (sorted.first ?? 0)
        self.nMinus1ResidualLowerBound = 1 - max(sorted.first ?? 0, rest / 100)
        self.coverage = coverage
    }

    /// The band in words: one band, or the range between the bounds' bands and why.
    public var bandText: String {
        if let band { return band.rawValue }
        return "between \(bandLower.rawValue) and \(bandUpper.rawValue): named partners cover "
            + "\(Int((coverage * 100).rounded()))%, so the HHI lies between \(Int(hhi.rounded())) and \(Int(hhiUpperBound.rounded()))"
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
