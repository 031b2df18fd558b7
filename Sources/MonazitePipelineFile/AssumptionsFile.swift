public import MonaziteCore
public import MonazitePipeline
import MonaziteYAML

/// The outlook assumptions YAML (data/projects/outlook-assumptions.yaml; docs/projects.md). Every
/// value block needs `label: assumption` and a `reason`; a bad value fails at its line and column.
public enum AssumptionsFile {
    public static func read(text: String, file: String) throws(LocatedError) -> OutlookAssumptions {
        let root = try YAMLNode.parse(text, file: file)
        let top = try root.fields(allowed: ["statuses", "ramp_up", "capacity_range", "overlaps", "us_demand"])
        let statusesNode = try top.required("statuses", in: root)
        var statuses: [StatusClass: StatusAssumption] = [:]
        for (key, node) in try statusesNode.mapping(allowed: Set(StatusClass.allCases.map(\.rawValue))) {
            guard let c = StatusClass(rawValue: key) else { continue }
            let f = try node.fields(allowed: ["probability", "delays", "label", "reason", "source", "url"])
            let pNode = try f.required("probability", in: node)
            let p = try pNode.double()
            guard (0...1).contains(p) else { throw pNode.error("\(pNode.path) must be between 0 and 1") }
            let dNode = try f.required("delays", in: node)
            var delays: [StatusAssumption.Delay] = []
            for (k, v) in try dNode.mapping() {
                guard let years = Int(k), years >= 0, years <= 30 else { throw v.error("\(dNode.path): '\(k)' is not a delay in whole years (0–30)") }
                let w = try v.double()
                guard w >= 0 else { throw v.error("\(v.path) must be a weight ≥ 0") }
                delays.append(.init(years: years, weight: w))
            }
            let sum = delays.reduce(0) { $0 + $1.weight }
            guard !delays.isEmpty, abs(sum - 1) < 1e-6 else {
                throw dNode.error("\(dNode.path): the weights sum to \(sum), not 1")
            }
            delays.sort { $0.years < $1.years }
            statuses[c] = StatusAssumption(probability: p, delays: delays, note: try note(f, node))
        }
        for c in StatusClass.allCases where statuses[c] == nil {
            throw statusesNode.error("statuses needs '\(c.rawValue)' (every status class of the project file)")
        }
        let rampNode = try top.required("ramp_up", in: root)
        let rf = try rampNode.fields(allowed: ["fractions", "label", "reason", "source", "url"])
        var ramp: [Double] = []
        for item in try rf.required("fractions", in: rampNode).sequence() {
            let v = try item.double()
            guard (0...1).contains(v) else { throw item.error("\(item.path) must be a share of nameplate between 0 and 1") }
            ramp.append(v)
        }
        let rangeNode = try top.required("capacity_range", in: root)
        let gf = try rangeNode.fields(allowed: ["use", "label", "reason", "source", "url"])
        let useNode = try gf.required("use", in: rangeNode)
        guard let end = OutlookAssumptions.RangeEnd(rawValue: try useNode.string()) else {
            throw useNode.error("\(useNode.path) must be low, mid or high")
        }
        var overlaps: [CapacityOverlap] = []
        if let o = top["overlaps"] {
            for item in try o.sequence() {
                let f = try item.fields(allowed: ["project", "includes", "label", "reason", "source", "url"])
                overlaps.append(
                    CapacityOverlap(
                        project: try f.required("project", in: item).nonEmptyString(), includes: try f.required("includes", in: item).nonEmptyString(),
                        note: try note(f, item)))
            }
        }
        let dNode = try top.required("us_demand", in: root)
        let df = try dNode.fields(allowed: ["value", "unit", "year", "scope", "source", "url", "release", "growth_per_year", "label", "reason"])
        let valueNode = try df.required("value", in: dNode)
        let value = try valueNode.double()
        guard value > 0 else { throw valueNode.error("\(valueNode.path) must be above zero") }
        let unitNode = try df.required("unit", in: dNode)
        let unit = try unitNode.nonEmptyString()
        guard unit == "t NdFeB" else { throw unitNode.error("\(unitNode.path) must be 't NdFeB' (the magnet stage's unit)") }
        let growthNode = try df.required("growth_per_year", in: dNode)
        let growth = try growthNode.double()
        guard (-0.5...1).contains(growth) else { throw growthNode.error("\(growthNode.path) must be a yearly rate between -0.5 and 1") }
        let demand = DemandFigure(
            value: value, unit: unit, year: try df.required("year", in: dNode).int(), growthPerYear: growth,
            scope: try df.required("scope", in: dNode).nonEmptyString(), source: try df.required("source", in: dNode).nonEmptyString(),
            url: try df.required("url", in: dNode).nonEmptyString(), release: try df["release"]?.string() ?? "", growthNote: try note(df, dNode))
        return OutlookAssumptions(
            statuses: statuses, rampUp: ramp, rampUpNote: try note(rf, rampNode), rangeEnd: end, rangeNote: try note(gf, rangeNode),
            overlaps: overlaps, usDemand: demand)
    }

    /// `label: assumption` and a one-line `reason` (plus optional source and url).
    static func note(_ f: [String: YAMLNode], _ parent: YAMLNode) throws(LocatedError) -> AssumptionNote {
        let labelNode = try f.required("label", in: parent)
        guard try labelNode.string() == "assumption" else { throw labelNode.error("\(labelNode.path) must be 'assumption'") }
        let reasonNode = try f.required("reason", in: parent)
        let reason = try reasonNode.nonEmptyString()
        guard !reason.contains("\n") else { throw reasonNode.error("\(reasonNode.path) must be one line") }
        return AssumptionNote(reason: reason, source: try f["source"]?.string(), url: try f["url"]?.string())
    }
}
