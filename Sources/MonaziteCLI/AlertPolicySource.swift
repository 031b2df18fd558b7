import MonaziteAlerts
import MonaziteAnomalies

/// Where alert evaluation gets policy events and deadlines.
///
/// Events come from ``AnomalyEventSource`` with their day taken as the announcement day; deadlines
/// are none in this build. The integrator wires the policy timeline (announced days, suspensions
/// and licences with end days) in here; until then `new_event` and `deadline` rules find nothing.
enum AlertPolicySource {
    static func events() -> [AnnouncedEvent] {
        AnomalyEventSource.candidates().map { AnnouncedEvent(event: $0, announced: $0.day) }
    }

    static func deadlines() -> [Deadline] { [] }
}
