public import ArgumentParser

/// How a command prints its result.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Aligned columns for a terminal, with notes under the table.
    case table
    /// RFC 4180 CSV with a header row.
    case csv
    /// JSON with sorted keys; numbers that are not available are `null` with a reason in `notes`.
    case json
}
