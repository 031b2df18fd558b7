/// A problem in a network or scenario file, located by file and line.
///
/// `description` reads `path/to/file.yaml:LINE: reason`, the form editors and CI logs link.
public struct ScenarioFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line; 0 when the problem has no single line (an unreadable file).
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}
