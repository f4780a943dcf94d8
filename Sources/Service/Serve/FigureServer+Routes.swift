#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FigureServer {
    /// The largest file the server sends (a figure PNG is a few hundred KB).
    static let maxFileSize = 64 << 20

    /// The response to one parsed request, from the files as they are now: `/` the page,
    /// `/figures.json` the figure list, `/<path>.png` and `/<path>.png.json` the files.
    /// Every 200 carries an ETag; a matching `If-None-Match` gets 304.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        if address.isLoopback, let host = request.header("host"), !FigureServer.isLocalName(host) {
            return .error(HTTPError(403, "this server answers only requests for 127.0.0.1 or localhost"))
        }
        let body: [UInt8], type: String
        switch request.path {
        case "/", "/index.html":
            body = FigurePage.bytes
            type = "text/html; charset=utf-8"
        case "/figures.json":
            body = FigureIndex(root: root).json()
            type = "application/json"
        default:
            do throws(HTTPError) {
                let file = try ServedPath(request.path, root: root)
                body = try FigureServer.readFile(file.absolute)
                type = HTTPResponse.contentType(for: file.absolute)
            } catch {
                return .error(error)
            }
        }
        let etag = "\"" + FigureServer.hash(body) + "\""
        if let tags = request.header("if-none-match"), FigureServer.matches(tags, etag) {
            return .notModified(etag: etag)
        }
        return .ok(body, contentType: type, etag: etag)
    }

    /// Whether a Host header names this machine (`127.x.x.x`, `localhost`, `[::1]`, any port).
    /// A server on loopback refuses other names: a web page whose domain an attacker points at
    /// 127.0.0.1 (DNS rebinding) then cannot read the figures through the victim's browser.
    static func isLocalName(_ host: String) -> Bool {
        var name = Substring(host.lowercased())
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            return name[name.index(after: name.startIndex)..<close] == "::1"
        }
        if let colon = name.lastIndex(of: ":") { name = name[..<colon] }
        return name == "localhost" || (name.hasPrefix("127.") && name.split(separator: ".").count == 4)
    }

    /// Whether an `If-None-Match` list (`"a", W/"b"` or `*`) names `etag` (weak comparison,
    /// RFC 9110 §13.1.2).
    static func matches(_ list: String, _ etag: String) -> Bool {
        list.split(separator: ",").contains { item in
            var tag = item.trimmingBlanks()
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    /// FNV-1a 64 of `bytes` as 16 hex digits: the same hash `WatchStatus.contentHash` records.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { for byte in $0 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 } }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads a whole file that `ServedPath` checked; the open refuses a symlink swapped in since.
    static func readFile(_ path: String) throws(HTTPError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw HTTPError(404, "cannot open \(path.split(separator: "/").last ?? ""): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw HTTPError(404, "not a file") }
        guard info.st_size <= maxFileSize else { throw HTTPError(403, "the file is larger than \(maxFileSize >> 20) MiB") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw HTTPError(500, "read failed: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
