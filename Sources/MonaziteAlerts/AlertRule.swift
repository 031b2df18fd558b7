public import MonaziteAnomalies
public import MonaziteCore

/// How loud an alert is.
public enum AlertSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, critical

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// One rule of a rules file.
public struct AlertRule: Sendable, Hashable {
    /// Unique within the file; part of every alert's dedupe key.
    public var id: String
    public var severity: AlertSeverity
    public var condition: Condition

    public init(id: String, severity: AlertSeverity = .warning, condition: Condition) {
        self.id = id
        self.severity = severity
        self.condition = condition
    }

    public enum Condition: Sendable, Hashable {
        /// The latest month of a series changed by at least `thresholdPct` percent (either way).
        case seriesChange(series: SeriesKey, measure: ChangeMeasure, thresholdPct: Double)
        /// A policy event announced within the last `withinDays` days whose scope meets the watched scope.
        case newEvent(WatchedScope, withinDays: Int)
        /// A suspension or licence whose last day is within the next `withinDays` days.
        case deadline(kinds: Set<Deadline.Kind>, WatchedScope, withinDays: Int)
    }
}

/// What a rule watches; an empty set (or nil destinations) watches everything.
public struct WatchedScope: Sendable, Hashable {
    public var elements: Set<RareEarthElement>
    public var destinations: Set<CountryCode>?
    /// HS prefixes, digits only ("850511", "2846").
    public var hsPrefixes: [String]

    public init(elements: Set<RareEarthElement> = [], destinations: Set<CountryCode>? = nil, hsPrefixes: [String] = []) {
        self.elements = elements
        self.destinations = destinations
        self.hsPrefixes = hsPrefixes.map { $0.filter { $0.isASCII && $0.isNumber } }
    }

    /// True when an event's or deadline's scope meets this one: its materials by the one scope
    /// rule of ``MaterialScope/reasons(for:)`` (so a Dy/Tb rule never fires on tungsten or
    /// battery measures), its destinations when both sides name some.
    func meets(material: MaterialScope, destinations otherDestinations: Set<CountryCode>?) -> Bool {
        let query = MaterialQuery(elements: elements.isEmpty ? nil : elements, hsPrefixes: hsPrefixes.isEmpty ? nil : hsPrefixes)
        let materialMeets = query.isEmpty || material.reasons(for: query) != nil
        let destinationsMeet: Bool
        if let destinations, let otherDestinations {
            destinationsMeet = !destinations.isDisjoint(with: otherDestinations)
        } else {
            destinationsMeet = true
        }
        return materialMeets && destinationsMeet
    }
}

/// Where alerts are posted, beside the terminal.
public struct WebhookTarget: Sendable, Hashable {
    public var url: String
    /// The HMAC key, as given in the file (`secret`) or resolved by the caller from `secret_env`.
    public var secret: String?
    /// The environment variable holding the secret, resolved at the edge (the CLI), never here.
    public var secretEnvironmentVariable: String?
    /// Extra attempts after the first failure.
    public var retries: Int
    public var timeoutSeconds: Double

    public init(url: String, secret: String? = nil, secretEnvironmentVariable: String? = nil, retries: Int = 3, timeoutSeconds: Double = 10)
    {
        self.url = url
        self.secret = secret
        self.secretEnvironmentVariable = secretEnvironmentVariable
        self.retries = retries
        self.timeoutSeconds = timeoutSeconds
    }
}

/// A parsed, validated rules file.
public struct AlertRuleSet: Sendable, Hashable {
    public var rules: [AlertRule]
    public var webhooks: [WebhookTarget]

    public init(rules: [AlertRule], webhooks: [WebhookTarget] = []) {
        self.rules = rules
        self.webhooks = webhooks
    }
}
