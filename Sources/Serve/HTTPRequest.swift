/// One parsed HTTP/1.x request head: the request line and the header fields (no body).
///
/// The parser is strict and small because the figure server only ever answers GET and HEAD:
/// the request line may be at most `maxRequestLine` bytes (else 414), the header block at most
/// `maxHeaders` bytes (else 431), any other method gets 405, and anything malformed (bare LF
/// line ends, folded headers, spaces before a colon, a missing Host on HTTP/1.1, a body) 400.
/// Limits follow RFC 9112 §3 and §5 and the status codes RFC 9110 and RFC 6585 give them.
public struct HTTPRequest: Sendable, Equatable {
    /// The longest request line accepted, CRLF excluded (8 KiB).
    public static let maxRequestLine = 8 * 1024
    /// The longest header block accepted, from the first header to the blank line (32 KiB).
    public static let maxHeaders = 32 * 1024

    /// `GET` or `HEAD`.
    public var method: String
    /// The request target as sent (`/figures.json?x=1`), still percent-encoded.
    public var target: String
    /// `HTTP/1.0` or `HTTP/1.1`.
    public var version: String
    /// Header fields in order, names lowercased, values with surrounding blanks trimmed.
    public var headers: [(name: String, value: String)]

    /// The target's path: everything before `?` (still percent-encoded).
    public var path: String {
        guard let q = target.firstIndex(of: "?") else { return target }
        return String(target[..<q])
    }

    /// The value of the first header called `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }

    /// Whether the connection may stay open after the response (HTTP/1.1 unless `close`;
    /// HTTP/1.0 only with `keep-alive`).
    public var keepAlive: Bool {
        let tokens = (header("connection") ?? "").lowercased().split(separator: ",").map { $0.trimmingBlanks() }
        if version == "HTTP/1.1" { return !tokens.contains("close") }
        return tokens.contains("keep-alive")
    }

    /// Equal when method, target, version and every header (in order) are equal.
    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.target == b.target && a.version == b.version
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    /// Where the request head in `buffer` ends (just past the blank line), or nil when it is not
    /// complete yet; throws when what arrived already breaks a limit, so a client cannot make the
    /// server buffer without end.
    public static func headEnd(in buffer: [UInt8]) throws(HTTPError) -> Int? {
        let crlf: [UInt8] = [13, 10]
        var lineStart = 0, index = 0
        var firstLineEnd: Int?
        while index + 1 < buffer.count {
            if buffer[index] == 13 && buffer[index + 1] == 10 {
                if firstLineEnd == nil {
                    firstLineEnd = index
                    if index > maxRequestLine { throw HTTPError(414, "the request line is longer than \(maxRequestLine) bytes") }
                } else if index == lineStart {
                    return index + crlf.count
                }
                index += 2
                lineStart = index
                continue
            }
            index += 1
        }
        guard let firstLineEnd else {
            if buffer.count > maxRequestLine + 1 { throw HTTPError(414, "the request line is longer than \(maxRequestLine) bytes") }
            return nil
        }
        if buffer.count - (firstLineEnd + 2) > maxHeaders + 2 {
            throw HTTPError(431, "the header fields are longer than \(maxHeaders) bytes")
        }
        return nil
    }

    /// Parses a complete request head (request line, headers, blank line; as `headEnd` found it).
    public static func parse(_ head: [UInt8]) throws(HTTPError) -> HTTPRequest {
        guard head.count >= 4, head.suffix(4).elementsEqual([13, 10, 13, 10]) else {
            throw HTTPError(400, "the request head does not end with a blank line")
        }
        for byte in head where byte == 0 || (byte < 32 && byte != 9 && byte != 10 && byte != 13) || byte == 127 {
            throw HTTPError(400, "a control character in the request head")
        }
        let lines = try splitLines(head.dropLast(4))
        guard let requestLine = lines.first else { throw HTTPError(400, "an empty request") }
        if requestLine.count > maxRequestLine { throw HTTPError(414, "the request line is longer than \(maxRequestLine) bytes") }
        let headerBytes = lines.dropFirst().reduce(0) { $0 + $1.count + 2 }
        if headerBytes > maxHeaders { throw HTTPError(431, "the header fields are longer than \(maxHeaders) bytes") }

        let parts = requestLine.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw HTTPError(400, "the request line is not 'METHOD target HTTP/1.1'")
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        let target = String(decoding: parts[1], as: UTF8.self)
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw HTTPError(version.hasPrefix("HTTP/") ? 505 : 400, "unsupported protocol \(version)")
        }
        guard method.utf8.allSatisfy(isTokenByte) else { throw HTTPError(400, "a malformed method") }
        guard method == "GET" || method == "HEAD" else { throw HTTPError(405, "\(method) is not allowed; use GET or HEAD") }
        guard target.hasPrefix("/"), target.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw HTTPError(400, "the request target must be a path starting with '/'")
        }

        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            if line.first == 32 || line.first == 9 { throw HTTPError(400, "folded header lines are not accepted") }
            guard let colon = line.firstIndex(of: 58), colon > line.startIndex else {
                throw HTTPError(400, "a header line without 'name:'")
            }
            let name = line[line.startIndex..<colon]
            guard name.allSatisfy(isTokenByte) else { throw HTTPError(400, "a malformed header name") }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingBlanks()
            headers.append((String(decoding: name, as: UTF8.self).lowercased(), value))
        }
        let request = HTTPRequest(method: method, target: target, version: version, headers: headers)
        if version == "HTTP/1.1" && headers.filter({ $0.name == "host" }).count != 1 {
            throw HTTPError(400, "an HTTP/1.1 request needs exactly one Host header")
        }
        if request.header("transfer-encoding") != nil || (request.header("content-length").map { $0 != "0" } ?? false) {
            throw HTTPError(400, "a \(method) request must not carry a body")
        }
        return request
    }

    /// Splits at CRLF; a bare CR or LF is an error (request smuggling starts there).
    private static func splitLines(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex, index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 13 {
                guard index + 1 < bytes.endIndex, bytes[index + 1] == 10 else { throw HTTPError(400, "a bare CR in the request head") }
                lines.append(bytes[start..<index])
                index += 2
                start = index
                continue
            }
            if byte == 10 { throw HTTPError(400, "a bare LF in the request head") }
            index += 1
        }
        lines.append(bytes[start..<bytes.endIndex])
        return lines
    }

    /// RFC 9110 `tchar`: the bytes a method or header name may use.
    private static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(b)
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
