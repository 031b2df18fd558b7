import Yams

/// A YAML node with its file and a path for messages; typed accessors throw
/// ``PolicyFileError`` at the node's line and column.
struct PolicyYAMLNode {
    let node: Node
    let file: String
    let path: String

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    func error(_ reason: String) -> PolicyFileError { PolicyFileError(file: file, line: line, column: column, reason: reason) }

    /// Keys in file order, each checked against `allowed` and for duplicates.
    @discardableResult
    func mapping(allowed: Set<String>) throws(PolicyFileError) -> [(key: String, value: PolicyYAMLNode)] {
        guard case .mapping(let mapping) = node else { throw error("\(path) must be a mapping") }
        var out: [(String, PolicyYAMLNode)] = []
        var seen = Set<String>()
        for (key, value) in mapping {
            let keyError = { (reason: String) in
                PolicyFileError(file: file, line: key.mark?.line ?? line, column: key.mark?.column ?? column, reason: reason)
            }
            guard let name = key.string else { throw keyError("\(path): keys must be text") }
            guard allowed.contains(name) else {
                throw keyError("unknown key '\(name)' in \(path) (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard seen.insert(name).inserted else { throw keyError("duplicate key '\(name)' in \(path)") }
            out.append((name, PolicyYAMLNode(node: value, file: file, path: "\(path).\(name)")))
        }
        return out
    }

    func sequence() throws(PolicyFileError) -> [PolicyYAMLNode] {
        guard case .sequence(let sequence) = node else { throw error("\(path) must be a list") }
        return sequence.enumerated().map { PolicyYAMLNode(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// The value of `key`, or nil when the key is absent or its value is empty (`key:` or `~`).
    func optional(_ key: String) throws(PolicyFileError) -> PolicyYAMLNode? {
        guard case .mapping(let mapping) = node else { throw error("\(path) must be a mapping") }
        guard let value = mapping[key] else { return nil }
        if case .scalar(let s) = value, s.style == .plain, ["", "~", "null"].contains(s.string) { return nil }
        return PolicyYAMLNode(node: value, file: file, path: "\(path).\(key)")
    }

    func required(_ key: String) throws(PolicyFileError) -> PolicyYAMLNode {
        guard let field = try optional(key) else { throw error("\(path) needs '\(key)'") }
        return field
    }

    func string() throws(PolicyFileError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(path) must be text") }
        return scalar.string
    }

    func nonEmptyString() throws(PolicyFileError) -> String {
        let s = try string()
        guard !s.allSatisfy(\.isWhitespace) else { throw error("\(path) must not be empty") }
        return s
    }

    func double() throws(PolicyFileError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.replacingOccurrences(of: "_", with: "")),
            value.isFinite
        else { throw error("\(path) must be a number") }
        return value
    }

    func bool() throws(PolicyFileError) -> Bool {
        guard case .scalar(let scalar) = node else { throw error("\(path) must be true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("\(path) must be true or false")
        }
    }

    /// A list of texts; a single text is a list of one.
    func strings() throws(PolicyFileError) -> [PolicyYAMLNode] {
        if case .scalar = node { return [self] }
        let items = try sequence()
        for item in items { _ = try item.string() }
        return items
    }

    /// Parses `text` as YAML, mapping syntax errors to a located error.
    static func parse(_ text: String, file: String) throws(PolicyFileError) -> PolicyYAMLNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PolicyFileError(file: file, line: 1, column: 1, reason: "the file is empty")
            }
            return PolicyYAMLNode(node: node, file: file, path: "file")
        } catch let error as PolicyFileError {
            throw error
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                throw PolicyFileError(file: file, line: mark.line, column: mark.column, reason: "not valid YAML: \(problem)")
            default:
                throw PolicyFileError(file: file, line: 0, column: 0, reason: "not valid YAML: \(error)")
            }
        } catch {
            throw PolicyFileError(file: file, line: 0, column: 0, reason: "not valid YAML: \(error)")
        }
    }
}
