import Foundation
import MonaziteCore
import MonazitePipeline

/// The briefing's pipeline outlook: non-China sintered NdFeB capacity in the briefing's year (as
/// announced and probability-weighted), the US demand it is set against, the Monte Carlo year
/// supply covers half of it, and the project rows counted, each with its source (docs/projects.md).
public struct BriefingPipeline: Codable, Sendable, Hashable {
    /// The year the capacities are given for: the briefing's year, or the outlook's first year when earlier.
    public var year: Int
    /// The latest status date in the project file; statuses may postdate the briefing.
    public var statusAsOf: String
    @NullWhenAbsent public var magnet: OutlookAnswer.MagnetYear?
    public var coverage: OutlookAnswer.Coverage
    public var demand: OutlookAnswer.Demand
    public var contributions: [OutlookAnswer.Contribution]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case year, magnet, coverage, demand, contributions, notes
        case statusAsOf = "status_asof"
    }
}

extension BriefingQueries {
    /// The outlook with its defaults, read at the briefing's year.
    static func pipeline(month: Month) throws(ServiceError) -> BriefingPipeline {
        let outlook = try ProjectQueries.outlook()
        let projects = try ProjectQueries.projects()
        let asOf = projects.projects.map(\.statusAsOf).max() ?? ""
        let year = max(month.year, outlook.parameters.firstYear)
        var notes: [String] = []
        if year != month.year {
            notes.append("the outlook starts in \(outlook.parameters.firstYear), the year of the latest project status; \(month.year) is before it")
        }
        if asOf > month.description {
            notes.append("project statuses are as of up to \(asOf), after this briefing's month")
        }
        return BriefingPipeline(
            year: year, statusAsOf: asOf, magnet: outlook.magnet.first { $0.year == year }, coverage: outlook.coverage, demand: outlook.demand,
            contributions: outlook.contributions, notes: notes)
    }
}

extension BriefingMarkdown {
    /// The pipeline outlook section; every figure carries the footnotes of the rows it sums.
    static func pipeline(_ a: BriefingAnswer, into out: inout [String], notes: inout Footnotes) {
        let p = a.pipeline
        out.append("## Pipeline outlook")
        out.append("")
        for n in p.notes { out.append(capitalised(escape(n)) + ".") }
        if !p.notes.isEmpty { out.append("") }
        var projectRefs = ""
        var seen = Set<String>()
        for c in p.contributions {
            let r = notes.ref(source: c.source, url: c.url, release: c.release.isEmpty ? nil : c.release)
            if seen.insert(r).inserted { projectRefs += r }
        }
        let demandRef = notes.ref(source: p.demand.usSource, url: p.demand.usURL, release: p.demand.usRelease)
        if let m = p.magnet {
            out.append(
                "Non-China sintered NdFeB capacity in \(p.year), from \(p.contributions.count) project rows in t NdFeB/yr: **\(Format.tonnes(m.announcedT, decimals: 0)) t as announced, \(Format.tonnes(m.weightedT, decimals: 0)) t probability-weighted** (derived; chances, delays and ramp-up are assumptions in data/projects/outlook-assumptions.yaml)"
                    + projectRefs)
            out.append("")
            out.append(
                "US demand set against it: \(Format.tonnes(p.demand.usValueT, decimals: 0)) t NdFeB/yr (\(escape(p.demand.usScope))); the weighted capacity is \(Format.share(m.weightedT / max(1, m.usDemandT))) of it (derived)"
                    + demandRef + projectRefs)
            out.append("")
            if let kt = m.ieaWorldMagnetREEKt {
                out.append(
                    "For scale, IEA world demand for the magnet rare earths (Nd, Pr, Dy, Tb) in \(p.year): \(String(format: "%.1f", kt)) kt of elements (\(escape(m.ieaStatus))); not comparable with t NdFeB"
                        + notes.ref(source: p.demand.ieaSource, url: p.demand.ieaURL, release: p.demand.ieaRelease))
                out.append("")
            }
        }
        out.append("Monte Carlo over project success and delay: " + escape(p.coverage.headline) + demandRef + projectRefs)
        out.append("")
        out.append("Magnet-stage rows counted (capacity counted, status class, announced start):")
        out.append("")
        for c in p.contributions {
            var text = "- \(escape(c.project)) (\(escape(c.country))): \(Format.tonnes(c.capacityT, decimals: 0)) t NdFeB/yr, \(c.statusClass), start \(c.startYear.map(String.init) ?? "before the data")"
            text += ", chance \(Format.share(c.probability)) (assumption)"
            if let adj = c.adjustment { text += "; " + escape(adj) }
            out.append(text + notes.ref(source: c.source, url: c.url, release: c.release.isEmpty ? nil : c.release))
        }
        out.append("")
    }
}
