import ContentHash
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The figure server's answers, computed on its thread pool from the index and the files as
/// they are now: `/` the page, `/figures.json` the figure list (from the watcher's index, never
/// a walk), `/<path>.png` and `/<path>.png.json` the files.
struct FigureRoutes: Sendable {
    /// The served folder, as a real path.
    let root: String
    /// The figure list.
    let index: FigureIndex
    /// Host names and token.
    let access: ServeAccess

    /// The largest file the server sends (a figure PNG is a few hundred KB).
    static let maxFileSize = 64 << 20

    /// The response to one parsed request. Every 200 carries an ETag; a matching
    /// `If-None-Match` gets 304.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        let cookie: (name: String, value: String)?
        do throws(HTTPError) { cookie = try access.check(request) } catch { return .error(error) }
        let body: [UInt8], type: String, etag: String
        switch request.path {
        case "/", "/index.html":
            body = FigurePage.bytes
            type = "text/html; charset=utf-8"
            etag = "\"" + FigureRoutes.hash(body) + "\""
        case "/figures.json":
            let document = index.document()
            body = document.bytes
            type = "application/json"
            etag = document.etag
        default:
            do throws(HTTPError) {
                let file = try ServedPath(request.path, root: root)
                let sidecar = file.absolute.lowercased().hasSuffix(".json")
                // A sidecar is read as the watcher wrote it: never through a link, even one
                // that stays inside the folder.
                var info = stat()
                if sidecar, lstat(root + "/" + file.relative, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
                    throw HTTPError(403, "/\(file.relative) is a link; sidecars are not read through links")
                }
                let bytes = try FigureRoutes.readFile(file.absolute, limit: sidecar ? FigureIndex.maxSidecarBytes : FigureRoutes.maxFileSize)
                // A sidecar names its input by absolute path: sent with the folders hidden.
                body = sidecar ? index.redact(bytes) : bytes
                type = HTTPResponse.contentType(for: file.absolute)
            } catch {
                return .error(error)
            }
            etag = "\"" + FigureRoutes.hash(body) + "\""
        }
        var response: HTTPResponse
        if let tags = request.header("if-none-match"), FigureRoutes.matches(tags, etag) {
            response = .notModified(etag: etag)
        } else {
            response = .ok(body, contentType: type, etag: etag)
        }
        if let cookie { response.headers.append(cookie) }
        return response
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

    /// FNV-1a 64 of `bytes` as 16 hex digits (`FNV1a64`): the same hash `WatchStatus.contentHash` records.
    static func hash(_ bytes: [UInt8]) -> String { FNV1a64.hex(of: bytes) }

    /// Reads a whole file that `ServedPath` checked, of at most `limit` bytes; the open refuses
    /// a symlink swapped in since, and a FIFO swapped in cannot block it.
    static func readFile(_ path: String, limit: Int) throws(HTTPError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { throw HTTPError(404, "cannot open \(path.split(separator: "/").last ?? ""): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw HTTPError(404, "not a file") }
        guard info.st_size <= limit else { throw HTTPError(403, "the file is larger than \(limit >> 10) KiB") }
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
