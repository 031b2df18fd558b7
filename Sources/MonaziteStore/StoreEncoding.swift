import Foundation
public import MonaziteCore
public import MonazitePolicy

/// How domain values are written to columns (see ``StoreSchema``); every backend uses the same.
public enum StoreEncoding {
    /// A stored `derived_from` text back as inputs (written by this store, so it parses; anything
    /// else reads as none).
    public static func derivation(_ text: String?) -> [Derivation.Input] {
        guard let text, case .success(let inputs) = Derivation.parse(text) else { return [] }
        return inputs
    }
    public static func month(_ m: Month) -> Int { m.year * 100 + m.month }
    public static func month(_ v: Int) -> Month? { Month(year: v / 100, month: v % 100) }
    public static func release(_ d: CalendarDay?) -> Int { d.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? 0 }
    public static func release(_ v: Int) -> CalendarDay? {
        v == 0 ? nil : CalendarDay(year: v / 10000, month: v / 100 % 100, day: v % 100)
    }
    public static func period(first: Int, last: Int) -> Period? {
        guard let a = month(first), let b = month(last) else { return nil }
        return Period(first: a, last: b)
    }
}

/// How policy records are written to columns (migrations "v3-policy" and "v4-alerts"); every
/// backend uses the same.
public enum PolicyEncoding {
    /// A day as a `YYYYMMDD` integer (effective, granted, expires, evaluated_for).
    public static func day(_ d: CalendarDay) -> Int { d.year * 10000 + d.month * 100 + d.day }
    public static func day(_ v: Int) -> CalendarDay? { CalendarDay(year: v / 10000, month: v / 100 % 100, day: v % 100) }

    /// An event kept whole as JSON (sorted keys, so the same event is always the same text).
    public static func document(_ event: PolicyEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }

    /// A stored event back; a document that does not decode is a store error naming the event.
    public static func event(id: String, document: String) throws -> PolicyEvent {
        do {
            return try JSONDecoder().decode(PolicyEvent.self, from: Data(document.utf8))
        } catch {
            throw StoreError.fault("stored policy event '\(id)' cannot be read: \(error)")
        }
    }

    /// A licence's item as (`item_kind`, `item`): `element` with its symbol, or `commodity` with HS digits.
    public static func item(_ item: LicenceItem) -> (kind: String, item: String) {
        switch item {
        case .element(let e): ("element", e.symbol)
        case .commodity(let code): ("commodity", code)
        }
    }

    public static func item(kind: String, item: String) -> LicenceItem? {
        switch kind {
        case "element": RareEarthElement(parsing: item).map(LicenceItem.element)
        case "commodity": .commodity(item)
        default: nil
        }
    }

    /// The message of a licence already stored, the same in every backend.
    public static func duplicateLicence(_ licence: Licence, file: String) -> String {
        "\(file): licence '\(licence.reference)' of \(licence.holder) is already in the store; nothing was imported"
    }

    public static func duplicateEvent(_ id: String, file: String) -> String {
        "\(file): event id '\(id)' is already in the store; nothing was imported"
    }

    public static func invalidLicence(_ licence: Licence, problem: String, file: String) -> String {
        "\(file): licence \(licence.reference): \(problem); nothing was imported"
    }
}
