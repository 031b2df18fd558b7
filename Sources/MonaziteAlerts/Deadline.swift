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
    /// The materials concerned (the measure's scope; a licence's element or commodity).
    public var material: MaterialScope
    /// Destinations concerned; nil means all.
    public var destinations: Set<CountryCode>?
    public var url: String?

    public init(
        id: String, title: String, kind: Kind, endDay: CalendarDay, material: MaterialScope,
        destinations: Set<CountryCode>? = nil, url: String? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.endDay = endDay
        self.material = material
        self.destinations = destinations
        self.url = url
    }
}
