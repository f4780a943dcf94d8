#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Serve
import XCTest

/// The server under a flood of idle and slow-drip connections on loopback (issue 12, item 7):
/// bounded counts and times, and every normal request must still be answered.
final class ServeOverloadTests: XCTestCase {
    var root = ""

    override func setUp() {
        // Both ends of every connection live in this process: ~600 descriptors.
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < 4096 {
            limit.rlim_cur = min(4096, limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        root = serveTemporaryFolder()
        writeText(root + "/a.png", String(repeating: "p", count: 200_000))
    }

    /// Opens `count` connections that send nothing.
    func idleConnections(_ port: UInt16, _ count: Int) throws -> [RawHTTPClient] {
        try (0..<count).map { _ in try RawHTTPClient(port: port) }
    }

    /// Waits up to 20 s (the thread sanitizer slows accepting down) for `condition`.
    func eventually(_ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(20)
        while Date() < end {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// Runs `count` normal clients, six at a time, each on a new connection asking for the list
    /// and a 200 KB figure; returns the failures.
    func normalRequests(_ port: UInt16, _ count: Int) -> [String] {
        let failures = Failures()
        let next = Failures()
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            for i in stride(from: worker, to: count, by: 6) {
                guard let c = try? RawHTTPClient(port: port) else { failures.add("\(i): connect"); continue }
                c.request("GET", "/figures.json")
                guard let list = c.response(), list.status == 200 else { failures.add("\(i): /figures.json"); continue }
                c.request("GET", "/a.png")
                guard let png = c.response(), png.status == 200, png.body.count == 200_000 else { failures.add("\(i): /a.png"); continue }
                next.add("\(i)")
            }
        }
        return failures.all
    }

    func testIdleAndSlowDripConnectionsDoNotLockNormalClientsOut() throws {
        let server = try FigureServer(root: root, address: ServeAddress(host: "127.0.0.1", port: 0))
        defer { server.stop() }
        // Many figures: the list is served from the index, encoded once per change.
        for i in 0..<2000 { server.index.record(output: root + "/runs/\(i)/loss.png", version: i, ok: true, error: nil, rows: i) }
        let port = server.address.port
        let idle = try idleConnections(port, 200)
        let slow = try idleConnections(port, 50)
        // Slow-drip clients: a request head one byte at a time, never finished within the test.
        let head = Array("GET /figures.json HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ".utf8)
        let stop = Failures()
        let descriptors = slow.map(\.fd)
        let dripper = Thread {
            var sent = 0
            while stop.all.isEmpty {
                var byte = sent < head.count ? head[sent] : UInt8(ascii: "a")
                for fd in descriptors { _ = Glibc.send(fd, &byte, 1, Int32(MSG_NOSIGNAL)) }
                sent += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        dripper.start()
        defer { stop.add("stop"); usleep(150_000) }
        XCTAssertTrue(eventually { server.connectionCount == 250 }, "every idle and slow connection is held open: \(server.connectionCount)")

        let started = Date()
        XCTAssertEqual(normalRequests(port, 30), [], "30 of 30 normal clients answered")
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(server.evictions, 0, "under the cap nothing needed closing")
        XCTAssertEqual(idle.count + slow.count, 250)
    }

    func testAFloodBeyondTheCapClosesIdleConnectionsNotNormalOnes() throws {
        var limits = ServeLimits()
        limits.maxConnections = 64
        let server = try FigureServer(root: root, address: ServeAddress(host: "127.0.0.1", port: 0), limits: limits)
        defer { server.stop() }
        let port = server.address.port
        let idle = try idleConnections(port, 200)
        XCTAssertTrue(eventually { server.evictions >= 136 }, "200 connections for 64 places: \(server.evictions) closed")
        XCTAssertLessThanOrEqual(server.connectionCount, 64)
        XCTAssertEqual(normalRequests(port, 30), [], "30 of 30 normal clients answered")
        // The oldest flood connections were the ones closed.
        XCTAssertTrue(idle[0].isClosedByServer())
    }

    func testAClientThatNeverReadsCannotHoldTheServer() throws {
        var limits = ServeLimits()
        limits.writeTimeout = 3
        limits.maxBytesInFlight = 10 << 20
        writeText(root + "/big.png", String(repeating: "b", count: 8 << 20))
        let server = try FigureServer(root: root, address: ServeAddress(host: "127.0.0.1", port: 0), limits: limits)
        defer { server.stop() }
        let port = server.address.port
        // Ask for 8 MB and never read: the socket buffers fill, the write stalls.
        let greedy = try RawHTTPClient(port: port)
        greedy.request("GET", "/big.png")
        XCTAssertTrue(eventually { server.bytesInFlight >= 8 << 20 }, "the stalled response is in flight")
        // Meanwhile a second greedy request would pass the bytes-in-flight limit: 503 at once.
        let second = try RawHTTPClient(port: port)
        second.request("GET", "/big.png")
        XCTAssertEqual(second.response()?.status, 503)
        // Normal clients are still served, and the stalled client is dropped after writeTimeout.
        XCTAssertEqual(normalRequests(port, 6), [])
        XCTAssertTrue(eventually { server.bytesInFlight == 0 }, "the stalled client is dropped after writeTimeout")
        XCTAssertTrue(greedy.isClosedByServerAfterDraining())
        XCTAssertEqual(normalRequests(port, 6), [])
    }
}
