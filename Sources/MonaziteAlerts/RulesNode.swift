import Yams

/// A YAML node of a rules file with its place, so that every typed read can fail at file:line:column.
struct RulesNode {
    let node: Node
    let file: String
    let path: String

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    func error(_ reason: String) -> AlertRulesError { AlertRulesError(file: file, line: line, column: column, reason: reason) }

    static func parse(_ text: String, file: String) throws(AlertRulesError) -> RulesNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw AlertRulesError(file: file, line: 0, column: 0, reason: "the file is empty")
            }
            return RulesNode(node: node, file: file, path: "file")
        } catch let error as AlertRulesError {
            throw error
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                throw AlertRulesError(file: file, line: mark.line, column: mark.column, reason: "not valid YAML: \(problem)")
            default:
                throw AlertRulesError(file: file, line: 0, column: 0, reason: "not valid YAML: \(error)")
            }
        } catch {
            throw AlertRulesError(file: file, line: 0, column: 0, reason: "not valid YAML: \(error)")
        }
    }

    /// The entries of a mapping in file order; a key outside `allowed` is an error at that key.
    func mapping(allowed: Set<String>) throws(AlertRulesError) -> [String: RulesNode] {
        guard case .mapping(let mapping) = node else { throw error("\(path) must be a mapping") }
        var out: [String: RulesNode] = [:]
        for (key, value) in mapping {
            let place = RulesNode(node: key, file: file, path: path)
            guard let name = key.string else { throw place.error("\(path): keys must be text") }
            guard allowed.contains(name) else {
                throw place.error("unknown key '\(name)' in \(path) (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            out[name] = RulesNode(node: value, file: file, path: path == "file" ? name : "\(path).\(name)")
        }
        return out
    }

    func sequence() throws(AlertRulesError) -> [RulesNode] {
        guard case .sequence(let items) = node else { throw error("\(path) must be a list") }
        return items.enumerated().map { RulesNode(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    func string() throws(AlertRulesError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("\(path) must be non-empty text") }
        return scalar.string
    }

    func double() throws(AlertRulesError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw error("\(path) must be a number")
        }
        return value
    }

    func int() throws(AlertRulesError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else { throw error("\(path) must be a whole number") }
        return value
    }

    /// A single text or a list of texts.
    func strings() throws(AlertRulesError) -> [RulesNode] {
        if case .scalar = node { return [self] }
        return try sequence()
    }
}

extension Dictionary where Key == String, Value == RulesNode {
    func required(_ key: String, in parent: RulesNode) throws(AlertRulesError) -> RulesNode {
        guard let value = self[key] else { throw parent.error("\(parent.path) needs '\(key)'") }
        return value
    }
}
