public import MonaziteCore

/// The observation CSV: Monazite's open interchange format (PRODUCT.md section 4).
///
/// Required columns: `period`, `reporter`, `partner`, `flow`, `commodity`, `source`, and
/// `quantity` (with `unit`) or `value_usd`. Optional: `value_usd`, `status`, `url`, `release`,
/// and Monazite's additions `reported_mom_pct`, `reported_yoy_pct`, `note`, `derived_from`
/// (``Derivation``). Any other column
/// is rejected.
public enum ObservationCSVFormat {
    public static let requiredColumns = ["period", "reporter", "partner", "flow", "commodity", "source"]
    public static let optionalColumns = [
        "quantity", "unit", "value_usd", "status", "url", "release", "reported_mom_pct", "reported_yoy_pct", "note",
        "derived_from",
    ]

    /// Reads every row, hands each valid observation to `sink`, and throws every problem found.
    ///
    /// Rows are checked for: field count, period, country codes, flow, commodity code,
    /// numbers, units, status, release date, an empty source, and a duplicate key (same
    /// series, period and release) within the file.
    public static func read(
        bytes: UnsafeBufferPointer<UInt8>, file: String, progress: ProgressHandler? = nil, sink: ObservationSink
    ) throws(ImportFailure) {
        var issues = IssueCollector(file: file)
        var record = CSVReader.Record()
        var reader = try CSVReader.open(bytes: bytes, file: file, header: &record)
        let header = CSVHeader(
            reader: reader, record: record, known: Set(requiredColumns + optionalColumns), required: requiredColumns,
            issues: &issues)
        if header["quantity"] == nil && header["value_usd"] == nil {
            issues.add(line: 1, column: 1, "missing required column \"quantity\" (or \"value_usd\")")
        }
        if header["quantity"] != nil && header["unit"] == nil {
            issues.add(line: 1, column: 1, "missing column \"unit\": quantities need a unit (t or kg)")
        }
        guard issues.isEmpty else { throw issues.failure }

        var seen: [PackedKey: Int] = [:]
        var countries: [String: CountryCode] = [:]
        var rows = 0
        while reader.nextDataRecord(into: &record, fieldCount: header.count, issues: &issues) {
            rows += 1
            if rows % 65536 == 0 { progress?(reader.bytesRead, reader.totalBytes) }
            let observation: Observation? = withUnsafePointer(to: reader) { pointer in
                var row = RowContext(reader: pointer, record: record, issues: issues)
                defer { issues = row.issues }
                return parseRow(&row, header: header, countries: &countries)
            }
            guard let observation else { continue }
            let key = PackedKey(observation)
            if let first = seen[key] {
                issues.add(line: record.line, column: 1, "duplicate key: same series, period and release as line \(first)")
                continue
            }
            seen[key] = record.line
            if issues.isEmpty, let reason = sink(observation, record.line) {
                issues.add(line: record.line, column: 1, reason)
            }
        }
        progress?(reader.totalBytes, reader.totalBytes)
        if rows == 0 { issues.add(line: 2, column: 1, "no data rows after the header") }
        guard issues.isEmpty else { throw issues.failure }
    }

    private static func parseRow(_ row: inout RowContext, header: CSVHeader, countries: inout [String: CountryCode]) -> Observation? {
        let periodText = row.required(header["period"], "period")
        var period: Period?
        if let periodText {
            period = Period(parsing: periodText)
            if period == nil {
                row.fail(header["period"] ?? 0, "period: \"\(periodText)\" is not a period (YYYY-MM, YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM..YYYY-MM)")
            }
        }
        let reporter = row.country(header["reporter"], "reporter", cache: &countries)
        let partner = row.country(header["partner"], "partner", cache: &countries)
        var flow: TradeFlow?
        if let t = row.required(header["flow"], "flow") {
            flow = TradeFlow(parsing: t)
            if flow == nil { row.fail(header["flow"] ?? 0, "flow: \"\(t)\" is not export, import, re-export or re-import") }
        }
        var commodity: HSCode?
        var nationalCode: String?
        if let t = row.required(header["commodity"], "commodity") {
            commodity = HSCode(t)
            if commodity == nil {
                row.fail(header["commodity"] ?? 0, "commodity: \"\(t)\" is not an HS code (chapter 28, heading 2846, subheading 8505.11, a national line of 8 or 10 digits) or a customs aggregate (cn-rare-earths)")
            }
            let digits = t.filter(\.isNumber)
            if digits.count > 6 { nationalCode = digits }
        }
        var quantity = row.number(header["quantity"], "quantity", limit: NumberBounds.kilograms)
        if let q = quantity {
            if q < 0 { row.fail(header["quantity"] ?? 0, "quantity: \(q) is negative") }
            if let t = row.text(header["unit"], "unit") {
                if let unit = MassUnit(parsing: t) {
                    quantity = q * unit.tonnes
                    if q * unit.tonnes > NumberBounds.tonnes {
                        row.fail(header["quantity"] ?? 0, "quantity: \(q) \(t) is beyond the bound of \(NumberBounds.tonnes) t (docs/data.md)")
                    }
                } else {
                    row.fail(header["unit"] ?? 0, "unit: \"\(t)\" is not a unit of mass (t or kg)")
                }
            } else {
                row.fail(header["unit"] ?? 0, "unit is empty: a quantity needs a unit (t or kg)")
            }
        }
        let value = row.number(header["value_usd"], "value_usd", limit: NumberBounds.valueUSD)
        if let v = value, v < 0 { row.fail(header["value_usd"] ?? 0, "value_usd: \(v) is negative") }
        if quantity == nil && value == nil && !row.failed {
            row.fail(header["quantity"] ?? header["value_usd"] ?? 0, "row has neither a quantity nor a value")
        }
        var status = DataStatus.reported
        if let t = row.text(header["status"], "status") {
            if let s = DataStatus(rawValue: t.lowercased()) { status = s } else {
                row.fail(header["status"] ?? 0, "status: \"\(t)\" is not reported, derived or estimate")
            }
        }
        let source = row.required(header["source"], "source")
        var release: CalendarDay?
        if let t = row.text(header["release"], "release") {
            release = CalendarDay(parsing: t)
            if release == nil { row.fail(header["release"] ?? 0, "release: \"\(t)\" is not a date (YYYY-MM-DD)") }
        }
        let url = row.text(header["url"], "url")
        let mom = row.number(header["reported_mom_pct"], "reported_mom_pct", limit: NumberBounds.percent)
        let yoy = row.number(header["reported_yoy_pct"], "reported_yoy_pct", limit: NumberBounds.percent)
        let note = row.text(header["note"], "note")
        var derivedFrom: [Derivation.Input] = []
        if let t = row.text(header["derived_from"], "derived_from") {
            switch Derivation.parse(t) {
            case .success(let inputs): derivedFrom = inputs
            case .failure(let e): row.fail(header["derived_from"] ?? 0, "derived_from: \(e.reason)")
            }
            if status != .derived && !derivedFrom.isEmpty {
                row.fail(header["derived_from"] ?? 0, "derived_from is only for rows whose status is derived")
            }
        }
        guard !row.failed, let period, let reporter, let partner, let flow, let commodity, let source else { return nil }
        return Observation(
            key: SeriesKey(reporter: reporter, partner: partner, flow: flow, commodity: commodity), period: period,
            quantityTonnes: quantity, valueUSD: value, status: status,
            provenance: Provenance(source: source, url: url, release: release), reportedMoMPct: mom, reportedYoYPct: yoy,
            nationalCode: nationalCode, note: note, derivedFrom: derivedFrom)
    }
}
