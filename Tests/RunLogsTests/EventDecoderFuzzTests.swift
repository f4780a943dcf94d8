import Foundation
@testable import RunLogs
import TestSupport
import XCTest

/// Damaged Event payloads behind valid CRCs (so the decoder, not the CRC check, meets them):
/// every one is read or refused with an error, never a crash or a hang.
final class EventDecoderFuzzTests: XCTestCase {
    func testMutatedPayloadsWithValidCRCsNeverCrash() throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.eventFile("run_a"))))
        let offsets = Fixtures.recordOffsets(original)
        var random = SeededRandom(seed: 15)
        var read = 0, refused = 0
        for _ in 0..<2000 {
            var bytes = original
            let record = offsets[Int(random.next() % UInt64(offsets.count))]
            var length = 0
            for k in 0..<8 { length |= Int(bytes[record + k]) << (8 * k) }
            guard length > 0 else { continue }
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let at = record + 12 + Int(random.next() % UInt64(length))
                bytes[at] = UInt8(truncatingIfNeeded: random.next())
            }
            let crc = bytes[(record + 12)..<(record + 12 + length)].withContiguousStorageIfAvailable {
                CRC32C.masked(CRC32C.checksum($0.baseAddress!, count: length))
            }!
            for k in 0..<4 { bytes[record + 12 + length + k] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k))) }
            var log = ScalarLog()
            let failed: Bool = bytes.withUnsafeBytes { raw in
                do throws(RunLogError) {
                    let used = try TFRecordScanner.scan(raw.baseAddress!, count: raw.count, file: "f", into: &log)
                    XCTAssertEqual(used, raw.count)
                    return false
                } catch {
                    XCTAssertEqual(error.offset, record)
                    return true
                }
            }
            if failed { refused += 1 } else { read += 1 }
        }
        XCTAssertGreaterThan(read, 100, "most single-byte damage still decodes (a changed value or tag)")
        XCTAssertGreaterThan(refused, 10, "some damage breaks the wire format and is refused at its record")
    }
}
