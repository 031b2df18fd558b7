import Crypto
public import Foundation

/// The webhook signature: `sha256=` followed by the lowercase hex HMAC-SHA256 of the exact body
/// bytes, keyed with the shared secret (RFC 2104). Sent as `X-Monazite-Signature`.
public enum AlertSignature {
    public static let header = "X-Monazite-Signature"

    public static func sign(_ body: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Constant-time check of a received header value.
    public static func verify(_ body: Data, secret: String, header value: String) -> Bool {
        let expected = Array(sign(body, secret: secret).utf8)
        let given = Array(value.utf8)
        guard expected.count == given.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(expected, given) { diff |= a ^ b }
        return diff == 0
    }
}
