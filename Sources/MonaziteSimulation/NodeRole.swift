public import MonaziteCore

/// What a node of the network does: transform input into output at a stage, or consume as a sector.
public enum NodeRole: Sendable, Hashable {
    /// A producing stage. Mining has no input; the other stages consume input from suppliers.
    case production(SupplyStage)
    /// A final-demand sector: consumes from its input stock, produces nothing.
    case endUse(EndUseSector)

    /// Position in the chain, upstream first: mining 0 … magnet 3, end use 4. Edges must go downstream or sideways within no stage.
    public var rank: Int {
        switch self {
        case .production(let stage): SupplyStage.allCases.firstIndex(of: stage) ?? 0
        case .endUse: SupplyStage.allCases.count
        }
    }

    /// The stage's or sector's name as written in scenario files.
    public var name: String {
        switch self {
        case .production(let stage): stage.rawValue
        case .endUse(let sector): sector.rawValue
        }
    }
}
