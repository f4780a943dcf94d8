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
}
