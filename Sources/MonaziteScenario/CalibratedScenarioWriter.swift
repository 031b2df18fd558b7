public import MonaziteSimulation

/// Writes a calibrated scenario: the original file's text (its priors kept for the record) with a
/// `calibration:` block saying how the fit was made and a `posterior:` block of joint rows. Each
/// Monte Carlo draw of the written file takes one row, which overrides the same inputs drawn from
/// their priors.
public enum CalibratedScenarioWriter {
    public struct Metadata: Sendable {
        public var command: String
        public var sampleFirst: String
        public var sampleLast: String
        public var observations: [String]
        public var settings: ABCSMCSettings

        public init(command: String, sampleFirst: String, sampleLast: String, observations: [String], settings: ABCSMCSettings) {
            self.command = command
            self.sampleFirst = sampleFirst
            self.sampleLast = sampleLast
            self.observations = observations
            self.settings = settings
        }
    }

    /// - Throws: ``ScenarioFileError`` when the original already holds a posterior.
    public static func yaml(
        original: ScenarioFile, name: String, result: ABCSMCResult, rows: [[Double]], metadata: Metadata
    ) throws(ScenarioFileError) -> String {
        if original.scenario.posterior != nil {
            throw ScenarioFileError(file: original.file, line: 1, reason: "already calibrated (has a posterior); calibrate the scenario with the priors")
        }
        // CR LF (a Windows file) is one Character, not "\n": split on it too, or the whole file is
        // one line and its `name:` is never replaced.
        var lines = original.text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
        if let k = lines.firstIndex(where: { $0.hasPrefix("name:") }) { lines[k] = "name: \(name)" }
        var text = lines.joined(separator: "\n")
        if !text.hasSuffix("\n") { text += "\n" }
        func number(_ v: Double) -> String {
            if v.isInfinite { return ".inf" }
            let rounded = (v * 1e6).rounded() / 1e6
            return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
        }
        let names = result.fitted.map { result.names[$0] }
        text += """
            calibration:
              method: "ABC-SMC (Toni et al. 2009; Beaumont et al. 2009 weights), \(metadata.settings.particles) particles, \
            tolerance = \(metadata.settings.quantile) quantile of the previous generation's distances"
              distance: "RMS over the observed months of ln((simulated t + 1) / (observed t + 1))"
              sampleMonths: \(metadata.sampleFirst)..\(metadata.sampleLast)
              observations: [\(metadata.observations.map { "\"\($0)\"" }.joined(separator: ", "))]
              tolerances: [\(result.tolerances.map(number).joined(separator: ", "))]
              acceptanceRates: [\(result.acceptanceRates.map(number).joined(separator: ", "))]
              simulations: \(result.simulations)
              particles: \(metadata.settings.particles)
              generations: \(result.tolerances.count - 1)
              seed: \(metadata.settings.seed)
              command: "\(metadata.command)"
            posterior:
              note: "\(rows.count) rows resampled from the final weighted population; each draw takes one row"
              parameters: [\(names.joined(separator: ", "))]
              rows:

            """
        for row in rows { text += "    - [" + row.map(number).joined(separator: ", ") + "]\n" }
        return text
    }
}
