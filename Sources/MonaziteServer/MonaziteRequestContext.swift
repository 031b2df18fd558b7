public import Hummingbird
public import NIOCore

/// The context of a request to the Monazite server: Hummingbird's core context plus the peer's
/// address, read from the connection when the request arrives (nil in the in-memory test client).
/// The per-address rate limit keys on it; a proxy's forwarding headers are not trusted.
public struct MonaziteRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address as text, or nil when the connection has none (a Unix socket, a test channel).
    public var clientAddress: String? { remoteAddress?.ipAddress }
}
