public import MonazitePolicy

/// Where user policy data lives: imported timeline events (beyond the bundled timeline) and the
/// user's own licences. Every backend implements it; requirements are `async` so that a network
/// backend can (the SQLite store witnesses them synchronously).
///
/// Imports are all-or-nothing: one transaction, and any problem (a duplicate id or reference, a
/// value the schema refuses) leaves the store unchanged and throws.
public protocol PolicyStore: Sendable {
    /// Saves events (already validated by the file format); an id already stored is `StoreError.conflict`.
    /// Returns how many were saved.
    func importPolicyEvents(_ events: [PolicyEvent], file: String) async throws -> Int
    /// Every imported event, by effective date then id.
    func policyEvents() async throws -> [PolicyEvent]
    /// Saves one licence; a (holder, reference) already stored is `StoreError.conflict`.
    func addLicence(_ licence: Licence, file: String) async throws -> Licence
    /// Saves licences, all or nothing. Returns how many were saved.
    func importLicences(_ licences: [Licence], file: String) async throws -> Int
    /// Every licence, soonest expiry first.
    func licences() async throws -> [Licence]
}
