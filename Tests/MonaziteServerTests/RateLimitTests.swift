import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MonaziteServer
import MonaziteStore
import Testing

@Suite struct RateLimitTests {
    @Test func aBucketRefillsAtItsRateAndNeverBeyondItsBurst() {
        let limiter = WriteRateLimiter(perMinute: 6, burst: 2)  // one every 10 s
        let t0 = ContinuousClock.now
        #expect(limiter.take("a", now: t0).allowed)
        #expect(limiter.take("a", now: t0).allowed)
        let refused = limiter.take("a", now: t0)
        #expect(!refused.allowed)
        #expect(refused.retryAfterSeconds == 10)
        // Another caller has a bucket of its own.
        #expect(limiter.take("b", now: t0).allowed)
        #expect(limiter.take("a", now: t0 + .seconds(4)).retryAfterSeconds == 6)
        #expect(limiter.take("a", now: t0 + .seconds(10)).allowed)
        // An hour idle gives back the burst, not 360 requests.
        let later = t0 + .seconds(3600)
        #expect(limiter.take("a", now: later).allowed)
        #expect(limiter.take("a", now: later).allowed)
        #expect(!limiter.take("a", now: later).allowed)
        #expect(WriteRateLimiter(perMinute: 0, burst: 1).take("a").allowed)
    }

    @Test func importsOverTheLimitAre429WithRetryAfterPerToken() async throws {
        let h = try await ServerHarness.bundled(options: ServerOptions(port: 0, writesPerMinute: 1, writeBurst: 2))
        let (_, first) = try await AccessTokens.create(name: "first", in: h.store)
        let (_, second) = try await AccessTokens.create(name: "second", in: h.store)
        let body = ByteBuffer(string: WriteTests.goodCSV)
        try await h.application().test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(first)"], body: body) { response in
                    #expect(response.status.code < 300, "\(response.text)")
                }
            }
            try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(first)"], body: body) { response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
                let code = try response.apiError()["code"] as? String
                #expect(code == "rate_limited")
            }
            try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(second)"], body: body) { response in
                #expect(response.status.code < 300, "another token has its own bucket: \(response.text)")
            }
        }
    }

    @Test func aPrivateServerWantsATokenForSimulationJobs() async throws {
        let h = try await ServerHarness.bundled(options: ServerOptions(port: 0, publicReads: false))
        try await h.application().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/simulations", method: .post, body: ByteBuffer(string: #"{"scenario":"april-2025-heavy-licensing","runs":10}"#)
            ) { response in
                #expect(response.status == .unauthorized, "\(response.text)")
            }
        }
    }
}
