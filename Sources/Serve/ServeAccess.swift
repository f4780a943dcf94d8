/// Who the figure server answers: the Host names it accepts and the token it requires.
///
/// On a loopback address the Host header must name this machine exactly: `localhost`,
/// `127.0.0.1` or `[::1]`, each with an optional port and nothing else (no other `127.` names,
/// no suffixes). A web page whose domain an attacker points at 127.0.0.1 (DNS rebinding) then
/// cannot read the figures through the victim's browser. Any other bind address reaches other
/// machines, so every request must carry the server's token, as Jupyter's does: in the URL
/// printed at start (`?token=...`, which also sets a cookie for the page's own requests), in an
/// `Authorization: token ...` or `Bearer ...` header, or in that cookie. Tokens are compared in
/// constant time.
public struct ServeAccess: Sendable, Equatable {
    /// The token every request must carry, or nil for none (loopback without `--token`).
    public var token: String?
    /// Whether the Host header must be a loopback name.
    public var loopbackHostsOnly: Bool
    /// The cookie that carries the token (named after the port: cookies ignore ports).
    public var cookieName: String

    /// Access for a server bound to `address`: loopback names only on a loopback address; a
    /// token (`token`, or a new random one) on any other address.
    public init(address: ServeAddress, token: String? = nil) {
        loopbackHostsOnly = address.isLoopback
        self.token = address.isLoopback ? token : (token ?? ServeAccess.randomToken())
        cookieName = "plotline-token-\(address.port)"
    }

    /// 24 random bytes as 48 hex digits (Jupyter's tokens have the same strength).
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<24).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte >> 4, radix: 16) + String(byte & 15, radix: 16)
        }.joined()
    }

    /// Checks a request; returns a `Set-Cookie` header to send when the token came in the URL,
    /// throws 403 when the Host is foreign or the token is missing or wrong.
    public func check(_ request: HTTPRequest) throws(HTTPError) -> (name: String, value: String)? {
        if loopbackHostsOnly, let host = request.header("host"), !ServeAccess.isLoopbackHost(host) {
            throw HTTPError(403, "this server answers only requests for localhost, 127.0.0.1 or [::1]")
        }
        guard let token else { return nil }
        if let given = ServeAccess.queryValue("token", in: request.target) {
            guard ServeAccess.constantTimeEqual(given, token) else { throw HTTPError(403, "wrong token") }
            return ("Set-Cookie", "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict")
        }
        if let authorization = request.header("authorization") {
            let parts = authorization.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2, ["token", "bearer"].contains(parts[0].lowercased()),
               ServeAccess.constantTimeEqual(parts[1].trimmingBlanks(), token) {
                return nil
            }
            throw HTTPError(403, "wrong token")
        }
        for header in request.headers where header.name == "cookie" {
            for pair in header.value.split(separator: ";") {
                let item = pair.trimmingBlanks()
                guard item.hasPrefix(cookieName + "=") else { continue }
                if ServeAccess.constantTimeEqual(String(item.dropFirst(cookieName.count + 1)), token) { return nil }
            }
        }
        throw HTTPError(403, "this server needs its token: open the URL it printed at start (http://HOST:PORT/?token=...)")
    }

    /// Whether a Host header value is exactly `localhost`, `127.0.0.1` or `[::1]`, optionally
    /// followed by `:PORT` (1 to 5 digits), case-insensitive.
    public static func isLoopbackHost(_ host: String) -> Bool {
        let lower = host.lowercased()
        for name in ["localhost", "127.0.0.1", "[::1]"] where lower.hasPrefix(name) {
            let rest = lower.dropFirst(name.count)
            if rest.isEmpty { return true }
            guard rest.first == ":" else { return false }
            let port = rest.dropFirst()
            return (1...5).contains(port.count) && port.allSatisfy { $0.isASCII && $0.isNumber } && Int(port)! <= 65535
        }
        return false
    }

    /// The percent-decoded value of `name` in the target's query, or nil.
    static func queryValue(_ name: String, in target: String) -> String? {
        guard let q = target.firstIndex(of: "?") else { return nil }
        for pair in target[target.index(after: q)...].split(separator: "&") where pair.hasPrefix(name + "=") {
            guard let bytes = try? ServedPath.percentDecode(String(pair.dropFirst(name.count + 1))) else { return "" }
            return String(decoding: bytes, as: UTF8.self)
        }
        return nil
    }

    /// Compares in time that depends only on `expected`'s length, not on where they differ.
    static func constantTimeEqual(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<b.count { difference |= b[i] ^ (i < a.count ? a[i] : 0) }
        return difference == 0
    }
}
