// The figure server: `plotline watch DIR --serve` shows every figure of a folder in a browser
// page that refreshes each image when its sidecar version changes.
//
// Design. A small HTTP/1.1 server of our own on POSIX sockets: one accept thread and one
// thread per connection, capped (`maxConnections`; beyond it a connection gets a 503 and is
// closed). Connections stay open (keep-alive, up to `maxRequestsPerConnection` requests, closed
// after `idleTimeout` seconds without a request), which matters because the page polls
// `/figures.json` twice a second. Only GET and HEAD are answered; the request parser
// (`HTTPRequest`) bounds what a client can make us buffer; `ServedPath` decides which files
// may be sent. The server only reads files: it never touches the render queue or its thread,
// so it cannot slow rendering down beyond the disk reads it makes.
//
// Trade-offs. Threads instead of an event loop (epoll, SwiftNIO): a browser opens at most six
// connections per host, so a handful of mostly idle threads cost nothing worth the complexity,
// and a package like SwiftNIO or Hummingbird would add minutes to every CI build. Every
// response is built from the files as they are at that moment (no cache to invalidate); the
// ETag is the FNV-1a 64 hash of the bytes sent, the same hash the sidecar records for a PNG,
// so a 304 is only given when the client's bytes are exactly the current ones, even while a
// render replaces the file between two reads.
//
// Credit: the request limits and status codes follow RFC 9112 and RFC 6585 (414/431); the path
// checks follow the usual decode-then-validate-then-realpath order (OWASP path traversal,
// Go's `http.Dir`).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small HTTP/1.1 server for the figures in one folder (see the top of this file).
public final class FigureServer: Sendable {
    /// The folder served, as a real path (symlinks resolved).
    public let root: String
    /// The address actually bound (with the system's port when port 0 was asked for).
    public let address: ServeAddress
    /// Connections served at once; further ones get 503.
    public let maxConnections: Int
    /// Requests on one connection before the server closes it.
    public static let maxRequestsPerConnection = 1000
    /// Seconds a connection may stay idle (or take to send one request head) before it is closed.
    public static let idleTimeout = 10

    private let listener: Int32
    private let state = Locked(State())
    private let threads = DispatchGroup()

    private struct State {
        var stopping = false
        var connections = Set<Int32>()
    }

    /// Binds `address` and starts serving `root`; throws when the folder does not exist or the
    /// address cannot be bound (in use, not an address of this machine).
    public init(root: String, address: ServeAddress = .default, maxConnections: Int = 32) throws(ServeError) {
        var isFolder: ObjCBool = false
        guard let real = ServedPath.realPath(root), FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder.boolValue else {
            throw ServeError("\(root) is not a folder")
        }
        self.root = real
        self.maxConnections = maxConnections
        let (fd, bound) = try FigureServer.listen(on: address)
        listener = fd
        self.address = bound
        threads.enter()
        let acceptThread = Thread { [self] in
            acceptLoop()
            threads.leave()
        }
        acceptThread.name = "plotline-serve-accept"
        acceptThread.start()
    }

    /// The page's URL, `http://HOST:PORT/`.
    public var url: String { "http://\(address)/" }

    /// Stops accepting, closes every open connection, and waits (up to two seconds) for the
    /// server's threads to finish. Safe to call more than once; the server runs until it is
    /// called (its threads keep it alive).
    public func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopping = true }
            for fd in state.connections { shutdown(fd, Int32(SHUT_RDWR)) }
            return !state.stopping
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        _ = threads.wait(timeout: .now() + 2)
        close(listener)
    }

    // MARK: - Sockets

    private static func listen(on address: ServeAddress) throws(ServeError) -> (Int32, ServeAddress) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ServeError("cannot create a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = address.port.bigEndian
        guard inet_pton(AF_INET, address.host, &addr.sin_addr) == 1 else {
            close(fd)
            throw ServeError("'\(address.host)' is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ServeError("cannot listen on \(address): \(reason)\(errno == EADDRINUSE ? " (pick another port, or 0 for any free one)" : "")")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, ServeAddress(host: address.host, port: UInt16(bigEndian: actual.sin_port)))
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)  // accept4 needs _GNU_SOURCE, which Glibc's module lacks
            if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            if fd < 0 {
                if state.withLock({ $0.stopping }) { return }
                switch errno {
                case EINTR, ECONNABORTED, EAGAIN: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: usleep(50_000); continue
                default: return
                }
            }
            enum Admission { case serve, busy, stopping }
            let admission = state.withLock { state -> Admission in
                if state.stopping { return .stopping }
                if state.connections.count >= maxConnections { return .busy }
                state.connections.insert(fd)
                return .serve
            }
            switch admission {
            case .stopping:
                close(fd)
                return
            case .busy:
                let busy = HTTPResponse.error(HTTPError(503, "too many connections; try again"))
                _ = FigureServer.send(fd, busy.bytes(includeBody: true, keepAlive: false))
                close(fd)
            case .serve:
                threads.enter()
                let thread = Thread { [self] in
                    serve(connection: fd)
                    state.withLock { state in
                        state.connections.remove(fd)
                        close(fd)
                    }
                    threads.leave()
                }
                thread.name = "plotline-serve-connection"
                thread.start()
            }
        }
    }

    /// Answers requests on one connection until the client closes it, an error, the idle
    /// timeout, or the server stops.
    private func serve(connection fd: Int32) {
        var timeout = timeval(tv_sec: FigureServer.idleTimeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        for served in 1...FigureServer.maxRequestsPerConnection {
            let started = Date()
            var head: [UInt8]
            do throws(HTTPError) {
                while true {
                    if let end = try HTTPRequest.headEnd(in: buffer) {
                        head = Array(buffer[..<end])
                        buffer.removeFirst(end)
                        break
                    }
                    if Date().timeIntervalSince(started) > Double(FigureServer.idleTimeout) && !buffer.isEmpty {
                        throw HTTPError(408, "the request head took too long")
                    }
                    let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                    if count < 0 && errno == EINTR { continue }
                    if count <= 0 { return }
                    buffer += chunk[..<count]
                }
                let request = try HTTPRequest.parse(head)
                let keepAlive = request.keepAlive && served < FigureServer.maxRequestsPerConnection
                    && !state.withLock { $0.stopping }
                let response = respond(to: request)
                guard FigureServer.send(fd, response.bytes(includeBody: request.method != "HEAD", keepAlive: keepAlive)), keepAlive else { return }
            } catch {
                _ = FigureServer.send(fd, HTTPResponse.error(error).bytes(includeBody: true, keepAlive: false))
                return
            }
        }
    }

    /// Writes all of `bytes` (no SIGPIPE when the peer has gone); false when the write failed.
    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 && errno == EINTR { continue }
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }
}
