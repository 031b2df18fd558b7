public import Foundation
import MonaziteCore
public import MonaziteIngest
public import MonazitePipeline

/// The project pipeline CSV (data/projects/us_allied_ree_projects.csv; docs/projects.md). All or
/// nothing: one bad cell and the whole file is rejected, every problem as `file:line:column: reason`.
public enum ProjectCSVFormat {
    public static let columns = [
        "project", "company", "location", "country", "stage", "product", "capacity_value", "capacity_unit", "capacity_basis", "status_asof",
        "status", "status_class", "start_year", "investment_usd_m", "public_support", "notes", "source", "url", "release", "via", "via_url",
    ]
    public static let requiredColumns = ["project", "country", "stage", "capacity_value", "capacity_unit", "status", "status_class", "start_year", "source", "url"]

    public static func read(data: Data, file: String) throws(ImportFailure) -> [Project] {
        let result: Result<[Project], ImportFailure> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(ImportFailure) { return .success(try read(bytes: bytes, file: file)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func read(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ImportFailure) -> [Project] {
        var issues = IssueCollector(file: file)
        var record = CSVReader.Record()
        var reader = try CSVReader.open(bytes: bytes, file: file, header: &record)
        let header = CSVHeader(reader: reader, record: record, known: Set(columns), required: requiredColumns, issues: &issues)
        guard issues.isEmpty else { throw issues.failure }
        var result: [Project] = []
        var seen: [String: Int] = [:]
        while reader.nextDataRecord(into: &record, fieldCount: header.count, issues: &issues) {
            var row = Row(reader: reader, record: record, header: header.index, issues: issues)
            if let p = row.project() {
                if let first = seen[p.name] {
                    row.fail(row.col("project"), "project \"\(p.name)\" is already on line \(first)")
                } else {
                    seen[p.name] = p.line
                    result.append(p)
                }
            }
            issues = row.issues
        }
        guard issues.isEmpty else { throw issues.failure }
        return result
    }

    /// A capacity cell: one number, a range `low-high`, several products (`200 Dy; 30 Tb`) or empty.
    public enum CapacityCell: Equatable, Sendable {
        case empty
        case single(Double)
        case range(Double, Double)
        case several(String)
    }

    public static func capacityCell(_ text: String?) -> CapacityCell? {
        guard let t = text?.replacingOccurrences(of: ",", with: ""), !t.isEmpty else { return .empty }
        if t.contains(";") { return .several(t) }
        if let v = Double(t), v.isFinite, v >= 0 { return .single(v) }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let l = Double(parts[0]), let h = Double(parts[1]), l >= 0, l <= h, h.isFinite { return .range(l, h) }
        return nil
    }

    /// A start-year cell: empty, or a year 1900–2100 optionally followed by a remark ("2017 (restart)").
    public static func startYear(_ text: String?) -> Int?? {
        guard let t = text, !t.isEmpty else { return .some(nil) }
        let digits = t.prefix(4)
        guard digits.count == 4, digits.allSatisfy(\.isNumber), let y = Int(digits), (1900...2100).contains(y) else { return nil }
        let rest = t.dropFirst(4)
        guard rest.isEmpty || rest.first == " " else { return nil }
        return .some(y)
    }

    typealias Row = CSVTextRow
}

/// This reader's cell checks on the shared row (`CSVTextRow`).
extension CSVTextRow {
    mutating func project() -> Project? {
        let name = required("project")
        let country = required("country")
        var stages: [PipelineStage] = []
        let stageText = required("stage")
        if let stageText {
            stages = PipelineStage.stages(in: stageText)
            if stages.isEmpty {
                fail(col("stage"), "stage: \"\(stageText)\" names no stage (mine, separation, metal/alloy, magnet, recycling)")
            }
        }
        var statusClass: StatusClass?
        if let t = required("status_class") {
            statusClass = StatusClass(rawValue: t)
            if statusClass == nil {
                fail(col("status_class"), "status_class: \"\(t)\" is not one of \(StatusClass.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let status = required("status")
        let unitText = text("capacity_unit")
        var capacity: ProjectCapacity?
        var capacityNote: String?
        switch ProjectCSVFormat.capacityCell(text("capacity_value")) {
        case nil:
            fail(col("capacity_value"), "capacity_value: \"\(text("capacity_value") ?? "")\" is not a number, a range low-high or products separated by ';'")
        case .empty?:
            capacityNote = "no capacity stated"
            if unitText != nil { fail(col("capacity_unit"), "capacity_unit is given but capacity_value is empty") }
        case .several(let t)?:
            capacityNote = "several products (\(t)): not one figure"
        case .single(let v)?, .range(let v, _)?:
            guard let unitText else {
                fail(col("capacity_unit"), "capacity_unit is empty but capacity_value is given")
                break
            }
            var high: Double?
            if case .range(_, let h)? = ProjectCSVFormat.capacityCell(text("capacity_value")) { high = h }
            let guessStage = stages.filter { $0 != .recycling }.last ?? stages.last ?? .mine
            let unit = ProjectCapacity.unitKey(unitText, stageText: stageText ?? "", stage: stages.contains(.magnet) ? .magnet : guessStage)
            if let stage = ProjectCapacity.stage(unit: unit, unitText: unitText, stages: stages) {
                capacity = ProjectCapacity(value: v, high: high, unit: unit, unitText: unitText, stage: stage)
            }
        }
        var start: Int?
        switch ProjectCSVFormat.startYear(text("start_year")) {
        case nil: fail(col("start_year"), "start_year: \"\(text("start_year") ?? "")\" is not a year (YYYY, optionally followed by a remark)")
        case .some(let y): start = y
        }
        var investment: Double?
        if let t = text("investment_usd_m") {
            if let v = Double(t.replacingOccurrences(of: ",", with: "")), v.isFinite, v >= 0 { investment = v } else {
                fail(col("investment_usd_m"), "investment_usd_m: \"\(t)\" is not a non-negative number")
            }
        }
        let source = required("source")
        var url: String?
        if let t = required("url") {
            if t.hasPrefix("https://") || t.hasPrefix("http://") { url = t } else { fail(col("url"), "url: \"\(t)\" is not an http(s) address") }
        }
        guard let name, let country, let stageText, let statusClass, let status, let source, let url, !failed else { return nil }
        return Project(
            name: name, company: text("company") ?? "", location: text("location") ?? "", country: country, stageText: stageText, stages: stages,
            product: text("product") ?? "", capacity: capacity, capacityNote: capacityNote, capacityText: text("capacity_value") ?? "",
            capacityBasis: text("capacity_basis") ?? "", status: status, statusClass: statusClass, statusAsOf: text("status_asof") ?? "",
            startYear: start, startText: text("start_year") ?? "", investmentUSDm: investment, publicSupport: text("public_support") ?? "",
            notes: text("notes") ?? "", source: source, url: url, release: text("release") ?? "", via: text("via") ?? "",
            viaURL: text("via_url") ?? "", line: record.line)
    }
}
