/// A problem in a file, located by file, line and column: every file format (the CSV formats and
/// the YAML ones: scenario, network, policy timeline, licences, alert rules) reports through it.
///
/// `description` reads `path/to/file.yaml:LINE:COLUMN: reason` (or `file:LINE: reason` without a
/// column, `file: reason` without a place), the form editors and CI logs link.
public struct LocatedError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem has no single place (an unreadable or empty file).
    public var line: Int
    /// 1-based; 0 when only the line is known.
    public var column: Int
    public var reason: String

    public init(file: String, line: Int, column: Int = 0, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        guard line > 0 else { return "\(file): \(reason)" }
        return column > 0 ? "\(file):\(line):\(column): \(reason)" : "\(file):\(line): \(reason)"
    }
}
