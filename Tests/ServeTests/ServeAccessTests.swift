import Foundation
@testable import Serve
import XCTest

/// Host names on loopback, tokens everywhere else (issue 12, item 3).
final class ServeAccessTests: XCTestCase {
    func testOnlyExactLoopbackNamesPass() {
        for host in ["localhost", "LOCALHOST", "localhost:1", "127.0.0.1", "127.0.0.1:8765", "[::1]", "[::1]:65535"] {
            XCTAssertTrue(ServeAccess.isLoopbackHost(host), host)
        }
        for host in ["127.x.evil.com", "127.0.0.1.evil.com", "127.0.0.2", "127.1", "[::1]evil.com", "[::1]:80x",
                     "[::1]:", "localhost.evil.com", "localhost:99999", "localhost:", "evil.com", "", "[::2]",
                     "127.0.0.1:8765:1", "localhost:+80", "127.0.0.1:١٢"] {
            XCTAssertFalse(ServeAccess.isLoopbackHost(host), host)
        }
    }

    func testALoopbackServerRefusesForeignHosts() throws {
        let root = serveTemporaryFolder()
        let server = try FigureServer(root: root, address: ServeAddress(host: "127.0.0.1", port: 0))
        defer { server.stop() }
        XCTAssertNil(server.access.token)
        XCTAssertFalse(server.url.contains("token"))
        for host in ["127.x.evil.com", "[::1]evil.com", "attacker.example"] {
            let c = try RawHTTPClient(port: server.address.port)
            c.send("GET /figures.json HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            XCTAssertEqual(c.response()?.status, 403, host)
        }
    }

    func testANonLoopbackBindNeedsTheTokenOnEveryRequest() throws {
        let root = serveTemporaryFolder()
        writeText(root + "/a.png", "png a")
        let server = try FigureServer(root: root, address: ServeAddress(host: "0.0.0.0", port: 0))
        defer { server.stop() }
        let token = try XCTUnwrap(server.access.token)
        XCTAssertEqual(token.count, 48)
        XCTAssertTrue(server.url.hasSuffix("/?token=" + token), server.url)
        XCTAssertNotEqual(ServeAccess(address: server.address).token, token, "each server makes its own")

        func status(_ target: String, _ headers: [String] = [], host: String = "plots.example:8765") throws -> RawResponse {
            let c = try RawHTTPClient(port: server.address.port)
            c.send("GET \(target) HTTP/1.1\r\nHost: \(host)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n")
            return try XCTUnwrap(c.response(), target)
        }
        for target in ["/", "/figures.json", "/a.png", "/?token=", "/?token=\(token.dropLast())", "/?token=\(token)x"] {
            XCTAssertEqual(try status(target).status, 403, target)
        }
        XCTAssertEqual(try status("/", host: "localhost").status, 403, "loopback names need the token too")
        let first = try status("/?token=\(token)")
        XCTAssertEqual(first.status, 200)
        let cookie = try XCTUnwrap(first.headers["set-cookie"])
        XCTAssertTrue(cookie.hasPrefix("plotline-token-\(server.address.port)=\(token);"), cookie)
        XCTAssertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie)
        // The page's own requests carry the cookie.
        let pair = String(cookie.prefix { $0 != ";" })
        XCTAssertEqual(try status("/figures.json", ["Cookie: other=1; \(pair)"]).status, 200)
        XCTAssertEqual(try status("/a.png?v=3", ["Cookie: \(pair)"]).text, "png a")
        XCTAssertEqual(try status("/a.png", ["Cookie: plotline-token-\(server.address.port)=wrong"]).status, 403)
        XCTAssertEqual(try status("/a.png", ["Cookie: plotline-token-1=\(token)"]).status, 403, "another port's cookie")
        // Scripts pass it as a header.
        XCTAssertEqual(try status("/a.png", ["Authorization: token \(token)"]).status, 200)
        XCTAssertEqual(try status("/a.png", ["Authorization: Bearer \(token)"]).status, 200)
        XCTAssertEqual(try status("/a.png", ["Authorization: Bearer nope"]).status, 403)
    }

    func testAGivenTokenIsRequiredOnLoopbackToo() throws {
        let root = serveTemporaryFolder()
        let server = try FigureServer(root: root, address: ServeAddress(host: "127.0.0.1", port: 0), token: "0123456789abcdef")
        defer { server.stop() }
        let c = try RawHTTPClient(port: server.address.port)
        c.request("GET", "/")
        XCTAssertEqual(c.response()?.status, 403)
        let d = try RawHTTPClient(port: server.address.port)
        d.request("GET", "/?token=0123456789abcdef")
        XCTAssertEqual(d.response()?.status, 200)
    }
}

/// The figure list's hand-written JSON equals what JSONEncoder writes (sorted keys, unescaped
/// slashes, nil left out).
final class FigureIndexEncodingTests: XCTestCase {
    func testTheDocumentMatchesJSONEncoder() throws {
        let entries = [
            FigureIndex.Entry(path: "a/b.png", version: 3, ok: true, error: nil, image: true, rows: 12),
            FigureIndex.Entry(path: "q\"uo\\te é.png", version: -1, ok: false,
                              error: "line 1\nline\t2 \u{1}\u{1f} \"x\" /path ✓", image: false, rows: 0),
        ]
        struct Document: Encodable { var figures: [FigureIndex.Entry]; var folder: String }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = try encoder.encode(Document(figures: entries, folder: "runs \"x\""))
        let written = FigureIndex.encode(entries, folder: "runs \"x\"")
        // Both must decode to the same value (JSONEncoder's escapes of control characters may differ in case).
        struct Decoded: Decodable, Equatable { var figures: [FigureIndex.Entry]; var folder: String }
        XCTAssertEqual(try JSONDecoder().decode(Decoded.self, from: Data(written)), try JSONDecoder().decode(Decoded.self, from: expected))
        XCTAssertEqual(String(decoding: written, as: UTF8.self).replacingOccurrences(of: "\\u001f", with: "\\u001F"),
                       String(decoding: expected, as: UTF8.self).replacingOccurrences(of: "\\u001f", with: "\\u001F"))
    }
}
