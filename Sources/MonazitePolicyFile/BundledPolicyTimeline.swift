import Foundation
public import MonazitePolicy

/// The curated timeline shipped with Monazite (`Resources/policy_timeline.yaml`).
public enum BundledPolicyTimeline {
    /// Where the bundled file is, for messages.
    public static let resourceName = "policy_timeline.yaml"

    /// The bundled timeline, parsed and validated once per process (the file is part of the
    /// binary's resources and never changes while it runs; the server asks on every policy request).
    public static func load() throws(PolicyFileError) -> [PolicyEvent] {
        try parsed.get()
    }

    private static let parsed: Result<[PolicyEvent], PolicyFileError> = {
        do throws(PolicyFileError) { return .success(try read()) } catch { return .failure(error) }
    }()

    private static func read() throws(PolicyFileError) -> [PolicyEvent] {
        guard
            let url = Bundle.module.url(forResource: "policy_timeline", withExtension: "yaml", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "policy_timeline", withExtension: "yaml")
        else {
            throw PolicyFileError(
                file: resourceName, line: 0, column: 0, reason: "the bundled timeline is missing from the package resources")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PolicyFileError(file: resourceName, line: 0, column: 0, reason: "cannot read the bundled timeline: \(error)")
        }
        return try PolicyTimelineFile.parse(yaml: text, file: resourceName)
    }
}
