import Foundation
import Service
import TestSupport
import XCTest

/// `watch`: when a figure's formats shrink (its spec edited, or deleted), the files of the
/// dropped formats that Plotline wrote are removed; files it did not write, or that were
/// changed since, are left alone; the sidecar's `also` lists what is beside the PNG.
final class WatchFormatsShrinkTests: XCTestCase {
    func spec(_ formats: String?) -> String {
        """
        {"version": 1, "size": "320x240", \(formats.map { "\"formats\": \($0), " } ?? "")
         "data": {"t": "train.csv"}, "panels": [{"series": [{"data": "t", "x": "step", "y": "loss"}]}]}
        """
    }

    func testEditingASpecsFormatsToPNGOnlyRemovesItsSVGAndPDF() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/train.csv", "step,loss\n1,0.9\n2,0.7\n")
        writeFile(dir + "/a.plot.json", spec("[\"svg\", \"pdf\"]"))
        writeFile(dir + "/b.plot.json", spec("[\"svg\"]"))
        writeFile(dir + "/c.svg", "<svg>mine</svg>")  // the user's: no figure ever wrote it
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let exists = { (name: String) in FileManager.default.fileExists(atPath: dir + "/" + name) }
        let first = try XCTUnwrap(rig.waitFor(dir + "/a.png") { $0.ok && !$0.also.isEmpty }, rig.errors.joined(separator: "\n"))
        XCTAssertEqual(first.also.keys.sorted(), ["a.pdf", "a.svg"])
        XCTAssertEqual(first.also["a.svg"], WatchStatus.contentHash(of: dir + "/a.svg"))
        XCTAssertTrue(exists("a.svg") && exists("a.pdf"))
        XCTAssertNotNil(rig.waitFor(dir + "/b.png") { $0.ok && $0.also["b.svg"] != nil })

        // svg + pdf → png only: both go, the PNG and its sidecar stay current.
        writeFile(dir + "/a.plot.json", spec("[\"png\"]"))
        let shrunk = try XCTUnwrap(rig.waitFor(dir + "/a.png") { $0.version > first.version }, rig.errors.joined(separator: "\n"))
        XCTAssertTrue(shrunk.ok)
        XCTAssertEqual(shrunk.also, [:])
        XCTAssertFalse(exists("a.svg"), "the dropped SVG that watch wrote is removed")
        XCTAssertFalse(exists("a.pdf"), "the dropped PDF that watch wrote is removed")
        XCTAssertTrue(exists("a.png"))
        XCTAssertFalse(FileManager.default.contents(atPath: dir + "/a.png.json").map { String(decoding: $0, as: UTF8.self).contains("\"also\"") } ?? true)

        // A file changed by someone else since watch wrote it is not Plotline's any more: it stays.
        let b = try XCTUnwrap(WatchStatus.read(for: dir + "/b.png"))
        writeFile(dir + "/b.svg", "<svg>edited by hand</svg>")
        writeFile(dir + "/b.plot.json", spec(nil))
        XCTAssertNotNil(rig.waitFor(dir + "/b.png") { $0.version > b.version && $0.ok && $0.also.isEmpty })
        XCTAssertTrue(exists("b.svg"), "a file that is no longer as watch wrote it is left alone")
        XCTAssertTrue(exists("c.svg"), "a file no figure wrote is never removed")
    }

    /// A deleted spec: its PNG stays, marked stale by the sidecar; its SVG has no sidecar to say
    /// so and goes.
    func testDeletingASpecRemovesItsVectorFiles() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/train.csv", "step,loss\n1,0.9\n2,0.7\n")
        writeFile(dir + "/a.plot.json", spec("[\"png\", \"svg\"]"))
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        let first = try XCTUnwrap(rig.waitFor(dir + "/a.png") { $0.ok && $0.also["a.svg"] != nil }, rig.errors.joined(separator: "\n"))
        try FileManager.default.removeItem(atPath: dir + "/a.plot.json")
        let gone = try XCTUnwrap(rig.waitFor(dir + "/a.png") { $0.version > first.version }, rig.errors.joined(separator: "\n"))
        XCTAssertFalse(gone.ok)
        XCTAssertEqual(gone.also, [:])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/a.svg"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/a.png"), "the last good PNG stays")
    }

    /// Formats that shrank while no watch ran: the sidecar on disk says what was written.
    func testASidecarFromAnEarlierRunIsHonoured() throws {
        let dir = temporaryFolder()
        writeFile(dir + "/train.csv", "step,loss\n1,0.9\n2,0.7\n")
        writeFile(dir + "/a.plot.json", spec("[\"svg\"]"))
        do {
            let rig = try WatchRig(root: dir)
            XCTAssertNotNil(rig.waitFor(dir + "/a.png") { $0.ok && $0.also["a.svg"] != nil }, rig.errors.joined(separator: "\n"))
            rig.stop()
        }
        writeFile(dir + "/a.plot.json", spec(nil))
        let rig = try WatchRig(root: dir)
        defer { rig.stop() }
        XCTAssertNotNil(rig.waitFor(dir + "/a.png") { $0.ok && $0.also.isEmpty }, rig.errors.joined(separator: "\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/a.svg"))
    }
}
