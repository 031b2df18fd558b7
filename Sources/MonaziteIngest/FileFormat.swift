public import Foundation

/// The file formats Monazite imports, in one place: their names, the header that identifies
/// each, and the words every interface uses to list them.
public enum FileFormat: String, Sendable, CaseIterable, Codable {
    /// Monazite's observation CSV (PRODUCT.md section 4).
    case observations
    /// A UN Comtrade CSV export (bulk or API, the 47-column layout).
    case comtrade
    /// A USGS Mineral Commodity Summaries salient-statistics table.
    case usgsSalient = "usgs-salient"
    /// A USGS Mineral Commodity Summaries world mine production and reserves table.
    case usgsWorld = "usgs-world"
    /// Monazite's indicator CSV (production, reserves, shares).
    case indicators
    /// Monazite's price-quote CSV (docs/prices.md).
    case prices

    /// `observations, comtrade, usgs-salient, usgs-world, indicators or prices`, for messages and help.
    public static let namesText: String = {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }()

    /// Parses a format name; the error text lists the known names.
    public init(name: String) throws(FileFormatError) {
        guard let f = FileFormat(rawValue: name.lowercased()) else { throw FileFormatError(name: name) }
        self = f
    }

    /// Guesses the format from the header row.
    public static func sniff(_ data: Data) -> FileFormat {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        var firstLine = head.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if firstLine.hasPrefix("\u{FEFF}") { firstLine.removeFirst() }
        if firstLine.contains("reporterISO") || firstLine.contains("cmdCode") { return .comtrade }
        if firstLine.hasPrefix("edition,section") { return .usgsSalient }
        if USGSWorldTableFormat.matches(headerLine: firstLine) { return .usgsWorld }
        if firstLine.hasPrefix("measure,") { return .indicators }
        if firstLine.hasPrefix("date,product,") && firstLine.contains("market_basis") { return .prices }
        return .observations
    }
}

/// A format name that is not one of ``FileFormat``.
public struct FileFormatError: Error, Sendable, CustomStringConvertible {
    public let name: String
    public var description: String { "\"\(name)\" is not \(FileFormat.namesText)" }
}
