import Foundation
import Service
import TestSupport
import XCTest

/// `plotline watch` as a user runs it (the binary SwiftPM builds beside the test bundle).
final class WatchCommandTests: XCTestCase {
    func launch(_ args: [String]) throws -> (Process, Pipe, Pipe) { try PlotlineBinary.launch(args) }

    func text(_ pipe: Pipe) -> String { String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }

    func testOnceRendersEverythingAndExits() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/a.csv", "step,loss\n1,0.9\n2,0.7\n")
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        writeFile(dir + "/sub/b.jsonl", "{\"step\": 1, \"acc\": 0.5}\n{\"step\": 2, \"acc\": 0.6}\n")
        let (p, out, err) = try launch(["watch", dir, "--once", "-o", dir + "/png"])
        let stdout = text(out), stderr = text(err)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, stderr)
        XCTAssertEqual(WatchStatus.read(for: dir + "/png/a.png")?.rows, 2)
        XCTAssertEqual(WatchStatus.read(for: dir + "/png/sub/b.png")?.ok, true)
        XCTAssertEqual(stdout.split(separator: "\n").filter { $0.hasPrefix("rendered ") }.count, 2, stdout)
    }

    func testOnceFailsOnABadInputAndNamesTheLine() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/bad.csv", "step,loss\n1,0.9\n2,0.7,3\n")
        let (p, out, err) = try launch(["watch", dir, "--once", "--quiet"])
        let stdout = text(out), stderr = text(err)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1)
        XCTAssertEqual(stdout, "", "--quiet prints no render lines")
        XCTAssertTrue(stderr.contains(dir + "/bad.csv:3:"), stderr)
        XCTAssertEqual(WatchStatus.read(for: dir + "/bad.png")?.ok, false)
    }

    func testSIGTERMStopsCleanly() throws {
        let dir = temporaryFolder()
        let (p, out, err) = try launch(["watch", dir])
        // Wait for the watch to start (its first line), then write a file and stop.
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline && WatchStatus.read(for: dir + "/late.png") == nil {
            writeFile(dir + "/late.csv", "x,y\n1,2\n")
            usleep(100_000)
        }
        XCTAssertNotNil(WatchStatus.read(for: dir + "/late.png"))
        p.terminate()
        let stdout = text(out)
        _ = text(err)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .exit, "exits by itself, not killed by the signal")
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertTrue(stdout.hasSuffix("stopped (SIGTERM)\n"), stdout)
    }
}
