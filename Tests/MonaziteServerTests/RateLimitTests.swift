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

@Suite struct TokenScopeTests {
    @Test func scopesOrderReadWriteAdmin() {
        #expect(AccessScope.read < .write && AccessScope.write < .admin && !(AccessScope.admin < .read))
    }

    @Test func aReadTokenCannotImportAndAnExpiredTokenIsRefusedAsExpired() async throws {
        let h = try await ServerHarness.bundled(options: ServerOptions(port: 0, publicReads: false))
        let (_, reader) = try await AccessTokens.create(name: "reader", in: h.store, scope: .read)
        let (_, admin) = try await AccessTokens.create(name: "admin", in: h.store, scope: .admin)
        // Created 31 days ago with a 30-day life: expired yesterday.
        let (_, old) = try await AccessTokens.create(
            name: "old", in: h.store, scope: .write, expiresInDays: 30, now: Date().addingTimeInterval(-31 * 86_400))
        let body = ByteBuffer(string: WriteTests.goodCSV)
        try await h.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/series", method: .get, headers: [.authorization: "Bearer \(reader)"]) { response in
                #expect(response.status == .ok, "a read token reads a private server")
            }
            try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(reader)"], body: body) { response in
                #expect(response.status == .forbidden)
                let code = try response.apiError()["code"] as? String
                #expect(code == "insufficient_scope")
            }
            try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(admin)"], body: body) { response in
                #expect(response.status == .created, "\(response.text)")
            }
            try await client.execute(uri: "/api/v1/series", method: .get, headers: [.authorization: "Bearer \(old)"]) { response in
                #expect(response.status == .unauthorized)
                let message = try response.apiError()["message"] as? String
                #expect(message?.contains("expired") == true)
            }
        }
    }
}
