import Foundation
import MonaziteServer
import Testing

/// The allocator calls behind the server's bounded memory (RELIABILITY.md, "Soak").
@Suite(.serialized) struct HeapAllocatorTests {
    @Test func anOperatorsOwnArenaSettingIsLeftAlone() {
        #expect(!HeapAllocator.limitArenas(to: 2, environment: ["MALLOC_ARENA_MAX": "4"]))
        #expect(!HeapAllocator.limitArenas(to: 2, environment: ["GLIBC_TUNABLES": "glibc.pthread.rseq=0:glibc.malloc.arena_max=4"]))
    }

    #if os(Linux)
    /// Other glibc tunables (container images set some) leave the arena cap to us.
    @Test func otherTunablesDoNotStopTheCap() {
        #expect(HeapAllocator.limitArenas(to: 8 * max(2, ProcessInfo.processInfo.activeProcessorCount), environment: ["GLIBC_TUNABLES": "glibc.pthread.rseq=0"]))
    }
    #endif

    #if os(Linux)
    @Test func glibcTakesTheArenaCap() {
        #expect(HeapAllocator.isAvailable)
        // glibc's own default on this machine's cores would be 8 per core: no tighter than that,
        // so that the other tests in this process allocate as before.
        #expect(HeapAllocator.limitArenas(to: 8 * max(2, ProcessInfo.processInfo.activeProcessorCount), environment: [:]))
    }

    /// 64 MiB in 4 KiB blocks (below the size glibc serves by mmap), every 64th kept so that the
    /// freed memory sits between live blocks, where `free` alone never returns it.
    @Test func freedHeapPagesGoBackToTheSystem() throws {
        // Other suites allocate in this process meanwhile and may take some of the freed memory
        // back before the trim: the best of three tries counts.
        var drops: [Int] = []
        for _ in 0..<3 {
            let drop = try Self.dropAfterTrimKiB()
            drops.append(drop)
            if drop >= 24 * 1024 { break }
        }
        #expect(drops.contains { $0 >= 24 * 1024 }, "RssAnon drops after malloc_trim: \(drops) KiB")
    }

    static func dropAfterTrimKiB() throws -> Int {
        let blockSize = 4096
        var kept: [UnsafeMutableRawPointer] = []
        var freed: [UnsafeMutableRawPointer] = []
        for i in 0..<16_384 {
            let block = try #require(malloc(blockSize))
            memset(block, 1, blockSize)
            if i % 64 == 0 { kept.append(block) } else { freed.append(block) }
        }
        freed.forEach { free($0) }
        let before = try anonymousKiB()
        let released = HeapAllocator.returnFreeMemory()
        let after = try anonymousKiB()
        kept.forEach { free($0) }
        return released ? before - after : 0
    }

    static func anonymousKiB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? ""))
    }
    #endif
}
