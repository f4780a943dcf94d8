import NIOCore
import NIOPosix

/// One client connection of the figure server, on the event loop: gathers request heads,
/// answers them one at a time (file reads on the thread pool), and enforces the per-client
/// limits of `ServeLimits`.
///
/// The connection is always in one phase (see `ConnectionRegistry.Phase`) with one timer armed
/// for it: idle → `idleTimeout` (then closed), receiving → `headTimeout` from the head's first
/// byte (then 408 and closed: a client dripping one byte a second cannot keep it forever),
/// responding → `writeTimeout` (then closed). Pipelined requests wait in the buffer and are
/// answered in order after the response before them has been taken; what may wait is bounded
/// by the request parser's limits.
final class ServeConnection: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let routes: FigureRoutes
    private let limits: ServeLimits
    private let registry: ConnectionRegistry
    private let pool: NIOThreadPool
    private var buffer: [UInt8] = []
    private var phase = ConnectionRegistry.Phase.idle
    private var served = 0
    private var timer: Scheduled<Void>?
    private var closed = false

    /// The largest pipelined input held while a response is in progress.
    static let maxPipelined = HTTPRequest.maxRequestLine + HTTPRequest.maxHeaders + 1024

    init(routes: FigureRoutes, limits: ServeLimits, registry: ConnectionRegistry, pool: NIOThreadPool) {
        self.routes = routes
        self.limits = limits
        self.registry = registry
        self.pool = pool
    }

    func handlerAdded(context: ChannelHandlerContext) {
        arm(context, seconds: limits.idleTimeout) { $0.close(context) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        timer?.cancel()
        timer = nil
        registry.remove(context.channel)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        close(context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        buffer.append(contentsOf: bytes.readableBytesView)
        if phase == .responding {
            if buffer.count > ServeConnection.maxPipelined { close(context) }
            return
        }
        process(context)
    }

    /// Answers the next complete request head in the buffer, if there is one.
    private func process(_ context: ChannelHandlerContext) {
        guard !closed, phase != .responding, !buffer.isEmpty else { return }
        if phase == .idle {
            enter(.receiving, context)
            arm(context, seconds: limits.headTimeout) { connection in
                connection.fail(context, HTTPError(408, "the request head took longer than \(Int(connection.limits.headTimeout)) s"))
            }
        }
        let request: HTTPRequest
        do throws(HTTPError) {
            guard let end = try HTTPRequest.headEnd(in: buffer) else { return }
            let head = Array(buffer[..<end])
            buffer.removeFirst(end)
            request = try HTTPRequest.parse(head)
        } catch {
            fail(context, error)
            return
        }
        served += 1
        enter(.responding, context)
        timer?.cancel()
        let keepAlive = request.keepAlive && served < limits.maxRequestsPerConnection
        let routes = routes
        pool.runIfActive(eventLoop: context.eventLoop) { routes.respond(to: request) }
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let response):
                    self.send(context, response.bytes(includeBody: request.method != "HEAD", keepAlive: keepAlive), keepAlive: keepAlive)
                case .failure:
                    self.close(context)
                }
            }
    }

    /// Answers an unusable request with its error and closes the connection.
    private func fail(_ context: ChannelHandlerContext, _ error: HTTPError) {
        guard !closed else { return }
        enter(.responding, context)
        send(context, HTTPResponse.error(error).bytes(includeBody: true, keepAlive: false), keepAlive: false)
    }

    /// Writes one response; on success goes back to idle (and to the next pipelined request),
    /// otherwise closes.
    private func send(_ context: ChannelHandlerContext, _ bytes: [UInt8], keepAlive: Bool) {
        guard !closed else { return }
        let reserved = bytes.count
        guard registry.reserve(reserved) else { return send503(context) }
        arm(context, seconds: limits.writeTimeout) { $0.close(context) }
        var out = context.channel.allocator.buffer(capacity: bytes.count)
        out.writeBytes(bytes)
        let registry = registry
        context.writeAndFlush(wrapOutboundOut(out)).assumeIsolated().whenComplete { result in
            registry.release(reserved)
            guard case .success = result, keepAlive, !self.closed else {
                self.close(context)
                return
            }
            self.enter(.idle, context)
            self.arm(context, seconds: self.limits.idleTimeout) { $0.close(context) }
            self.process(context)
        }
    }

    /// A short 503 that is not counted against the bytes in flight (so it can always be sent).
    private func send503(_ context: ChannelHandlerContext) {
        let bytes = HTTPResponse.error(HTTPError(503, "the server is busy sending; try again")).bytes(includeBody: true, keepAlive: false)
        var out = context.channel.allocator.buffer(capacity: bytes.count)
        out.writeBytes(bytes)
        context.writeAndFlush(wrapOutboundOut(out)).assumeIsolated().whenComplete { _ in self.close(context) }
    }

    private func enter(_ phase: ConnectionRegistry.Phase, _ context: ChannelHandlerContext) {
        self.phase = phase
        registry.set(context.channel, phase)
    }

    /// Replaces the connection's timer with one that runs `action` after `seconds`.
    private func arm(_ context: ChannelHandlerContext, seconds: Double, _ action: @escaping (ServeConnection) -> Void) {
        timer?.cancel()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(seconds * 1e9))) {
            self.timer = nil
            action(self)
        }
    }

    private func close(_ context: ChannelHandlerContext) {
        guard !closed else { return }
        closed = true
        timer?.cancel()
        timer = nil
        context.close(promise: nil)
    }
}
