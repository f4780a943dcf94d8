import Foundation
@testable import Platform
import XCTest

/// `PathName` against the NSString path rules it replaces (swift-corelibs-foundation, linked by
/// the tests only): written cases, then thousands of generated paths with the same answers.
final class PathNameTests: XCTestCase {
    func testWrittenCases() {
        XCTAssertEqual(PathName.lastComponent("a/b.csv"), "b.csv")
        XCTAssertEqual(PathName.lastComponent("/"), "/")
        XCTAssertEqual(PathName.lastComponent("a/b/"), "b")
        XCTAssertEqual(PathName.deletingLastComponent("/b"), "/")
        XCTAssertEqual(PathName.deletingLastComponent("b"), "")  // NSString traps here
        XCTAssertEqual(PathName.deletingLastComponent("metrics.csv"), "")
        XCTAssertEqual(PathName.deletingLastComponent("a//b/"), "a")
        XCTAssertEqual(PathName.pathExtension("runs/.hidden"), "")
        XCTAssertEqual(PathName.pathExtension("runs/x.plot.json"), "json")
        XCTAssertEqual(PathName.deletingExtension("runs/x.plot.json"), "runs/x.plot")
        XCTAssertEqual(PathName.appending("a/", "b"), "a/b")
        XCTAssertEqual(PathName.appending("", "b"), "b")
        XCTAssertEqual(PathName.standardized("/a/./b/../c//d/"), "/a/c/d")
        XCTAssertEqual(PathName.deletingLastComponent("a//b//c"), "a/b")
        XCTAssertEqual(PathName.lastComponent("a//b//c//"), "c")
    }

    func testGeneratedPathsAnswerAsNSString() {
        let parts = ["a", "b.csv", ".", "..", "", "x.plot.json", ".hidden", "é.tsv", "..z", "c.", "~"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<5000 {
            var path = next(3) == 0 ? "/" : ""
            for k in 0..<next(5) {
                // One slash between parts: corelibs compresses only the first run of repeated
                // slashes ("a//b//c" → "a/b//c"), a bug not worth matching (written cases above).
                if k > 0 { path += "/" }
                path += parts[next(parts.count)]
            }
            if next(4) == 0 { path += "/" }
            let ns = path as NSString
            XCTAssertEqual(PathName.lastComponent(path), ns.lastPathComponent, path)
            // corelibs traps on a one-character relative path ("a", "~"): compare the rest.
            if PathName.fixingSlashes(path).count > 1 || path.hasPrefix("/") || path.isEmpty {
                XCTAssertEqual(PathName.deletingLastComponent(path), ns.deletingLastPathComponent, path)
            }
            XCTAssertEqual(PathName.pathExtension(path), ns.pathExtension, path)
            XCTAssertEqual(PathName.deletingExtension(path), ns.deletingPathExtension, path)
            XCTAssertEqual(PathName.appending(path, "f.csv"), ns.appendingPathComponent("f.csv"), path)
            if path.hasPrefix("/"), !path.contains("~") {
                XCTAssertEqual(PathName.standardized(path), ns.standardizingPath, path)
            }
        }
    }

    func testStandardizedFollowsEverySymbolicLink() throws {
        // NSString followed links with an absolute destination only (a relative one stayed);
        // every link is followed now, as realpath(3) does for the parts that exist.
        let root = NSTemporaryDirectory() + "pathname-\(getpid())"
        try FileManager.default.createDirectory(atPath: root + "/real/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: root + "/abs", withDestinationPath: root + "/real/sub")
        try FileManager.default.createSymbolicLink(atPath: root + "/chain", withDestinationPath: "link/sub")
        XCTAssertEqual(PathName.standardized(root + "/link/sub/../x.csv"), root + "/real/x.csv")
        XCTAssertEqual(PathName.standardized(root + "/link"), root + "/real")
        XCTAssertEqual(PathName.standardized(root + "/chain/y"), root + "/real/sub/y")
        for path in [root + "/abs/y", root + "/./abs/../z"] {
            XCTAssertEqual(PathName.standardized(path), (path as NSString).standardizingPath, path)
        }
        XCTAssertEqual(PathName.absoluteStandardized("x/../y.csv"), FileManager.default.currentDirectoryPath + "/y.csv")
    }

    func testTrimmingAndPrintfText() {
        XCTAssertEqual(" \t val_loss \r\n".trimmingWhitespace, "val_loss")
        XCTAssertEqual("   ".trimmingWhitespace, "")
        for x in [0.0, -1.5, 3.14159, 1e-7, 123_456_789.0, -0.0] {
            for format in ["%.1f", "%1.3f", "%g", "%1.10g", "%.2f%%"] {
                XCTAssertEqual(CFormat.string(format, x), String(format: format, x), "\(format) \(x)")
            }
        }
        XCTAssertEqual(CFormat.string("%%%02X", 10), "%0A")
        XCTAssertEqual(CFormat.string("%.1f", 1e300).count, String(format: "%.1f", 1e300).count)
    }

    func testDirectoryWalkIsSortedAndSkips() throws {
        let root = NSTemporaryDirectory() + "walk-\(getpid())"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/b/c", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: root) }
        for f in ["a.csv", "b/z.csv", "b/c/y.csv", ".git/x"] { fm.createFile(atPath: root + "/" + f, contents: Data()) }
        try fm.createSymbolicLink(atPath: root + "/l", withDestinationPath: "b")
        var seen: [String] = []
        XCTAssertTrue(DirectoryWalk.walk(root) { entry in
            if entry.name.hasPrefix(".") { return false }
            if entry.isRegularFile { seen.append(entry.relative) }
            return true
        })
        XCTAssertEqual(seen, ["a.csv", "b/c/y.csv", "b/z.csv"])
        XCTAssertFalse(DirectoryWalk.walk(root + "/missing") { _ in true })
    }
}

/// `lastRange(of:)` against Foundation's backwards search.
final class LastRangeTests: XCTestCase {
    func testAnswersAsBackwardsSearch() {
        for (text, needle) in [("a - - b", " - "), ("run-a-tag-b-tag-c", "-tag-"), ("x", "-tag-"), ("aaa", "aa"), ("é - ü", " - "), ("", "a")] {
            let ours = text.lastRange(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
            let theirs = text.range(of: needle, options: .backwards).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
            XCTAssertEqual(ours, theirs, "\(text) / \(needle)")
        }
    }
}
