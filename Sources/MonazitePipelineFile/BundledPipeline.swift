public import Foundation
import MonaziteCore
import MonaziteIngest
public import MonazitePipeline

/// One IEA world demand figure for the magnet rare earths (Nd, Pr, Dy, Tb), kt of elements.
public struct IEADemandPoint: Codable, Sendable, Hashable {
    public var category: String
    public var scenario: String
    public var year: Int
    public var valueKt: Double
    /// observed or projection (as the IEA file gives it).
    public var status: String
    public var source: String
    public var url: String
    public var release: String

    enum CodingKeys: String, CodingKey {
        case category, scenario, year, status, source, url, release
        case valueKt = "value_kt"
    }
}

/// A pipeline file that cannot be read: every problem located (`file:line:column: reason`).
public struct PipelineFileError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The IEA demand CSV written by scripts/bundle_iea_demand.py.
public enum IEADemandCSVFormat {
    public static let columns = ["category", "scenario", "year", "value_kt", "status", "source", "url", "release", "via"]

    public static func read(data: Data, file: String) throws(PipelineFileError) -> [IEADemandPoint] {
        guard let text = String(data: data, encoding: .utf8) else { throw PipelineFileError("\(file): not UTF-8 text") }
        var out: [IEADemandPoint] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        guard lines.first == columns.joined(separator: ",") else {
            throw PipelineFileError("\(file):1:1: the header must be \(columns.joined(separator: ","))")
        }
        for (i, line) in lines.enumerated().dropFirst() {
            let cells = splitCSV(line)
            guard cells.count == columns.count, let year = Int(cells[2]), let v = Double(cells[3]), v.isFinite, v >= 0 else {
                throw PipelineFileError("\(file):\(i + 1):1: expected \(columns.count) cells with a year and a value in kt")
            }
            out.append(
                IEADemandPoint(category: cells[0], scenario: cells[1], year: year, valueKt: v, status: cells[4], source: cells[5], url: cells[6], release: cells[7]))
        }
        return out
    }

    /// Splits one CSV line with double-quoted cells (no line breaks inside cells in this file).
    static func splitCSV(_ line: String) -> [String] {
        var cells: [String] = []
        var cur = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        cur.append("\"")
                        chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cur.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                cells.append(cur)
                cur = ""
            } else {
                cur.append(c)
            }
        }
        cells.append(cur)
        return cells
    }
}

/// The project rows, the outlook assumptions and the IEA demand figures shipped with Monazite
/// (`Resources/`, copies of data/projects/; a test checks they match).
public enum BundledPipeline {
    public static let projectsResource = "us_allied_ree_projects.csv"
    public static let assumptionsResource = "outlook-assumptions.yaml"
    public static let demandResource = "iea_magnet_ree_demand.csv"

    public static func projects() throws(PipelineFileError) -> [Project] { try parsedProjects.get() }
    public static func assumptions() throws(PipelineFileError) -> OutlookAssumptions { try parsedAssumptions.get() }
    public static func ieaDemand() throws(PipelineFileError) -> [IEADemandPoint] { try parsedDemand.get() }

    /// Reads a project CSV (all or nothing).
    public static func readProjects(data: Data, file: String) throws(PipelineFileError) -> [Project] {
        do { return try ProjectCSVFormat.read(data: data, file: file) } catch { throw PipelineFileError(error.description) }
    }

    /// Reads an assumptions YAML.
    public static func readAssumptions(data: Data, file: String) throws(PipelineFileError) -> OutlookAssumptions {
        guard let text = String(data: data, encoding: .utf8) else { throw PipelineFileError("\(file): not UTF-8 text") }
        do { return try AssumptionsFile.read(text: text, file: file) } catch { throw PipelineFileError(error.description) }
    }

    private static let parsedProjects: Result<[Project], PipelineFileError> = {
        do throws(PipelineFileError) { return .success(try readProjects(data: try resource(projectsResource), file: projectsResource)) } catch {
            return .failure(error)
        }
    }()

    private static let parsedAssumptions: Result<OutlookAssumptions, PipelineFileError> = {
        do throws(PipelineFileError) {
            return .success(try readAssumptions(data: try resource(assumptionsResource), file: assumptionsResource))
        } catch {
            return .failure(error)
        }
    }()

    private static let parsedDemand: Result<[IEADemandPoint], PipelineFileError> = {
        do throws(PipelineFileError) { return .success(try IEADemandCSVFormat.read(data: try resource(demandResource), file: demandResource)) } catch {
            return .failure(error)
        }
    }()

    private static func resource(_ name: String) throws(PipelineFileError) -> Data {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        let stem = String(name[..<dot])
        let ext = dot < name.endIndex ? String(name[name.index(after: dot)...]) : ""
        guard
            let url = Bundle.module.url(forResource: stem, withExtension: ext, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: stem, withExtension: ext)
        else { throw PipelineFileError("\(name): the bundled file is missing from the package resources") }
        do { return try Data(contentsOf: url) } catch { throw PipelineFileError("\(name): cannot read the bundled file: \(error)") }
    }
}
