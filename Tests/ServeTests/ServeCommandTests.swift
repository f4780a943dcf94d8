import Foundation
import Serve
import Service
import TestSupport
import XCTest

/// `plotline watch --serve` arguments as a user types them.
final class ServeCommandTests: XCTestCase {
    func run(_ args: [String], seconds: Double = 10) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try PlotlineBinary.require())
        p.arguments = args
        p.environment = PlotlineBinary.environment()
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testBadArgumentsAreClearErrors() throws {
        let dir = serveTemporaryFolder()
        let cases: [([String], String)] = [
            (["watch", dir, "127.0.0.1:0"], "an address needs --serve"),
            (["watch", dir, "--serve", "127.0.0.1:99999"], "no valid port"),
            (["watch", dir, "--serve", "example.com:80"], "not an IPv4 address"),
            (["watch", dir, "--serve", "--once"], "cannot be combined with --once"),
        ]
        for (args, message) in cases {
            let r = try run(args)
            XCTAssertNotEqual(r.status, 0, args.joined(separator: " "))
            XCTAssertTrue(r.output.contains(message), "\(args): \(r.output)")
        }
    }

    func testATakenPortFailsAtOnce() throws {
        let dir = serveTemporaryFolder()
        let other = try FigureServer(root: dir, address: ServeAddress(host: "127.0.0.1", port: 0))
        defer { other.stop() }
        let r = try run(["watch", dir, "--serve", "127.0.0.1:\(other.address.port)"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.output.contains("cannot listen on 127.0.0.1:\(other.address.port): Address already in use"), r.output)
    }

    /// `plotline watch DIR --serve ADDRESS` in the background, its output in a log file; returns
    /// the process and the URL it printed.
    func serve(_ dir: String, _ args: [String]) throws -> (Process, String, String) {
        let log = dir + "/.watch.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try PlotlineBinary.require())
        p.arguments = ["watch", dir, "--serve"] + args
        p.environment = PlotlineBinary.environment()
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        p.standardError = p.standardOutput
        try p.run()
        let end = Date().addingTimeInterval(10)
        while Date() < end {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("serving ") }) {
                return (p, String(line.dropFirst("serving ".count)), text)
            }
            usleep(20_000)
        }
        p.terminate()
        throw NSError(domain: "ServeCommandTests", code: 1, userInfo: [NSLocalizedDescriptionKey: "no serving line"])
    }

    func testANonLoopbackServePrintsATokenURLAndRequiresIt() throws {
        let dir = serveTemporaryFolder()
        let (p, url, log) = try serve(dir, ["0.0.0.0:0"])
        defer { p.terminate(); p.waitUntilExit() }
        let match = try XCTUnwrap(url.wholeMatch(of: /http:\/\/0\.0\.0\.0:(\d+)\/\?token=([0-9a-f]{48})/), url)
        let port = try XCTUnwrap(UInt16(match.1)), token = String(match.2)
        XCTAssertTrue(log.contains("every request needs the token"), log)
        writeText(dir + "/a.csv", "x,y\n1,2\n2,3\n")
        func get(_ target: String) throws -> RawResponse {
            let c = try RawHTTPClient(port: port)
            c.send("GET \(target) HTTP/1.1\r\nHost: 192.0.2.7:\(port)\r\n\r\n")
            return try XCTUnwrap(c.response())
        }
        XCTAssertEqual(try get("/figures.json").status, 403)
        // The list comes from the watcher's index: the new figure appears once rendered.
        let end = Date().addingTimeInterval(10)
        var list = ""
        while Date() < end {
            list = try get("/figures.json?token=\(token)").text
            if list.contains(#""path":"a.png""#) { break }
            usleep(50_000)
        }
        // Its version counts renders: 1, or 2 when the watcher's first scan and the file's own
        // event both drew it (seen on a loaded CI machine); the figure and its rows are the point.
        XCTAssertTrue(list.contains(#""path":"a.png","rows":2,"version":"#), list)
        XCTAssertFalse(list.contains(dir), "no absolute path: \(list)")
    }

    func testALoopbackServeHasNoTokenUnlessGiven() throws {
        let dir = serveTemporaryFolder()
        let (p, url, _) = try serve(dir, ["127.0.0.1:0"])
        p.terminate(); p.waitUntilExit()
        XCTAssertFalse(url.contains("token"), url)
        let other = serveTemporaryFolder("other")
        let (q, tokenURL, _) = try serve(other, ["127.0.0.1:0", "--token", "0123456789abcdef0123"])
        q.terminate(); q.waitUntilExit()
        XCTAssertTrue(tokenURL.hasSuffix("/?token=0123456789abcdef0123"), tokenURL)
        let r = try run(["watch", other, "--serve", "--token", "short"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.output.contains("--token must be at least 16"), r.output)
    }
}
