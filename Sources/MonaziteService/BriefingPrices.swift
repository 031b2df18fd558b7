import Foundation
import MonaziteCore
public import MonazitePrices

/// The briefing's prices and spreads: the month's NdPr, Dy and Tb oxide quotes in USD/kg
/// (derived, VAT as published), or the latest quotes before the month's end when the month has
/// none; the month's ex-China / China spreads and its stress index (derived; docs/prices.md).
public struct BriefingPrices: Codable, Sendable, Hashable {
    /// The products the section reports quotes for.
    public static let products = ["NdPr oxide", "Dy oxide", "Tb oxide"]

    /// True when at least one quote of the products is dated in the briefing's month.
    public var monthHasQuotes: Bool
    /// The month's quotes, or (when it has none) each product and basis's latest quote before the month's end.
    public var quotes: [PricesAnswer.Entry]
    /// The latest quote date of the products on or before the month's end.
    @NullWhenAbsent public var latestQuoteDate: String?
    /// Why there is no quote at all, when there is none.
    @NullWhenAbsent public var missing: String?
    /// Ex-China / China spreads dated in the month (derived; the stress index's inputs), with the two quotes' sources.
    public var spreads: [Spread]
    /// The month's stress index (derived), when it has one.
    @NullWhenAbsent public var stressIndex: StressIndexPoint?
    public var notes: [String]

    public struct Spread: Codable, Sendable, Hashable {
        public var spread: PriceSpread
        public var exChinaQuote: Quote
        public var chinaQuote: Quote

        enum CodingKeys: String, CodingKey {
            case spread
            case exChinaQuote = "ex_china_quote"
            case chinaQuote = "china_quote"
        }
    }

    /// A quote's source: publisher, URL, release.
    public struct Quote: Codable, Sendable, Hashable {
        public var publisher: String
        public var url: String
        @NullWhenAbsent public var release: String?
    }

    enum CodingKeys: String, CodingKey {
        case quotes, missing, spreads, notes
        case monthHasQuotes = "month_has_quotes"
        case latestQuoteDate = "latest_quote_date"
        case stressIndex = "stress_index"
    }
}

extension BriefingQueries {
    /// The prices section for `month` (as `YYYY-MM`), from the bundled price file.
    static func prices(month: String) throws(ServiceError) -> BriefingPrices {
        guard let monthEnd = PriceDate(parsing: month).flatMap({ PriceDate(parsing: "\($0.monthKey)-\(daysIn($0))") }) else {
            throw .invalid("period", "\"\(month)\" is not YYYY-MM")
        }
        let all = try PriceQueries.prices(currency: "USD")
        let dated: [(PriceDate, PricesAnswer.Entry)] = all.prices.compactMap { e in
            guard BriefingPrices.products.contains(e.product), let d = PriceDate(parsing: e.date) else { return nil }
            return (d, e)
        }
        let inMonth = dated.filter { $0.0.precision != .quarter && $0.0.monthKey == month }
        let before = dated.filter { $0.0.dayNumber <= monthEnd.dayNumber }
        let latest = before.max { $0.0 < $1.0 }?.0.description
        var quotes: [PricesAnswer.Entry]
        if !inMonth.isEmpty {
            quotes = inMonth.map(\.1)
        } else {
            // Each product and basis's latest quote before the month's end.
            var last: [String: (PriceDate, [PricesAnswer.Entry])] = [:]
            for (d, e) in before {
                let key = e.product + "|" + e.basis
                if let (ld, es) = last[key] {
                    if d == ld { last[key] = (ld, es + [e]) } else if ld < d { last[key] = (d, [e]) }
                } else {
                    last[key] = (d, [e])
                }
            }
            quotes = last.values.flatMap(\.1)
        }
        quotes.sort { ($0.date, $0.product, $0.basis) < ($1.date, $1.product, $1.basis) }
        let sources = Dictionary(all.prices.map { ($0.url, BriefingPrices.Quote(publisher: $0.publisher, url: $0.url, release: $0.release)) }, uniquingKeysWith: { a, _ in a })
        let spreadsAnswer = try PriceQueries.spreads()
        let spreads: [BriefingPrices.Spread] = spreadsAnswer.spreads.filter { $0.date.monthKey == month }.map { s in
            BriefingPrices.Spread(
                spread: s, exChinaQuote: sources[s.exChinaSource] ?? BriefingPrices.Quote(publisher: "price quote", url: s.exChinaSource, release: nil),
                chinaQuote: sources[s.chinaSource] ?? BriefingPrices.Quote(publisher: "price quote", url: s.chinaSource, release: nil))
        }
        var notes = all.notes
        if !spreads.isEmpty { notes += spreadsAnswer.notes }
        return BriefingPrices(
            monthHasQuotes: !inMonth.isEmpty, quotes: quotes, latestQuoteDate: latest,
            missing: latest == nil ? "the bundled price file holds no NdPr, Dy or Tb oxide quote on or before the end of \(month)" : nil,
            spreads: spreads, stressIndex: spreadsAnswer.stressIndex.first { $0.month == month }, notes: notes)
    }

    static func daysIn(_ d: PriceDate) -> String {
        let n = CalendarDay.daysIn(month: d.month, year: d.year)
        return n < 10 ? "0\(n)" : "\(n)"
    }
}
