public import MonaziteCore

/// A dated event drawn as a vertical marker on the monthly charts (a policy measure, a deal).
///
/// The dashboard does not know where markers come from: the caller builds them (for example
/// from the policy timeline) and every text is escaped when drawn.
public struct ChartEventMarker: Sendable, Hashable {
    public var day: CalendarDay
    /// Short text drawn beside the marker and listed under the chart.
    public var label: String
    /// Where the event is documented; the marker links to it.
    public var url: String?
    /// A category such as `export_licensing` or `suspension`; styles the marker.
    public var kind: String

    public init(day: CalendarDay, label: String, url: String? = nil, kind: String) {
        self.day = day
        self.label = label
        self.url = url
        self.kind = kind
    }
}
