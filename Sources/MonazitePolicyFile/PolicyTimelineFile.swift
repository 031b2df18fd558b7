public import MonaziteCore
public import MonazitePolicy

/// The policy timeline file format, `monazite-policy/1` (YAML; see `docs/policy.md`).
///
/// Validation is all-or-nothing: the first problem throws ``PolicyFileError`` with its line and
/// column, and no event of the file is returned.
public enum PolicyTimelineFile {
    public static let format = "monazite-policy/1"

    static let eventKeys: Set<String> = [
        "id", "kind", "actor", "instrument", "number", "title", "direction", "scope", "announced", "effective",
        "suspended_from", "suspended_until", "revoked", "expires", "suspends", "amends", "source", "url", "verified", "note",
        "expires_source", "expires_url", "via", "via_url",
    ]
    static let scopeKeys: Set<String> = [
        "elements", "forms", "hs", "control_codes", "items", "destinations", "excluded_destinations", "end_use",
    ]

    /// Parses and validates a timeline.
    ///
    /// - Parameter known: events already on the timeline (the bundled ones, earlier imports):
    ///   ids in the file must not repeat them, and `suspends` / `amends` may name them.
    public static func parse(yaml: String, file: String, known: [PolicyEvent] = []) throws(PolicyFileError) -> [PolicyEvent] {
        let root = try PolicyYAMLNode.parse(yaml, file: file)
        try root.mapping(allowed: ["format", "events"])
        if let format = try root.optional("format"), try format.string() != Self.format {
            throw format.error("unsupported format '\(try format.string())' (expected \(Self.format))")
        }
        let list = try root.required("events").sequence()
        var events: [(PolicyEvent, PolicyYAMLNode)] = []
        var ids: [String: PolicyYAMLNode] = [:]
        let knownIDs = Set(known.map(\.id))
        for item in list {
            let event = try parseEvent(item)
            let idNode = try item.required("id")
            if knownIDs.contains(event.id) { throw idNode.error("duplicate id '\(event.id)': already on the timeline") }
            if let first = ids[event.id] { throw idNode.error("duplicate id '\(event.id)' (first at line \(first.line))") }
            ids[event.id] = idNode
            events.append((event, item))
        }
        // References resolve against this file and the known events.
        let all = knownIDs.union(ids.keys)
        for (event, item) in events {
            for (key, targets) in [("suspends", event.suspends), ("amends", event.amends)] {
                guard let node = try item.optional(key) else { continue }
                let nodes = try node.strings()
                for (target, targetNode) in zip(targets, nodes) {
                    if target == event.id {
                        throw targetNode.error("'\(event.id)' cannot \(key == "suspends" ? "suspend" : "amend") itself")
                    }
                    if !all.contains(target) { throw targetNode.error("\(key) names unknown act '\(target)'") }
                }
            }
        }
        return events.map(\.0)
    }

    static func parseEvent(_ item: PolicyYAMLNode) throws(PolicyFileError) -> PolicyEvent {
        try item.mapping(allowed: eventKeys)
        let idNode = try item.required("id")
        let id = try idNode.nonEmptyString()
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else {
            throw idNode.error("id '\(id)' must be a slug (letters, digits, '-', '_', '.')")
        }
        let kindNode = try item.required("kind")
        guard let kind = PolicyKind(parsing: try kindNode.string()) else {
            throw kindNode.error(
                "unknown kind '\(try kindNode.string())' (known: \(PolicyKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let directionNode = try item.required("direction")
        guard let direction = PolicyDirection(rawValue: try directionNode.string().lowercased()) else {
            throw directionNode.error("direction must be tightening, easing or neutral")
        }
        func day(_ key: String) throws(PolicyFileError) -> (CalendarDay, PolicyYAMLNode)? {
            guard let node = try item.optional(key) else { return nil }
            guard let d = CalendarDay(parsing: try node.string()) else {
                throw node.error("\(key) '\(try node.string())' is not a YYYY-MM-DD date")
            }
            return (d, node)
        }
        let announced = try day("announced")
        let effective = try day("effective")
        let suspendedFrom = try day("suspended_from")
        let suspendedUntil = try day("suspended_until")
        let revoked = try day("revoked")
        let expires = try day("expires")
        let start = effective?.0 ?? announced?.0
        if let (e, node) = expires, let start, e < start {
            throw node.error("expires \(e) is before the start \(start)")
        }
        if let (r, node) = revoked, let a = announced?.0, r < a {
            throw node.error("revoked \(r) is before announced \(a)")
        }
        let windowStart = suspendedFrom?.0 ?? (kind == .suspension ? start : nil)
        if let (u, node) = suspendedUntil, let windowStart, u < windowStart {
            throw node.error("suspended_until \(u) is before the suspension starts (\(windowStart))")
        }
        if let (f, node) = suspendedFrom, kind != .suspension, let e = effective?.0, f < e, suspendedUntil.map({ $0.0 < e }) ?? false {
            throw node.error("the suspension window ends before the measure takes effect (\(e))")
        }
        let suspendsNode = try item.optional("suspends")
        let suspends =
            try suspendsNode.map { n throws(PolicyFileError) in try n.strings().map { n throws(PolicyFileError) in try n.string() } } ?? []
        if kind == .suspension, suspends.isEmpty {
            throw (suspendsNode ?? kindNode).error("a suspension must name the acts it suspends in 'suspends'")
        }
        if kind != .suspension, let suspendsNode {
            throw suspendsNode.error("only a kind: suspension event may suspend other acts")
        }
        let amends =
            try item.optional("amends").map { n throws(PolicyFileError) in
                try n.strings().map { n throws(PolicyFileError) in try n.string() }
            } ?? []
        let scope = try item.optional("scope").map(parseScope) ?? PolicyScope()
        return PolicyEvent(
            id: id, kind: kind, actor: try item.required("actor").nonEmptyString(),
            instrument: try item.required("instrument").nonEmptyString(), number: try item.optional("number")?.string(),
            title: try item.required("title").nonEmptyString(), scope: scope,
            dates: PolicyDates(
                announced: announced?.0, effective: effective?.0, suspendedFrom: suspendedFrom?.0, suspendedUntil: suspendedUntil?.0,
                revoked: revoked?.0, expires: expires?.0),
            suspends: suspends, amends: amends, direction: direction, source: try item.required("source").nonEmptyString(),
            url: try item.optional("url")?.string(), verified: try item.optional("verified")?.bool() ?? true,
            note: try item.optional("note")?.string(), expiresSource: try item.optional("expires_source")?.nonEmptyString(),
            expiresURL: try item.optional("expires_url")?.nonEmptyString(), via: try item.optional("via")?.nonEmptyString(),
            viaURL: try item.optional("via_url")?.nonEmptyString())
    }

    static func parseScope(_ node: PolicyYAMLNode) throws(PolicyFileError) -> PolicyScope {
        try node.mapping(allowed: scopeKeys)
        var scope = PolicyScope()
        if let elements = try node.optional("elements") {
            if case .scalar = elements.node, try elements.string().lowercased() == "all" {
                scope.elements = .all
            } else {
                var set = Set<RareEarthElement>()
                for e in try elements.sequence() {
                    guard let element = RareEarthElement(parsing: try e.string()) else {
                        throw e.error("unknown element '\(try e.string())' (use a symbol such as Dy or a name such as dysprosium)")
                    }
                    set.insert(element)
                }
                scope.elements = set.isEmpty ? .none : .some(set)
            }
        }
        if let forms = try node.optional("forms") {
            for f in try forms.strings() {
                guard let form = ItemForm(rawValue: try f.string().lowercased()) else {
                    throw f.error("unknown form '\(try f.string())' (known: \(ItemForm.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                scope.forms.insert(form)
            }
        }
        if let hs = try node.optional("hs") {
            for h in try hs.strings() {
                guard let digits = CommodityMapping.normalise(try h.string()) else {
                    throw h.error("'\(try h.string())' is not an HS code or prefix (2 to 10 digits, dots allowed)")
                }
                scope.hsPrefixes.append(digits)
            }
        }
        if let codes = try node.optional("control_codes") {
            for c in try codes.strings() { scope.controlCodes.append(try c.nonEmptyString()) }
        }
        scope.items = try node.optional("items")?.string() ?? ""
        scope.endUse = try node.optional("end_use")?.string()
        func countries(_ list: PolicyYAMLNode) throws(PolicyFileError) -> Set<CountryCode> {
            var set = Set<CountryCode>()
            for c in try list.strings() {
                guard let code = CountryCode(try c.string()), code.isCountry else {
                    throw c.error("unknown country '\(try c.string())' (use an ISO 3166-1 alpha-3 code such as USA)")
                }
                set.insert(code)
            }
            return set
        }
        if let destinations = try node.optional("destinations") {
            if case .scalar = destinations.node, try destinations.string().lowercased() == "all" {
                scope.destinations = .all
            } else {
                let set = try countries(destinations)
                if set.isEmpty { throw destinations.error("destinations must be 'all' or a non-empty list of codes") }
                scope.destinations = .only(set)
            }
        }
        if let excluded = try node.optional("excluded_destinations") {
            scope.excludedDestinations = try countries(excluded)
        }
        return scope
    }
}
