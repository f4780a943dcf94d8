import Table
import TestSupport
import XCTest

/// The row loop's lane for whole rows of plain numbers (`CSVTableParser.numericRows`) reads
/// exactly what the general loop reads: the same files with every field quoted (which only the
/// general loop takes) give bit-identical columns, and the lane's fall-backs keep errors, line
/// numbers and growing-file semantics.
final class CSVNumericLaneTests: XCTestCase {
    /// SplitMix64 (`SeededRandom`): the same files on every run.
    private typealias Random = SeededRandom

    /// A number field as files write them: integers, decimals, signs, exponents, long digit runs, empty.
    private func field(_ random: inout Random, empty: Bool) -> String {
        // Now and then a missing value: the lane stops, and after a few short runs backs off.
        if empty, random.below(40) == 0 { return "" }
        let sign = ["", "-", "+", "-"][random.below(4)]
        switch random.below(8) {
        case 0: return sign + String(random.below(1_000_000))
        case 1: return sign + "0." + String(random.below(10_000))
        case 2: return sign + String(random.below(1000)) + "." + String(random.below(1_000_000_000))
        case 3: return sign + String(random.below(100)) + "e" + ["", "-", "+"][random.below(3)] + String(random.below(400))
        case 4: return sign + String(random.next()) + String(random.next())  // more than 19 digits: strtod
        case 5: return sign + "." + String(random.below(1000))
        case 6: return sign + ["inf", "Infinity", "0", "0.0", "1e22", "9007199254740993"][random.below(6)]
        default: return sign + String(random.below(100)) + "." + String(random.below(100)) + "E" + String(random.below(30))
        }
    }

    func testTheLaneReadsWhatTheGeneralLoopReads() throws {
        var random = Random(seed: 11)
        for file in 0..<60 {
            let columns = 1 + random.below(4)
            let lineEnd = ["\n", "\r\n", "\r"][file % 3]
            var plain = (1...columns).map { "c\($0)" }.joined(separator: ",") + lineEnd
            var quoted = plain
            for row in 0..<(50 + random.below(200)) {
                if row % 37 == 5 {
                    // A blank line, and a comment line: the lane stops, the general loop skips them.
                    plain += lineEnd + "# note" + lineEnd
                    quoted += lineEnd + "# note" + lineEnd
                }
                // (An empty field alone on its line would be a blank line, not a row.)
                let fields = (0..<columns).map { _ in field(&random, empty: columns > 1) }
                plain += fields.joined(separator: ",") + lineEnd
                quoted += fields.map { "\"\($0)\"" }.joined(separator: ",") + lineEnd
            }
            if file % 4 == 0 {
                // No line break after the last row: the lane's scans keep their bounds checks.
                plain.removeLast(lineEnd.count)
                quoted.removeLast(lineEnd.count)
            }
            let options = CSVOptions(comment: UInt8(ascii: "#"))
            let fast = try csv(plain, options: options)
            let general = try csv(quoted, options: options)
            XCTAssertGreaterThan(fast.rowCount, 49, "file \(file)")
            XCTAssertEqual(fast.rowCount, general.rowCount, "file \(file)")
            XCTAssertEqual(fast.columns.count, columns, "file \(file)")
            for (a, b) in zip(fast.columns, general.columns) {
                XCTAssertEqual(a.kind, .number, "file \(file) \(a.name)")
                XCTAssertEqual(a.doubles.map(\.bitPattern), b.doubles.map(\.bitPattern), "file \(file) \(a.name)")
            }
        }
    }

    func testTheLaneHandsUnusualRowsToTheGeneralLoop() throws {
        // A missing value, then text: the column turns category after the lane read its first rows.
        let table = try csv("a,b\n1,2\n3,NA\n5,6\n7,x\n9,10\n")
        XCTAssertEqual(table["a"]?.doubles, [1, 3, 5, 7, 9])
        XCTAssertEqual(table["b"]?.kind, .number, "one text cell among numbers is a stray")
        XCTAssertEqual(table["b"]?.doubles.map { $0.isNaN ? -1 : $0 }, [2, -1, 6, -1, 10])
        // A padded field and a quoted one in the middle of plain rows.
        let padded = try csv("a,b\n1,2\n 3,4\n5,\"6\"\n7,8\n")
        XCTAssertEqual(padded["a"]?.doubles, [1, 3, 5, 7])
        XCTAssertEqual(padded["b"]?.doubles, [2, 4, 6, 8])
    }

    func testWrongFieldCountsAreReportedAtTheirLine() {
        XCTAssertEqual(errorText { try csv("a,b\n1,2\n3,4\n5,6,7\n8,9\n") }, "test.csv:4: 3 fields, the header has 2")
        XCTAssertEqual(errorText { try csv("a,b\r\n1,2\r\n3,4\r\n5\r\n") }, "test.csv:4: 1 field, the header has 2")
    }

    func testAGrowingFileReadsOnlyWholeLines() throws {
        var reader = IncrementalTableReader(source: "g.csv", format: .csv(CSVOptions()))
        XCTAssertEqual(try reader.append(Array("a,b\n1,2\n3,4\n5,".utf8)), 2)
        XCTAssertEqual(try reader.append(Array("6\n7,8".utf8)), 1)
        XCTAssertEqual(try reader.append(Array("\n".utf8)), 1)
        XCTAssertEqual(reader.table["a"]?.doubles, [1, 3, 5, 7])
        XCTAssertEqual(reader.table["b"]?.doubles, [2, 4, 6, 8])
    }
}

private extension SeededRandom {
    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
