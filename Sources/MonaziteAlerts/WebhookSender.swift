public import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How one webhook delivery went.
public struct WebhookResult: Sendable, Hashable {
    public var url: String
    public var delivered: Bool
    public var attempts: Int
    /// The last HTTP status received, if any.
    public var status: Int?
    /// The last failure, when not delivered (or before a retry that succeeded).
    public var lastError: String?
}

/// Posts alert payloads to webhooks: `POST` with a JSON body, `Content-Type: application/json` and
/// `X-Monazite-Signature: sha256=<hex HMAC-SHA256(body, secret)>` when a secret is set.
///
/// A transport error, a timeout, HTTP 429 or any 5xx is retried up to `target.retries` more times,
/// waiting `backoffSeconds · 2^(attempt − 1)` before attempt `attempt + 1`; other 4xx are final.
public struct WebhookSender: Sendable {
    public var backoffSeconds: Double

    public init(backoffSeconds: Double = 1) { self.backoffSeconds = max(0, backoffSeconds) }

    public func post(_ body: Data, to target: WebhookTarget, secret: String?) async -> WebhookResult {
        guard let url = URL(string: target.url) else {
            return WebhookResult(url: target.url, delivered: false, attempts: 0, status: nil, lastError: "not a URL")
        }
        var request = URLRequest(url: url, timeoutInterval: target.timeoutSeconds)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("monazite", forHTTPHeaderField: "User-Agent")
        if let secret { request.setValue(AlertSignature.sign(body, secret: secret), forHTTPHeaderField: AlertSignature.header) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = target.timeoutSeconds
        configuration.timeoutIntervalForResource = target.timeoutSeconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var result = WebhookResult(url: target.url, delivered: false, attempts: 0, status: nil, lastError: nil)
        for attempt in 1...(target.retries + 1) {
            if attempt > 1, backoffSeconds > 0 {
                let delay = backoffSeconds * pow(2, Double(attempt - 2))
                try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            }
            result.attempts = attempt
            do {
                let (_, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                result.status = status
                if (200..<300).contains(status) {
                    result.delivered = true
                    return result
                }
                result.lastError = "HTTP \(status)"
                if !(status == 429 || status >= 500) { return result }
            } catch {
                result.lastError = error.localizedDescription
            }
        }
        return result
    }
}
