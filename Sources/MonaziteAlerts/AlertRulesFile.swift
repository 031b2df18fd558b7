import Foundation
import MonaziteAnomalies
public import MonaziteCore

/// Reads an alert rules file (YAML). Every problem is an ``AlertRulesError`` at file:line:column.
///
/// ```yaml
/// rules:
///   - id: magnets-world-mom
///     type: series_change          # series_change | new_event | deadline
///     series: {reporter: CHN, partner: WLD, flow: export, commodity: "8505.11"}
///     measure: mom                 # mom | yoy
///     threshold_pct: 40
///     severity: warning            # info | warning | critical (default warning)
///   - id: heavy-ree-controls
///     type: new_event
///     elements: [Dy, Tb]           # optional; empty or absent = any
///     destinations: [USA]          # optional; absent = any
///     hs: ["8505.11"]              # optional
///     within_days: 30              # optional, default 30
///   - id: suspensions-ending
///     type: deadline
///     kinds: [suspension, licence] # optional, default both
///     within_days: 60
/// webhooks:
///   - url: https://example.org/hook
///     secret_env: MONAZITE_WEBHOOK_SECRET   # or secret: ...
///     retries: 3                   # optional, default 3
///     timeout_seconds: 10          # optional, default 10
/// ```
public enum AlertRulesFile {
    public static func parse(_ text: String, file: String) throws(AlertRulesError) -> AlertRuleSet {
        let root = try RulesNode.parse(text, file: file)
        let top = try root.fields(allowed: ["rules", "webhooks"])
        var rules: [AlertRule] = []
        var seen: Set<String> = []
        for item in try top.required("rules", in: root).sequence() {
            let rule = try Self.rule(item)
            guard seen.insert(rule.id).inserted else { throw item.error("duplicate rule id '\(rule.id)'") }
            rules.append(rule)
        }
        var webhooks: [WebhookTarget] = []
        for item in try top["webhooks"]?.sequence() ?? [] { webhooks.append(try Self.webhook(item)) }
        return AlertRuleSet(rules: rules, webhooks: webhooks)
    }

    static let common: Set<String> = ["id", "type", "severity"]

    static func rule(_ node: RulesNode) throws(AlertRulesError) -> AlertRule {
        let all = common.union(["series", "measure", "threshold_pct", "elements", "destinations", "hs", "within_days", "kinds"])
        let fields = try node.fields(allowed: all)
        let idNode = try fields.required("id", in: node)
        let id = try idNode.nonEmptyString()
        let typeNode = try fields.required("type", in: node)
        let type = try typeNode.nonEmptyString()
        var severity = AlertSeverity.warning
        if let s = fields["severity"] {
            guard let v = AlertSeverity(rawValue: try s.nonEmptyString()) else { throw s.error("\(s.path) must be info, warning or critical") }
            severity = v
        }
        let allowed: Set<String>
        let condition: AlertRule.Condition
        switch type {
        case "series_change":
            allowed = common.union(["series", "measure", "threshold_pct"])
            let measureNode = try fields.required("measure", in: node)
            guard let measure = ChangeMeasure(rawValue: try measureNode.nonEmptyString()) else {
                throw measureNode.error("\(measureNode.path) must be mom or yoy")
            }
            let thresholdNode = try fields.required("threshold_pct", in: node)
            let threshold = try thresholdNode.double()
            guard threshold > 0 else { throw thresholdNode.error("\(thresholdNode.path) must be above 0") }
            condition = .seriesChange(
                series: try series(try fields.required("series", in: node)), measure: measure, thresholdPct: threshold)
        case "new_event":
            allowed = common.union(["elements", "destinations", "hs", "within_days"])
            condition = .newEvent(try scope(fields), withinDays: try days(fields["within_days"], default: 30))
        case "deadline":
            allowed = common.union(["elements", "destinations", "kinds", "within_days"])
            var kinds: Set<Deadline.Kind> = Set(Deadline.Kind.allCases)
            if let k = fields["kinds"] {
                kinds = []
                for item in try k.strings() {
                    guard let kind = Deadline.Kind(rawValue: try item.nonEmptyString()) else {
                        throw item.error("\(item.path) must be suspension or licence")
                    }
                    kinds.insert(kind)
                }
            }
            condition = .deadline(
                kinds: kinds, try scope(fields), withinDays: try days(fields.required("within_days", in: node), default: 0))
        default:
            throw typeNode.error("\(typeNode.path): unknown rule type '\(type)' (series_change, new_event or deadline)")
        }
        for (key, value) in fields where !allowed.contains(key) {
            throw value.error("'\(key)' does not apply to a \(type) rule")
        }
        return AlertRule(id: id, severity: severity, condition: condition)
    }

    static func series(_ node: RulesNode) throws(AlertRulesError) -> SeriesKey {
        let f = try node.fields(allowed: ["reporter", "partner", "flow", "commodity"])
        func country(_ key: String) throws(AlertRulesError) -> CountryCode {
            let n = try f.required(key, in: node)
            guard let c = CountryCatalog.resolve(try n.nonEmptyString()) else { throw n.error("\(n.path): unknown country '\(try n.nonEmptyString())'") }
            return c
        }
        let flowNode = try f.required("flow", in: node)
        guard let flow = TradeFlow(parsing: try flowNode.nonEmptyString()) else {
            throw flowNode.error("\(flowNode.path) must be export, import, re-export or re-import")
        }
        let codeNode = try f.required("commodity", in: node)
        guard let code = HSCode(try codeNode.nonEmptyString()) else { throw codeNode.error("\(codeNode.path) is not an HS code (e.g. 8505.11, 2846) or customs aggregate (cn-rare-earths)") }
        return SeriesKey(reporter: try country("reporter"), partner: try country("partner"), flow: flow, commodity: code)
    }

    static func scope(_ fields: [String: RulesNode]) throws(AlertRulesError) -> WatchedScope {
        var elements: Set<RareEarthElement> = []
        for item in try fields["elements"]?.strings() ?? [] {
            guard let e = RareEarthElement(parsing: try item.nonEmptyString()) else {
                throw item.error("\(item.path): '\(try item.nonEmptyString())' is not a rare-earth element")
            }
            elements.insert(e)
        }
        var destinations: Set<CountryCode>?
        if let d = fields["destinations"] {
            var set: Set<CountryCode> = []
            for item in try d.strings() {
                guard let c = CountryCatalog.resolve(try item.nonEmptyString()) else {
                    throw item.error("\(item.path): unknown country '\(try item.nonEmptyString())'")
                }
                set.insert(c)
            }
            destinations = set
        }
        var hs: [String] = []
        for item in try fields["hs"]?.strings() ?? [] {
            let text = try item.nonEmptyString()
            let digits = text.filter { $0 != "." && $0 != " " }
            guard (2...10).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw item.error("\(item.path): '\(text)' is not an HS code or prefix")
            }
            hs.append(digits)
        }
        return WatchedScope(elements: elements, destinations: destinations, hsPrefixes: hs)
    }

    static func days(_ node: RulesNode?, default value: Int) throws(AlertRulesError) -> Int {
        guard let node else { return value }
        let n = try node.int()
        guard (0...3660).contains(n) else { throw node.error("\(node.path) must be between 0 and 3660 days") }
        return n
    }

    static func webhook(_ node: RulesNode) throws(AlertRulesError) -> WebhookTarget {
        let f = try node.fields(allowed: ["url", "secret", "secret_env", "retries", "timeout_seconds", "allow_loopback"])
        let urlNode = try f.required("url", in: node)
        let url = try urlNode.nonEmptyString()
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw urlNode.error("\(urlNode.path) must be an http:// or https:// URL")
        }
        let allowLoopback = try f["allow_loopback"].map { n throws(AlertRulesError) -> Bool in
            switch try n.nonEmptyString().lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: throw n.error("\(n.path) must be true or false")
            }
        } ?? false
        if let reason = WebhookAddress.refusal(url, allowLoopback: allowLoopback) { throw urlNode.error("\(urlNode.path): \(reason)") }
        var target = WebhookTarget(url: url, secret: try f["secret"]?.nonEmptyString(), secretEnvironmentVariable: try f["secret_env"]?.nonEmptyString())
        if let r = f["retries"] {
            target.retries = try r.int()
            guard (0...10).contains(target.retries) else { throw r.error("\(r.path) must be between 0 and 10") }
        }
        if let t = f["timeout_seconds"] {
            target.timeoutSeconds = try t.double()
            guard target.timeoutSeconds > 0, target.timeoutSeconds <= 300 else {
                throw t.error("\(t.path) must be above 0 and at most 300")
            }
        }
        return target
    }
}

/// Where a webhook may post. Alerts leave the machine only over https, and never to an address
/// inside a private network (an alert rule must not become a way to reach internal services);
/// loopback (127.0.0.0/8, localhost, ::1) only when the rule says `allow_loopback: true`, for tests
/// and local receivers. Host names are not resolved here.
enum WebhookAddress {
    static func refusal(_ url: String, allowLoopback: Bool) -> String? {
        guard let components = URLParts(url) else { return "is not a URL with a host" }
        let host = components.host.lowercased()
        let loopback = host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
        if loopback { return allowLoopback ? nil : "a loopback address needs allow_loopback: true (for tests and local receivers)" }
        guard components.scheme == "https" else { return "webhooks leave this machine over https only" }
        if isPrivate(host) { return "\(host) is a private, link-local or unspecified address" }
        return nil
    }

    static func isPrivate(_ host: String) -> Bool {
        let parts = host.split(separator: ".").compactMap { Int($0) }
        if parts.count == 4 {
            let (a, b) = (parts[0], parts[1])
            return a == 10 || a == 0 || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168) || (a == 169 && b == 254)
                || (a == 100 && (64...127).contains(b))
        }
        let h = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h.hasPrefix("fc") || h.hasPrefix("fd") || h.hasPrefix("fe80") || h == "::"
    }

    /// Scheme and host of an http(s) URL, without Foundation's URL (which accepts too much).
    struct URLParts {
        let scheme: String
        let host: String

        init?(_ url: String) {
            guard let range = url.range(of: "://") else { return nil }
            scheme = String(url[..<range.lowerBound]).lowercased()
            var rest = url[range.upperBound...]
            if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<slash] }
            if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
            var hostPart = String(rest)
            if hostPart.hasPrefix("[") {
                if let close = hostPart.firstIndex(of: "]") { hostPart = String(hostPart[...close]) }
            } else if let colon = hostPart.lastIndex(of: ":") {
                hostPart = String(hostPart[..<colon])
            }
            guard !hostPart.isEmpty else { return nil }
            host = hostPart
        }
    }
}
