public import Foundation
import MonaziteCore
public import MonaziteIngest
public import MonazitePrices

/// Monazite's CSV of cited price quotes (docs/prices.md). Columns: `date`, `product`, `purity`,
/// `market_basis`, `low`, `high`, `currency`, `unit`, `vat_included`, `vat_rate`, `publisher`,
/// `source_title`, `url`, `via`, `via_url`, `release`, `note`. All or nothing: one bad cell and the
/// whole file is rejected with every problem located as `file:line:column: reason`.
public enum PriceCSVFormat {
    public static let columns = [
        "date", "product", "purity", "market_basis", "low", "high", "currency", "unit", "vat_included", "vat_rate", "publisher",
        "source_title", "url", "via", "via_url", "release", "note",
    ]
    public static let requiredColumns = ["date", "product", "market_basis", "low", "high", "currency", "unit", "vat_included", "publisher", "url"]

    public static func read(data: Data, file: String) throws(ImportFailure) -> [PriceObservation] {
        let result: Result<[PriceObservation], ImportFailure> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(ImportFailure) { return .success(try read(bytes: bytes, file: file)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func read(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ImportFailure) -> [PriceObservation] {
        var issues = IssueCollector(file: file)
        var record = CSVReader.Record()
        var reader = try CSVReader.open(bytes: bytes, file: file, header: &record)
        let header = CSVHeader(reader: reader, record: record, known: Set(columns), required: requiredColumns, issues: &issues)
        guard issues.isEmpty else { throw issues.failure }
        var result: [PriceObservation] = []
        while reader.nextDataRecord(into: &record, fieldCount: header.count, issues: &issues) {
            var row = Row(reader: reader, record: record, header: header.index, issues: issues)
            let p = row.observation()
            issues = row.issues
            if let p { result.append(p) }
        }
        guard issues.isEmpty else { throw issues.failure }
        return result
    }

    typealias Row = CSVTextRow
}

/// Monazite's CSV of cited exchange rates: `date`, `base`, `quote`, `rate`, `source`, `url`.
public enum FXCSVFormat {
    public static let columns = ["date", "base", "quote", "rate", "source", "url"]

    public static func read(data: Data, file: String) throws(ImportFailure) -> [FXRate] {
        let result: Result<[FXRate], ImportFailure> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(ImportFailure) { return .success(try read(bytes: bytes, file: file)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func read(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ImportFailure) -> [FXRate] {
        var issues = IssueCollector(file: file)
        var record = CSVReader.Record()
        var reader = try CSVReader.open(bytes: bytes, file: file, header: &record)
        let header = CSVHeader(reader: reader, record: record, known: Set(columns), required: columns, issues: &issues)
        guard issues.isEmpty else { throw issues.failure }
        var result: [FXRate] = []
        while reader.nextDataRecord(into: &record, fieldCount: header.count, issues: &issues) {
            var row = PriceCSVFormat.Row(reader: reader, record: record, header: header.index, issues: issues)
            var date: PriceDate?
            if let t = row.required("date") {
                date = PriceDate(parsing: t)
                if date == nil || date?.precision == .quarter { row.fail(row.col("date"), "date: \"\(t)\" is not YYYY-MM-DD or YYYY-MM") }
            }
            let base = row.required("base")
            let quote = row.required("quote")
            var rate: Double?
            if let v = row.number("rate") {
                if v > 0 { rate = v } else { row.fail(row.col("rate"), "rate must be above zero") }
            }
            let source = row.required("source")
            let url = row.required("url")
            if let date, let base, let quote, let rate, let source, let url, !row.failed {
                result.append(FXRate(date: date, base: base, quote: quote, rate: rate, source: source, url: url))
            }
            issues = row.issues
        }
        guard issues.isEmpty else { throw issues.failure }
        return result
    }
}

/// The cited prices and rates shipped with Monazite (`Resources/ree_prices_2025_2026.csv`,
/// `Resources/ree_prices_2024_2025_shared.csv`, `Resources/fx_rates.csv`, copies of data/prices/).
public enum BundledPrices {
    public static let pricesResource = "ree_prices_2025_2026.csv"
    /// Rows of the shared 2024–2025 file not in the 2025–2026 one (scripts/convert_shared_prices.py).
    public static let sharedPricesResource = "ree_prices_2024_2025_shared.csv"
    public static let fxResource = "fx_rates.csv"

    public static func prices() throws(ImportFailure) -> [PriceObservation] { try parsedPrices.get() }
    public static func fxRates() throws(ImportFailure) -> [FXRate] { try parsedFX.get() }

    private static let parsedPrices: Result<[PriceObservation], ImportFailure> = {
        do throws(ImportFailure) {
            let recent = try PriceCSVFormat.read(data: try resource(pricesResource), file: pricesResource)
            let shared = try PriceCSVFormat.read(data: try resource(sharedPricesResource), file: sharedPricesResource)
            return .success(shared + recent)
        } catch {
            return .failure(error)
        }
    }()

    private static let parsedFX: Result<[FXRate], ImportFailure> = {
        do throws(ImportFailure) { return .success(try FXCSVFormat.read(data: try resource(fxResource), file: fxResource)) } catch {
            return .failure(error)
        }
    }()

    private static func resource(_ name: String) throws(ImportFailure) -> Data {
        let stem = String(name.dropLast(4))
        guard
            let url = Bundle.module.url(forResource: stem, withExtension: "csv", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: stem, withExtension: "csv")
        else {
            throw ImportFailure(issues: [ImportIssue(file: name, line: 0, reason: "the bundled file is missing from the package resources")])
        }
        do { return try Data(contentsOf: url) } catch {
            throw ImportFailure(issues: [ImportIssue(file: name, line: 0, reason: "cannot read the bundled file: \(error)")])
        }
    }
}

/// This reader's cell checks on the shared row (`CSVTextRow`).
extension CSVTextRow {
    mutating func number(_ name: String) -> Double? {
        guard let i = header[name], let t = required(name) else { return nil }
        guard let v = Double(t), v.isFinite, v >= 0, v < 1e12 else {
            fail(i, "\(name): \"\(t)\" is not a non-negative number")
            return nil
        }
        return v
    }

    mutating func observation() -> PriceObservation? {
        var date: PriceDate?
        if let t = required("date") {
            date = PriceDate(parsing: t)
            if date == nil { fail(col("date"), "date: \"\(t)\" is not YYYY-MM-DD, YYYY-MM or YYYY-Qn") }
        }
        var product: String?
        if let t = required("product") {
            if PriceProduct.known.contains(t) { product = t } else {
                fail(col("product"), "product: \"\(t)\" is not a known product (\(PriceProduct.known.joined(separator: ", ")))")
            }
        }
        var basis: MarketBasis?
        if let t = required("market_basis") {
            basis = MarketBasis(rawValue: t)
            if basis == nil {
                fail(col("market_basis"), "market_basis: \"\(t)\" is not one of \(MarketBasis.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let low = number("low")
        let high = number("high")
        if let low, let high, low > high { fail(col("high"), "high \(high) is below low \(low)") }
        let currency = required("currency")
        var unit: PriceUnit?
        if let t = required("unit") {
            unit = PriceUnit(parsing: t)
            if unit == nil {
                fail(col("unit"), "unit: \"\(t)\" is not CUR/t or CUR/kg")
            } else if let currency, unit?.currency != currency {
                fail(col("unit"), "unit \"\(t)\" does not match currency \"\(currency)\"")
            }
        }
        var vat: VATStatus?
        if let t = required("vat_included") {
            vat = VATStatus(rawValue: t)
            if vat == nil { fail(col("vat_included"), "vat_included: \"\(t)\" is not yes, no or unknown") }
        }
        var vatRate: Double?
        if let t = text("vat_rate") {
            if let v = Double(t), v >= 0, v < 1 { vatRate = v } else {
                fail(col("vat_rate"), "vat_rate: \"\(t)\" is not a fraction such as 0.13")
            }
            if vat != .yes, vatRate != nil { fail(col("vat_rate"), "vat_rate is given but vat_included is not yes") }
        }
        let publisher = required("publisher")
        var url: String?
        if let t = required("url") {
            if t.hasPrefix("https://") || t.hasPrefix("http://") { url = t } else { fail(col("url"), "url: \"\(t)\" is not an http(s) address") }
        }
        guard let date, let product, let basis, let low, let high, let unit, let vat, let publisher, let url, !failed else { return nil }
        var note = text("note")
        if let via = text("via") {
            let v = "read via " + via + (text("via_url").map { " (\($0))" } ?? "")
            note = note.map { $0 + "; " + v } ?? v
        }
        return PriceObservation(
            date: date, product: product, purity: text("purity"), basis: basis, low: low, high: high, unit: unit, vatIncluded: vat,
            vatRate: vatRate, publisher: publisher, sourceTitle: text("source_title"), url: url, release: text("release"), note: note)
    }
}
