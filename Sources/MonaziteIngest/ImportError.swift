public import MonaziteCore

/// One reason a file was rejected, located to the cell: `file:line:column: reason` — the one
/// located error type of every file format (``LocatedError``). `line` is the 1-based physical line
/// where the record starts; `column` the 1-based character column where the field starts (1 when
/// the problem is the whole file or line).
public typealias ImportIssue = LocatedError

/// A rejected import: every issue found (up to a limit), none of the file saved.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public let issues: [ImportIssue]
    /// True when more issues were found than are listed.
    public let truncated: Bool
    /// True when every listed problem is a figure that conflicts with a stored one of the same
    /// release (the file itself reads well): the API answers 409 rather than 422.
    public let conflict: Bool

    public init(issues: [ImportIssue], truncated: Bool = false, conflict: Bool = false) {
        self.issues = issues
        self.truncated = truncated
        self.conflict = conflict
    }

    public var description: String {
        var lines = issues.map(\.description)
        if truncated { lines.append("(more problems not listed; fix these first)") }
        lines.append("nothing was imported: the store is unchanged")
        return lines.joined(separator: "\n")
    }
}

/// Collects issues for one file, stopping the listing at a limit.
public struct IssueCollector: Sendable {
    public let file: String
    public private(set) var issues: [ImportIssue] = []
    public private(set) var truncated = false
    public let limit: Int

    public init(file: String, limit: Int = 50) {
        self.file = file
        self.limit = limit
    }

    public mutating func add(line: Int, column: Int, _ reason: String) {
        if issues.count < limit {
            issues.append(ImportIssue(file: file, line: line, column: column, reason: reason))
        } else {
            truncated = true
        }
    }

    public var isEmpty: Bool { issues.isEmpty }
    public var failure: ImportFailure { ImportFailure(issues: issues, truncated: truncated) }
}
