public import Foundation
import MonazitePipeline
import MonazitePipelineFile

/// US and allied rare-earth projects, as the bundled CSV states them (docs/projects.md).
public struct ProjectsAnswer: Codable, Sendable, Hashable {
    public var projects: [Entry]
    public var notes: [String]

    public struct Entry: Codable, Sendable, Hashable {
        public var project: String
        public var company: String
        public var location: String
        public var country: String
        public var stage: String
        /// The stages the stage text names (mine, separation, metal/alloy, magnet, recycling).
        public var stages: [String]
        public var product: String
        public var capacityValue: String
        public var capacityUnit: String
        public var capacityBasis: String
        /// The figure the outlook counts, its unit key and stage (derived from the row), when one figure is stated.
        @NullWhenAbsent public var countedCapacity: Double?
        @NullWhenAbsent public var countedUnit: String?
        @NullWhenAbsent public var countedStage: String?
        @NullWhenAbsent public var capacityNote: String?
        public var status: String
        public var statusClass: String
        public var statusAsOf: String
        @NullWhenAbsent public var startYear: Int?
        @NullWhenAbsent public var investmentUSDm: Double?
        public var publicSupport: String
        public var source: String
        public var url: String
        public var release: String
        public var via: String
        public var viaURL: String
        /// The row's line in the project CSV.
        public var line: Int

        enum CodingKeys: String, CodingKey {
            case project, company, location, country, stage, stages, product, status, source, url, release, via, line
            case capacityValue = "capacity_value"
            case capacityUnit = "capacity_unit"
            case capacityBasis = "capacity_basis"
            case countedCapacity = "counted_capacity"
            case countedUnit = "counted_unit"
            case countedStage = "counted_stage"
            case capacityNote = "capacity_note"
            case statusClass = "status_class"
            case statusAsOf = "status_asof"
            case startYear = "start_year"
            case investmentUSDm = "investment_usd_m"
            case publicSupport = "public_support"
            case viaURL = "via_url"
        }

        init(_ p: Project) {
            project = p.name
            company = p.company
            location = p.location
            country = p.country
            stage = p.stageText
            stages = p.stages.map(\.rawValue)
            product = p.product
            capacityValue = p.capacityText
            capacityUnit = p.capacity?.unitText ?? ""
            capacityBasis = p.capacityBasis
            countedCapacity = p.capacity?.value
            countedUnit = p.capacity?.unit
            countedStage = p.capacity?.stage.rawValue
            capacityNote = p.capacityNote
            status = p.status
            statusClass = p.statusClass.rawValue
            statusAsOf = p.statusAsOf
            startYear = p.startYear
            investmentUSDm = p.investmentUSDm
            publicSupport = p.publicSupport
            source = p.source
            url = p.url
            release = p.release
            via = p.via
            viaURL = p.viaURL
            line = p.line
        }
    }

    public var report: Report {
        let rows: [[Cell]] = projects.map { e in
            [
                .text(e.project), .text(e.country), .text(e.stages.joined(separator: "+")), .text(e.capacityValue), .text(e.capacityUnit),
                .text(e.statusClass), .text(e.statusAsOf), .int(e.startYear), Cell.number(e.investmentUSDm, decimals: 0).orBlank(e.investmentUSDm),
                .text(e.company), .text(e.location), .text(e.product), .text(e.capacityBasis), .text(e.status), .text(e.publicSupport),
                .text(e.source), .text(e.url), .text(e.release),
            ]
        }
        return Report(
            title: "\(projects.count) US and allied rare-earth projects",
            columns: [
                "project", "country", "stages", Column("capacity_value", "capacity"), Column("capacity_unit", "unit"), Column("status_class", "status"),
                Column("status_asof", "as of"), Column("start_year", "start"), Column("investment_usd_m", "USD m"), Column("company", csvOnly: true),
                Column("location", csvOnly: true), Column("product", csvOnly: true), Column("capacity_basis", csvOnly: true),
                Column("status", "status text", csvOnly: true), Column("public_support", csvOnly: true), Column("source", csvOnly: true), Column("url", csvOnly: true),
                Column("release", csvOnly: true),
            ],
            rows: rows, answer: self, notes: notes)
    }
}

extension Cell {
    /// Blank instead of `n/a` when there is no figure by design (no amount stated).
    func orBlank(_ v: Double?) -> Cell { v == nil ? Cell(display: "", raw: "") : self }
}

/// A project or assumptions file given instead of the bundled one (CLI `--file`, `--assumptions`).
public struct PipelineFileInput: Sendable {
    public let name: String
    public let data: Data
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

public enum ProjectQueries {
    static func load(_ file: PipelineFileInput?) throws(ServiceError) -> [Project] {
        if let file {
            do { return try BundledPipeline.readProjects(data: file.data, file: file.name) } catch {
                throw ServiceError(.invalidParameter, parameter: "file", error.description)
            }
        }
        do { return try BundledPipeline.projects() } catch { throw ServiceError(.notFound, "the bundled project file cannot be read: \(error)") }
    }

    static func stage(_ text: String?) throws(ServiceError) -> PipelineStage? {
        guard let text else { return nil }
        if text == "metal" || text == "alloy" { return .metal }
        guard let s = PipelineStage(rawValue: text) else {
            throw .invalid("stage", "\"\(text)\" is not one of \(PipelineStage.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return s
    }

    /// Rows filtered by country (as written in the CSV, e.g. US, Australia; any case) and stage.
    public static func projects(country: String? = nil, stage: String? = nil, file: PipelineFileInput? = nil) throws(ServiceError) -> ProjectsAnswer {
        let all = try load(file)
        let s = try self.stage(stage)
        if let country, !all.contains(where: { $0.country.lowercased() == country.lowercased() }) {
            let known = Set(all.map(\.country)).sorted()
            throw .invalid("country", "\"\(country)\" has no project (countries: \(known.joined(separator: ", ")))")
        }
        let rows = all.filter { p in
            (country.map { p.country.lowercased() == $0.lowercased() } ?? true) && (s.map { p.stages.contains($0) } ?? true)
        }
        let notes = [
            file.map { "projects read from \($0.name)" }
                ?? "bundled projects: data/projects/us_allied_ree_projects.csv (every row cited; column rules and caveats: data/projects/NOTES.md)",
            "capacities are in each row's own unit and are not summed here; status_class is Monazite's reading of the status text (docs/projects.md)",
            "USA Rare Earth's USD 3,300 m is the combined Round Top + Stillwater capex and appears on both rows: do not add it twice",
        ]
        return ProjectsAnswer(projects: rows.map(ProjectsAnswer.Entry.init), notes: notes)
    }
}
