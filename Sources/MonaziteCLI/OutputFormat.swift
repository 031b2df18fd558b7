public import ArgumentParser
public import MonaziteService

/// How a command prints its result: `table`, `csv` or `json` (see `ReportFormat`).
public typealias OutputFormat = ReportFormat

extension ReportFormat: ExpressibleByArgument {}
