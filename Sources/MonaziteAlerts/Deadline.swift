public import MonaziteCore

/// Something that ends on a known day: a suspension of a control, or a licence.
public struct Deadline: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A suspension of a control; when it ends the control applies again unless renewed.
        case suspension
        /// A licence; when it ends shipments under it stop.
        case licence
    }

    public var id: String
    public var title: String
    public var kind: Kind
    /// The last day the suspension or licence holds.
    public var endDay: CalendarDay
    /// Elements concerned; empty means any.
    public var elements: Set<RareEarthElement>
    /// Destinations concerned; nil means all.
    public var destinations: Set<CountryCode>?
    public var url: String?

    public init(
        id: String, title: String, kind: Kind, endDay: CalendarDay, elements: Set<RareEarthElement> = [],
        destinations: Set<CountryCode>? = nil, url: String? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.endDay = endDay
        self.elements = elements
        self.destinations = destinations
        self.url = url
    }
}
