import Foundation
import PNG
import Service
import Synchronization
import TestSupport
import Vector
import XCTest

/// A folder watched end to end in-process: a `FolderWatcher` feeding a `WatchSession` that
/// draws through a `RenderQueue`; tests change files and wait for sidecar states.
final class WatchRig: Sendable {
    let root: String
    let queue: RenderQueue
    let session: WatchSession
    let watcher: FolderWatcher
    let errorLines = ErrorLines()

    /// `quiet` is the watcher's quiet period; 0 is what `plotline watch` uses (every change is
    /// handed over at once and the session's cadence decides when figures render).
    init(root: String, poll: Bool = false, outputDirectory: String? = nil, quiet: Double = 0.05,
         alsoWrite: [OutputFormat] = []) throws {
        self.root = root
        queue = try RenderQueue()
        var options = WatchSession.Options()
        options.outputDirectory = outputDirectory
        options.alsoWrite = alsoWrite
        options.log = { _ in }
        let errors = errorLines
        options.logError = { line in errors.lines.withLock { $0.append(line) } }
        let session = WatchSession(root: root, queue: queue, options: options)
        self.session = session
        var watchOptions = FolderWatcher.Options()
        watchOptions.poll = poll
        watchOptions.pollInterval = 0.05
        watchOptions.quietPeriod = quiet
        watcher = try FolderWatcher(root: root, options: watchOptions) { session.handle($0) }
        session.renderAll()
    }

    func stop() {
        watcher.stop()
        queue.shutdownAndJoin(mode: .finishQueued)
    }

    /// Waits up to `timeout` seconds for the sidecar of `output` to satisfy `condition`.
    func waitFor(_ output: String, timeout: Double = 3, _ condition: (WatchStatus) -> Bool) -> WatchStatus? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let status = WatchStatus.read(for: output), condition(status) { return status }
            usleep(10_000)
        }
        return nil
    }
}

/// The error lines a session logged.
final class ErrorLines: Sendable {
    let lines = Mutex<[String]>([])
}

extension WatchRig {
    /// The error lines so far.
    var errors: [String] { errorLines.lines.withLock { $0 } }
}

func writeFile(_ path: String, _ text: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

func appendFile(_ path: String, _ text: String) {
    let handle = FileHandle(forWritingAtPath: path)!
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    handle.closeFile()
}

/// The decoded size of the PNG at `path`, or nil when it is missing or does not decode.
func pngSize(_ path: String) -> (Int, Int)? {
    guard let data = FileManager.default.contents(atPath: path), let image = try? PNG.decode([UInt8](data)) else { return nil }
    return (image.width, image.height)
}

final class WatchSessionTests: XCTestCase {
    func testNewCSVGetsAPNGAndASidecar() throws {
        let dir = temporaryFolder()
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        writeFile(dir + "/metrics.csv", "step,loss\n1,0.9\n2,0.7\n3,0.6\n")
        let status = rig.waitFor(dir + "/metrics.png") { $0.ok }
        XCTAssertEqual(status?.rows, 3)
        XCTAssertEqual(status?.error, nil)
        XCTAssertEqual(status?.hash, WatchStatus.contentHash(of: dir + "/metrics.png"))
        XCTAssertEqual(status?.input, dir + "/metrics.csv")
        XCTAssertNotNil(pngSize(dir + "/metrics.png"))
    }

    func testAppendingRowsUpdatesThePNGAndAHalfLineIsNoError() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/m.csv", "step,loss\n1,0.9\n2,0.7\n")
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let first = try XCTUnwrap(rig.waitFor(dir + "/m.png") { $0.ok && $0.rows == 2 })
        appendFile(dir + "/m.csv", "3,0.6\n4,0.")
        let second = try XCTUnwrap(rig.waitFor(dir + "/m.png") { $0.rows == 3 })
        XCTAssertTrue(second.ok, second.error ?? "")
        XCTAssertGreaterThan(second.version, first.version)
        XCTAssertNotEqual(second.hash, first.hash)
        appendFile(dir + "/m.csv", "55\n5,0.5\n")
        let third = try XCTUnwrap(rig.waitFor(dir + "/m.png") { $0.rows == 5 })
        XCTAssertTrue(third.ok)
        XCTAssertGreaterThan(third.version, second.version)
        XCTAssertEqual(rig.errors, [])
    }

    func testAStrayTextValueIsListedInTheSidecarAndLaterRowsStillDraw() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/m.csv", "step,loss,lr\n1,0.9,0.001\n2,0.8,0.001\n")
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        XCTAssertNotNil(rig.waitFor(dir + "/m.png") { $0.ok && $0.rows == 2 })
        appendFile(dir + "/m.csv", "3,0.7,[0.0005]\n")
        let stray = try XCTUnwrap(rig.waitFor(dir + "/m.png") { $0.rows == 3 })
        XCTAssertTrue(stray.ok, stray.error ?? "")
        XCTAssertEqual(stray.warnings, [WatchStatus.Warning(file: dir + "/m.csv", line: 4, column: "lr", value: "[0.0005]")])
        XCTAssertEqual(stray.warningCount, 1)
        appendFile(dir + "/m.csv", "4,0.6,0.0005\n5,0.5,0.0004\n")
        let later = try XCTUnwrap(rig.waitFor(dir + "/m.png") { $0.rows == 5 })
        XCTAssertTrue(later.ok, later.error ?? "")
        XCTAssertEqual(later.warningCount, 1, "the later good rows add no warning")
        XCTAssertEqual(rig.errors.count, 1, "one log line when the warnings changed: \(rig.errors)")
        XCTAssertTrue(rig.errors.first?.contains("m.csv:4: warning: column 'lr': '[0.0005]'") ?? false, "\(rig.errors)")
        // The fields as a poller reads them.
        let raw = try XCTUnwrap(FileManager.default.contents(atPath: WatchStatus.path(for: dir + "/m.png")))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: raw) as? [String: Any])
        XCTAssertEqual(json["warningCount"] as? Int, 1)
        XCTAssertEqual((json["warnings"] as? [[String: Any]])?.first?["value"] as? String, "[0.0005]")
        // A sidecar written before warnings existed still reads.
        let old = #"{"version":3,"hash":"","ok":true,"rows":2,"ms":1.5,"input":"x.csv"}"#
        XCTAssertEqual(try JSONDecoder().decode(WatchStatus.self, from: Data(old.utf8)).warnings, [])
    }

    func testARenameOverSaveIsPickedUp() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/r.csv", "x,y\n1,1\n2,2\n")
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        XCTAssertNotNil(rig.waitFor(dir + "/r.png") { $0.rows == 2 })
        // An editor's save: a new file beside it (hidden, so not an input itself), renamed over.
        writeFile(dir + "/.r.csv.tmp", "x,y\n1,1\n2,2\n3,3\n4,4\n5,5\n6,6\n")
        XCTAssertEqual(rename(dir + "/.r.csv.tmp", dir + "/r.csv"), 0)
        let status = rig.waitFor(dir + "/r.png") { $0.rows == 6 }
        XCTAssertEqual(status?.ok, true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/.r.png"), "the hidden temp file is no input")
    }

    func testDeleteAndRecreate() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/d.csv", "x,y\n1,1\n2,2\n3,3\n")
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let first = try XCTUnwrap(rig.waitFor(dir + "/d.png") { $0.rows == 3 })
        let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/d.png"))
        try FileManager.default.removeItem(atPath: dir + "/d.csv")
        let deleted = try XCTUnwrap(rig.waitFor(dir + "/d.png") { !$0.ok }, "the sidecar records the deletion")
        XCTAssertEqual(deleted.error, InputDeleted(path: dir + "/d.csv").description)
        XCTAssertEqual(deleted.hash, first.hash, "the last good PNG stays")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/d.png")), png)
        writeFile(dir + "/d.csv", "x,y\n1,5\n")
        let second = rig.waitFor(dir + "/d.png") { $0.version > deleted.version }
        XCTAssertEqual(second?.rows, 1, "the new file is read whole, not appended to the old one")
        XCTAssertEqual(second?.ok, true)
        XCTAssertEqual(second?.error, nil, "the re-created file clears the error")
    }

    func testANewSubfolderWithAFileCreatedAtOnce() throws {
        let dir = temporaryFolder()
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        // The file is made right after the folder, before the watcher can add the folder's watch.
        try FileManager.default.createDirectory(atPath: dir + "/run1/deep", withIntermediateDirectories: true)
        writeFile(dir + "/run1/deep/loss.csv", "step,loss\n1,1\n2,0.5\n")
        let status = rig.waitFor(dir + "/run1/deep/loss.png") { $0.ok }
        XCTAssertEqual(status?.rows, 2)
        // And the new folder is watched from now on.
        appendFile(dir + "/run1/deep/loss.csv", "3,0.25\n")
        XCTAssertNotNil(rig.waitFor(dir + "/run1/deep/loss.png") { $0.rows == 3 })
    }

    func testAMalformedRowKeepsThePreviousPNGUntilTheFileIsFixed() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/bad.csv", "step,loss\n1,0.9\n2,0.8\n")
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let good = try XCTUnwrap(rig.waitFor(dir + "/bad.png") { $0.ok && $0.rows == 2 })
        let goodBytes = FileManager.default.contents(atPath: dir + "/bad.png")
        appendFile(dir + "/bad.csv", "3,0.7,extra\n4,0.6\n")
        let broken = try XCTUnwrap(rig.waitFor(dir + "/bad.png") { !$0.ok })
        XCTAssertGreaterThan(broken.version, good.version)
        XCTAssertTrue(broken.error?.hasPrefix(dir + "/bad.csv:4:") == true, broken.error ?? "no error")
        XCTAssertEqual(broken.hash, good.hash, "the hash still describes the PNG on disk")
        XCTAssertEqual(FileManager.default.contents(atPath: dir + "/bad.png"), goodBytes, "the last good PNG stays")
        XCTAssertTrue(rig.errors.contains { $0.contains("bad.csv:4:") })
        writeFile(dir + "/bad.csv", "step,loss\n1,0.9\n2,0.8\n3,0.7\n4,0.6\n")
        let fixed = try XCTUnwrap(rig.waitFor(dir + "/bad.png") { $0.ok })
        XCTAssertNil(fixed.error)
        XCTAssertEqual(fixed.rows, 4)
        XCTAssertNotEqual(fixed.hash, good.hash)
    }

    func testASpecRerendersWhenItsDataChanges() throws {
        let dir = temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        writeFile(dir + "/data/train.csv", "step,loss\n1,0.9\n2,0.7\n")
        writeFile(dir + "/loss.plot.json", """
            {"version": 1, "title": "Loss", "size": "400x300",
             "data": {"train": "data/train.csv"},
             "panels": [{"series": [{"data": "train", "x": "step", "y": "loss"}]}]}
            """)
        let out = dir + "/figures"
        let rig = try WatchRig(root: dir, outputDirectory: out)
        defer { rig.stop() }
        let first = try XCTUnwrap(rig.waitFor(out + "/loss.png") { $0.ok }, rig.errors.joined(separator: "\n"))
        XCTAssertEqual(first.rows, 2)
        XCTAssertEqual(pngSize(out + "/loss.png")?.0, 400, "the spec's size, not the default figure's")
        XCTAssertNotNil(rig.waitFor(out + "/data/train.png") { $0.ok }, "the data file also gets its default figure, in the mirrored subfolder")
        appendFile(dir + "/data/train.csv", "3,0.5\n")
        let second = rig.waitFor(out + "/loss.png") { $0.rows == 3 }
        XCTAssertEqual(second?.ok, true)
        XCTAssertGreaterThan(second?.version ?? 0, first.version)
    }

    /// A spec's `"formats"` replace the folder's `--format` for its figure (the PNG is written
    /// either way); a spec without them follows the folder; a bad list is the spec's error.
    func testASpecsFormatsReplaceTheFoldersFormats() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/train.csv", "step,loss\n1,0.9\n2,0.7\n")
        func spec(_ formats: String?) -> String {
            """
            {"version": 1, "size": "320x240", \(formats.map { "\"formats\": \($0), " } ?? "")
             "data": {"t": "train.csv"}, "panels": [{"series": [{"data": "t", "x": "step", "y": "loss"}]}]}
            """
        }
        writeFile(dir + "/own.plot.json", spec("[\"png\", \"pdf\"]"))
        writeFile(dir + "/folder.plot.json", spec(nil))
        let out = dir + "/figures"
        let rig = try WatchRig(root: dir, outputDirectory: out, alsoWrite: [.svg])
        defer { rig.stop() }
        let exists = { (name: String) in FileManager.default.fileExists(atPath: out + "/" + name) }
        XCTAssertNotNil(rig.waitFor(out + "/own.png") { $0.ok }, rig.errors.joined(separator: "\n"))
        XCTAssertNotNil(rig.waitFor(out + "/folder.png") { $0.ok }, rig.errors.joined(separator: "\n"))
        XCTAssertTrue(exists("own.pdf"), "the spec asks for a PDF")
        XCTAssertFalse(exists("own.svg"), "the spec's list replaces the folder's svg")
        XCTAssertTrue(exists("folder.svg"), "a spec without formats follows the folder")
        XCTAssertFalse(exists("folder.pdf"))
        let pdf = try XCTUnwrap(FileManager.default.contents(atPath: out + "/own.pdf"))
        XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))

        // Dropping the key hands the figure back to the folder's formats.
        let before = try XCTUnwrap(WatchStatus.read(for: out + "/own.png")).version
        writeFile(dir + "/own.plot.json", spec(nil))
        XCTAssertNotNil(rig.waitFor(out + "/own.png") { $0.version > before && $0.ok })
        XCTAssertTrue(exists("own.svg"))

        // A format the list rule refuses fails the figure at its key path.
        writeFile(dir + "/own.plot.json", spec("[\"svg\", \"jpg\"]"))
        let bad = try XCTUnwrap(rig.waitFor(out + "/own.png") { !$0.ok }, rig.errors.joined(separator: "\n"))
        XCTAssertTrue(bad.error?.contains("formats[1]") ?? false, bad.error ?? "no error")
        XCTAssertTrue(bad.error?.contains("\"png\", \"svg\" or \"pdf\"") ?? false, bad.error ?? "no error")
    }

    func testPollingPicksUpAppends() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/p.csv", "step,loss\n1,0.9\n2,0.7\n")
        let rig = try WatchRig(root: dir, poll: true)
        defer { rig.stop() }
        XCTAssertTrue(rig.watcher.usesPolling)
        let first = try XCTUnwrap(rig.waitFor(dir + "/p.png") { $0.rows == 2 })
        appendFile(dir + "/p.csv", "3,0.6\n4,")
        let second = rig.waitFor(dir + "/p.png") { $0.rows == 3 }
        XCTAssertEqual(second?.ok, true)
        XCTAssertGreaterThan(second?.version ?? 0, first.version)
        writeFile(dir + "/q.csv", "a,b\n1,2\n")
        XCTAssertNotNil(rig.waitFor(dir + "/q.png") { $0.ok }, "polling sees new files too")
    }

    func testInputKindsAndOutputNames() throws {
        let cases: [(String, Bool, Bool)] = [
            ("a.csv", true, false), ("a.TSV", true, false), ("a.jsonl", true, false), ("a.json", true, false),
            ("a.plot.json", false, true), ("a.png.json", false, false), ("a.png", false, false), ("a.txt", false, false),
            ("run/events.out.tfevents.1700000000.host.1.0", true, false), ("mlruns/0/r/metrics/loss", false, false),
        ]
        for (name, data, spec) in cases {
            XCTAssertEqual(WatchSession.isData(name), data, name)
            XCTAssertEqual(WatchSession.isSpec(name), spec, name)
        }
        let queue = try RenderQueue()
        defer { queue.shutdownAndJoin() }
        let beside = WatchSession(root: "/w", queue: queue)
        XCTAssertEqual(beside.output(for: "/w/sub/m.csv"), "/w/sub/m.png")
        XCTAssertEqual(beside.output(for: "/w/loss.plot.json"), "/w/loss.png")
        var options = WatchSession.Options()
        options.outputDirectory = "/out"
        let apart = WatchSession(root: "/w", queue: queue, options: options)
        XCTAssertEqual(apart.output(for: "/w/sub/m.jsonl"), "/out/sub/m.png")
    }
}

/// Inputs whose figures would share a PNG name.
final class WatchOutputNameTests: XCTestCase {
    func testASpecNamedLikeItsDataFileReplacesTheDefaultFigure() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/metrics.csv", "step,loss\n1,0.9\n2,0.7\n")
        writeFile(dir + "/metrics.plot.json", """
            {"version": 1, "size": "320x200", "data": {"m": "metrics.csv"},
             "panels": [{"series": [{"data": "m", "x": "step", "y": "loss"}]}]}
            """)
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let first = try XCTUnwrap(rig.waitFor(dir + "/metrics.png") { $0.ok && $0.rows == 2 })
        XCTAssertEqual(first.input, dir + "/metrics.plot.json")
        appendFile(dir + "/metrics.csv", "3,0.6\n")
        let second = try XCTUnwrap(rig.waitFor(dir + "/metrics.png") { $0.rows == 3 })
        usleep(300_000)
        XCTAssertEqual(WatchStatus.read(for: dir + "/metrics.png")?.input, dir + "/metrics.plot.json",
                       "the default figure never overwrote the spec's")
        XCTAssertEqual(WatchStatus.read(for: dir + "/metrics.png")?.version, second.version, "one render per change, not two")
        XCTAssertEqual(pngSize(dir + "/metrics.png")?.0, 320)
    }

    func testTwoDataFilesWithOneStemGetTwoFigures() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/metrics.csv", "step,loss\n1,0.9\n2,0.7\n")
        writeFile(dir + "/metrics.jsonl", "{\"step\": 1, \"acc\": 0.5}\n{\"step\": 2, \"acc\": 0.6}\n{\"step\": 3, \"acc\": 0.7}\n")
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        XCTAssertEqual(rig.waitFor(dir + "/metrics.csv.png") { $0.ok }?.rows, 2)
        XCTAssertEqual(rig.waitFor(dir + "/metrics.jsonl.png") { $0.ok }?.rows, 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/metrics.png"))
    }
}
