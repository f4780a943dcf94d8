import Foundation
import XCTest

/// Compares `text` (a Scene dump, a manifest) with `<directory>/<name>.txt`.
///
/// Recording (`PLOTLINE_RECORD_GOLDENS=1`) writes the snapshot and passes. A missing snapshot
/// fails and writes `<name>.actual.txt`; a mismatch writes `<name>.actual.txt` beside the
/// snapshot and fails naming the first differing line, so `diff` shows the whole change.
public func assertMatchesSnapshot(_ text: String, named name: String, snapshots directory: String,
                                  file: StaticString = #filePath, line: UInt = #line) {
    let path = directory + "/" + name + ".txt", actual = directory + "/" + name + ".actual.txt"
    let files = FileManager.default
    if isRecordingGoldens {
        try? files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        XCTAssertNoThrow(try text.write(toFile: path, atomically: true, encoding: .utf8), file: file, line: line)
        try? files.removeItem(atPath: actual)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        try? text.write(toFile: actual, atomically: true, encoding: .utf8)
        XCTFail("snapshot \(path) is missing; the text was written to \(actual). Check it, then record with \(recordGoldensVariable)=1.",
                file: file, line: line)
        return
    }
    if expected == text {
        try? files.removeItem(atPath: actual)
        return
    }
    try? text.write(toFile: actual, atomically: true, encoding: .utf8)
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let k = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let want = k < a.count ? String(a[k]) : "<end>", got = k < b.count ? String(b[k]) : "<end>"
    XCTFail("text differs from snapshot \(path) at line \(k + 1):\n  expected: \(want)\n  actual:   \(got)\n"
            + "actual written to \(actual); record with \(recordGoldensVariable)=1 if intended.", file: file, line: line)
}
