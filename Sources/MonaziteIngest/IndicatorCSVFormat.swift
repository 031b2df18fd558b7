public import MonaziteCore

/// Monazite's CSV for country-level indicators (production, reserves, stage and import-source
/// shares), one figure per row with its source. Columns: `measure`, `country`, `importer`,
/// `stage`, `scope`, `period`, `value`, `text`, `unit`, `status`, `dataset`, `edition`,
/// `source`, `url`, `note`.
public enum IndicatorCSVFormat {
    public static let columns = [
        "measure", "country", "importer", "stage", "scope", "period", "value", "text", "unit", "status", "dataset", "edition",
        "source", "url", "note",
    ]
    public static let requiredColumns = ["measure", "country", "scope", "period", "unit", "status", "dataset", "edition", "source"]

    public static func read(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ImportFailure) -> [Indicator] {
        var issues = IssueCollector(file: file)
        var record = CSVReader.Record()
        var reader = try CSVReader.open(bytes: bytes, file: file, header: &record)
        let header = CSVHeader(reader: reader, record: record, known: Set(columns), required: requiredColumns, issues: &issues)
        guard issues.isEmpty else { throw issues.failure }
        var result: [Indicator] = []
        var countries: [String: CountryCode] = [:]
        while reader.nextDataRecord(into: &record, fieldCount: header.count, issues: &issues) {
            let indicator: Indicator? = withUnsafePointer(to: reader) { pointer in
                var row = RowContext(reader: pointer, record: record, issues: issues)
                defer { issues = row.issues }
                var measure: Indicator.Measure?
                if let t = row.required(header["measure"], "measure") {
                    measure = Indicator.Measure(rawValue: t)
                    if measure == nil { row.fail(header["measure"] ?? 0, "measure: \"\(t)\" is not a known measure") }
                }
                let country = row.country(header["country"], "country", cache: &countries)
                var importer: CountryCode?
                if let t = row.text(header["importer"], "importer") {
                    importer = CountryCode(t)
                    if importer == nil { row.fail(header["importer"] ?? 0, "importer: unknown country code \"\(t)\"") }
                }
                var stage: SupplyStage?
                if let t = row.text(header["stage"], "stage") {
                    stage = SupplyStage(parsing: t)
                    if stage == nil { row.fail(header["stage"] ?? 0, "stage: \"\(t)\" is not mining, separation, metal or magnet") }
                }
                var period: Period?
                if let t = row.required(header["period"], "period") {
                    period = Period(parsing: t)
                    if period == nil { row.fail(header["period"] ?? 0, "period: \"\(t)\" is not a period") }
                }
                let value = row.number(header["value"], "value")
                let text = row.text(header["text"], "text")
                if value == nil && text == nil && !row.failed { row.fail(header["value"] ?? 0, "row has neither a value nor a text") }
                var status: DataStatus?
                if let t = row.required(header["status"], "status") {
                    status = DataStatus(rawValue: t)
                    if status == nil { row.fail(header["status"] ?? 0, "status: \"\(t)\" is not reported, derived or estimate") }
                }
                guard let measure, let country, let period, let status, let scope = row.required(header["scope"], "scope"),
                    let unit = row.required(header["unit"], "unit"), let dataset = row.required(header["dataset"], "dataset"),
                    let edition = row.required(header["edition"], "edition"), let source = row.required(header["source"], "source"),
                    !row.failed
                else { return nil }
                return Indicator(
                    measure: measure, country: country, importer: importer, stage: stage, scope: scope, period: period, value: value,
                    text: text, unit: unit, status: status, dataset: dataset, edition: edition,
                    provenance: Provenance(source: source, url: row.text(header["url"], "url")), note: row.text(header["note"], "note"))
            }
            if let indicator { result.append(indicator) }
        }
        guard issues.isEmpty else { throw issues.failure }
        return result
    }
}
