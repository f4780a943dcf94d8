// The figure server: `plotline watch DIR --serve` shows every figure of a folder in a browser
// page that refreshes each image when its sidecar version changes.
//
// Design. An event-driven HTTP/1.1 server on SwiftNIO: one event-loop thread owns every
// connection (epoll), so an idle or dripping client costs a descriptor and a small buffer, not
// a thread; the file reads and JSON behind a response run on a two-thread pool, never on the
// loop. Each connection (`ServeConnection`) answers one request at a time with keep-alive and
// pipelining, under the per-client limits of `ServeLimits`: a time limit for a request head
// from its first byte (slow drip), an idle limit, a time limit for a client to take its
// response, and a bound on what it can make us buffer. The `ConnectionRegistry` admits up to
// `maxConnections`; when full it closes the connection idle longest instead of refusing the
// new one, so a few hundred idle sockets cannot lock normal clients out (measured in
// ServeOverloadTests: 200 idle + 50 slow-drip connections open, 30 of 30 normal requests
// answered). `/figures.json` comes from a `FigureIndex` that the watcher keeps current; the
// page's two polls a second cost a lock and, after a change, one JSON encoding. `ServeAccess`
// checks the Host header (exact loopback names on a loopback bind) and the token (any other
// bind). The server only reads files: it never touches the render queue or its thread.
//
// Why SwiftNIO, not our own sockets, Hummingbird or FlyingFox. The thread-per-connection server
// this replaces was locked out by 32 idle sockets (issue 12); an epoll loop of our own would
// repeat what NIO already does well (accept back-off on EMFILE, write back-pressure, timers),
// untested by anyone else. Hummingbird sits on NIO and adds swift-log, metrics, tracing and
// service-lifecycle for routing we do not need (five routes); FlyingFox runs each connection
// as a Swift task on the cooperative pool, which the render thread's design keeps free of
// blocking work, and its per-client timeouts are not configurable per phase. NIO's cost is
// build time: NIOCore and NIOPosix with swift-atomics, swift-collections and swift-system,
// built from scratch with this target (`swift build --target Serve` in an empty scratch
// folder), took 90 s of CPU (228 s wall on the shared 2-core VM at load 12; the test suite's
// sanitizer step builds them a second time). This target links neither FreeType nor libpng,
// and request parsing stays ours (`HTTPRequest`, strict and bounded). The measurement that
// could have favoured our own loop, per-poll cost, is dominated by the figure list, not by
// the socket layer (bench/README.md: a 304 poll costs 0.07 ms of CPU with 20,000 figures).
//
// Credit: the request limits and status codes follow RFC 9112 and RFC 6585 (414/431); the path
// checks follow the usual decode-then-validate-then-realpath order (OWASP path traversal,
// Go's `http.Dir`); the token scheme follows Jupyter's (`?token=` once, then a cookie).
import FoundationEssentials
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// An HTTP/1.1 server for the figures in one folder (see the top of this file).
public final class FigureServer: Sendable {
    /// The folder served, as a real path (symlinks resolved).
    public let root: String
    /// The address actually bound (with the system's port when port 0 was asked for).
    public let address: ServeAddress
    /// The per-client and total limits in force.
    public let limits: ServeLimits
    /// Host names and token the server requires.
    public let access: ServeAccess
    /// The figure list `/figures.json` serves; keep it current with `record` and `remove`.
    public let index: FigureIndex

    private let group: MultiThreadedEventLoopGroup
    private let pool: NIOThreadPool
    private let listener: any Channel
    private let registry: ConnectionRegistry
    private let stopped = NIOLockedValueBox(false)

    /// Binds `address` and starts serving `root`; throws when the folder does not exist or the
    /// address cannot be bound (in use, not an address of this machine).
    ///
    /// `token` is required on every request when given, and made up when the address is not
    /// loopback; `index` defaults to one seeded from the folder; `hiding` lists absolute folders
    /// that error messages must not show (the watched folder).
    public init(root: String, address: ServeAddress = .default, token: String? = nil, index: FigureIndex? = nil,
                limits: ServeLimits = ServeLimits(), hiding: [String] = []) throws(ServeError) {
        var isFolder: Bool = false
        guard let real = ServedPath.realPath(root), FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder else {
            throw ServeError("\(root) is not a folder")
        }
        self.root = real
        self.limits = limits
        self.index = index ?? FigureIndex(root: real, hiding: hiding)
        let registry = ConnectionRegistry(limit: limits.maxConnections, byteLimit: limits.maxBytesInFlight)
        self.registry = registry
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        self.group = group
        self.pool = pool

        // The routes need the bound port (the token cookie is named after it): they are set
        // once bound, before the first connection can be accepted.
        let token = address.isLoopback ? token : (token ?? ServeAccess.randomToken())
        let routesBox = NIOLockedValueBox<FigureRoutes?>(nil)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                switch registry.admit(channel) {
                case .stopping:
                    return channel.close()
                case .full:
                    let busy = HTTPResponse.error(HTTPError(503, "too many connections are mid-response; try again"))
                    var out = channel.allocator.buffer(capacity: 256)
                    out.writeBytes(busy.bytes(includeBody: true, keepAlive: false))
                    return channel.writeAndFlush(out).flatMap { channel.close() }
                case .admitted(let evicted):
                    evicted?.close(promise: nil)
                    guard let routes = routesBox.withLockedValue({ $0 }) else { return channel.close() }
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            ServeConnection(routes: routes, limits: limits, registry: registry, pool: pool))
                    }
                }
            }
        do {
            listener = try bootstrap.bind(host: address.host, port: Int(address.port)).wait()
        } catch {
            try? group.syncShutdownGracefully()
            try? pool.syncShutdownGracefully()
            let reason = (error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? "\(error)"
            let inUse = (error as? IOError)?.errnoCode == EADDRINUSE
            throw ServeError("cannot listen on \(address): \(reason)\(inUse ? " (pick another port, or 0 for any free one)" : "")")
        }
        let bound = ServeAddress(host: address.host, port: UInt16(listener.localAddress?.port ?? Int(address.port)))
        self.address = bound
        access = ServeAccess(address: bound, token: token)
        let routes = FigureRoutes(root: real, index: self.index, access: access)
        routesBox.withLockedValue { $0 = routes }
    }

    /// The page's URL, `http://HOST:PORT/`, with `?token=...` when the server requires one.
    public var url: String {
        "http://\(address)/" + (access.token.map { "?token=" + $0 } ?? "")
    }

    /// Connections open now (for tests and logs).
    public var connectionCount: Int { registry.count }

    /// Open connections waiting for their next request (for tests and logs).
    public var idleConnectionCount: Int { registry.idleCount }

    /// Connections closed so far to make room for new ones.
    public var evictions: Int { registry.evictions }

    /// Response bytes written and not yet taken by their clients.
    public var bytesInFlight: Int { registry.bytesInFlight }

    /// Stops accepting, closes every open connection and waits for the server's threads to
    /// finish. Safe to call more than once.
    public func stop() {
        let first = stopped.withLockedValue { stopped -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        try? listener.close().wait()
        for channel in registry.stop() { channel.close(promise: nil) }
        // The pool first: its last answers complete promises on the loop, which must still run.
        try? pool.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
    }

    deinit { stop() }
}
