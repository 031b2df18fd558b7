public import MonaziteCore

/// What an import does with one incoming row, given what is stored under its key.
public enum ImportDecision: Equatable, Sendable {
    /// Nothing is stored under its key and no earlier release of its period: store it.
    case insert
    /// Nothing is stored under its key, but an earlier release of its period is: store it
    /// beside that one (never over it) and count it as a revision.
    case revision
    /// The same as what is stored under its key: nothing to do, counted as unchanged.
    case unchanged
    /// Different from what is stored under its key: the whole import is refused, for this reason.
    case conflict(String)

    /// True when the row is to be stored (as a new figure or a revision).
    public var stores: Bool {
        switch self {
        case .insert, .revision: true
        case .unchanged, .conflict: false
        }
    }
}

/// The part of a stored trade figure an import compares an incoming one with.
public struct StoredFigure: Equatable, Sendable {
    public var quantity: Double?
    public var value: Double?
    /// ``DataStatus`` raw value, as stored.
    public var status: String
    public var sourceID: Int64

    public init(quantity: Double?, value: Double?, status: String, sourceID: Int64) {
        self.quantity = quantity
        self.value = value
        self.status = status
        self.sourceID = sourceID
    }

    /// What `o` will be once stored with source `sourceID`.
    public init(_ o: Observation, sourceID: Int64) {
        self.init(quantity: o.quantityTonnes, value: o.valueUSD, status: o.status.rawValue, sourceID: sourceID)
    }
}

/// The import rules every store applies, in one place and without I/O: each backend looks up
/// what is stored under an incoming row's key (its own way: a query, a preloaded map) and asks
/// here what to do with the row. So SQLite and PostgreSQL cannot drift apart on conflicts,
/// tolerances, revisions or the messages a user reads.
public enum ImportPlanner {
    /// Figures differing by at most this fraction of the stored one (or this much, below 1) are
    /// the same figure: a re-import through a float round trip is not a conflict.
    public static let relativeTolerance = 1e-9

    /// Whether two stored figures are the same, to ``relativeTolerance``; a missing figure is
    /// the same only as another missing one.
    public static func same(_ stored: Double?, _ incoming: Double?) -> Bool {
        switch (stored, incoming) {
        case (nil, nil): true
        case (let x?, let y?): abs(x - y) <= relativeTolerance * max(1, abs(x))
        default: false
        }
    }

    // MARK: Trade figures

    /// A trade figure against the store.
    ///
    /// - Parameters:
    ///   - stored: the figure stored under the same series, period and release, or nil.
    ///   - earliestStoredRelease: the earliest release (``StoreEncoding/release(_:)-swift.type.method``,
    ///     0 for none) stored for the same series and period, this row aside; nil when there is none.
    ///     Figures stored earlier in the same import count.
    ///
    /// Same figures, status and source: unchanged. Anything else under the same release: a
    /// conflict (a revision needs a later release date). Nothing under this release but an
    /// earlier one stored: a revision.
    public static func observation(
        _ o: Observation, sourceID: Int64, stored: StoredFigure?, earliestStoredRelease: Int?
    ) -> ImportDecision {
        if let stored {
            let same =
                same(stored.quantity, o.quantityTonnes) && same(stored.value, o.valueUSD) && stored.status == o.status.rawValue
                && stored.sourceID == sourceID
            return same ? .unchanged : .conflict(conflictReason(o, stored: stored))
        }
        if let earliest = earliestStoredRelease, earliest < StoreEncoding.release(o.provenance.release) { return .revision }
        return .insert
    }

    /// Why `o` cannot be stored beside `stored` (same series, period and release).
    public static func conflictReason(_ o: Observation, stored: StoredFigure) -> String {
        let shown = stored.quantity.map { "\($0) t" } ?? stored.value.map { "USD \($0)" } ?? "?"
        let release = o.provenance.release?.description ?? "no release date"
        return "\(o.key.reporter) \(o.key.flow) \(o.key.commodity) \(o.key.partner) \(o.period) (\(release)) is already stored "
            + "with a different figure (\(shown)); a revision needs a later release date"
    }

    // MARK: USGS salient statistics

    /// Where a salient statistic is stored: one cell per edition, country, commodity, section,
    /// subsection, item and year (the table's unique key).
    public struct SalientCell: Hashable, Sendable {
        public let edition: String
        public let country: String
        public let commodityName: String
        public let section: String
        public let subsection: String
        public let item: String
        public let year: Int

        public init(_ s: SalientStatistic) {
            edition = s.edition
            country = s.country.alpha3
            commodityName = s.commodityName
            section = s.section
            subsection = s.subsection ?? ""
            item = s.item
            year = s.year
        }
    }

    /// A salient statistic against the text stored in its cell (nil when none; cells stored
    /// earlier in the same import count). The same text is unchanged; another text is refused,
    /// since editions are the revisions of these tables. Never a revision.
    public static func salientStatistic(_ s: SalientStatistic, storedText: String?, file: String) -> ImportDecision {
        guard let storedText else { return .insert }
        if storedText == s.text { return .unchanged }
        return .conflict(
            "\(file): \(s.edition) \(s.item) \(s.year) is already stored as \(storedText), not \(s.text); "
                + "editions are revisions, a new edition needs its own name")
    }

    // MARK: Indicators

    /// An indicator against its key (measure, country, importer, stage, scope, period, dataset,
    /// edition): one already stored there is kept as it is, whatever its value (counted
    /// unchanged); otherwise the indicator is stored. Never a conflict, never a revision.
    public static func indicator(alreadyStored: Bool) -> ImportDecision {
        alreadyStored ? .unchanged : .insert
    }
}
