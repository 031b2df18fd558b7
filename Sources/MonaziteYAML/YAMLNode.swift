public import MonaziteCore
public import Yams

/// A YAML node with its file and a path for messages (`events[2].kind`); every typed read fails
/// with a ``LocatedError`` at the node's line and column. One wrapper for every YAML format.
public struct YAMLNode {
    public let node: Node
    public let file: String
    public let path: String

    public init(node: Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    public var line: Int { node.mark?.line ?? 0 }
    public var column: Int { node.mark?.column ?? 0 }

    public func error(_ reason: String) -> LocatedError { LocatedError(file: file, line: line, column: column, reason: reason) }

    /// Parses `text` as YAML, mapping syntax errors to a located error.
    public static func parse(_ text: String, file: String) throws(LocatedError) -> YAMLNode {
        do {
            // Keys that are collections or aliases are refused before Yams sees them (YAMLShape).
            try YAMLShape.check(text, file: file)
            guard let node = try Yams.compose(yaml: text) else {
                throw LocatedError(file: file, line: 1, column: 1, reason: "the file is empty")
            }
            return YAMLNode(node: node, file: file, path: "file")
        } catch let error as LocatedError {
            throw error
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                throw LocatedError(file: file, line: mark.line, column: mark.column, reason: "not valid YAML: \(problem)")
            default:
                throw LocatedError(file: file, line: 0, reason: "not valid YAML: \(error)")
            }
        } catch {
            throw LocatedError(file: file, line: 0, reason: "not valid YAML: \(error)")
        }
    }

    func child(_ name: String) -> String { path == "file" ? name : "\(path).\(name)" }

    /// The keys of a mapping in file order, each checked against `allowed` (when given) and for
    /// duplicates; a bad key fails at the key.
    @discardableResult
    public func mapping(allowed: Set<String>? = nil) throws(LocatedError) -> [(key: String, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else { throw error("\(path) must be a mapping") }
        var out: [(String, YAMLNode)] = []
        var seen = Set<String>()
        for (key, value) in mapping {
            let place = YAMLNode(node: key, file: file, path: path)
            guard let name = key.string else { throw place.error("\(path): keys must be text") }
            if let allowed, !allowed.contains(name) {
                throw place.error("unknown key '\(name)' in \(path) (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard seen.insert(name).inserted else { throw place.error("duplicate key '\(name)' in \(path)") }
            out.append((name, YAMLNode(node: value, file: file, path: child(name))))
        }
        return out
    }

    /// The entries of a mapping by key (checked as ``mapping(allowed:)``).
    public func fields(allowed: Set<String>? = nil) throws(LocatedError) -> [String: YAMLNode] {
        var out: [String: YAMLNode] = [:]
        for (key, value) in try mapping(allowed: allowed) { out[key] = value }
        return out
    }

    public func sequence() throws(LocatedError) -> [YAMLNode] {
        guard case .sequence(let sequence) = node else { throw error("\(path) must be a list") }
        return sequence.enumerated().map { YAMLNode(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// The value of `key`, or nil when the key is absent or its value is empty (`key:` or `~`).
    public func optional(_ key: String) throws(LocatedError) -> YAMLNode? {
        guard case .mapping(let mapping) = node else { throw error("\(path) must be a mapping") }
        guard let value = mapping[key] else { return nil }
        if case .scalar(let s) = value, s.style == .plain, ["", "~", "null"].contains(s.string) { return nil }
        return YAMLNode(node: value, file: file, path: child(key))
    }

    public func required(_ key: String) throws(LocatedError) -> YAMLNode {
        guard let field = try optional(key) else { throw error("\(path) needs '\(key)'") }
        return field
    }

    public func string() throws(LocatedError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(path) must be text") }
        return scalar.string
    }

    public func nonEmptyString() throws(LocatedError) -> String {
        let s = try string()
        guard !s.allSatisfy(\.isWhitespace) else { throw error("\(path) must not be empty") }
        return s
    }

    public func double() throws(LocatedError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.replacingOccurrences(of: "_", with: "")),
            value.isFinite
        else { throw error("\(path) must be a number") }
        return value
    }

    public func int() throws(LocatedError) -> Int {
        guard case .scalar = node, let value = try? double(), value == value.rounded(), abs(value) < 1e12 else {
            throw error("\(path) must be a whole number")
        }
        return Int(value)
    }

    public func bool() throws(LocatedError) -> Bool {
        guard case .scalar(let scalar) = node else { throw error("\(path) must be true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("\(path) must be true or false")
        }
    }

    /// A list of texts as nodes; a single text is a list of one.
    public func strings() throws(LocatedError) -> [YAMLNode] {
        if case .scalar = node { return [self] }
        let items = try sequence()
        for item in items { _ = try item.string() }
        return items
    }

    /// A list of texts; a single text is a list of one.
    public func texts() throws(LocatedError) -> [String] {
        var out: [String] = []
        for item in try strings() { out.append(try item.string()) }
        return out
    }
}

extension Dictionary where Key == String, Value == YAMLNode {
    /// The entry for `key`, or an error at the mapping that lacks it.
    public func required(_ key: String, in parent: YAMLNode) throws(LocatedError) -> YAMLNode {
        guard let value = self[key] else { throw parent.error("\(parent.path) needs '\(key)'") }
        return value
    }
}
