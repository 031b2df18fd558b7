import CYaml
import MonaziteCore

/// A pass over libyaml's events before Yams builds the tree, refusing the shapes no Monazite
/// format uses and Yams handles in time exponential in their depth.
///
/// Why: Yams checks every mapping for duplicate keys, and when it finds some it sorts them; its
/// ordering of two equal collections compares each pair of elements both ways, recursing, so
/// duplicate keys that are lists or mappings nested d deep cost about 2^d comparisons. The
/// policy harness found a 6.5 KB file of nested `? - - …` keys that ran past libFuzzer's 10 s;
/// an alias to a deep anchored list used twice as a key does the same in a few lines. Every
/// Monazite format keys its mappings with text, so a key that is a list, a mapping or an alias
/// is refused at its line, as is nesting deeper than ``maximumDepth``.
enum YAMLShape {
    /// Deeper than any Monazite format (a network file nests about 6 levels).
    static let maximumDepth = 64

    private enum Container {
        case sequence
        case mapping(keyNext: Bool)
    }

    /// Throws at the first key that is not text, or the first collection nested too deep. A file
    /// libyaml cannot read is left to the parse that follows, which says why.
    static func check(_ text: String, file: String) throws(LocatedError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var text = text  // withUTF8 reads the string's own bytes (no copy when it is native UTF-8)
        let failure: LocatedError? = text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var stack: [Container] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let type = event.type
                if type == YAML_STREAM_END_EVENT { return nil }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                let isNode = type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT || type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT
                if isNode, case .mapping(let keyNext) = stack.last {
                    stack[stack.count - 1] = .mapping(keyNext: !keyNext)
                    if keyNext && type != YAML_SCALAR_EVENT {
                        let what = type == YAML_ALIAS_EVENT ? "an alias" : type == YAML_SEQUENCE_START_EVENT ? "a list" : "a mapping"
                        return LocatedError(file: file, line: line, column: column, reason: "keys must be text, not \(what)")
                    }
                }
                switch type {
                case YAML_SEQUENCE_START_EVENT: stack.append(.sequence)
                case YAML_MAPPING_START_EVENT: stack.append(.mapping(keyNext: true))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: _ = stack.popLast()
                default: break
                }
                if stack.count > maximumDepth {
                    return LocatedError(file: file, line: line, column: column, reason: "nested deeper than \(maximumDepth) levels")
                }
            }
            return nil
        }
        if let failure { throw failure }
    }
}
