public import Foundation
import MonaziteIngest
import MonazitePriceFile
public import MonazitePrices

/// Cited price quotes, as published and (on request) converted to USD/kg (derived).
public struct PricesAnswer: Codable, Sendable, Hashable {
    public var prices: [Entry]
    public var notes: [String]

    public struct Entry: Codable, Sendable, Hashable {
        public var date: String
        public var product: String
        @NullWhenAbsent public var purity: String?
        public var basis: String
        public var low: Double
        public var high: Double
        public var unit: String
        public var vatIncluded: String
        /// USD/kg figures (derived), when asked for with `currency=USD` or `ex_vat`.
        @NullWhenAbsent public var usdPerKgLow: Double?
        @NullWhenAbsent public var usdPerKgHigh: Double?
        @NullWhenAbsent public var conversion: String?
        public var publisher: String
        @NullWhenAbsent public var sourceTitle: String?
        public var url: String
        @NullWhenAbsent public var release: String?
        @NullWhenAbsent public var note: String?

        enum CodingKeys: String, CodingKey {
            case date, product, purity, basis, low, high, unit, conversion, publisher, url, release, note
            case vatIncluded = "vat_included"
            case usdPerKgLow = "usd_per_kg_low"
            case usdPerKgHigh = "usd_per_kg_high"
            case sourceTitle = "source_title"
        }
    }

    public var report: Report {
        let rows: [[Cell]] = prices.map { e in
            [
                .text(e.date), .text(e.product), .text(e.basis), Cell.number(e.low, decimals: 2), Cell.number(e.high, decimals: 2),
                .text(e.unit), .text(e.vatIncluded), Cell(display: e.usdPerKgLow.map { String(format: "%.2f", $0) } ?? "", raw: Format.raw(e.usdPerKgLow)),
                Cell(display: e.usdPerKgHigh.map { String(format: "%.2f", $0) } ?? "", raw: Format.raw(e.usdPerKgHigh)),
                .text(e.conversion), .text(e.publisher), .text(e.url), .text(e.release),
            ]
        }
        return Report(
            title: "\(prices.count) price quotes",
            columns: [
                "date", "product", "basis", "low", "high", "unit", Column("vat_included", "VAT"), Column("usd_per_kg_low", "USD/kg low"),
                Column("usd_per_kg_high", "USD/kg high"), "conversion", "publisher", Column("url", csvOnly: true),
                Column("release", csvOnly: true),
            ],
            rows: rows, answer: self, notes: notes)
    }
}

/// Ex-China / China ratios and the monthly stress index (all derived; docs/prices.md).
public struct SpreadsAnswer: Codable, Sendable, Hashable {
    public var spreads: [PriceSpread]
    public var stressIndex: [StressIndexPoint]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case spreads, notes
        case stressIndex = "stress_index"
    }

    public var report: Report {
        let rows: [[Cell]] = spreads.map { s in
            [
                .text(s.date.description), .text(s.product), .text(s.exChinaBasis.rawValue), Cell.number(s.exChinaUSDPerKg, decimals: 2),
                .text(s.chinaDate.description), .text(s.chinaBasis), Cell.number(s.chinaUSDPerKg, decimals: 2),
                Cell.number(s.ratio, decimals: 2), .text(s.exChinaSource), .text(s.chinaSource),
            ]
        }
        var notes = notes
        notes += stressIndex.map {
            "stress index \($0.month): \(String(format: "%.0f", $0.index)) (derived; 100 = parity; \($0.products.joined(separator: ", ")); \($0.spreadCount) spreads)"
        }
        return Report(
            title: "\(spreads.count) ex-China / China spreads (derived)",
            columns: [
                "date", "product", Column("ex_china_basis", "ex-China basis"), Column("ex_china_usd_per_kg", "ex-China USD/kg"),
                Column("china_date", "China date"), Column("china_basis", "China basis"), Column("china_usd_per_kg", "China USD/kg"),
                "ratio", Column("ex_china_source", csvOnly: true), Column("china_source", csvOnly: true),
            ],
            rows: rows, answer: self, notes: notes)
    }
}

/// A price file given instead of the bundled one (CLI `--file`), in the price CSV format.
public struct PriceFileInput: Sendable {
    public let name: String
    public let data: Data
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

public enum PriceQueries {
    /// The bundled quotes and the quotes imported into the store (or, instead of both, those of
    /// `file`, validated all or nothing), and the bundled FX table. An imported quote equal to a
    /// bundled one is counted once.
    static func bundled(_ file: PriceFileInput? = nil, stored: [PriceObservation] = []) throws(ServiceError) -> ([PriceObservation], FXTable) {
        let fx: FXTable
        do { fx = FXTable(rates: try BundledPrices.fxRates()) } catch {
            throw ServiceError(.notFound, "the bundled FX file cannot be read: \(error)")
        }
        if let file {
            do { return (try PriceCSVFormat.read(data: file.data, file: file.name), fx) } catch {
                throw ServiceError(.invalidParameter, parameter: "file", error.description)
            }
        }
        let shipped: [PriceObservation]
        do { shipped = try BundledPrices.prices() } catch {
            throw ServiceError(.notFound, "the bundled price file cannot be read: \(error)")
        }
        guard !stored.isEmpty else { return (shipped, fx) }
        let known = Set(shipped)
        return (shipped + stored.filter { !known.contains($0) }, fx)
    }

    /// The note naming where the quotes come from.
    static func originNote(file: PriceFileInput?, stored: [PriceObservation]) -> String {
        if let file { return "prices read from \(file.name)" }
        let bundled =
            "bundled prices: data/prices/ree_prices_2025_2026.csv (sources and caveats: data/prices/NOTES.md) and data/prices/ree_prices_2024_2025_shared.csv (from ../shared/data/curated; docs/prices.md)"
        return stored.isEmpty ? bundled : bundled + "; plus \(stored.count) quotes imported into the store (monazite import)"
    }

    /// Quotes filtered by product, basis and date range (`from`/`to` as `YYYY-MM-DD`, `YYYY-MM` or
    /// `YYYY-Qn`, compared by day number). `currency` may be nil (as published) or `USD`; `exVAT`
    /// implies USD and removes VAT that the quote includes.
    public static func prices(
        product: String? = nil, basis: String? = nil, from: String? = nil, to: String? = nil, currency: String? = nil,
        exVAT: Bool = false, file: PriceFileInput? = nil, stored: [PriceObservation] = []
    ) throws(ServiceError) -> PricesAnswer {
        let (all, fx) = try bundled(file, stored: stored)
        if let product, !PriceProduct.known.contains(product) {
            throw .invalid("product", "\"\(product)\" is not one of \(PriceProduct.known.joined(separator: ", "))")
        }
        var marketBasis: MarketBasis?
        if let basis {
            guard let b = MarketBasis(rawValue: basis) else {
                throw .invalid("basis", "\"\(basis)\" is not one of \(MarketBasis.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            marketBasis = b
        }
        let fromDate = try date(from, "from")
        let toDate = try date(to, "to")
        if let currency, currency != "USD" { throw .invalid("currency", "only USD is supported (got \"\(currency)\")") }
        let convert = currency == "USD" || exVAT
        var unconverted = 0
        let entries: [PricesAnswer.Entry] = all.filter { p in
            (product == nil || p.product == product) && (marketBasis == nil || p.basis == marketBasis)
                && (fromDate.map { p.date.dayNumber >= $0.dayNumber } ?? true) && (toDate.map { p.date.dayNumber <= $0.dayNumber } ?? true)
        }.sorted { ($0.date, $0.product, $0.basis.rawValue) < ($1.date, $1.product, $1.basis.rawValue) }.map { p in
            var low: Double?
            var high: Double?
            var conversion: String?
            if convert {
                switch PriceConversion.toUSDPerKg(p, fx: fx, exVAT: exVAT) {
                case .success(let c):
                    low = c.low
                    high = c.high
                    conversion =
                        "derived: " + (c.fx.map { "÷ \($0.rate) \($0.quote)/\($0.base) (\($0.date), \($0.url)); " } ?? "") + c.vatNote
                case .failure(let e):
                    unconverted += 1
                    conversion = "not converted: " + e.reason
                }
            }
            return PricesAnswer.Entry(
                date: p.date.description, product: p.product, purity: p.purity, basis: p.basis.rawValue, low: p.low, high: p.high,
                unit: p.unit.description, vatIncluded: p.vatIncluded.rawValue, usdPerKgLow: low, usdPerKgHigh: high, conversion: conversion,
                publisher: p.publisher, sourceTitle: p.sourceTitle, url: p.url, release: p.release, note: p.note)
        }
        var notes = [originNote(file: file, stored: stored)]
        if convert {
            notes.append(
                "USD/kg figures are derived: the nearest cited USD rate within \(fx.maxGapDays) days (data/prices/fx_rates.csv); China-domestic VAT taken as 13% unless the row states a rate (docs/prices.md)"
            )
            if unconverted > 0 { notes.append("\(unconverted) quotes not converted: no cited rate within \(fx.maxGapDays) days") }
        }
        return PricesAnswer(prices: entries, notes: notes)
    }

    public static func spreads(
        product: String? = nil, file: PriceFileInput? = nil, stored: [PriceObservation] = []
    ) throws(ServiceError) -> SpreadsAnswer {
        let (all, fx) = try bundled(file, stored: stored)
        if let product, !PriceProduct.known.contains(product) {
            throw .invalid("product", "\"\(product)\" is not one of \(PriceProduct.known.joined(separator: ", "))")
        }
        let spreads = Spreads.compute(all, fx: fx, product: product)
        var notes = [
            "derived: ex-China quote ÷ the China-domestic quote of the same product nearest in date (≤ 7 days for a dated quote, ≤ 16 for a month), both USD/kg midpoints, China VAT (13%) removed; US rows (realised price, contract floor) left out (docs/prices.md)"
        ]
        if spreads.contains(where: { $0.caveat != nil }) { notes.append(europeanQuoteCaveat) }
        if file != nil || !stored.isEmpty { notes.append(originNote(file: file, stored: stored)) }
        return SpreadsAnswer(spreads: spreads, stressIndex: Spreads.stressIndex(spreads), notes: notes)
    }

    static func date(_ text: String?, _ name: String) throws(ServiceError) -> PriceDate? {
        guard let text else { return nil }
        guard let d = PriceDate(parsing: text) else { throw .invalid(name, "\"\(text)\" is not YYYY-MM-DD, YYYY-MM or YYYY-Qn") }
        return d
    }
}

/// Floor-price top-ups of a contract for a price path (derived; docs/prices.md).
public struct ContractAnswer: Codable, Sendable, Hashable {
    public var contract: FloorPriceContract
    public var path: String
    public var topUps: [TopUp]
    @NullWhenAbsent public var total: Double?
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case contract, path, total, notes
        case topUps = "top_ups"
    }

    public var report: Report {
        let rows: [[Cell]] = topUps.map { t in
            [
                .text(t.period), Cell.number(t.referencePrice, decimals: 2), .int(t.referencePoints),
                Cell.number(t.tonnes, decimals: 0), Cell.number(t.payment, decimals: 0), .text(t.volumeSource), .text(t.reason),
            ]
        }
        var notes = ["\(contract.name): floor \(contract.currency) \(contract.floor.formatted())/kg, \(contract.termYears) years from \(contract.start); path: \(path)"]
        if let total { notes.append("total top-up (derived): \(contract.currency) \(String(format: "%.0f", total))") }
        notes += self.notes
        return Report(
            title: "Floor-price top-ups (derived)",
            columns: [
                "period", Column("reference_price", "reference USD/kg"), Column("reference_points", "points"), "tonnes",
                Column("payment", "top-up USD"), Column("volume_source", "volume source"), "reason",
            ],
            rows: rows, answer: self, notes: notes)
    }
}

extension PriceQueries {
    /// The id of the bundled contract in the API (`/api/v1/contracts/dod-mp-materials`).
    public static let dodMPContractID = "dod-mp-materials"

    /// The DoD–MP Materials NdPr floor's top-ups at a constant price or along the bundled China
    /// history; `tonnesPerQuarter` replaces the reported volumes, `periods` picks quarters.
    /// With `file` (a scenario: a price CSV), the path is that file's quotes of the contract's
    /// product on any basis, in USD/kg with VAT removed where included (derived), quarter means.
    public static func contract(
        constant: Double? = nil, tonnesPerQuarter: Double? = nil, periods: [String]? = nil, file: PriceFileInput? = nil
    ) throws(ServiceError) -> ContractAnswer {
        let c = BundledContracts.dodMPMaterials
        // Bounds far above any real price or plant, so that no top-up can overflow to infinity.
        if let constant, !(constant.isFinite && constant >= 0 && constant <= 1_000_000) {
            throw .invalid("constant", "must be a price from 0 to 1,000,000 USD/kg")
        }
        if let tonnesPerQuarter, !(tonnesPerQuarter.isFinite && tonnesPerQuarter >= 0 && tonnesPerQuarter <= 1_000_000) {
            throw .invalid("tonnes-per-quarter", "must be a quantity from 0 to 1,000,000 t a quarter")
        }
        let path: ReferencePricePath
        let description: String
        if constant != nil, file != nil { throw .invalid("constant", "give a constant or a price file, not both") }
        if let periods {
            let term = c.quarters
            for p in periods where !term.contains(p) {
                throw .invalid("periods", "\"\(p)\" is not a quarter of the contract's term (YYYY-Qn, \(term.first ?? "")…\(term.last ?? ""))")
            }
        }
        if let constant {
            path = .constant(constant)
            description = "constant USD \(constant.formatted())/kg"
        } else if let file {
            let (quotes, fx) = try bundled(file)
            let series = quotes.filter { $0.product == c.product }.compactMap { p -> DatedPrice? in
                guard case .success(let u) = PriceConversion.toUSDPerKg(p, fx: fx, exVAT: true) else { return nil }
                return DatedPrice(date: p.date, price: u.mid)
            }
            description = "\(c.product) quotes of \(file.name), USD/kg with VAT removed where included (derived), quarter mean"
            path = .series(series, description: description)
        } else {
            let series: [DatedPrice]
            do { series = try BundledPrices.chinaReferenceSeries(product: c.product) } catch {
                throw ServiceError(.notFound, "the bundled price file cannot be read: \(error)")
            }
            description = "bundled SMM China-domestic NdPr oxide, 13% VAT removed, USD/kg (derived), quarter mean"
            path = .series(series, description: description)
        }
        let topUps = FloorTopUps.compute(c, path: path, periods: periods, volumeOverride: tonnesPerQuarter)
        let payments = topUps.compactMap(\.payment)
        var notes = [c.settlementNote, c.referenceNote, "not modelled: " + c.notModelled.joined(separator: "; ")]
        notes.append("these top-ups are not MP's reported price-protection income, which also covers stockpiled volume and uses an unpublished index")
        return ContractAnswer(
            contract: c, path: description, topUps: topUps, total: payments.isEmpty ? nil : payments.reduce(0, +), notes: notes)
    }
}
