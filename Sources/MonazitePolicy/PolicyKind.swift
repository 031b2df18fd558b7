/// What kind of act a policy event is. The raw values are the names used in files and JSON.
public enum PolicyKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// Exports need a licence (MOFCOM dual-use licensing of listed items).
    case exportLicensing = "export_licensing"
    /// Exports (to a destination or an end user) are banned.
    case prohibition
    /// Named companies are put on an export-control or entity list.
    case entityListing = "entity_listing"
    /// Transfer of technology (know-how, production lines, services) is restricted.
    case technologyControl = "technology_control"
    /// A control reaches goods made abroad (re-export, de minimis content rules).
    case extraterritorialRule = "extraterritorial_rule"
    /// A tariff, a tariff threat, or a change of tariff.
    case tariff
    /// A bilateral agreement, framework or deal between governments.
    case agreement
    /// Suspends other acts, named in ``PolicyEvent/suspends``, for a window.
    case suspension
    /// A decision on licences (approvals, general licences) under a licensing regime.
    case licenceDecision = "licence_decision"
    /// A regulation of the domestic industry (quotas, ownership, traceability) or a framework law.
    case domesticRegulation = "domestic_regulation"
    /// A trade investigation (a US Section 232 inquiry): no duty or restriction by itself; its
    /// outcome, if any, is an act of its own.
    case investigation

    /// Accepts the raw value or its camelCase form (`export_licensing`, `exportLicensing`).
    public init?(parsing text: String) {
        let key = text.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
        guard let kind = PolicyKind.allCases.first(where: { $0.rawValue.filter { $0 != "_" } == key }) else { return nil }
        self = kind
    }
}

/// Whether an act restricts trade further or relaxes it.
public enum PolicyDirection: String, CaseIterable, Sendable, Codable, Hashable {
    case tightening
    case easing
    /// Neither by itself: an investigation, a confirmation, a statement of intent.
    case neutral
}
