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

    /// Appends a row to `stream.csv` every 10 ms for `seconds` under a running `plotline watch`
    /// with `flags`; returns the sidecar versions seen during the stream and the final status.
    func stream(seconds: Double, flags: [String]) throws -> (versions: Set<Int>, rows: Int, last: WatchStatus?) {
        let dir = temporaryFolder()
        writeFile(dir + "/stream.csv", "step,loss\n0,1\n")
        writeFile(dir + "/stream.plot.json", """
            {"version": 1, "size": "320x200", "data": {"m": "stream.csv"},
             "panels": [{"series": [{"data": "m", "x": "step", "y": "loss"}]}]}
            """)
        let (p, out, err) = try launch(["watch", dir, "--quiet"] + flags)
        defer {
            p.terminate()
            _ = text(out)
            _ = text(err)
            p.waitUntilExit()
        }
        let output = dir + "/stream.png"
        var deadline = Date().addingTimeInterval(20)
        while Date() < deadline, WatchStatus.read(for: output)?.ok != true { usleep(10_000) }
        let first = try XCTUnwrap(WatchStatus.read(for: output), "the first render")
        var versions: Set<Int> = []
        var step = 1
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            appendFile(dir + "/stream.csv", "\(step),\(1.0 / Double(step + 1))\n")
            step += 1
            usleep(10_000)
            if let s = WatchStatus.read(for: output), s.version > first.version { versions.insert(s.version) }
        }
        deadline = Date().addingTimeInterval(20)
        while Date() < deadline, (WatchStatus.read(for: output)?.rows ?? 0) < step { usleep(10_000) }
        return (versions, step, WatchStatus.read(for: output))
    }

    func testAStreamIsRedrawnWhileItRunsAndMaxRateCapsIt() throws {
        // A row every 10 ms never leaves a quiet period; the figure used to wait for the 1 s
        // maximum delay (2 renders in 2.5 s). Now it is redrawn as soon as each render ends.
        let free = try stream(seconds: 2.5, flags: [])
        XCTAssertGreaterThanOrEqual(free.versions.count, 4, "renders during a 2.5 s stream")
        XCTAssertEqual(free.last?.rows, free.rows, "the last render has every row")
        XCTAssertEqual(free.last?.ok, true)
        // --max-rate 2: at most 2 renders a second, whatever the machine's speed; the last row still lands.
        let capped = try stream(seconds: 2.5, flags: ["--max-rate", "2"])
        XCTAssertLessThanOrEqual(capped.versions.count, 6, "2 renders a second over 2.5 s, one more at the edge")
        XCTAssertGreaterThanOrEqual(capped.versions.count, 2)
        XCTAssertEqual(capped.last?.rows, capped.rows)
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

    /// A folder of `count` CSVs big enough that drawing all of them takes many seconds.
    func longQueue(_ count: Int) -> String {
        let dir = temporaryFolder()
        let body = "x,a,b,c\n" + (0..<10_000).map { "\($0),\($0 % 97),\($0 % 13),\(($0 * 7) % 101)" }.joined(separator: "\n") + "\n"
        for i in 0..<count { writeFile(dir + "/f\(String(format: "%03d", i)).csv", body) }
        return dir
    }

    func rendered(_ dir: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".png.json") }.count
    }

    func testSIGTERMFinishesTheRenderInProgressAndDropsTheQueue() throws {
        let dir = longQueue(120)
        let (p, out, err) = try launch(["watch", dir])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && rendered(dir) == 0 { usleep(20_000) }
        XCTAssertGreaterThan(rendered(dir), 0)
        let signalled = Date()
        p.terminate()
        let stdout = text(out)
        _ = text(err)
        p.waitUntilExit()
        let took = Date().timeIntervalSince(signalled)
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertTrue(stdout.hasSuffix("stopped (SIGTERM)\n"), stdout)
        XCTAssertLessThan(rendered(dir), 120, "queued figures are dropped (took \(took) s)")
        XCTAssertEqual(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".tmp") }, [],
                       "the render in progress finished its write")
    }

    func testASecondSignalExitsAtOnceEvenWhileDraining() throws {
        let dir = longQueue(120)
        let (p, out, err) = try launch(["watch", dir, "--drain"])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && rendered(dir) == 0 { usleep(20_000) }
        p.terminate()
        usleep(200_000)
        p.interrupt()
        let signalled = Date()
        _ = text(out)
        let stderr = text(err)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 128 + SIGINT, stderr)
        XCTAssertTrue(stderr.contains("stopped at once (second SIGINT)"), stderr)
        XCTAssertLessThan(rendered(dir), 120)
        XCTAssertLessThan(Date().timeIntervalSince(signalled), 10)
    }

    func testAnUnreadableSubfolderDoesNotSwitchTheTreeToPolling() throws {
        // Root reads every folder: the watch runs as "nobody" (setpriv) to meet one it cannot.
        try XCTSkipIf(getuid() != 0 || !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                      "needs root and setpriv to run the watch as another user")
        let dir = temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/ok", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/locked", withIntermediateDirectories: true)
        chmod(dir, 0o777); chmod(dir + "/ok", 0o777); chmod(dir + "/locked", 0o700)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", try PlotlineBinary.require(), "watch", dir]
        p.environment = PlotlineBinary.environment()
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && WatchStatus.read(for: dir + "/ok/a.png") == nil {
            writeFile(dir + "/ok/a.csv", "x,y\n1,2\n")
            usleep(100_000)
        }
        XCTAssertEqual(WatchStatus.read(for: dir + "/ok/a.png")?.ok, true, "the readable folder is watched")
        p.terminate()
        let stdout = text(out), stderr = text(err)
        p.waitUntilExit()
        XCTAssertTrue(stderr.contains("cannot watch \(dir)/locked: Permission denied; its files are not followed"), stderr)
        XCTAssertFalse((stdout + stderr).contains("polling"), stdout + stderr)
    }
}
