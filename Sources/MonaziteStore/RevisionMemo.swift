import Synchronization

/// A value computed from the whole store (the series list, freshness inputs, source summaries),
/// kept with the revision it was computed at (``TradeStore/revision()``, the latest import
/// batch id: every committed import adds one, and nothing else changes these tables). A read
/// that finds the same revision in its own snapshot takes the kept value instead of scanning
/// every figure again; any import moves the revision, and the next read computes anew.
public final class RevisionMemo<Value: Sendable>: Sendable {
    private let kept = Mutex<(revision: Int64, value: Value)?>(nil)

    public init() {}

    /// The value kept for `revision`, if it is the one kept.
    public func value(at revision: Int64) -> Value? {
        kept.withLock { kept in kept.flatMap { $0.revision == revision ? $0.value : nil } }
    }

    /// Keeps `value` as computed at `revision` (a later revision is never replaced by an earlier one).
    public func keep(_ value: Value, at revision: Int64) {
        kept.withLock { kept in
            if let current = kept, current.revision > revision { return }
            kept = (revision, value)
        }
    }
}
