#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Serve
import Service
import XCTest

/// A live server on a free port, spoken to over raw sockets.
final class FigureServerTests: XCTestCase {
    var root = ""
    var server: FigureServer!

    override func setUpWithError() throws {
        root = serveTemporaryFolder()
        writeText(root + "/a.png", "not really a png, the server does not care")
        try WatchStatus(version: 3, hash: WatchStatus.contentHash(of: root + "/a.png"), ok: true, error: nil,
                        rows: 12, ms: 1.5, input: root + "/a.csv").write(for: root + "/a.png")
        writeText(root + "/sub/b.png", "png b")
        try WatchStatus(version: 7, hash: "", ok: false, error: "b.csv:4: 3 fields, the header has 2",
                        rows: 2, ms: 1, input: "b.csv").write(for: root + "/sub/b.png")
        try WatchStatus(version: 1, hash: "", ok: false, error: "c.csv:2: no numeric column",
                        rows: 0, ms: 1, input: "c.csv").write(for: root + "/never.png")
        writeText(root + "/data.csv", "x,y\n1,2\n")
        server = try FigureServer(root: root, address: ServeAddress(host: "127.0.0.1", port: 0))
    }

    override func tearDown() { server?.stop() }

    func client() throws -> RawHTTPClient { try RawHTTPClient(port: server.address.port) }

    func get(_ path: String, headers: [String] = []) throws -> RawResponse {
        let c = try client()
        c.request("GET", path, headers: headers)
        return try XCTUnwrap(c.response(), "no response for \(path)")
    }

    func testPortZeroPicksAFreePort() {
        XCTAssertNotEqual(server.address.port, 0)
        XCTAssertEqual(server.url, "http://127.0.0.1:\(server.address.port)/")
    }

    func testThePage() throws {
        let page = try get("/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(page.headers["cache-control"], "no-cache")
        XCTAssertTrue(page.text.contains("<title>Plotline</title>"))
        XCTAssertTrue(page.text.contains("/figures.json"))
        XCTAssertFalse(page.text.contains("http://") || page.text.contains("https://"), "no external assets")
    }

    func testTheFigureList() throws {
        let list = try get("/figures.json")
        XCTAssertEqual(list.status, 200)
        XCTAssertEqual(list.headers["content-type"], "application/json")
        struct Doc: Decodable { var figures: [FigureIndex.Entry]; var folder: String }
        let doc = try JSONDecoder().decode(Doc.self, from: Data(list.body))
        XCTAssertEqual(doc.folder, (root as NSString).lastPathComponent, "the folder's name, not its absolute path")
        XCTAssertFalse(list.text.contains(root), "no absolute path in the list")
        XCTAssertEqual(doc.figures.map(\.path), ["a.png", "never.png", "sub/b.png"])
        XCTAssertEqual(doc.figures.map(\.version), [3, 1, 7])
        XCTAssertEqual(doc.figures.map(\.ok), [true, false, false])
        XCTAssertEqual(doc.figures.map(\.image), [true, false, true])
        XCTAssertEqual(doc.figures[2].error, "b.csv:4: 3 fields, the header has 2")
        XCTAssertNil(doc.figures[0].error)

        // Unchanged: 304. A new render (the watcher records it): 200 with the new version.
        let etag = try XCTUnwrap(list.headers["etag"])
        XCTAssertEqual(try get("/figures.json", headers: ["If-None-Match: \(etag)"]).status, 304)
        try WatchStatus(version: 4, hash: "", ok: true, error: nil, rows: 13, ms: 1, input: "a.csv").write(for: root + "/a.png")
        XCTAssertEqual(try get("/figures.json", headers: ["If-None-Match: \(etag)"]).status, 304,
                       "the list comes from the index, not from reading sidecars per request")
        server.index.record(output: root + "/a.png", version: 4, ok: true, error: nil, rows: 13)
        let changed = try get("/figures.json", headers: ["If-None-Match: \(etag)"])
        XCTAssertEqual(changed.status, 200)
        XCTAssertTrue(changed.text.contains(#""path":"a.png","rows":13,"version":4"#), changed.text)
        // Errors lose the served folder's absolute path.
        server.index.record(output: root + "/sub/b.png", version: 8, ok: false, error: root + "/sub/b.csv:5: bad", rows: 2)
        XCTAssertTrue(try get("/figures.json").text.contains(#""error":"sub/b.csv:5: bad""#))
        // A deleted figure leaves the list.
        server.index.remove(output: root + "/never.png")
        XCTAssertFalse(try get("/figures.json").text.contains("never.png"))
        // Outputs outside the folder are ignored.
        server.index.record(output: "/elsewhere/x.png", version: 1, ok: true, error: nil, rows: 1)
        XCTAssertFalse(try get("/figures.json").text.contains("x.png"))
    }

    func testTheSeedingScanCapsSidecarsAndFollowsNoLinks() throws {
        let outside = serveTemporaryFolder("outside")
        writeText(outside + "/secret.png.json", #"{"version":99,"ok":false,"error":"SECRET","rows":1}"#)
        writeText(outside + "/deep/c.png", "png")
        try FileManager.default.createSymbolicLink(atPath: root + "/linked.png.json", withDestinationPath: outside + "/secret.png.json")
        try FileManager.default.createSymbolicLink(atPath: root + "/linkdir", withDestinationPath: outside + "/deep")
        // A huge sidecar is not read: its entry names the file and the limit.
        let huge = root + "/huge.png.json"
        FileManager.default.createFile(atPath: huge, contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: UInt64(FigureIndex.maxSidecarBytes + 1))
        try handle.close()
        let index = FigureIndex(root: root)
        let paths = index.entries.map(\.path)
        XCTAssertFalse(paths.contains("linkdir/c.png"), "a linked folder is not walked: \(paths)")
        let linked = try XCTUnwrap(index.entries.first { $0.path == "linked.png" })
        XCTAssertNotEqual(linked.version, 99, "a linked sidecar is not read")
        XCTAssertNil(linked.error.map { $0.contains("SECRET") ? $0 : nil } ?? nil)
        let hugeEntry = try XCTUnwrap(index.entries.first { $0.path == "huge.png" })
        XCTAssertEqual(hugeEntry.error, "huge.png.json: \(FigureIndex.maxSidecarBytes + 1) bytes, more than the limit of 64 KiB a sidecar may have; not read")
        XCTAssertFalse(hugeEntry.ok)
        XCTAssertEqual(try get("/huge.png.json").status, 403, "an oversized sidecar is not sent")
        XCTAssertEqual(try get("/linked.png.json").status, 403)
        try FileManager.default.createSymbolicLink(atPath: root + "/inner.png.json", withDestinationPath: "a.png.json")
        XCTAssertEqual(try get("/inner.png.json").status, 403, "not even a link that stays inside")
        XCTAssertEqual(try get("/a.png.json").status, 200)
    }

    func testASidecarIsServedWithoutAbsolutePaths() throws {
        try WatchStatus(version: 2, hash: "", ok: false, error: root + "/a.csv:3: bad", rows: 1, ms: 1,
                        input: root + "/a.csv").write(for: root + "/a.png")
        let sidecar = try get("/a.png.json")
        XCTAssertEqual(sidecar.status, 200)
        XCTAssertFalse(sidecar.text.contains(root), sidecar.text)
        XCTAssertTrue(sidecar.text.contains(#""input": "a.csv""#), sidecar.text)
    }

    func testAFigureWithETagAndConditionalRequests() throws {
        let png = try get("/a.png")
        XCTAssertEqual(png.status, 200)
        XCTAssertEqual(png.headers["content-type"], "image/png")
        XCTAssertEqual(png.text, "not really a png, the server does not care")
        XCTAssertEqual(png.headers["content-length"], "\(png.body.count)")
        let etag = try XCTUnwrap(png.headers["etag"])
        XCTAssertEqual(etag, "\"\(WatchStatus.contentHash(of: root + "/a.png"))\"", "the ETag is the sidecar's content hash")

        let again = try get("/a.png?v=3", headers: ["If-None-Match: \(etag)"])
        XCTAssertEqual(again.status, 304)
        XCTAssertEqual(again.body, [])
        XCTAssertEqual(again.headers["etag"], etag)
        XCTAssertEqual(try get("/a.png", headers: ["If-None-Match: \"0000\", W/\(etag)"]).status, 304, "lists and weak tags match")
        XCTAssertEqual(try get("/a.png", headers: ["If-None-Match: \"0000000000000000\""]).status, 200)

        writeText(root + "/a.png", "a newer render")
        let newer = try get("/a.png", headers: ["If-None-Match: \(etag)"])
        XCTAssertEqual(newer.status, 200, "a changed file is sent again")
        XCTAssertEqual(newer.text, "a newer render")
        XCTAssertNotEqual(newer.headers["etag"], etag)

        let sidecar = try get("/a.png.json")
        XCTAssertEqual(sidecar.status, 200)
        XCTAssertEqual(sidecar.headers["content-type"], "application/json")
        XCTAssertTrue(sidecar.text.contains(#""version": 3"#), sidecar.text)
    }

    func testHeadSendsHeadersOnlyAndKeepsTheConnectionUsable() throws {
        let c = try client()
        c.request("HEAD", "/a.png")
        let head = try XCTUnwrap(c.response(bodyless: true))
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.headers["content-length"], "\("not really a png, the server does not care".utf8.count)")
        XCTAssertEqual(head.body, [])
        // If HEAD had sent a body, this response would start inside it.
        c.request("GET", "/sub/b.png")
        let next = try XCTUnwrap(c.response())
        XCTAssertEqual(next.status, 200)
        XCTAssertEqual(next.text, "png b")
    }

    func testKeepAliveAndPipelining() throws {
        let c = try client()
        for _ in 0..<3 {
            c.request("GET", "/figures.json")
            XCTAssertEqual(c.response()?.status, 200)
        }
        c.send("GET /a.png HTTP/1.1\r\nHost: localhost\r\n\r\nGET /missing.png HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(c.response()?.status, 200)
        let last = try XCTUnwrap(c.response())
        XCTAssertEqual(last.status, 404)
        XCTAssertEqual(last.headers["connection"], "close")
        XCTAssertTrue(c.isClosedByServer())
    }

    func testErrors() throws {
        XCTAssertEqual(try get("/missing.png").status, 404)
        XCTAssertEqual(try get("/data.csv").status, 404, "inputs are not served")
        XCTAssertEqual(try get("/../../etc/passwd").status, 403)
        XCTAssertEqual(try get("/%2e%2e/%2e%2e/etc/passwd").status, 403)

        let post = try client()
        post.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
        let refused = try XCTUnwrap(post.response())
        XCTAssertEqual(refused.status, 405)
        XCTAssertEqual(refused.headers["allow"], "GET, HEAD")
        XCTAssertTrue(post.isClosedByServer(), "an error closes the connection")

        let long = try client()
        long.send("GET /" + String(repeating: "x", count: 9000))
        XCTAssertEqual(long.response()?.status, 414, "refused before the line even ends")

        XCTAssertEqual(try get("/", headers: []).status, 200)
        let rebound = try client()
        rebound.send("GET / HTTP/1.1\r\nHost: attacker.example:8765\r\n\r\n")
        XCTAssertEqual(rebound.response()?.status, 403, "a foreign Host is refused on loopback (DNS rebinding)")
        for host in ["localhost:1", "127.0.0.1", "[::1]:8765", "LOCALHOST"] {
            let c = try client()
            c.send("GET /figures.json HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            XCTAssertEqual(c.response()?.status, 200, host)
        }

        let garbage = try client()
        garbage.send("\u{16}\u{03}\u{01}\u{02}\u{00}\r\n\r\n")
        XCTAssertEqual(garbage.response()?.status, 400)
    }

    func testConcurrentClients() throws {
        let expected = try get("/a.png").body
        let failures = Failures()
        let port = server.address.port
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            guard let c = try? RawHTTPClient(port: port) else { return failures.add("connect \(i)") }
            for j in 0..<25 {
                let path = j % 2 == 0 ? "/a.png" : "/figures.json"
                c.request("GET", path)
                guard let r = c.response(), r.status == 200 else { return failures.add("\(i).\(j) \(path)") }
                if path == "/a.png" && r.body != expected { return failures.add("\(i).\(j) wrong bytes") }
            }
        }
        XCTAssertEqual(failures.all, [])
    }

    func testAFullServerClosesTheLongestIdleConnectionInsteadOfRefusing() throws {
        server.stop()
        var limits = ServeLimits()
        limits.maxConnections = 2
        server = try FigureServer(root: root, address: ServeAddress(host: "127.0.0.1", port: 0), limits: limits)
        let a = try client(), b = try client()
        // A client can hold its whole response before the server has marked the connection idle
        // again, so each step waits for the server's side: a goes idle first, then b.
        a.request("GET", "/a.png")
        XCTAssertEqual(a.response()?.status, 200)
        XCTAssertTrue(waitUntil { self.server.idleConnectionCount == 2 }, "a idle again (b never asked)")
        b.request("GET", "/a.png")
        XCTAssertEqual(b.response()?.status, 200)
        XCTAssertTrue(waitUntil { self.server.idleConnectionCount == 2 }, "a and b idle")
        // Both idle now: a third client gets room; the connection idle longest (a) is closed.
        let c = try client()
        c.request("GET", "/a.png")
        XCTAssertEqual(c.response()?.status, 200)
        XCTAssertTrue(a.isClosedByServer())
        XCTAssertEqual(server.evictions, 1)
        b.request("GET", "/a.png")
        XCTAssertEqual(b.response()?.status, 200, "the more recent idle connection still works")
    }

    /// Polls `condition` every 5 ms for up to `timeout` seconds; true once it holds.
    private func waitUntil(timeout: TimeInterval = 5, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return condition()
    }

    func testTimeouts() throws {
        server.stop()
        var limits = ServeLimits()
        limits.idleTimeout = 0.5
        limits.headTimeout = 0.5
        server = try FigureServer(root: root, address: ServeAddress(host: "127.0.0.1", port: 0), limits: limits)
        let idle = try client()
        let dripping = try client()
        let start = Date()
        dripping.send("GET / HT")
        Thread.sleep(forTimeInterval: 0.3)
        dripping.send("TP/1.1\r\n")
        let slow = try XCTUnwrap(dripping.response())
        XCTAssertEqual(slow.status, 408, "a head must arrive whole within headTimeout of its first byte")
        XCTAssertTrue(idle.isClosedByServer())
        XCTAssertLessThan(Date().timeIntervalSince(start), 4)
    }

    func testStopClosesIdleConnectionsAndTheListener() throws {
        let idle = try client()
        idle.request("GET", "/")
        XCTAssertEqual(idle.response()?.status, 200)
        let port = server.address.port
        server.stop()
        XCTAssertTrue(idle.isClosedByServer())
        XCTAssertThrowsError(try RawHTTPClient(port: port), "nothing listens any more")
        XCTAssertEqual(server.connectionCount, 0)
    }

    func testAMissingFolderIsAClearError() {
        XCTAssertThrowsError(try FigureServer(root: root + "/nope", address: ServeAddress(host: "127.0.0.1", port: 0))) {
            XCTAssertTrue("\($0)".contains("is not a folder"), "\($0)")
        }
        XCTAssertThrowsError(try FigureServer(root: root, address: server.address)) {
            XCTAssertTrue("\($0)".contains("cannot listen on 127.0.0.1:\(server.address.port)"), "\($0)")
        }
    }

    func testAddressParsing() throws {
        XCTAssertEqual(try ServeAddress(parsing: "127.0.0.1:0"), ServeAddress(host: "127.0.0.1", port: 0))
        XCTAssertEqual(try ServeAddress(parsing: "localhost:9000"), ServeAddress(host: "127.0.0.1", port: 9000))
        XCTAssertEqual(try ServeAddress(parsing: ":9001"), ServeAddress(host: "127.0.0.1", port: 9001))
        XCTAssertEqual(try ServeAddress(parsing: "9002"), ServeAddress(host: "127.0.0.1", port: 9002))
        XCTAssertEqual(try ServeAddress(parsing: "0.0.0.0:80").isLoopback, false)
        for bad in ["127.0.0.1:70000", "127.0.0.1:", "host.example:80", "1.2.3:80", "127.0.0.1:-1"] {
            XCTAssertThrowsError(try ServeAddress(parsing: bad), bad)
        }
    }
}

/// Failure notes collected from many threads.
final class Failures: @unchecked Sendable {
    // @unchecked: `notes` is only touched under `lock`.
    private let lock = NSLock()
    private var notes: [String] = []
    func add(_ note: String) { lock.lock(); notes.append(note); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return notes }
}
