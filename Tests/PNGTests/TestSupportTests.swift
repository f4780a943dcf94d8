import Foundation
import PNG
import Raster
import TestSupport
import XCTest

/// The golden machinery itself: comparison results, evidence files, tolerances.
final class TestSupportTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws { folder = try makeTemporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder + "/" + name) }

    func testMissingGoldenFailsAndRecordingWritesIt() throws {
        let p = try randomPixmap(width: 20, height: 10, seed: 51)
        let missing = compareWithGolden(p, named: "case", goldens: folder, record: false)
        guard case .missing = missing else { return XCTFail("\(missing)") }
        XCTAssertNotNil(missing.failureMessage)
        XCTAssertTrue(exists("case.actual.png"))
        XCTAssertFalse(exists("case.png"))

        let recorded = compareWithGolden(p, named: "case", goldens: folder, record: true)
        XCTAssertEqual(recorded, .recorded(goldenPath: folder + "/case.png"))
        XCTAssertNil(recorded.failureMessage)
        XCTAssertEqual(try PNG.read(path: folder + "/case.png"), p)
        XCTAssertFalse(exists("case.actual.png"), "recording removes stale evidence")
    }

    func testIdenticalImagePasses() throws {
        let p = try randomPixmap(width: 20, height: 10, seed: 52)
        _ = compareWithGolden(p, named: "same", goldens: folder, record: true)
        let outcome = compareWithGolden(p, named: "same", goldens: folder, record: false)
        guard case .matched(let d) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(d.isIdentical)
        XCTAssertNil(outcome.failureMessage)
        assertMatchesGolden(p, named: "same", goldens: folder)
    }

    func testOnePixelChangeIsDetectedAndLeavesEvidence() throws {
        let p = try Pixmap(width: 16, height: 8, fill: Color(rgb: 0x1f77b4))
        _ = compareWithGolden(p, named: "one", goldens: folder, record: true)
        var q = p
        q.setPixel(x: 5, y: 3, PremultipliedColor(r: 0x1f, g: 0x77, b: 0xb4 - 9, a: 255))
        let outcome = compareWithGolden(q, named: "one", goldens: folder, record: false)
        guard case .mismatched(let d, _, let actual, let diff) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(d.differingPixels, 1)
        XCTAssertEqual(d.maxChannelDelta, 9)
        XCTAssertEqual(try PNG.read(path: actual), q)
        let diffImage = try PNG.read(path: diff)
        XCTAssertEqual(diffImage.pixel(x: 5, y: 3), PremultipliedColor(r: 255, g: 0, b: 0, a: 255))
        let faded = diffImage.pixel(x: 0, y: 0)
        XCTAssertEqual(faded.r, faded.g, "faded copy is grey")
        XCTAssertGreaterThan(faded.r, 180, "faded copy is light")
        let message = try XCTUnwrap(outcome.failureMessage)
        for part in ["1 differing pixels", "max channel delta 9", actual, diff] {
            XCTAssertTrue(message.contains(part), "\(message) lacks \(part)")
        }
        // A tolerance that allows it passes and removes the evidence.
        let tolerant = compareWithGolden(q, named: "one", goldens: folder, tolerance: .text(maxChannelDelta: 10), record: false)
        guard case .matched = tolerant else { return XCTFail("\(tolerant)") }
        XCTAssertFalse(exists("one.actual.png"))
        XCTAssertFalse(exists("one.diff.png"))
    }

    func testSizeChangeNeverMatches() throws {
        let p = try Pixmap(width: 10, height: 10, fill: .white)
        _ = compareWithGolden(p, named: "size", goldens: folder, record: true)
        let outcome = compareWithGolden(try Pixmap(width: 10, height: 11, fill: .white), named: "size",
                                        goldens: folder, tolerance: .rms(100), record: false)
        guard case .mismatched(let d, _, _, _) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertFalse(d.sizesMatch)
    }

    func testImageDifferenceFigures() throws {
        let a = try Pixmap(width: 2, height: 2, fill: Color(r: 100, g: 100, b: 100))
        var b = a
        b.setPixel(x: 0, y: 0, PremultipliedColor(r: 104, g: 100, b: 100, a: 255))
        b.setPixel(x: 1, y: 1, PremultipliedColor(r: 100, g: 90, b: 100, a: 255))
        let d = imageDifference(a, b)
        XCTAssertEqual(d.differingPixels, 2)
        XCTAssertEqual(d.maxChannelDelta, 10)
        XCTAssertEqual(d.meanChannelDelta, 14.0 / 16, accuracy: 1e-12)
        XCTAssertEqual(d.rms, (116.0 / 16).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(d.pixels(exceeding: 4), 1)
        XCTAssertEqual(d.pixels(exceeding: 3), 2)
        XCTAssertFalse(GoldenTolerance.exact.accepts(d))
        XCTAssertTrue(GoldenTolerance.rms(2.7).accepts(d))
        XCTAssertFalse(GoldenTolerance.rms(2.6).accepts(d))
        XCTAssertTrue(GoldenTolerance.channels(maxDelta: 4, maxDifferingFraction: 0.25).accepts(d))
        XCTAssertFalse(GoldenTolerance.channels(maxDelta: 4, maxDifferingFraction: 0.2).accepts(d))
        XCTAssertTrue(imageDifference(a, a).isIdentical)
    }

    func testPathsHelpers() {
        XCTAssertTrue(goldensDirectory().hasSuffix("/Tests/PNGTests/Goldens"), goldensDirectory())
        let out = testOutputDirectory()
        XCTAssertTrue(out.hasSuffix("/.build/test-output"), out)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) && isDirectory.boolValue)
    }
}
