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

@Suite struct AddressRateLimitTests {
    /// Over a real connection (the in-memory client has no peer address): two tokens sent from one
    /// address draw on that address's budget together, and the refusal names the address.
    @Test func twoTokensFromOneAddressShareTheAddressLimit() async throws {
        let h = try await ServerHarness.bundled(
            options: ServerOptions(port: 0, writesPerMinute: 100, writeBurst: 100, writesPerMinutePerAddress: 1, writeBurstPerAddress: 2))
        let (_, first) = try await AccessTokens.create(name: "first", in: h.store)
        let (_, second) = try await AccessTokens.create(name: "second", in: h.store)
        let job = ByteBuffer(string: #"{"scenario":"april-2025-heavy-licensing","runs":1}"#)
        try await h.application().test(.live) { client in
            try await client.execute(uri: "/api/v1/simulations", method: .post, headers: [.authorization: "Bearer \(first)"], body: job) { response in
                #expect(response.status == .accepted, "\(response.text)")
            }
            try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(second)"], body: ByteBuffer(string: WriteTests.goodCSV)) { response in
                #expect(response.status.code < 300, "\(response.text)")
            }
            // Each token has 98 left of its own budget; the address has none.
            try await client.execute(uri: "/api/v1/simulations", method: .post, headers: [.authorization: "Bearer \(second)"], body: job) { response in
                #expect(response.status == .tooManyRequests, "\(response.text)")
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
                let error = try response.apiError()
                #expect(error["code"] as? String == "rate_limited")
                #expect((error["message"] as? String)?.contains("address 127.0.0.1") == true, "\(error)")
            }
        }
    }

    @Test func aRefusalByOneLimitCostsNothingFromTheOther() {
        let perToken = WriteRateLimiter(perMinute: 1, burst: 1)
        let perAddress = WriteRateLimiter(perMinute: 1, burst: 2)
        let limits = RateLimits(perToken: perToken, perAddress: perAddress)
        #expect(throws: Never.self) { try limits.check(caller: "a", address: "10.0.0.1", what: "imports") }
        // Token "a" is spent: refused, and the address keeps its second request for token "b".
        #expect(throws: APIError.self) { try limits.check(caller: "a", address: "10.0.0.1", what: "imports") }
        #expect(throws: Never.self) { try limits.check(caller: "b", address: "10.0.0.1", what: "imports") }
        #expect(throws: APIError.self) { try limits.check(caller: "c", address: "10.0.0.1", what: "imports") }
        // Another address is not held back.
        #expect(throws: Never.self) { try limits.check(caller: "c", address: "10.0.0.2", what: "imports") }
    }
}
