/// A problem in an alert rules file, located by file, line and column.
///
/// `description` reads `rules.yaml:LINE:COLUMN: reason`, the form editors and CI logs link.
public struct AlertRulesError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem has no single place (an unreadable or empty file).
    public var line: Int
    public var column: Int
    public var reason: String

    public init(file: String, line: Int, column: Int, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { line > 0 ? "\(file):\(line):\(column): \(reason)" : "\(file): \(reason)" }
}
