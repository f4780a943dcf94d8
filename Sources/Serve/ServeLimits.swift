/// The figure server's limits per client and in total: what a slow, idle or greedy client may
/// hold, and for how long.
///
/// Idle and half-sent connections cost the event loop nothing but a descriptor and a small
/// buffer, so the connection cap is high; when it is reached, the connection that has waited
/// longest without a request in progress is closed to make room (a 503 is only sent when every
/// connection is in the middle of a response). A request head must arrive whole within
/// `headTimeout` from its first byte, however slowly it drips; a response must be taken by the
/// client within `writeTimeout`; the bytes of all responses not yet taken are capped by
/// `maxBytesInFlight`.
public struct ServeLimits: Sendable, Equatable {
    /// Connections open at once (each costs one descriptor and at most ~40 KB of head buffer).
    public var maxConnections = 512
    /// Seconds a kept-alive connection may wait for its next request's first byte.
    public var idleTimeout = 30.0
    /// Seconds from a request's first byte to the blank line ending its head (else 408).
    public var headTimeout = 10.0
    /// Seconds a client may take to read one response before the connection is closed.
    public var writeTimeout = 30.0
    /// Requests on one connection before the server closes it.
    public var maxRequestsPerConnection = 1000
    /// Bytes of responses written but not yet taken by their clients, over all connections;
    /// a request that would exceed it gets a 503.
    public var maxBytesInFlight = 256 << 20

    /// The defaults: 512 connections, 30 s idle, 10 s per head, 30 s per response, 256 MiB in flight.
    public init() {}
}
