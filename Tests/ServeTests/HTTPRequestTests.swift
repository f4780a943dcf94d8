import Serve
import XCTest

/// The request parser: a table of good and bad request heads, and the buffering limits.
final class HTTPRequestTests: XCTestCase {
    func parse(_ text: String) -> Result<HTTPRequest, HTTPError> {
        Result { () throws(HTTPError) in try HTTPRequest.parse(Array(text.utf8)) }
    }

    func testGoodRequests() throws {
        let cases: [(String, method: String, target: String, path: String, headers: [String])] = [
            ("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "GET", "/", "/", ["host=x"]),
            ("HEAD /a/b.png?v=3 HTTP/1.1\r\nHost: 127.0.0.1:8765\r\n\r\n", "HEAD", "/a/b.png?v=3", "/a/b.png", ["host=127.0.0.1:8765"]),
            ("GET /figures.json HTTP/1.0\r\n\r\n", "GET", "/figures.json", "/figures.json", []),
            ("GET / HTTP/1.1\r\nHOST:\t x \t\r\nIf-None-Match: \"ab\", W/\"cd\"\r\n\r\n", "GET", "/", "/",
             ["host=x", "if-none-match=\"ab\", W/\"cd\""]),
            ("GET /%2e%2e/x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", "GET", "/%2e%2e/x", "/%2e%2e/x", ["host=x", "content-length=0"]),
        ]
        for (text, method, target, path, headers) in cases {
            let request = try parse(text).get()
            XCTAssertEqual(request.method, method, text)
            XCTAssertEqual(request.target, target, text)
            XCTAssertEqual(request.path, path, text)
            XCTAssertEqual(request.headers.map { "\($0.name)=\($0.value)" }, headers, text)
        }
    }

    func testBadRequests() {
        let longTarget = "/" + String(repeating: "a", count: HTTPRequest.maxRequestLine)
        let manyHeaders = (0..<700).map { "X-Filler-\($0): " + String(repeating: "v", count: 40) + "\r\n" }.joined()
        let cases: [(String, Int)] = [
            ("POST / HTTP/1.1\r\nHost: x\r\n\r\n", 405),
            ("DELETE /a.png HTTP/1.1\r\nHost: x\r\n\r\n", 405),
            ("get / HTTP/1.1\r\nHost: x\r\n\r\n", 405),  // methods are case-sensitive
            ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
            ("GET / FOO/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET /  HTTP/1.1\r\nHost: x\r\n\r\n", 400),  // two spaces
            ("GET HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET * HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n\r\n", 400),  // HTTP/1.1 without Host
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),  // blank before the colon
            ("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost x\r\n\r\n", 400),
            ("GET / HTTP/1.1\nHost: x\r\n\r\n", 400),  // bare LF
            ("GET / HTTP/1.1\r\nHost: x\ry\r\n\r\n", 400),  // bare CR
            ("GET / HTTP/1.1\r\nHost: x\0\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\n", 400),  // no blank line
            ("GET \(longTarget) HTTP/1.1\r\nHost: x\r\n\r\n", 414),
            ("GET / HTTP/1.1\r\nHost: x\r\n\(manyHeaders)\r\n", 431),
        ]
        for (text, status) in cases {
            switch parse(text) {
            case .success: XCTFail("accepted: \(text.prefix(80).debugDescription)")
            case .failure(let error): XCTAssertEqual(error.status, status, "\(text.prefix(80).debugDescription): \(error)")
            }
        }
    }

    func testKeepAlive() throws {
        XCTAssertTrue(try parse("GET / HTTP/1.1\r\nHost: x\r\n\r\n").get().keepAlive)
        XCTAssertFalse(try parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n").get().keepAlive)
        XCTAssertFalse(try parse("GET / HTTP/1.0\r\n\r\n").get().keepAlive)
        XCTAssertTrue(try parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").get().keepAlive)
    }

    func headEnd(_ bytes: [UInt8]) -> Result<Int?, HTTPError> {
        Result { () throws(HTTPError) in try HTTPRequest.headEnd(in: bytes) }
    }

    func testHeadEndFindsTheBlankLineAndBoundsBuffering() throws {
        let one = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        XCTAssertEqual(try headEnd(one).get(), one.count)
        XCTAssertEqual(try headEnd(Array(one.dropLast())).get(), nil, "incomplete: wait for more")
        XCTAssertEqual(try headEnd(one + one).get(), one.count, "pipelined: the first request only")
        XCTAssertEqual(try headEnd(Array("GET / HT".utf8)).get(), nil)

        // A request line that never ends is refused as soon as it passes the limit.
        let endless = [UInt8](repeating: UInt8(ascii: "a"), count: HTTPRequest.maxRequestLine + 2)
        XCTAssertEqual(headEnd(endless).failureStatus, 414)
        // So are headers that never end.
        let header = Array("X-A: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".utf8)
        var flood = Array("GET / HTTP/1.1\r\n".utf8)
        while flood.count < HTTPRequest.maxHeaders + 100 { flood += header }
        XCTAssertEqual(headEnd(flood).failureStatus, 431)
        // Just under both limits is still waited for.
        var fine = Array("GET / HTTP/1.1\r\n".utf8)
        while fine.count + header.count < HTTPRequest.maxHeaders { fine += header }
        XCTAssertEqual(try headEnd(fine).get(), nil)
    }
}

extension Result where Failure == HTTPError {
    /// The refusal's status code, or nil when the call succeeded.
    var failureStatus: Int? {
        if case .failure(let error) = self { return error.status }
        return nil
    }
}
