import Foundation
@testable import MonaziteServer
import Testing

/// The API's answer cache stays bounded when nothing empties it (no imports): expired answers
/// go at the next keep after `maxAge`, and the bytes held never pass `maxBytes`.
@Suite struct AnswerCacheBoundTests {
    static func answer(bytes: Int) -> JSONAnswer { JSONAnswer(["pad": String(repeating: "x", count: bytes)]) }

    @Test func expiredAnswersAreDroppedWhenANewOneIsKept() async throws {
        let cache = AnswerCache(maxAge: .milliseconds(50))
        for i in 0..<200 { _ = try await cache.answer(for: "/api/v1/trade?offset=\(i)") { Self.answer(bytes: 100) } }
        #expect(cache.held.count == 200)
        try await Task.sleep(for: .milliseconds(120))
        _ = try await cache.answer(for: "/api/v1/trade?offset=new") { Self.answer(bytes: 100) }
        #expect(cache.held.count == 1)
        #expect(cache.held.bytes == Self.answer(bytes: 100).data.count)
    }

    @Test func theBytesHeldStayUnderTheBound() async throws {
        let one = Self.answer(bytes: 1_000).data.count
        let cache = AnswerCache(maxAge: .seconds(3600), maxBytes: 5 * one + one / 2)
        for i in 0..<23 {
            _ = try await cache.answer(for: "/k\(i)") { Self.answer(bytes: 1_000) }
            #expect(cache.held.bytes <= 5 * one + one / 2)
        }
        #expect(cache.held.count == 3)  // emptied at the 6th, 11th, 16th and 21st: 21, 22, 23 held
        // An answer larger than the whole bound is served but not kept.
        let big = try await cache.answer(for: "/big") { Self.answer(bytes: 10 * one) }
        #expect(big.data.count > 10 * one)
        #expect(cache.held.bytes <= 5 * one + one / 2)
    }
}
