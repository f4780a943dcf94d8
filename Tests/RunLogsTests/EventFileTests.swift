import Foundation
@testable import RunLogs
import XCTest

/// TensorBoard event files: framing, CRCs, both scalar encodings, following a growing file, and
/// agreement with TensorBoard's own EventAccumulator on files made by real writers.
final class EventFileTests: XCTestCase {
    func testCRC32CMatchesTheStandardCheckValues() {
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)  // RFC 3720 B.4
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)), 0x62A8_AB43)
        XCTAssertEqual(CRC32C.checksum(Array(0..<32)), 0x46DD_794E)
        XCTAssertEqual(CRC32C.checksum([]), 0)
    }

    /// The CPU instruction and the portable tables agree on every length and alignment.
    func testHardwareAndPortableCRCAgree() {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes.withUnsafeBytes { raw in
            for start in 0..<9 {
                for count in 0..<(raw.count - start) {
                    let p = raw.baseAddress! + start
                    XCTAssertEqual(CRC32C.checksum(p, count: count), CRC32C.portableChecksum(p, count: count), "\(start) \(count)")
                }
            }
        }
    }

    /// Every scalar of every run, as `tensorboard`'s EventAccumulator read it when the fixtures
    /// were made (tb/expected.json), equals what the Swift reader reads: tags, steps, wall times, values.
    func testAgreesWithTensorBoardsEventAccumulator() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.root + "/tb/expected.json"))
        let expected = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [String: [String: [[Double]]]]])
        var compared = 0
        for (logdir, runs) in expected {
            for (run, tags) in runs {
                var set = EventFileSet(path: Fixtures.root + "/tb/" + logdir + "/" + run)
                try set.refresh()
                let series = Dictionary(uniqueKeysWithValues: set.log.series.map { ($0.tag, $0) })
                XCTAssertEqual(Set(series.keys), Set(tags.keys), "\(logdir)/\(run): tags")
                for (tag, points) in tags {
                    let s = try XCTUnwrap(series[tag], tag)
                    XCTAssertEqual(s.count, points.count, "\(run) \(tag)")
                    for (k, p) in points.enumerated() where k < s.count {
                        XCTAssertEqual(s.wallTimes[k], p[0], "\(run) \(tag) [\(k)] wall time")
                        XCTAssertEqual(Double(s.steps[k]), p[1], "\(run) \(tag) [\(k)] step")
                        // Python's protobuf hands a float32 field out rounded through its shortest
                        // decimal (0.1f → 0.10000000149011616, not its exact 0.10000000149011612):
                        // within a float32 half-ulp, never a different float32.
                        XCTAssertEqual(s.values[k], p[2], accuracy: abs(p[2]) * 0x1p-24, "\(run) \(tag) [\(k)] value")
                        XCTAssertEqual(Float(s.values[k]), Float(p[2]), "\(run) \(tag) [\(k)] value as float32")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, 50 + 50 + 10 + 10 + 50 + 50 + 10 + 10 + 4 * 12)
    }

    func testCountsTheSummariesThatAreNotScalars() throws {
        var set = EventFileSet(path: Fixtures.logs + "/run_a")
        try set.refresh()
        XCTAssertEqual(set.log.skipped, ["histogram": 1, "text": 1])
        var images = EventFileSet(path: Fixtures.logs + "/images_only")
        try images.refresh()
        XCTAssertEqual(images.log.pointCount, 0)
        XCTAssertEqual(images.log.skipped, ["image": 3])
        XCTAssertEqual(images.log.skippedSummary, "3 image values skipped (not scalars)")
    }

    func testAResumedRunsFilesAreMergedInNameOrder() throws {
        var set = EventFileSet(path: Fixtures.logs + "/run_b")
        try set.refresh()
        XCTAssertEqual(set.currentFiles().count, 2)
        let loss = try XCTUnwrap(set.log.series.first { $0.tag == "train/loss" })
        XCTAssertEqual(loss.steps, Array(0..<50))
    }

    func testACorruptPayloadNamesTheFileAndTheRecordsByteOffset() throws {
        let dir = try Fixtures.scratch()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.eventFile("run_a"))))
        let offsets = Fixtures.recordOffsets(bytes)
        bytes[offsets[5] + 14] ^= 0x01
        let file = dir + "/events.out.tfevents.1.bad"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        var set = EventFileSet(path: file)
        XCTAssertThrowsError(try set.refresh()) { error in
            let e = error as? RunLogError
            XCTAssertEqual(e?.file, file)
            XCTAssertEqual(e?.offset, offsets[5])
            XCTAssertEqual("\(error)", "\(file): byte \(offsets[5]): corrupt record: the payload's CRC32C does not match")
        }
    }

    func testACorruptLengthIsAnErrorNotAHugeRead() throws {
        let dir = try Fixtures.scratch()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.eventFile("run_a"))))
        let offsets = Fixtures.recordOffsets(bytes)
        bytes[offsets[2] + 7] = 0x7F  // a length of ~2^63
        let file = dir + "/events.out.tfevents.2.bad"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        var set = EventFileSet(path: file)
        XCTAssertThrowsError(try set.refresh()) { error in
            XCTAssertEqual((error as? RunLogError)?.offset, offsets[2])
            XCTAssertTrue("\(error)".contains("length's CRC32C does not match"), "\(error)")
        }
    }

    /// A writer mid-record: the complete records are read, the partial one waits, and the next
    /// refresh reads only what was appended.
    func testATruncatedLastRecordWaitsForTheWriter() throws {
        let dir = try Fixtures.scratch()
        let whole = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.eventFile("run_a"))))
        var full = EventFileSet(path: Fixtures.eventFile("run_a"))
        try full.refresh()
        let offsets = Fixtures.recordOffsets(whole)
        let cut = offsets[offsets.count / 2] + 7  // inside a record's header
        let file = dir + "/events.out.tfevents.3.live"
        try Data(whole[..<cut]).write(to: URL(fileURLWithPath: file))
        var set = EventFileSet(path: file)
        XCTAssertTrue(try set.refresh())
        XCTAssertEqual(set.log.records, offsets.count / 2)
        XCTAssertEqual(set.pendingBytes, 7)
        XCTAssertFalse(try set.refresh(), "nothing new")
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data(whole[cut..<(cut + 20)]))  // still partial
        XCTAssertFalse(try set.refresh())
        handle.write(Data(whole[(cut + 20)...]))
        try handle.close()
        XCTAssertTrue(try set.refresh())
        XCTAssertEqual(set.pendingBytes, 0)
        XCTAssertEqual(set.log, full.log, "read in three pieces equals read whole")
    }

    func testAReplacedOrShrunkFileIsReadAgain() throws {
        let dir = try Fixtures.scratch()
        let file = dir + "/events.out.tfevents.4.x"
        try FileManager.default.copyItem(atPath: Fixtures.eventFile("run_a"), toPath: file)
        var set = EventFileSet(path: dir)
        try set.refresh()
        let before = set.log.pointCount
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.copyItem(atPath: Fixtures.eventFile("images_only"), toPath: file)
        XCTAssertTrue(try set.refresh())
        XCTAssertGreaterThan(before, 0)
        XCTAssertEqual(set.log.pointCount, 0, "the old points are gone with the old file")
        XCTAssertEqual(set.log.skipped, ["image": 3])
    }

    func testAnEmptyFileHasNoRecords() throws {
        let dir = try Fixtures.scratch()
        let file = dir + "/events.out.tfevents.5.empty"
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data()))
        var set = EventFileSet(path: file)
        XCTAssertFalse(try set.refresh())
        XCTAssertEqual(set.log.records, 0)
    }

    /// A payload whose CRC is right but which is not an Event (random bytes framed properly).
    func testAFramedPayloadThatIsNotAnEventIsAnError() throws {
        let payload: [UInt8] = [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]  // a field 1 string far longer than the record
        var record: [UInt8] = []
        var length = UInt64(payload.count).littleEndian
        withUnsafeBytes(of: &length) { record += $0 }
        var lengthCRC = CRC32C.masked(CRC32C.checksum(record)).littleEndian
        withUnsafeBytes(of: &lengthCRC) { record += $0 }
        var payloadCRC = CRC32C.masked(CRC32C.checksum(payload)).littleEndian
        record += payload
        withUnsafeBytes(of: &payloadCRC) { record += $0 }
        let file = try Fixtures.scratch() + "/events.out.tfevents.6.junk"
        try Data(record).write(to: URL(fileURLWithPath: file))
        var set = EventFileSet(path: file)
        XCTAssertThrowsError(try set.refresh()) { error in
            XCTAssertEqual("\(error)", "\(file): byte 0: the record is not a TensorBoard Event message")
        }
    }

    func testHalfPrecisionAndShapes() {
        XCTAssertEqual(EventDecoder.halfToDouble(0x3C00), 1)
        XCTAssertEqual(EventDecoder.halfToDouble(0xC000), -2)
        XCTAssertEqual(EventDecoder.halfToDouble(0x3555), 0.333251953125)
        XCTAssertEqual(EventDecoder.halfToDouble(0x0001), 0x1p-24)
        XCTAssertEqual(EventDecoder.halfToDouble(0x7C00), .infinity)
        XCTAssertTrue(EventDecoder.halfToDouble(0x7E00).isNaN)
    }
}
