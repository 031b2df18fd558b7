/// A scenario input that each Monte Carlo draw samples from a distribution.
public struct UncertainParameter: Sendable, Hashable {
    public var target: Target
    public var distribution: Distribution

    public init(target: Target, distribution: Distribution) {
        self.target = target
        self.distribution = distribution
    }

    /// The input a draw overrides. Names in scenario files are given with each case.
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        /// `shock.ID.durationDays`: end day = start day + the drawn duration (rounded).
        case shockDurationDays(String)
        /// `shock.ID.approvedShare`: a licensing shock's approved share (0…1).
        case shockApprovedShare(String)
        /// `shock.ID.approvalDelayDays`: a licensing shock's delay (rounded, ≥ 0).
        case shockApprovalDelayDays(String)
        /// `shock.ID.magnitude`: an outage's lost share, a demand factor, or a release's tonnes per day.
        case shockMagnitude(String)
        /// `shock.ID.exemptShare`: a licensing shock's share of orders needing no licence (0…1).
        case shockExemptShare(String)
        /// `shock.ID.startDay`: the day a shock or a licence step begins (rounded, ≥ 0).
        case shockStartDay(String)
        /// `inventoryDaysFactor`: multiplies every node's inventory days.
        case inventoryDaysFactor
        /// `node.ID.inventoryDays`: one node's inventory days.
        case nodeInventoryDays(String)
        /// `substitutionLimitShare`: every node's substitution limit (0…1).
        case substitutionLimitShare
        /// `substitutionRampDays`: every node's ramp-up time (≥ 1).
        case substitutionRampDays

        public var description: String {
            switch self {
            case .shockDurationDays(let id): "shock.\(id).durationDays"
            case .shockApprovedShare(let id): "shock.\(id).approvedShare"
            case .shockApprovalDelayDays(let id): "shock.\(id).approvalDelayDays"
            case .shockMagnitude(let id): "shock.\(id).magnitude"
            case .shockExemptShare(let id): "shock.\(id).exemptShare"
            case .shockStartDay(let id): "shock.\(id).startDay"
            case .inventoryDaysFactor: "inventoryDaysFactor"
            case .nodeInventoryDays(let id): "node.\(id).inventoryDays"
            case .substitutionLimitShare: "substitutionLimitShare"
            case .substitutionRampDays: "substitutionRampDays"
            }
        }

        /// Parses a scenario-file name such as `shock.lic.approvedShare`; nil if unknown.
        public init?(name: String) {
            switch name {
            case "inventoryDaysFactor": self = .inventoryDaysFactor
            case "substitutionLimitShare": self = .substitutionLimitShare
            case "substitutionRampDays": self = .substitutionRampDays
            default:
                let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 3 else { return nil }
                let id = parts[1..<(parts.count - 1)].joined(separator: ".")
                guard !id.isEmpty, let last = parts.last else { return nil }
                switch (parts[0], last) {
                case ("shock", "durationDays"): self = .shockDurationDays(id)
                case ("shock", "approvedShare"): self = .shockApprovedShare(id)
                case ("shock", "approvalDelayDays"): self = .shockApprovalDelayDays(id)
                case ("shock", "magnitude"): self = .shockMagnitude(id)
                case ("shock", "exemptShare"): self = .shockExemptShare(id)
                case ("shock", "startDay"): self = .shockStartDay(id)
                case ("node", "inventoryDays"): self = .nodeInventoryDays(id)
                default: return nil
                }
            }
        }
    }
}
