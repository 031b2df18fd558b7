import Foundation
import MonaziteCore
import MonaziteIngest
import MonazitePipeline
import MonazitePipelineFile
import Testing

private let note = AssumptionNote(reason: "test")

/// Assumptions for hand-checked cases: certain operating projects, ramp as given, demand 30,000 t flat.
private func assumptions(
    ramp: [Double] = [], planned: StatusAssumption? = nil, overlaps: [CapacityOverlap] = [], demand: Double = 30000
) -> OutlookAssumptions {
    var statuses: [StatusClass: StatusAssumption] = [:]
    for c in StatusClass.allCases { statuses[c] = StatusAssumption(probability: 1, delays: [.init(years: 0, weight: 1)], note: note) }
    if let planned { statuses[.planned] = planned }
    return OutlookAssumptions(
        statuses: statuses, rampUp: ramp, rampUpNote: note, rangeNote: note, overlaps: overlaps,
        usDemand: DemandFigure(value: demand, year: 2025, scope: "test", source: "test", url: "https://example.org", growthNote: note))
}

private func magnet(_ name: String, _ tonnes: Double, start: Int?, _ status: StatusClass = .operating, line: Int = 2) -> Project {
    Project(
        name: name, country: "US", stageText: "sintered NdFeB magnets", stages: [.magnet],
        capacity: ProjectCapacity(value: tonnes, unit: "t NdFeB", unitText: "t/yr", stage: .magnet), statusClass: status, startYear: start,
        url: "https://example.org/\(line)", line: line)
}

private func coverage(_ projects: [Project], _ a: OutlookAssumptions, share: Double = 0.5, draws: Int = 4000, seed: UInt64 = 7) -> CoverageResult {
    let (c, _) = PipelineOutlook.contributions(projects, assumptions: a)
    return PipelineOutlook.coverage(c, demand: a.usDemand, share: share, firstYear: 2025, horizon: 2035, draws: draws, seed: seed, a)
}

@Suite struct StageNormalisationTests {
    @Test func stageTextsMapToStages() {
        #expect(PipelineStage.stages(in: "mine + separation") == [.mine, .separation])
        #expect(PipelineStage.stages(in: "metal + alloy + sintered NdFeB magnets") == [.metal, .magnet])
        // Parentheses qualify, they do not name stages.
        #expect(PipelineStage.stages(in: "recycling (magnet separation from end-of-life products)") == [.recycling])
        #expect(PipelineStage.stages(in: "sintered NdFeB magnets (incl. metallization on site)") == [.magnet])
        #expect(PipelineStage.stages(in: "cracking & leaching (MREC)") == [.separation])
        #expect(PipelineStage.stages(in: "mine (ionic clay) + MREC") == [.mine])
        #expect(PipelineStage.stages(in: "warehouse").isEmpty)
    }

    @Test func capacitiesGoToTheStageTheirUnitMeasures() {
        // Mountain Pass: REO in concentrate is the mine's output, not the separation plant's.
        let mp = ProjectCapacity.unitKey("t REO in concentrate (2025 production)", stageText: "mine + separation", stage: .separation)
        #expect(mp == "t REO")
        #expect(ProjectCapacity.stage(unit: mp, unitText: "t REO in concentrate", stages: [.mine, .separation]) == .mine)
        // LCM: NdFeB strip-cast alloy is the metal/alloy stage, not magnets.
        let lcm = ProjectCapacity.unitKey("t/yr NdFeB strip-cast", stageText: "metal + alloy", stage: .metal)
        #expect(lcm == "t alloy")
        #expect(ProjectCapacity.stage(unit: lcm, unitText: "t/yr NdFeB strip-cast", stages: [.metal]) == .metal)
        // A magnet plant's bare t/yr is t NdFeB when the stage text says NdFeB.
        #expect(ProjectCapacity.unitKey("t/yr", stageText: "sintered NdFeB magnets", stage: .magnet) == "t NdFeB")
        #expect(ProjectCapacity.unitKey("t/yr", stageText: "separation (light RE)", stage: .separation) == "t/yr")
        // Stillwater: the parenthesised metallization figure does not change the unit.
        #expect(ProjectCapacity.unitKey("t/yr NdFeB (+10,000 t/yr metallization/strip-casting)", stageText: "x", stage: .magnet) == "t NdFeB")
    }
}

@Suite struct OutlookHandCheckedTests {
    // One certain project of 20,000 t from 2027, full output at once; 50% of 30,000 = 15,000 t: 2027 in every draw.
    @Test func oneCertainProjectGivesADeterministicYear() {
        let r = coverage([magnet("A", 20000, start: 2027)], assumptions())
        #expect(r.p10 == 2027 && r.p50 == 2027 && r.p90 == 2027)
        #expect(r.withinHorizon == 1)
        #expect(r.years.first { $0.year == 2026 }?.p90 == 0)
        #expect(r.years.first { $0.year == 2027 }?.p50 == 20000)
    }

    // Ramp 0.4, 0.7: 30,000 t from 2026 gives 12,000 t (short of 15,000) in 2026 and 21,000 t in 2027.
    @Test func rampUpDelaysTheYear() {
        let a = assumptions(ramp: [0.4, 0.7])
        let r = coverage([magnet("A", 30000, start: 2026)], a)
        #expect(r.p50 == 2027)
        let c = PipelineOutlook.contributions([magnet("A", 30000, start: 2026)], assumptions: a).0
        #expect(PipelineOutlook.announced(c[0], year: 2026, a) == 12000)
        #expect(PipelineOutlook.announced(c[0], year: 2027, a) == 21000)
        #expect(PipelineOutlook.announced(c[0], year: 2028, a) == 30000)
    }

    // Chance 0.8: 80% of draws reach the share in 2027, 20% never: P10 = P50 = 2027, P90 beyond the horizon.
    @Test func aProjectThatMayFailLeavesP90OutsideTheHorizon() {
        let planned = StatusAssumption(probability: 0.8, delays: [.init(years: 0, weight: 1)], note: note)
        let r = coverage([magnet("A", 20000, start: 2027, .planned)], assumptions(planned: planned), draws: 10000)
        #expect(r.p10 == 2027 && r.p50 == 2027)
        #expect(r.p90 == nil)
        #expect(abs(r.withinHorizon - 0.8) < 0.02)
    }

    // Delays 0/1/2 years with weights 0.3/0.4/0.3 (cumulative 0.3, 0.7, 1): P10 2027, P50 2028, P90 2029.
    @Test func delayWeightsSetThePercentiles() {
        let planned = StatusAssumption(probability: 1, delays: [.init(years: 0, weight: 0.3), .init(years: 1, weight: 0.4), .init(years: 2, weight: 0.3)], note: note)
        let r = coverage([magnet("A", 20000, start: 2027, .planned)], assumptions(planned: planned), draws: 10000)
        #expect(r.p10 == 2027 && r.p50 == 2028 && r.p90 == 2029)
    }

    // Weighted: chance 0.5, delay 0 or 1 year at 0.5 each, 1,000 t from 2027: 2027 = 1000 × 0.5 × 0.5 = 250; 2028 = 500.
    @Test func weightedCapacityIsChanceTimesExpectedRamp() {
        let planned = StatusAssumption(probability: 0.5, delays: [.init(years: 0, weight: 0.5), .init(years: 1, weight: 0.5)], note: note)
        let a = assumptions(planned: planned)
        let c = PipelineOutlook.contributions([magnet("A", 1000, start: 2027, .planned)], assumptions: a).0
        let years = PipelineOutlook.stageYears(c, years: 2026...2028, a)
        #expect(years.map(\.weighted) == [0, 250, 500])
        #expect(years.map(\.announced) == [0, 1000, 1000])
    }

    // 10X's 10,000 t includes Independence's 1,000 t: 2028 totals 10,000, not 11,000.
    @Test func overlappingRowsAreNotCountedTwice() {
        let a = assumptions(overlaps: [CapacityOverlap(project: "10X", includes: "Independence", note: note)])
        let (c, _) = PipelineOutlook.contributions([magnet("Independence", 1000, start: 2025), magnet("10X", 10000, start: 2028, line: 3)], assumptions: a)
        let y = PipelineOutlook.stageYears(c, years: 2028...2028, a)
        #expect(y.map(\.announced) == [10000])
        #expect(c.first { $0.project == "10X" }?.adjustment?.contains("includes Independence") == true)
    }

    @Test func unitsAreNeverSummedAcrossEachOther() {
        let a = assumptions()
        let oxide = Project(
            name: "S", country: "US", stageText: "separation", stages: [.separation],
            capacity: ProjectCapacity(value: 500, unit: "t NdPr oxide", unitText: "t/yr NdPr oxide", stage: .separation), statusClass: .operating,
            startYear: 2020, url: "https://example.org")
        let reo = Project(
            name: "R", country: "US", stageText: "separation", stages: [.separation],
            capacity: ProjectCapacity(value: 2000, unit: "t REO", unitText: "t/yr REO", stage: .separation), statusClass: .operating,
            startYear: 2020, url: "https://example.org")
        let y = PipelineOutlook.stageYears(PipelineOutlook.contributions([oxide, reo], assumptions: a).0, years: 2026...2026, a)
        #expect(y.count == 2)
        #expect(Set(y.map(\.announced)) == [500, 2000])
    }

    @Test func theSameSeedGivesTheSameAnswer() {
        let planned = StatusAssumption(probability: 0.6, delays: [.init(years: 0, weight: 0.5), .init(years: 3, weight: 0.5)], note: note)
        let ps = [magnet("A", 9000, start: 2026, .planned), magnet("B", 9000, start: 2028, .planned, line: 3)]
        let a = assumptions(planned: planned)
        #expect(coverage(ps, a, seed: 42) == coverage(ps, a, seed: 42))
    }

    @Test func nearestRankPercentile() {
        #expect(PipelineOutlook.nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1) == 1)
        #expect(PipelineOutlook.nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5) == 5)
        #expect(PipelineOutlook.nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9)
        #expect(PipelineOutlook.nearestRank([Int](), 0.5) == nil)
    }
}

@Suite struct PipelineFileTests {
    static let header = ProjectCSVFormat.columns.joined(separator: ",")

    static func row(
        name: String = "P", stage: String = "sintered NdFeB magnets", value: String = "1000", unit: String = "t/yr", statusClass: String = "operating",
        start: String = "2025", url: String = "https://example.org"
    ) -> String {
        [name, "Co", "Here", "US", stage, "magnets", value, unit, "", "2026-01", "operating", statusClass, start, "", "", "", "src", url, "", "", ""]
            .joined(separator: ",")
    }

    static func read(_ rows: [String]) throws(ImportFailure) -> [Project] {
        try ProjectCSVFormat.read(data: Data((([header] + rows).joined(separator: "\n") + "\n").utf8), file: "p.csv")
    }

    @Test func readsAGoodRow() throws {
        let p = try #require(try Self.read([Self.row(value: "100-300", start: "2017 (restart)")]).first)
        #expect(p.capacity?.value == 100 && p.capacity?.high == 300)
        #expect(p.capacity?.unit == "t NdFeB" && p.capacity?.stage == .magnet)
        #expect(p.startYear == 2017)
        #expect(p.line == 2)
    }

    @Test func severalProductsAreKeptButNotSummed() throws {
        let p = try #require(try Self.read([Self.row(stage: "heavy-RE separation", value: "200 Dy; 30 Tb", unit: "t oxide/yr")]).first)
        #expect(p.capacity == nil)
        #expect(p.capacityNote?.contains("several products") == true)
    }

    /// Every bad cell is reported at its line and column, and nothing is returned.
    @Test func badCellsAreLocatedAndTheFileIsRejected() {
        do {
            _ = try Self.read([
                Self.row(), Self.row(name: "Q", stage: "warehouse"), Self.row(name: "R", statusClass: "rumoured"), Self.row(name: "S", value: "lots"),
                Self.row(name: "T", start: "soon"), Self.row(name: "U", url: "example.org"), Self.row(),
            ])
            Issue.record("the file should be rejected")
        } catch {
            let text = error.description
            #expect(text.contains("p.csv:3:"))
            #expect(text.contains("names no stage"))
            #expect(text.contains("p.csv:4:") && text.contains("rumoured"))
            #expect(text.contains("p.csv:5:") && text.contains("\"lots\""))
            #expect(text.contains("p.csv:6:") && text.contains("\"soon\""))
            #expect(text.contains("p.csv:7:") && text.contains("http(s)"))
            #expect(text.contains("p.csv:8:") && text.contains("already on line 2"))
            // Line 3 starts "Q,Co,Here,US,": its stage cell starts at column 14.
            let stageIssue = error.issues.first { $0.line == 3 }
            #expect(stageIssue?.column == 14)
        }
    }

    static let goodYAML = """
        statuses:
          operating: {probability: 1, delays: {0: 1}, label: assumption, reason: r}
          commissioning: {probability: 0.9, delays: {0: 0.5, 1: 0.5}, label: assumption, reason: r}
          construction: {probability: 0.7, delays: {0: 1}, label: assumption, reason: r}
          planned: {probability: 0.4, delays: {0: 1}, label: assumption, reason: r}
          stalled: {probability: 0, delays: {0: 1}, label: assumption, reason: r}
        ramp_up: {fractions: [0.4, 0.7], label: assumption, reason: r}
        capacity_range: {use: mid, label: assumption, reason: r}
        us_demand: {value: 30000, unit: t NdFeB, year: 2025, scope: s, source: s, url: "https://example.org", growth_per_year: 0.02, label: assumption, reason: r}
        """

    @Test func readsAssumptions() throws {
        let a = try AssumptionsFile.read(text: Self.goodYAML, file: "a.yaml")
        #expect(a.status(.commissioning).meanDelay == 0.5)
        #expect(a.rampUp == [0.4, 0.7] && a.rangeEnd == .mid)
        // 2% a year after 2025: 30,000 × 1.02² = 31,212 in 2027.
        #expect(abs(a.usDemand.value(in: 2027) - 31212) < 1e-6)
    }

    @Test(arguments: [
        ("probability: 0.9", "probability: 1.5", "a.yaml:3:", "between 0 and 1"),
        ("{0: 0.5, 1: 0.5}", "{0: 0.5, 1: 0.6}", "a.yaml:3:", "sum to 1.1"),
        ("label: assumption, reason: r}\n  construction", "label: data, reason: r}\n  construction", "a.yaml:3:", "must be 'assumption'"),
        ("  stalled: {probability: 0, delays: {0: 1}, label: assumption, reason: r}\n", "", "a.yaml:2:", "needs 'stalled'"),
        ("use: mid", "use: most", "a.yaml:8:", "low, mid or high"),
        ("unit: t NdFeB", "unit: t REO", "a.yaml:9:", "'t NdFeB'"),
    ])
    func badAssumptionsAreLocated(_ good: String, _ bad: String, _ place: String, _ reason: String) {
        let text = Self.goodYAML.replacingOccurrences(of: good, with: bad)
        #expect(text != Self.goodYAML)
        do {
            _ = try AssumptionsFile.read(text: text, file: "a.yaml")
            Issue.record("should fail: \(bad)")
        } catch {
            #expect(error.description.hasPrefix(place), "\(error.description)")
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }
}

@Suite struct BundledPipelineTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled copies are the files in data/projects/ byte for byte.
    @Test func bundledCopiesMatchDataProjects() throws {
        for name in [BundledPipeline.projectsResource, BundledPipeline.assumptionsResource, BundledPipeline.demandResource] {
            let data = try Data(contentsOf: Self.repo.appendingPathComponent("data/projects/" + name))
            let bundled = try Data(contentsOf: Self.repo.appendingPathComponent("Sources/MonazitePipelineFile/Resources/" + name))
            #expect(data == bundled, "\(name) differs from data/projects/")
        }
    }

    @Test func bundledFilesRead() throws {
        let projects = try BundledPipeline.projects()
        #expect(projects.count == 34)
        #expect(projects.allSatisfy { $0.url.hasPrefix("http") && !$0.source.isEmpty })
        let independence = try #require(projects.first { $0.name == "Independence facility" })
        #expect(independence.capacity?.stage == .magnet && independence.capacity?.value == 1000)
        let mp = try #require(projects.first { $0.name == "Mountain Pass mine & separation" })
        #expect(mp.capacity?.stage == .mine && mp.startYear == 2017)
        let a = try BundledPipeline.assumptions()
        #expect(a.usDemand.value == 30000)
        #expect(a.overlaps.map(\.includes) == ["Independence facility"])
        // Every overlap names rows of the project file.
        #expect(a.overlaps.allSatisfy { o in projects.contains { $0.name == o.project } && projects.contains { $0.name == o.includes } })
        let iea = try BundledPipeline.ieaDemand()
        #expect(iea.first { $0.category == "total demand" && $0.scenario == "observed" }?.valueKt == 90.922)
        #expect(iea.first { $0.category == "total demand" && $0.scenario == "STEPS" && $0.year == 2030 }?.valueKt == 122.846)
    }
}
