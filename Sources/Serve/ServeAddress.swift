#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the figure server listens: an IPv4 address and a port (0 lets the system pick one).
public struct ServeAddress: Sendable, Equatable, CustomStringConvertible {
    /// The dotted IPv4 address to bind (`127.0.0.1` unless asked otherwise).
    public var host: String
    /// The TCP port; 0 means any free port (the server reports the one it got).
    public var port: UInt16

    /// The default: loopback only, port 8765.
    public static let `default` = ServeAddress(host: "127.0.0.1", port: 8765)

    /// An address from its parts.
    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, `:PORT` or `PORT` (host 127.0.0.1); `localhost` means 127.0.0.1.
    public init(parsing text: String) throws(ServeError) {
        var host = "127.0.0.1", portText = Substring(text)
        if let colon = text.lastIndex(of: ":") {
            let name = text[..<colon]
            if !name.isEmpty { host = name == "localhost" ? "127.0.0.1" : String(name) }
            portText = text[text.index(after: colon)...]
        } else if !text.allSatisfy(\.isNumber) {
            host = text == "localhost" ? "127.0.0.1" : text
            portText = Substring(String(ServeAddress.default.port))
        }
        guard let port = UInt16(portText) else {
            throw ServeError("'\(text)' has no valid port: expected HOST:PORT with PORT 0...65535, e.g. 127.0.0.1:8765")
        }
        var probe = in_addr()
        guard inet_pton(AF_INET, host, &probe) == 1 else {
            throw ServeError("'\(host)' is not an IPv4 address: expected e.g. 127.0.0.1 (loopback) or 0.0.0.0 (all interfaces)")
        }
        self.init(host: host, port: port)
    }

    /// Whether only this machine can connect (127.0.0.0/8).
    public var isLoopback: Bool { host.hasPrefix("127.") }

    /// `HOST:PORT`.
    public var description: String { "\(host):\(port)" }
}
