public import MonaziteCore

/// What a licence covers: one element (in any form) or one HS code or prefix.
public enum LicenceItem: Sendable, Hashable, Codable, CustomStringConvertible {
    case element(RareEarthElement)
    /// HS digits, no dots (`850511`).
    case commodity(String)

    /// Accepts an element symbol or name (`Dy`, `dysprosium`) or an HS code (`8505.11`).
    public init?(parsing text: String) {
        if let e = RareEarthElement(parsing: text) {
            self = .element(e)
        } else if let code = CommodityMapping.normalise(text) {
            self = .commodity(code)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .element(let e): e.symbol
        case .commodity(let code): CommodityMapping.display(code)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let item = LicenceItem(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an element or HS code: \(text)")
        }
        self = item
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A licence's type under MOFCOM's dual-use regime.
public enum LicenceKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// Multi-shipment licence valid for a period.
    case general
    /// One contract or shipment.
    case singleShipment = "single_shipment"

    /// Accepts `general`, `single_shipment`, `single-shipment`, `singleShipment`, `single`.
    public init?(parsing text: String) {
        switch text.lowercased().filter({ $0 != "_" && $0 != "-" && $0 != " " }) {
        case "general": self = .general
        case "singleshipment", "single": self = .singleShipment
        default: return nil
        }
    }
}

/// An export licence a user holds (their own records, not public data).
public struct Licence: Sendable, Hashable, Codable {
    /// The store's id; nil before it is saved.
    public var id: Int64?
    public var holder: String
    public var item: LicenceItem
    public var destination: CountryCode
    public var quantityKg: Double?
    public var granted: CalendarDay
    /// Last day of validity (inclusive).
    public var expires: CalendarDay
    public var kind: LicenceKind
    /// The licence number or the user's reference; unique per holder.
    public var reference: String
    public var note: String?

    public init(
        id: Int64? = nil, holder: String, item: LicenceItem, destination: CountryCode, quantityKg: Double? = nil,
        granted: CalendarDay, expires: CalendarDay, kind: LicenceKind, reference: String, note: String? = nil
    ) {
        self.id = id
        self.holder = holder
        self.item = item
        self.destination = destination
        self.quantityKg = quantityKg
        self.granted = granted
        self.expires = expires
        self.kind = kind
        self.reference = reference
        self.note = note
    }

    /// Why a licence is not acceptable, or nil.
    public var problem: String? {
        if holder.allSatisfy(\.isWhitespace) { return "holder is empty" }
        if reference.allSatisfy(\.isWhitespace) { return "reference is empty" }
        if expires < granted { return "expires \(expires) is before granted \(granted)" }
        if let q = quantityKg, !(q.isFinite && q >= 0) { return "quantity_kg must be a number ≥ 0" }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case id, holder, item, destination, granted, expires, kind, reference, note
        case quantityKg = "quantity_kg"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(holder, forKey: .holder)
        try c.encode(item, forKey: .item)
        try c.encode(destination, forKey: .destination)
        try c.encode(quantityKg, forKey: .quantityKg)
        try c.encode(granted, forKey: .granted)
        try c.encode(expires, forKey: .expires)
        try c.encode(kind, forKey: .kind)
        try c.encode(reference, forKey: .reference)
        try c.encode(note, forKey: .note)
    }
}

/// A licence's standing on a day: valid, expiring soon, expired or not yet valid.
public struct LicenceStanding: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Codable, Hashable {
        case valid
        case expiresSoon = "expires_soon"
        case expired
        case notYetValid = "not_yet_valid"
    }

    public var state: State
    /// Days from the day to the last valid day (negative once expired).
    public var daysLeft: Int
    public var message: String

    /// - Parameter warnDays: a licence whose last day is within this many days is `expiresSoon`.
    public static func of(_ licence: Licence, on day: CalendarDay, warnDays: Int = 30) -> LicenceStanding {
        let left = day.days(until: licence.expires)
        if left < 0 {
            return LicenceStanding(state: .expired, daysLeft: left, message: "expired on \(licence.expires) (\(-left) days ago)")
        }
        if day < licence.granted {
            return LicenceStanding(state: .notYetValid, daysLeft: left, message: "valid from \(licence.granted)")
        }
        if left <= warnDays {
            let when = left == 0 ? "today is its last day" : "expires in \(left) days, on \(licence.expires)"
            return LicenceStanding(state: .expiresSoon, daysLeft: left, message: when)
        }
        return LicenceStanding(state: .valid, daysLeft: left, message: "valid until \(licence.expires)")
    }

    enum CodingKeys: String, CodingKey {
        case state, message
        case daysLeft = "days_left"
    }
}
