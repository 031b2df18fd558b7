public import MonaziteCore

/// The world mine production and reserves table of a USGS Mineral Commodity Summaries rare-earths
/// chapter, whatever the edition and its years:
///
/// `edition,country,mine_production_2023_t_REO,mine_production_2024e_t_REO,reserves_t_REO,footnote`
///
/// Production columns are `mine_production_<YEAR>[e]_<unit>` (the `e` marks USGS estimates); the
/// reserves column is `reserves_<unit>`. Countries are names as USGS prints them ("Burma",
/// "Other", "World total (rounded)"). Cells keep their published form (`NA`, `>90000000`).
/// Provenance comes from the edition (``USGSEdition/rareEarthsProvenance()``) unless the caller
/// gives one.
public enum USGSWorldTableFormat {
    public static let fixedColumns = ["edition", "country", "footnote"]

    /// True when a header line looks like this table.
    public static func matches(headerLine: String) -> Bool {
        headerLine.hasPrefix("edition,country,") && headerLine.contains("mine_production_")
    }

    public static func read(
        bytes: UnsafeBufferPointer<UInt8>, file: String, provenance override: Provenance? = nil
    ) throws(ImportFailure) -> [Indicator] {
        var issues = IssueCollector(file: file)
        var record = CSVReader.Record()
        var reader = try CSVReader.open(bytes: bytes, file: file, header: &record)
        var measures: [(index: Int, measure: Indicator.Measure, year: Int?, estimated: Bool, unit: String)] = []
        var known = Set(fixedColumns)
        for i in 0..<record.count {
            guard let name = try? reader.string(record, i).trimmingSpaces() else { continue }
            if let column = Self.column(name) {
                measures.append((i, column.measure, column.year, column.estimated, column.unit))
                known.insert(name)
            }
        }
        let header = CSVHeader(reader: reader, record: record, known: known, required: ["edition", "country"], issues: &issues)
        if !measures.contains(where: { $0.measure == .production }) {
            issues.add(line: 1, column: 1, "no mine production column (mine_production_2024e_t_REO and the like) in the header")
        }
        guard issues.isEmpty else { throw issues.failure }

        var result: [Indicator] = []
        var seen: [String: Int] = [:]
        while reader.nextDataRecord(into: &record, fieldCount: header.count, issues: &issues) {
            let line = record.line
            let rows: [Indicator] = withUnsafePointer(to: reader) { pointer in
                var row = RowContext(reader: pointer, record: record, issues: issues)
                defer { issues = row.issues }
                guard let editionText = row.required(header["edition"], "edition"),
                    let countryText = row.required(header["country"], "country")
                else { return [] }
                guard let edition = USGSEdition(parsing: editionText) else {
                    row.fail(header["edition"] ?? 0, "edition: \"\(editionText)\" is not a USGS edition (MCS 2025)")
                    return []
                }
                guard let country = CountryCatalog.resolve(countryText) else {
                    row.fail(header["country"] ?? 0, "country: \"\(countryText)\" is not a country name or code")
                    return []
                }
                let key = "\(edition)|\(country)"
                if let first = seen[key] {
                    row.fail(header["country"] ?? 0, "\(countryText) appears twice in \(edition) (first at line \(first))")
                    return []
                }
                seen[key] = line
                let footnote = row.text(header["footnote"], "footnote")
                let provenance = override ?? edition.rareEarthsProvenance()
                var out: [Indicator] = []
                for column in measures {
                    guard let text = row.text(column.index, "column \(column.index + 1)") else { continue }
                    let plain = text.filter { $0 != "," }
                    var value: Double? = nil
                    if let v = Double(plain) {
                        guard v.isFinite, v >= 0, v <= NumberBounds.tonnes else {
                            row.fail(column.index, "\"\(text)\" is not a finite tonnage between 0 and 1e10")
                            continue
                        }
                        value = v
                    } else if !(["NA", "W", "XX", "—", "-"].contains(plain) || plain.hasPrefix(">") || plain.hasPrefix("<")) {
                        row.fail(column.index, "\"\(text)\" is neither a number nor a USGS symbol (NA, W, >N)")
                        continue
                    }
                    // Reserves are a stock at the time of the edition: dated to the year before it.
                    let year = column.year ?? (edition.year - 1)
                    guard let period = Period.year(year) else { continue }
                    let notes = [
                        column.estimated ? "USGS estimate (\(year)e)" : nil, footnote.map { "footnote \($0)" },
                        column.measure == .reserves ? "reserves as published in \(edition)" : nil,
                    ].compactMap { $0 }
                    out.append(
                        Indicator(
                            measure: column.measure, country: country, stage: column.measure == .production ? .mining : nil,
                            scope: "REO", period: period, value: value, text: value == nil ? text : nil, unit: column.unit,
                            status: column.estimated ? .estimate : .reported, dataset: "USGS Mineral Commodity Summaries",
                            edition: edition.description, provenance: provenance, note: notes.isEmpty ? nil : notes.joined(separator: "; ")))
                }
                return row.failed ? [] : out
            }
            result.append(contentsOf: rows)
        }
        if result.isEmpty && issues.isEmpty { issues.add(line: 2, column: 1, "no data rows after the header") }
        guard issues.isEmpty else { throw issues.failure }
        return result
    }

    /// `mine_production_2024e_t_REO` → production, 2024, estimated, "t REO"; `reserves_t_REO` → reserves.
    static func column(_ name: String) -> (measure: Indicator.Measure, year: Int?, estimated: Bool, unit: String)? {
        let parts = name.split(separator: "_").map(String.init)
        if parts.count >= 4, parts[0] == "mine", parts[1] == "production" {
            var yearText = parts[2]
            let estimated = yearText.hasSuffix("e")
            if estimated { yearText.removeLast() }
            guard yearText.count == 4, let year = Int(yearText), (1900...2100).contains(year) else { return nil }
            return (.production, year, estimated, parts[3...].joined(separator: " "))
        }
        if parts.count >= 2, parts[0] == "reserves" {
            return (.reserves, nil, false, parts[1...].joined(separator: " "))
        }
        return nil
    }
}
