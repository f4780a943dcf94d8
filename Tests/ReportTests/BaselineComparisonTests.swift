import Foundation
import PNG
import Raster
import Report
import Service
import TestSupport
import XCTest

final class BaselineComparisonTests: XCTestCase {
    private var root = ""
    private var output: String { root + "/out" }
    private var baseline: String { root + "/baseline" }
    private var diff: String { root + "/out/diff" }

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "plotline-compare-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    func testOnePixelChangeAddedAndRemovedFigures() throws {
        let image = try figure(seed: 1)
        var moved = image
        moved.setPixel(x: 33, y: 21, Color(r: 214, g: 39, b: 40).premultiplied)
        try save(image, output + "/same.png"); try save(image, baseline + "/same.png")
        try save(moved, output + "/runs/loss.png"); try save(image, baseline + "/runs/loss.png")
        try save(image, output + "/new.png")
        try save(image, baseline + "/gone.png")
        // Not baseline figures: the baseline's own diff folder and hidden files.
        try save(image, baseline + "/diff/same-diff.png")
        try save(image, baseline + "/.hidden.png")

        let report = try BaselineComparison.run(
            outputDirectory: output, figures: ["same.png", "runs/loss.png", "./new.png"],
            baselineDirectory: baseline, tolerance: ImageTolerance(), diffDirectory: diff)

        XCTAssertEqual(report.entries.map(\.figure), ["gone.png", "new.png", "runs/loss.png", "same.png"])
        XCTAssertEqual(report.entries.map(\.status), [.removed, .added, .changed, .unchanged])
        XCTAssertTrue(report.hasDifferences)
        let changed = report.entries[2]
        XCTAssertEqual(changed.differingPixels, 1)
        XCTAssertEqual(changed.changedBounds, ComparisonEntry.ChangedBounds(x: 33, y: 21, width: 1, height: 1))
        XCTAssertEqual(changed.diffImage, "diff/runs/loss-diff.png")
        let picture = try PNG.read(path: output + "/diff/runs/loss-diff.png")
        XCTAssertEqual(picture.width, image.width)
        XCTAssertEqual(picture.pixel(x: 33, y: 21), ImageDiff.inkAdded.premultiplied)
        XCTAssertEqual(report.entries.filter { $0.diffImage != nil }.count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: diff + "/same-diff.png"))
    }

    func testIdenticalOutputHasNoDifferencesAndRemovesStaleDiffs() throws {
        let image = try figure(seed: 2)
        try save(image, output + "/a.png"); try save(image, baseline + "/a.png")
        try save(image, diff + "/a-diff.png")  // left by an earlier, failing run
        let report = try BaselineComparison.run(
            outputDirectory: output, figures: ["a.png"], baselineDirectory: baseline,
            tolerance: ImageTolerance(), diffDirectory: diff)
        XCTAssertFalse(report.hasDifferences)
        XCTAssertEqual(report.entries, [ComparisonEntry(figure: "a.png", status: .unchanged)])
        XCTAssertFalse(FileManager.default.fileExists(atPath: diff + "/a-diff.png"))
    }

    func testSamePixelsInDifferentBytesAreUnchanged() throws {
        let image = try figure(seed: 3)
        try save(image, output + "/a.png")
        try PNG.write(image, to: mkdirs(baseline + "/a.png"), options: PNG.Options.default.withText([PNG.TextChunk(key: "Comment", value: "other bytes")]))
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: output + "/a.png")),
                          try Data(contentsOf: URL(fileURLWithPath: baseline + "/a.png")))
        let report = try run(["a.png"])
        XCTAssertEqual(report.entries.first?.status, .unchanged)
    }

    func testChangeWithinToleranceIsUnchangedButReported() throws {
        let image = try figure(seed: 4)
        var shifted = image
        for x in 10..<20 {
            var c = shifted.pixel(x: x, y: 5).demultiplied
            c.b = c.b > 2 ? c.b - 2 : c.b + 2
            shifted.setPixel(x: x, y: 5, c.premultiplied)
        }
        try save(shifted, output + "/a.png"); try save(image, baseline + "/a.png")
        let entry = try XCTUnwrap(run(["a.png"]).entries.first)
        XCTAssertEqual(entry.status, .unchanged)
        XCTAssertEqual(entry.differingPixels, 0)
        XCTAssertEqual(entry.maxChannelDifference, 2)
        XCTAssertNil(entry.diffImage)

        let strict = try XCTUnwrap(run(["a.png"], tolerance: ImageTolerance(channel: 1)).entries.first)
        XCTAssertEqual(strict.status, .changed)
        XCTAssertEqual(strict.differingPixels, 10)
        let lenient = try XCTUnwrap(run(["a.png"], tolerance: ImageTolerance(channel: 1, pixels: 10)).entries.first)
        XCTAssertEqual(lenient.status, .unchanged)
    }

    func testSizeMismatchIsChangedWithADiffCoveringBoth() throws {
        try save(try figure(seed: 5, width: 90, height: 60), output + "/a.png")
        try save(try figure(seed: 5, width: 80, height: 64), baseline + "/a.png")
        let entry = try XCTUnwrap(run(["a.png"], tolerance: ImageTolerance(channel: 255, pixels: 1_000_000)).entries.first)
        XCTAssertEqual(entry.status, .changed)
        XCTAssertEqual(entry.differingPixels, 10 * 60 + 80 * 4)
        let picture = try PNG.read(path: output + "/" + XCTUnwrap(entry.diffImage))
        XCTAssertEqual([picture.width, picture.height], [90, 64])
    }

    func testCorruptBaselineIsAChangedEntryNamingTheFile() throws {
        try save(try figure(seed: 6), output + "/a.png")
        try save(try figure(seed: 6), output + "/b.png"); try save(try figure(seed: 6), baseline + "/b.png")
        let bad = mkdirs(baseline + "/a.png")
        let bytes = try PNG.encode(try figure(seed: 6))
        try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: bad))  // truncated
        let report = try run(["a.png", "b.png"])
        XCTAssertEqual(report.entries.map(\.status), [.changed, .unchanged])
        let note = try XCTUnwrap(report.entries[0].note)
        XCTAssertTrue(note.contains(bad), note)
        XCTAssertNil(report.entries[0].diffImage)
        XCTAssertTrue(report.hasDifferences)
    }

    func testCorruptNewFigureThrowsNamingIt() throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: output + "/a.png"))
        try save(try figure(seed: 7), baseline + "/a.png")
        XCTAssertThrowsError(try run(["a.png"])) { error in
            guard case PNGError.fileDecodeFailed(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, output + "/a.png")
        }
    }

    func testMissingBaselineFolderThrowsNamingIt() throws {
        try save(try figure(seed: 8), output + "/a.png")
        XCTAssertThrowsError(try run(["a.png"])) { error in
            XCTAssertEqual((error as? FileError)?.path, baseline)
            XCTAssertTrue("\(error)".contains("No such file"), "\(error)")
        }
    }

    func testDiffFolderOutsideTheOutputIsReferencedByItsPath() throws {
        let image = try figure(seed: 9)
        var moved = image
        moved.setPixel(x: 1, y: 1, Color.black.premultiplied)
        try save(moved, output + "/a.png"); try save(image, baseline + "/a.png")
        let elsewhere = root + "/diffs"
        let report = try BaselineComparison.run(outputDirectory: output, figures: ["a.png"], baselineDirectory: baseline,
                                                tolerance: ImageTolerance(), diffDirectory: elsewhere)
        XCTAssertEqual(report.entries.first?.diffImage, elsewhere + "/a-diff.png")
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere + "/a-diff.png"))
    }

    func testDiffFilesNeverReplaceOrRemoveNewFigures() throws {
        let image = try figure(seed: 11)
        var moved = image
        moved.setPixel(x: 3, y: 3, Color.black.premultiplied)
        try save(moved, output + "/x.png"); try save(image, baseline + "/x.png")
        try save(image, output + "/y.png"); try save(image, baseline + "/y.png")
        for name in ["x-diff.png", "y-diff.png"] { try save(image, output + "/" + name) }
        let report = try BaselineComparison.run(
            outputDirectory: output, figures: ["x.png", "y.png", "x-diff.png", "y-diff.png"],
            baselineDirectory: baseline, tolerance: ImageTolerance(), diffDirectory: output + "/")
        let x = try XCTUnwrap(report.entries.first { $0.figure == "x.png" })
        XCTAssertEqual(x.status, .changed)
        XCTAssertNil(x.diffImage)
        XCTAssertTrue(x.note?.contains("x-diff.png") == true, "\(String(describing: x.note))")
        XCTAssertEqual(try PNG.read(path: output + "/x-diff.png"), image, "the figure x-diff.png is untouched")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/y-diff.png"))
    }

    func testManyFiguresKeepTheirOrderAndTheFirstErrorWins() throws {
        let image = try figure(seed: 10)
        var moved = image
        moved.setPixel(x: 2, y: 2, Color.black.premultiplied)
        var names: [String] = []
        for i in 0..<24 {
            let name = "panel\(i / 10)/fig\(i).png"
            names.append(name)
            try save(i % 3 == 0 ? moved : image, output + "/" + name); try save(image, baseline + "/" + name)
        }
        let report = try run(names.reversed())
        XCTAssertEqual(report.entries.map(\.figure), names.sorted())
        for entry in report.entries {
            let i = Int(entry.figure.split(separator: "fig").last!.dropLast(4))!
            XCTAssertEqual(entry.status, i % 3 == 0 ? .changed : .unchanged, entry.figure)
            XCTAssertEqual(entry.diffImage, i % 3 == 0 ? "diff/" + entry.figure.dropLast(4) + "-diff.png" : nil)
        }
        // Two broken figures: the error names the first in figure order, however threads run.
        for name in ["panel2/fig23.png", "panel0/fig5.png"] {
            try Data("broken".utf8).write(to: URL(fileURLWithPath: output + "/" + name))
        }
        for _ in 0..<3 {
            XCTAssertThrowsError(try run(names)) { error in
                guard case PNGError.fileDecodeFailed(let path, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(path, output + "/panel0/fig5.png")
            }
        }
    }

    // MARK: helpers

    private func run(_ figures: [String], tolerance: ImageTolerance = ImageTolerance()) throws -> ComparisonReport {
        try BaselineComparison.run(outputDirectory: output, figures: figures, baselineDirectory: baseline,
                                   tolerance: tolerance, diffDirectory: diff)
    }

    /// A small plot-like picture: white, an axis, and a seeded random walk in blue.
    private func figure(seed: UInt64, width: Int = 64, height: Int = 48) throws -> Pixmap {
        var image = try Pixmap(width: width, height: height, fill: .white)
        var random = SeededRandom(seed: seed)
        var y = height / 2
        for x in 0..<width {
            image.setPixel(x: x, y: height - 3, Color(r: 30, g: 30, b: 30).premultiplied)
            y = max(2, min(height - 6, y + Int(random.next() % 3) - 1))
            image.setPixel(x: x, y: y, Color(r: 31, g: 119, b: 180).premultiplied)
        }
        return image
    }

    private func save(_ image: Pixmap, _ path: String) throws {
        try PNG.write(image, to: mkdirs(path))
    }

    /// `path`, after creating its folder.
    private func mkdirs(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return path
    }
}
