import Foundation
import MonaziteAlerts
import MonaziteCore
import Testing

@Suite(.serialized) struct WebhookSenderTests {
    static let payload = AlertPayload(
        day: CalendarDay(parsing: "2025-07-21")!,
        alerts: [
            Alert(
                key: "synthetic:1", ruleID: "synthetic", kind: "series_change", severity: .warning, message: "synthetic alert",
                evidence: ["synthetic"],
                url: nil, day: CalendarDay(parsing: "2025-07-21")!)
        ])

    @Test func signed_post_is_retried_after_one_failure_then_delivered() async throws {
        let receiver = try TestHTTPReceiver(statuses: [503, 200])
        defer { receiver.stop() }
        let body = try Self.payload.encoded()
        let target = WebhookTarget(url: receiver.url, secret: "s3cret", retries: 3, timeoutSeconds: 5)
        let result = await WebhookSender(backoffSeconds: 0).post(body, to: target, secret: "s3cret")
        #expect(result.delivered)
        #expect(result.attempts == 2)
        #expect(result.status == 200)
        let requests = receiver.requests
        #expect(requests.count == 2)
        for r in requests {
            #expect(r.requestLine.hasPrefix("POST /hook "))
            #expect(r.headers["content-type"] == "application/json")
            #expect(r.body == body)
            let signature = r.headers["x-monazite-signature"] ?? ""
            #expect(AlertSignature.verify(r.body, secret: "s3cret", header: signature))
            #expect(!AlertSignature.verify(r.body, secret: "wrong", header: signature))
        }
        let decoded = try JSONDecoder().decode(AlertPayload.self, from: requests[0].body)
        #expect(decoded == Self.payload)
    }

    @Test func client_error_is_not_retried() async throws {
        let receiver = try TestHTTPReceiver(statuses: [400])
        defer { receiver.stop() }
        let result = await WebhookSender(backoffSeconds: 0).post(
            try Self.payload.encoded(), to: WebhookTarget(url: receiver.url, retries: 3, timeoutSeconds: 5), secret: nil)
        #expect(!result.delivered)
        #expect(result.attempts == 1)
        #expect(result.status == 400)
        #expect(receiver.requests.first?.headers["x-monazite-signature"] == nil)
    }

    @Test func refused_connection_uses_every_attempt() async throws {
        let receiver = try TestHTTPReceiver(statuses: [])
        let url = receiver.url
        receiver.stop()  // nothing listens on the port any more
        let result = await WebhookSender(backoffSeconds: 0).post(
            Data("{}".utf8), to: WebhookTarget(url: url, retries: 2, timeoutSeconds: 5), secret: nil)
        #expect(!result.delivered)
        #expect(result.attempts == 3)
        #expect(result.lastError != nil)
    }

    @Test func signature_matches_a_known_hmac() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let sig = AlertSignature.sign(Data("what do ya want for nothing?".utf8), secret: "Jefe")
        #expect(sig == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
