public import MonaziteCore

/// The salient-statistics table of a USGS Mineral Commodity Summaries chapter, one line item
/// per row and one column per year (`2020` … `2024e`, the `e` marking the estimated year).
///
/// Columns: `edition`, `section`, `subsection`, `item`, `unit`, `footnote`, then the years.
/// Cells are kept as published (`>95`, `E`, `W`) with their number when they have one.
/// Provenance comes from each row's edition (``USGSEdition/rareEarthsProvenance()``) unless the
/// caller gives one.
public enum USGSSalientFormat {
    public static let fixedColumns = ["edition", "section", "subsection", "item", "unit", "footnote"]
    public static let requiredColumns = ["edition", "section", "item", "unit"]

    public static func read(
        bytes: UnsafeBufferPointer<UInt8>, file: String, country: CountryCode, commodityName: String, provenance override: Provenance?
    ) throws(ImportFailure) -> [SalientStatistic] {
        var issues = IssueCollector(file: file)
        var record = CSVReader.Record()
        var reader = try CSVReader.open(bytes: bytes, file: file, header: &record)
        // Year columns are whatever parses as a year; everything else must be a fixed column.
        var yearColumns: [(index: Int, year: Int, estimated: Bool)] = []
        var known = Set(fixedColumns)
        for i in 0..<record.count {
            guard let name = try? reader.string(record, i).trimmingSpaces() else { continue }
            let estimated = name.hasSuffix("e")
            let digits = estimated ? String(name.dropLast()) : name
            if digits.count == 4, let y = Int(digits), (1900...2100).contains(y) {
                yearColumns.append((i, y, estimated))
                known.insert(name)
            }
        }
        let header = CSVHeader(reader: reader, record: record, known: known, required: requiredColumns, issues: &issues)
        if yearColumns.isEmpty { issues.add(line: 1, column: 1, "no year columns (2020, 2021, … 2024e) in the header") }
        guard issues.isEmpty else { throw issues.failure }

        var result: [SalientStatistic] = []
        var seen: [String: Int] = [:]
        while reader.nextDataRecord(into: &record, fieldCount: header.count, issues: &issues) {
            let line = record.line
            let stats: [SalientStatistic] = withUnsafePointer(to: reader) { pointer in
                var row = RowContext(reader: pointer, record: record, issues: issues)
                defer { issues = row.issues }
                guard let edition = row.required(header["edition"], "edition"),
                    let section = row.required(header["section"], "section"), let item = row.required(header["item"], "item"),
                    let unit = row.required(header["unit"], "unit")
                else { return [] }
                let subsection = row.text(header["subsection"], "subsection")
                let footnote = row.text(header["footnote"], "footnote")
                let key = [edition, section, subsection ?? "", item].joined(separator: "|")
                if let first = seen[key] {
                    row.fail(0, "duplicate line item \"\(item)\" in \"\(section)\" (first at line \(first))")
                    return []
                }
                seen[key] = line
                guard let provenance = override ?? USGSEdition(parsing: edition)?.rareEarthsProvenance() else {
                    row.fail(header["edition"] ?? 0, "edition: \"\(edition)\" is not a USGS edition (MCS 2025); name the source to import it")
                    return []
                }
                var out: [SalientStatistic] = []
                for (i, year, estimated) in yearColumns {
                    guard let text = row.text(i, "\(year)") else { continue }
                    let number = Double(text.filter { $0 != "," })
                    if let n = number, !n.isFinite || abs(n) > NumberBounds.any {
                        row.fail(i, "\(year): \"\(text)\" is not a finite number within 1e15")
                        continue
                    }
                    let isForm = NetImportReliance.Published(parsing: text) != nil || ["NA", "W", "—", "-", "XX"].contains(text)
                    if number == nil && !isForm {
                        row.fail(i, "\(year): \"\(text)\" is neither a number nor a USGS symbol (>95, <25, E, NA, W)")
                        continue
                    }
                    out.append(
                        SalientStatistic(
                            edition: edition, country: country, commodityName: commodityName, section: section,
                            subsection: subsection, item: item, unit: unit, footnote: footnote, year: year,
                            isEstimated: estimated, text: text, value: number, provenance: provenance))
                }
                return row.failed ? [] : out
            }
            result.append(contentsOf: stats)
        }
        if result.isEmpty && issues.isEmpty { issues.add(line: 2, column: 1, "no data rows after the header") }
        guard issues.isEmpty else { throw issues.failure }
        return result
    }
}
