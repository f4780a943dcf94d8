#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the figure server may send: a URL path checked to name a figure (`*.png`) or its
/// sidecar (`*.png.json`) that, with every symlink resolved, lies inside the served folder.
///
/// The order of checks matters (OWASP path traversal; the same order as nginx and Go's
/// `http.Dir`): percent-decode once, then reject on the decoded bytes (so `%2e%2e` and `%2f`
/// cannot hide a `..` or an extra separator), then resolve with `realpath` and compare with the
/// root's own real path (so a symlink cannot lead out). A path never reaches `open` unchecked.
public struct ServedPath: Sendable, Equatable {
    /// The path relative to the root, `/`-separated, as the request named it (decoded).
    public let relative: String
    /// The real path of the file (no symlinks), inside the root.
    public let absolute: String

    /// Checks the percent-encoded `urlPath` (leading `/`, no query) against `root`, which must
    /// itself be a real path (see `realPath`). Throws 400 for malformed encoding, 403 for a
    /// traversal attempt or a symlink that leaves the root, 404 for a missing file, a folder,
    /// a hidden name or a type the server does not serve.
    public init(_ urlPath: String, root: String) throws(HTTPError) {
        let decoded = try ServedPath.percentDecode(urlPath)
        if decoded.contains(0) { throw HTTPError(403, "a NUL byte in the path") }
        if decoded.contains(UInt8(ascii: "\\")) { throw HTTPError(403, "a backslash in the path") }
        guard decoded.first == UInt8(ascii: "/") else { throw HTTPError(400, "the path must start with '/'") }
        let segments = decoded.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for segment in segments {
            if segment.isEmpty { throw HTTPError(403, "an empty path segment ('//')") }
            if segment.elementsEqual("..".utf8) || segment.elementsEqual(".".utf8) { throw HTTPError(403, "a '.' or '..' path segment") }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else { throw HTTPError(400, "the path is not UTF-8") }
        let relative = String(text.dropFirst())
        if segments.contains(where: { $0.first == UInt8(ascii: ".") }) { throw HTTPError(404, "hidden files are not served") }
        guard ServedPath.isServedName(relative) else { throw HTTPError(404, "only figures (*.png) and their status (*.png.json) are served") }

        guard let real = ServedPath.realPath(root + "/" + relative) else { throw HTTPError(404, "no such figure: /\(relative)") }
        guard real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw HTTPError(403, "/\(relative) leads outside the served folder")
        }
        guard ServedPath.isServedName(real) else { throw HTTPError(403, "/\(relative) is a link to a file that is not served") }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw HTTPError(404, "/\(relative) is not a file") }
        self.relative = relative
        self.absolute = real
    }

    /// Whether a file name is one the server sends: a PNG or a PNG's sidecar.
    public static func isServedName(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".png") || lower.hasSuffix(".png.json")
    }

    /// `realpath(3)`: the absolute path with every symlink, `.` and `..` resolved, or nil when
    /// the file does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Decodes `%XX` escapes (RFC 3986 §2.1); a `%` not followed by two hex digits is a 400.
    /// `+` stays `+` (it means a space only in form bodies, not in paths).
    public static func percentDecode(_ text: String) throws(HTTPError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else { out.append(byte); continue }
            guard let hi = bytes.next().flatMap(hexValue), let lo = bytes.next().flatMap(hexValue) else {
                throw HTTPError(400, "a malformed percent escape in the path")
            }
            out.append(hi << 4 | lo)
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
