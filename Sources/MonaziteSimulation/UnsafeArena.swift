/// Fixed-size buffers of trivial values allocated together and freed together.
///
/// The daily step reads and writes state through raw pointers so the loop does no bounds checks,
/// no copy-on-write checks and no allocation. Every buffer is zero-initialised, has at least one
/// element, and lives exactly as long as its arena (the owner keeps the arena).
final class UnsafeArena {
    private var blocks: [UnsafeMutableRawPointer] = []

    /// A zeroed buffer of `count` values (at least one).
    func buffer<T: BitwiseCopyable>(_ type: T.Type, _ count: Int, zero: T) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
        p.initialize(repeating: zero, count: max(count, 1))
        blocks.append(UnsafeMutableRawPointer(p))
        return p
    }

    /// A buffer holding a copy of `values`.
    func copy<T: BitwiseCopyable>(_ values: [T], zero: T) -> UnsafeMutablePointer<T> {
        let p = buffer(T.self, values.count, zero: zero)
        for (k, v) in values.enumerated() { p[k] = v }
        return p
    }

    deinit {
        for block in blocks { block.deallocate() }
    }
}
