import Yams

/// A YAML node with the file it came from and a path for messages; typed accessors throw
/// ``ScenarioFileError`` at the node's line.
struct YAMLField {
    let node: Node
    let file: String
    let path: String

    var line: Int { node.mark?.line ?? 0 }

    func error(_ reason: String) -> ScenarioFileError { ScenarioFileError(file: file, line: line, reason: reason) }

    /// The keys of a mapping in file order, checked against `allowed`.
    func mapping(allowed: Set<String>? = nil) throws(ScenarioFileError) -> [(key: String, value: YAMLField)] {
        guard case .mapping(let mapping) = node else { throw error("\(path) must be a mapping") }
        var out: [(String, YAMLField)] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw ScenarioFileError(file: file, line: key.mark?.line ?? line, reason: "\(path): keys must be text")
            }
            if let allowed, !allowed.contains(name) {
                let known = allowed.sorted().joined(separator: ", ")
                throw ScenarioFileError(file: file, line: key.mark?.line ?? line, reason: "unknown key '\(name)' in \(path) (known: \(known))")
            }
            out.append((name, YAMLField(node: value, file: file, path: "\(path).\(name)")))
        }
        return out
    }

    func sequence() throws(ScenarioFileError) -> [YAMLField] {
        guard case .sequence(let sequence) = node else { throw error("\(path) must be a list") }
        return sequence.enumerated().map { YAMLField(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    func optional(_ key: String) throws(ScenarioFileError) -> YAMLField? {
        guard case .mapping(let mapping) = node else { throw error("\(path) must be a mapping") }
        return mapping[key].map { YAMLField(node: $0, file: file, path: "\(path).\(key)") }
    }

    func required(_ key: String) throws(ScenarioFileError) -> YAMLField {
        guard let field = try optional(key) else { throw error("\(path) needs '\(key)'") }
        return field
    }

    func string() throws(ScenarioFileError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(path) must be text") }
        return scalar.string
    }

    func double() throws(ScenarioFileError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.replacingOccurrences(of: "_", with: "")),
            value.isFinite
        else { throw error("\(path) must be a number") }
        return value
    }

    func int() throws(ScenarioFileError) -> Int {
        let value = try double()
        guard value == value.rounded(), abs(value) < 1e12 else { throw error("\(path) must be a whole number") }
        return Int(value)
    }

    func bool() throws(ScenarioFileError) -> Bool {
        guard case .scalar(let scalar) = node else { throw error("\(path) must be true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("\(path) must be true or false")
        }
    }

    /// A single text or a list of texts.
    func strings() throws(ScenarioFileError) -> [String] {
        if case .scalar = node { return [try string()] }
        var out: [String] = []
        for item in try sequence() { out.append(try item.string()) }
        return out
    }

    /// Parses `text` as YAML, mapping syntax errors to a located error.
    static func parse(_ text: String, file: String) throws(ScenarioFileError) -> YAMLField {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioFileError(file: file, line: 1, reason: "the file is empty")
            }
            return YAMLField(node: node, file: file, path: "file")
        } catch let error as ScenarioFileError {
            throw error
        } catch let error as YamlError {
            throw ScenarioFileError(file: file, line: Self.line(of: error), reason: "not valid YAML: \(Self.summary(of: error))")
        } catch {
            throw ScenarioFileError(file: file, line: 0, reason: "not valid YAML: \(error)")
        }
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): mark.line
        default: 0
        }
    }

    static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
