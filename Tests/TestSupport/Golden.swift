import Foundation
import PNG
import Raster
import XCTest

/// The environment variable that makes golden comparisons (re)write their goldens.
public let recordGoldensVariable = "PLOTLINE_RECORD_GOLDENS"

/// True when `PLOTLINE_RECORD_GOLDENS=1` is set.
public var isRecordingGoldens: Bool {
    ProcessInfo.processInfo.environment[recordGoldensVariable] == "1"
}

/// What comparing an image with its golden found.
public enum GoldenOutcome: Sendable, Equatable {
    /// Within tolerance; stale `.actual`/`.diff` files were removed.
    case matched(ImageDifference)
    /// Recording was on: the golden was written.
    case recorded(goldenPath: String)
    /// No golden and not recording: the image was written to `actualPath` for inspection.
    case missing(goldenPath: String, actualPath: String)
    /// Outside tolerance: the image and a diff picture were written next to the golden.
    case mismatched(ImageDifference, goldenPath: String, actualPath: String, diffPath: String)
    /// Something failed on the way (unreadable golden, unwritable folder).
    case error(String)

    /// Why the test should fail, or nil when it should pass.
    public var failureMessage: String? {
        switch self {
        case .matched, .recorded:
            return nil
        case .missing(let golden, let actual):
            return "golden \(golden) is missing; the image was written to \(actual). "
                + "Check it, then record with \(recordGoldensVariable)=1."
        case .mismatched(let d, let golden, let actual, let diff):
            return "image differs from golden \(golden): \(d.differingPixels) differing pixels"
                + (d.sizesMatch ? "" : " (sizes differ)")
                + ", max channel delta \(d.maxChannelDelta), rms \(format3(d.rms)); actual: \(actual), diff: \(diff). "
                + "If the change is intended, record with \(recordGoldensVariable)=1."
        case .error(let message):
            return message
        }
    }
}

/// Compares `image` with `<directory>/<name>.png` and returns what it found, writing evidence.
///
/// Recording (`record`, by default `PLOTLINE_RECORD_GOLDENS=1`) writes the golden. Otherwise a
/// missing golden is an outcome of its own (a test must fail on it, so a forgotten golden
/// never passes in CI), and a mismatch writes `<name>.actual.png` and `<name>.diff.png` (red
/// where pixels differ over a faded copy); both patterns are git-ignored.
public func compareWithGolden(_ image: Pixmap, named name: String, goldens directory: String,
                              tolerance: GoldenTolerance = .exact,
                              record: Bool = isRecordingGoldens) -> GoldenOutcome {
    precondition(!name.isEmpty && !name.contains("/"), "golden name must be a plain file name: \(name)")
    let golden = directory + "/" + name + ".png"
    let actual = directory + "/" + name + ".actual.png"
    let diff = directory + "/" + name + ".diff.png"
    let files = FileManager.default
    do {
        if record {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try PNG.write(image, to: golden)
            removeIfPresent(actual); removeIfPresent(diff)
            return .recorded(goldenPath: golden)
        }
        guard files.fileExists(atPath: golden) else {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try PNG.write(image, to: actual)
            return .missing(goldenPath: golden, actualPath: actual)
        }
        let expected = try PNG.read(path: golden)
        let difference = imageDifference(expected, image)
        if tolerance.accepts(difference) {
            removeIfPresent(actual); removeIfPresent(diff)
            return .matched(difference)
        }
        try PNG.write(image, to: actual)
        try PNG.write(differenceImage(expected: expected, actual: image, threshold: tolerance.threshold), to: diff)
        return .mismatched(difference, goldenPath: golden, actualPath: actual, diffPath: diff)
    } catch {
        return .error("golden comparison for \(golden) failed: \(error)")
    }
}

/// Fails the test unless `image` matches the golden `<directory>/<name>.png` within `tolerance`.
///
/// See `compareWithGolden` for recording and the evidence left on failure. Callers usually pass
/// `goldens: goldensDirectory()`, the `Goldens` folder beside the test file.
public func assertMatchesGolden(_ image: Pixmap, named name: String, goldens directory: String,
                                tolerance: GoldenTolerance = .exact,
                                file: StaticString = #filePath, line: UInt = #line) {
    let outcome = compareWithGolden(image, named: name, goldens: directory, tolerance: tolerance)
    if let message = outcome.failureMessage {
        XCTFail(message, file: file, line: line)
    } else if case .recorded(let path) = outcome {
        print("recorded golden \(path)")
    }
}

private func removeIfPresent(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}
