public import MonaziteCore

/// UN Comtrade CSV exports (the "Get data" download of comtradeplus.un.org).
///
/// Reads `period` (`YYYYMM` or `YYYY`, else `refYear` + `refMonth`), `reporterISO`,
/// `partnerISO` (`W00` is the world), `flowCode` (`X`, `M`, `RX`, `RM`), `cmdCode` (six digits),
/// the net weight `netWgt` in kg (else `qty` when `qtyUnitAbbr` is kg), and `primaryValue`
/// in USD. Rows that break a total down by second partner, customs procedure or transport
/// mode (`partner2ISO` ≠ W00, `customsCode` ≠ C00, `motCode` ≠ 0) are skipped and counted,
/// since the totals are what Monazite compares.
public enum ComtradeCSVFormat {
    public static let knownColumns: Set<String> = [
        "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
        "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
        "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode", "isOriginalClassification",
        "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc",
        "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty",
        "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue", "fobvalue",
        "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate",
    ]
    public static let requiredColumns = ["reporterISO", "partnerISO", "flowCode", "cmdCode"]
    public static let defaultSource = "UN Comtrade"

    /// Field values compared as packed bytes on the hot path (see `RowContext.packed`).
    static func pack(_ s: String) -> Int { s.utf8.reduce(0) { $0 << 8 | Int($1) } }
    static let w00 = pack("W00"), wld = pack("WLD"), c00 = pack("C00"), zero = pack("0"), x = pack("X"), m = pack("M")
    public static let defaultURL = "https://comtradeplus.un.org/"

    /// Counts of what a read did besides emitting observations.
    public struct Summary: Sendable {
        public var rows = 0
        public var skippedBreakdowns = 0
    }

    @discardableResult
    public static func read(
        bytes: UnsafeBufferPointer<UInt8>, file: String, provenance: Provenance, progress: ProgressHandler? = nil,
        sink: ObservationSink
    ) throws(ImportFailure) -> Summary {
        var issues = IssueCollector(file: file)
        var record = CSVReader.Record()
        var reader = try CSVReader.open(bytes: bytes, file: file, header: &record)
        let header = CSVHeader(reader: reader, record: record, known: knownColumns, required: requiredColumns, issues: &issues)
        if header["period"] == nil && header["refYear"] == nil {
            issues.add(line: 1, column: 1, "missing required column \"period\" (or \"refYear\")")
        }
        if header["netWgt"] == nil && header["qty"] == nil && header["primaryValue"] == nil {
            issues.add(line: 1, column: 1, "missing a quantity or value column (\"netWgt\", \"qty\" or \"primaryValue\")")
        }
        guard issues.isEmpty else { throw issues.failure }
        if let store = BulkImport.store {
            return try readBulk(reader: &reader, record: &record, header: header, provenance: provenance, progress: progress, store: store)
        }

        var summary = Summary()
        var seen: [PackedKey: Int] = [:]
        seen.reserveCapacity(max(1 << 12, bytes.count / 150))
        var countries: [Int: CountryCode] = [:]
        var commodities: [Int: HSCode] = [:]
        var periods: [Int: Period] = [:]
        while reader.nextDataRecord(into: &record, fieldCount: header.count, issues: &issues) {
            summary.rows += 1
            if summary.rows % 65536 == 0 { progress?(reader.bytesRead, reader.totalBytes) }
            let observation: Observation
            switch readRow(
                reader: reader, record: record, header: header, provenance: provenance, issues: &issues,
                countries: &countries, commodities: &commodities, periods: &periods)
            {
            case .breakdown:
                summary.skippedBreakdowns += 1
                continue
            case .rejected: continue
            case .observation(let o): observation = o
            }
            let key = PackedKey(observation)
            if let first = seen[key] {
                issues.add(line: record.line, column: 1, "duplicate key: same reporter, partner, flow, commodity and period as line \(first)")
                continue
            }
            seen[key] = record.line
            if issues.isEmpty, let reason = sink(observation, record.line) { issues.add(line: record.line, column: 1, reason) }
        }
        progress?(reader.totalBytes, reader.totalBytes)
        if summary.rows == 0 { issues.add(line: 2, column: 1, "no data rows after the header") }
        guard issues.isEmpty else { throw issues.failure }
        return summary
    }

    /// What one record gives on the row-at-a-time path.
    enum RowOutcome {
        /// A row that breaks a total down (second partner, customs procedure, transport mode): skipped and counted.
        case breakdown
        /// A row with problems, now in the issues.
        case rejected
        case observation(Observation)
    }

    /// One record through the row-at-a-time code; the bulk path sends every row it does not take itself here, so
    /// every problem message comes from one place.
    static func readRow(
        reader: borrowing CSVReader, record: CSVReader.Record, header: CSVHeader, provenance: Provenance, issues: inout IssueCollector,
        countries: inout [Int: CountryCode], commodities: inout [Int: HSCode], periods: inout [Int: Period]
    ) -> RowOutcome {
        withUnsafePointer(to: reader) { pointer in
            var row = RowContext(reader: pointer, record: record, issues: issues)
            defer { issues = row.issues }
            // Totals only: compared as bytes, this runs for every row.
            if let k = row.packed(header["partner2ISO"]), k != Self.w00, k != Self.wld { return .breakdown }
            if let k = row.packed(header["customsCode"]), k != Self.c00 { return .breakdown }
            if let k = row.packed(header["motCode"]), k != Self.zero { return .breakdown }
            guard let observation = parseRow(
                &row, header: header, provenance: provenance, countries: &countries, commodities: &commodities, periods: &periods)
            else { return .rejected }
            return .observation(observation)
        }
    }

    static func parseRow(
        _ row: inout RowContext, header: CSVHeader, provenance: Provenance, countries: inout [Int: CountryCode],
        commodities: inout [Int: HSCode], periods: inout [Int: Period]
    ) -> Observation? {
        var period: Period?
        if let key = row.packed(header["period"]), let p = periods[key] {
            period = p
        } else if let t = row.text(header["period"], "period") {
            period = Period(parsing: t)
            if let p = period, let key = row.packed(header["period"]) { periods[key] = p }
            if period == nil { row.fail(header["period"] ?? 0, "period: \"\(t)\" is not YYYYMM or YYYY") }
        } else if let y = row.number(header["refYear"], "refYear") {
            let m = row.number(header["refMonth"], "refMonth")
            if let m, m != 52, let month = Month(year: Int(y), month: Int(m)) {
                period = Period(month: month)
            } else {
                period = Period.year(Int(y))
            }
            if period == nil { row.fail(header["refYear"] ?? 0, "refYear: \(y) is not a year") }
        } else {
            row.fail(header["period"] ?? header["refYear"] ?? 0, "period is empty")
        }
        let reporter = row.country(header["reporterISO"], "reporterISO", cache: &countries)
        let partner = row.country(header["partnerISO"], "partnerISO", cache: &countries)
        var flow: TradeFlow?
        if let k = row.packed(header["flowCode"]), k == Self.x || k == Self.m {
            flow = k == Self.x ? .export : .import
        } else if let t = row.required(header["flowCode"], "flowCode") {
            flow = TradeFlow(parsing: t)
            if flow == nil { row.fail(header["flowCode"] ?? 0, "flowCode: \"\(t)\" is not X, M, RX or RM") }
        }
        var commodity: HSCode?
        if let key = row.packed(header["cmdCode"]), let c = commodities[key] {
            commodity = c
        } else if let t = row.required(header["cmdCode"], "cmdCode") {
            if let c = HSCode(t) {
                if let key = row.packed(header["cmdCode"]) { commodities[key] = c }
                commodity = c
            } else {
                row.fail(header["cmdCode"] ?? 0, "cmdCode: \"\(t)\" is not an HS chapter, heading or subheading (2, 4 or 6 digits)")
            }
        }
        var tonnes: Double?
        if let kg = row.number(header["netWgt"], "netWgt", limit: NumberBounds.kilograms) {
            tonnes = kg / 1000
        } else if let q = row.number(header["qty"], "qty", limit: NumberBounds.kilograms) {
            let unit = row.text(header["qtyUnitAbbr"], "qtyUnitAbbr") ?? ""
            if let u = MassUnit(parsing: unit) { tonnes = q * u.tonnes }
        }
        if let t = tonnes, t < 0 { row.fail(header["netWgt"] ?? header["qty"] ?? 0, "quantity is negative") }
        let value = row.number(header["primaryValue"], "primaryValue", limit: NumberBounds.valueUSD)
        if let v = value, v < 0 { row.fail(header["primaryValue"] ?? 0, "primaryValue: \(v) is negative") }
        if tonnes == nil && value == nil && !row.failed {
            row.fail(header["netWgt"] ?? header["primaryValue"] ?? 0, "row has neither a net weight in kg nor a value")
        }
        guard !row.failed, let period, let reporter, let partner, let flow, let commodity else { return nil }
        return Observation(
            key: SeriesKey(reporter: reporter, partner: partner, flow: flow, commodity: commodity), period: period,
            quantityTonnes: tonnes, valueUSD: value, status: .reported, provenance: provenance)
    }
}
