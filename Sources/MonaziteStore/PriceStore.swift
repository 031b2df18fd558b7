public import MonazitePrices
import Foundation

/// Where imported price quotes live (the bundled quotes ship with the program). Every backend
/// implements it; `Tests/MonaziteStoreContractTests` runs the same tests on both.
///
/// A quote is identified by its date, product, market basis, publisher and URL. Importing the same
/// quote again leaves it unchanged; the same identity with other figures is `StoreError.conflict`
/// and the whole file is refused (a correction is a new release or a new URL, never a silent edit).
public protocol PriceStore: Sendable {
    /// Saves the quotes of one file, all or nothing; an import with nothing new records no batch.
    func importPriceQuotes(_ quotes: [PriceObservation], file: String) async throws -> ImportReport
    /// Every imported quote, by date, product and basis.
    func priceQuotes() async throws -> [PriceObservation]
}

/// How a price quote is written to the `price_quote` table (migration "v8-price-quotes"), in one
/// place for both backends.
public enum PriceQuoteEncoding {
    /// The identity columns: date, product, basis, publisher, url.
    public static func key(_ q: PriceObservation) -> (date: String, product: String, basis: String, publisher: String, url: String) {
        (q.date.description, q.product, q.basis.rawValue, q.publisher, q.url)
    }

    /// The whole quote as canonical JSON (sorted keys), so that an identical quote compares equal.
    public static func document(_ q: PriceObservation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(q), as: UTF8.self)
    }

    public static func quote(document: String) throws -> PriceObservation {
        do { return try JSONDecoder().decode(PriceObservation.self, from: Data(document.utf8)) } catch {
            throw StoreError.fault("a stored price quote cannot be read back: \(error)")
        }
    }

    public static func conflict(_ q: PriceObservation, file: String) -> String {
        "\(file): the price quote \(q.date) \(q.product) (\(q.basis.rawValue)) by \(q.publisher) at \(q.url) is already stored with other figures; nothing was imported"
    }
}
