/// Why a network or scenario cannot be simulated. Each case names the offending item.
///
/// The scenario file layer maps these to `file:line: reason` messages.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateNode(String)
    case unknownNode(String, context: String)
    case duplicateEdge(supplier: String, buyer: String)
    case shareOutOfRange(String, value: Double)
    case negativeValue(String, value: Double)
    case invalidValue(String, reason: String)
    case sharesDoNotSumToOne(buyer: String, sum: Double)
    case edgeAgainstChain(supplier: String, buyer: String)
    case cycle([String])
    case buyerWithoutSupplier(String)
    case unknownShock(String)
    case invalidDistribution(String, reason: String)

    public var description: String {
        switch self {
        case .duplicateNode(let id): "duplicate node '\(id)'"
        case .unknownNode(let id, let context): "unknown node '\(id)' in \(context)"
        case .duplicateEdge(let s, let b): "duplicate edge \(s) → \(b)"
        case .shareOutOfRange(let what, let v): "\(what) = \(v) is outside 0…1"
        case .negativeValue(let what, let v): "\(what) = \(v) must not be negative"
        case .invalidValue(let what, let reason): "\(what): \(reason)"
        case .sharesDoNotSumToOne(let b, let sum): "baseline shares of the suppliers of '\(b)' sum to \(sum), not 1"
        case .edgeAgainstChain(let s, let b): "edge \(s) → \(b) goes upstream or into a mine"
        case .cycle(let ids): "cycle among production stages: \(ids.joined(separator: " → "))"
        case .buyerWithoutSupplier(let id): "node '\(id)' needs input but has no supplier"
        case .unknownShock(let id): "unknown shock '\(id)'"
        case .invalidDistribution(let what, let reason): "bad distribution for \(what): \(reason)"
        }
    }
}
