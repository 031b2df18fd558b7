import MonaziteAnomalies

/// Where `monazite anomalies` gets the policy events it links anomalies to.
///
/// Returns no events in this build: the command then lists anomalies without attribution and says
/// so. The integrator wires the policy timeline in here, adapting each policy event into an
/// ``EventCandidate``.
enum AnomalyEventSource {
    static func candidates() -> [EventCandidate] { [] }
}
