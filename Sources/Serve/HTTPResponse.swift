/// One HTTP/1.1 response: status, header fields and body bytes, serialized by `bytes`.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields in order (Content-Length and Connection are added when serialized).
    public var headers: [(name: String, value: String)]
    /// The body; sent for GET, left out (but still measured by Content-Length) for HEAD.
    public var body: [UInt8]

    /// A response with the given status, headers and body.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A 200 response carrying `body` as `contentType`, with a strong ETag and `no-cache`, so
    /// browsers keep the bytes but ask again each time (and get a 304 while nothing changed).
    public static func ok(_ body: [UInt8], contentType: String, etag: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [("Content-Type", contentType), ("ETag", etag), ("Cache-Control", "no-cache")], body: body)
    }

    /// A 304 Not Modified for a representation whose ETag the client already has.
    public static func notModified(etag: String) -> HTTPResponse {
        HTTPResponse(status: 304, headers: [("ETag", etag), ("Cache-Control", "no-cache")])
    }

    /// A plain-text error response; 405 also carries `Allow: GET, HEAD`.
    public static func error(_ error: HTTPError) -> HTTPResponse {
        var headers: [(name: String, value: String)] = [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-cache")]
        if error.status == 405 { headers.append(("Allow", "GET, HEAD")) }
        return HTTPResponse(status: error.status, headers: headers, body: Array((error.message + "\n").utf8))
    }

    /// The bytes on the wire: status line, headers, Content-Length, Connection, blank line, and
    /// the body unless `includeBody` is false (HEAD, 304).
    public func bytes(includeBody: Bool, keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if status != 304 { head += "Content-Length: \(body.count)\r\n" }
        head += "X-Content-Type-Options: nosniff\r\n"
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var out = Array(head.utf8)
        if includeBody && status != 304 { out += body }
        return out
    }

    /// The reason phrase of a status code.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }

    /// The Content-Type for a served file name.
    public static func contentType(for path: String) -> String {
        let lower = path.lowercased()
        if lower.hasSuffix(".png") { return "image/png" }
        if lower.hasSuffix(".json") { return "application/json" }
        if lower.hasSuffix(".html") { return "text/html; charset=utf-8" }
        return "application/octet-stream"
    }
}
