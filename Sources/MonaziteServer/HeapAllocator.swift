public import Foundation
public import ServiceLifecycle

/// The C allocator under a long-running server: glibc's malloc on Linux, reached through `dlsym`
/// (Swift's Glibc module does not declare `mallopt` or `malloc_trim`). Elsewhere both calls do
/// nothing and say so.
///
/// Why: the PostgreSQL soak's resident memory rose in one step of 6–8 MB at a random minute (one
/// run in three past the 10% bound) while the memory in use stayed about 21 MB: glibc gave the
/// server's threads up to 16 arenas (8 per core), each keeping the memory freed in it. With the
/// arenas capped at the cores and free pages handed back each minute, the step went away and the
/// heap taken from the system fell by a third at the same throughput (RELIABILITY.md, "Soak").
public enum HeapAllocator {
    /// glibc's `M_ARENA_MAX` (malloc.h).
    static let arenaMaxOption: Int32 = -8

    /// Caps glibc's malloc arenas at `count`, unless the operator chose a cap already
    /// (`MALLOC_ARENA_MAX`, or `glibc.malloc.arena_max` in `GLIBC_TUNABLES`). True when the cap was set.
    @discardableResult
    public static func limitArenas(
        to count: Int = max(2, ProcessInfo.processInfo.activeProcessorCount),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        guard environment["MALLOC_ARENA_MAX"] == nil, environment["GLIBC_TUNABLES"]?.contains("glibc.malloc.arena_max") != true, count >= 1,
            let mallopt = symbol("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self)
        else { return false }
        return mallopt(arenaMaxOption, Int32(clamping: count)) == 1
    }

    /// Hands the heap's free pages back to the system (`malloc_trim(0)`, every arena). True when
    /// some memory was released.
    @discardableResult
    public static func returnFreeMemory() -> Bool {
        guard let trim = symbol("malloc_trim", as: (@convention(c) (Int) -> Int32).self) else { return false }
        return trim(0) == 1
    }

    /// True where the calls above reach an allocator (glibc).
    public static var isAvailable: Bool { symbol("malloc_trim", as: (@convention(c) (Int) -> Int32).self) != nil }

    private static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        #if os(Linux)
        // RTLD_DEFAULT: the symbol as the process resolves it (glibc's, unless one was preloaded).
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: type)
        #else
        return nil
        #endif
    }
}

/// Hands the heap's free pages back to the system every `interval` while the server runs.
public struct HeapTrimmer: Service {
    let interval: Duration

    /// At least a second apart: `malloc_trim` walks every arena under its lock.
    public init(interval: Duration) { self.interval = max(interval, .seconds(1)) }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                HeapAllocator.returnFreeMemory()
            }
        }
    }
}
