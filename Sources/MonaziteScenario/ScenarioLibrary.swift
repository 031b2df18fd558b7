public import Foundation
public import MonaziteSimulation

/// Loads scenario and network files from disk and from the bundled resources.
///
/// Bundled files live in `Resources/networks/NAME.yaml` and `Resources/scenarios/NAME.yaml`.
/// A scenario's `network:` is a bundled network's name or a path relative to the scenario file.
public enum ScenarioLibrary {
    /// Names of the bundled scenarios, sorted.
    public static var bundledScenarioNames: [String] { names(in: "scenarios") }
    /// Names of the bundled networks, sorted.
    public static var bundledNetworkNames: [String] { names(in: "networks") }

    /// Loads a scenario from a path, or a bundled scenario by name when no such file exists.
    public static func loadScenario(_ reference: String) throws(ScenarioFileError) -> ScenarioFile {
        let (text, file, directory) = try read(reference, folder: "scenarios")
        return try ScenarioFile(yaml: text, file: file) { name, location throws(ScenarioFileError) -> NetworkFile in
            try loadNetwork(name, relativeTo: directory, referencedAt: location)
        }
    }

    /// Loads a network by bundled name or by path (relative paths against `directory`).
    public static func loadNetwork(
        _ reference: String, relativeTo directory: URL? = nil, referencedAt location: YAMLLocation? = nil
    ) throws(ScenarioFileError) -> NetworkFile {
        var candidate = reference
        if let directory, !reference.hasPrefix("/"), reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") {
            candidate = directory.appendingPathComponent(reference).path
        }
        do {
            let (text, file, _) = try read(candidate, folder: "networks")
            return try NetworkFile(yaml: text, file: file)
        } catch {
            if error.line == 0, let location {
                throw ScenarioFileError(file: location.file, line: location.line, reason: error.reason)
            }
            throw error
        }
    }

    /// Reads a path if it exists, else a bundled resource of that name.
    static func read(_ reference: String, folder: String) throws(ScenarioFileError) -> (String, String, URL?) {
        let manager = FileManager.default
        if manager.fileExists(atPath: reference) {
            guard let data = manager.contents(atPath: reference), let text = String(data: data, encoding: .utf8) else {
                throw ScenarioFileError(file: reference, line: 0, reason: "cannot read the file as UTF-8 text")
            }
            return (text, reference, URL(fileURLWithPath: reference).deletingLastPathComponent())
        }
        let name = reference.hasSuffix(".yaml") ? String(reference.dropLast(5)) : reference
        if !name.contains("/"), let text = bundledText(name, folder: folder) {
            return (text, "bundled:\(folder)/\(name).yaml", nil)
        }
        let known = names(in: folder).joined(separator: ", ")
        throw ScenarioFileError(file: reference, line: 0, reason: "no such file, and no bundled \(folder.dropLast()) of that name (bundled: \(known))")
    }

    /// The text of a bundled file, for `simulate --show`-style listings and tests.
    public static func bundledText(_ name: String, folder: String) -> String? {
        let url = folderURL(folder).appendingPathComponent("\(name).yaml")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    static func names(in folder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folderURL(folder).path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// `Resources/FOLDER` inside the module's resource bundle (copied as is by SwiftPM).
    static func folderURL(_ folder: String) -> URL {
        Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(folder)
    }

    /// Compiles a loaded scenario for the engine.
    public static func compile(_ file: ScenarioFile) throws(ScenarioFileError) -> CompiledScenario {
        do {
            return try CompiledScenario(file.scenario, probes: file.probes)
        } catch {
            throw ScenarioFileError(file: file.file, line: 1, reason: error.description)
        }
    }
}
