import Chart
@testable import FigureSpec
@testable import Table
import TestSupport
import XCTest

/// numpy `.npy` files: every element type, both memory orders, and every malformed file a clear error.
final class NpyReaderTests: XCTestCase {
    /// A `.npy` file as numpy writes it: magic, version, padded header, data.
    static func npy(_ descr: String, shape: [Int], fortran: Bool = false, data: [UInt8], version: UInt8 = 1,
                    header: String? = nil) -> [UInt8] {
        let shapeText = "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
        var text = header ?? "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shapeText), }"
        let lengthBytes = version == 1 ? 2 : 4
        while (6 + 2 + lengthBytes + text.utf8.count + 1) % 64 != 0 { text += " " }
        text += "\n"
        var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
        let n = text.utf8.count
        for k in 0..<lengthBytes { out.append(UInt8((n >> (8 * k)) & 0xFF)) }
        return out + Array(text.utf8) + data
    }

    static func bytes<T: FixedWidthInteger>(_ values: [T], bigEndian: Bool = false) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: bigEndian ? v.bigEndian : v.littleEndian) { Array($0) } }
    }

    static func doubles(_ values: [Double]) -> [UInt8] { bytes(values.map(\.bitPattern)) }

    func parse(_ bytes: [UInt8]) throws -> DataTable { try NpyReader.parse(bytes: bytes, source: "a.npy") }

    func testOneDimensionalFloat64IsAValueColumn() throws {
        let table = try parse(Self.npy("<f8", shape: [4], data: Self.doubles([1.5, -2, .nan, 1e300])))
        XCTAssertEqual(table.columnNames, ["value"])
        XCTAssertEqual(table.rowCount, 4)
        XCTAssertFalse(table.isMatrix)
        let v = table["value"]!.doubles
        XCTAssertEqual(v[0], 1.5); XCTAssertEqual(v[1], -2); XCTAssertTrue(v[2].isNaN); XCTAssertEqual(v[3], 1e300)
    }

    func testEveryElementType() throws {
        let cases: [(String, [UInt8], [Double])] = [
            ("<f4", Self.bytes([Float(0.5).bitPattern, Float(-3).bitPattern]), [0.5, -3]),
            ("|i1", Self.bytes([Int8(-128), 127]), [-128, 127]),
            ("<i2", Self.bytes([Int16(-300), 300]), [-300, 300]),
            ("<i4", Self.bytes([Int32(-70_000), 70_000]), [-70_000, 70_000]),
            ("<i8", Self.bytes([Int64(-5_000_000_000), 1 << 40]), [-5_000_000_000, 1_099_511_627_776]),
            ("|u1", [0, 255], [0, 255]),
            ("<u2", Self.bytes([UInt16(65535), 1]), [65535, 1]),
            ("<u4", Self.bytes([UInt32(4_000_000_000), 2]), [4_000_000_000, 2]),
            ("<u8", Self.bytes([UInt64(1) << 50, 3]), [1_125_899_906_842_624, 3]),
            ("|b1", [1, 0], [1, 0]),
            ("?", [0, 2], [0, 1]),
            (">i4", Self.bytes([Int32(-7), 9], bigEndian: true), [-7, 9]),
            (">f8", Self.bytes([Double(2.25).bitPattern, Double(-1).bitPattern], bigEndian: true), [2.25, -1]),
            ("=u2", Self.bytes([UInt16(513), 7]), [513, 7]),
        ]
        for (descr, data, expected) in cases {
            let table = try parse(Self.npy(descr, shape: [2], data: data))
            XCTAssertEqual(table["value"]?.doubles, expected, descr)
        }
    }

    func testTwoDimensionalCAndFortranOrderGiveTheSameMatrix() throws {
        // [[1, 2, 3], [4, 5, 6]]
        let c = try parse(Self.npy("<i4", shape: [2, 3], data: Self.bytes([Int32(1), 2, 3, 4, 5, 6])))
        let f = try parse(Self.npy("<i4", shape: [2, 3], fortran: true, data: Self.bytes([Int32(1), 4, 2, 5, 3, 6])))
        for table in [c, f] {
            XCTAssertTrue(table.isMatrix)
            XCTAssertEqual(table.columnNames, ["0", "1", "2"])
            XCTAssertEqual(table.rowCount, 2)
            XCTAssertEqual(table["0"]?.doubles, [1, 4])
            XCTAssertEqual(table["2"]?.doubles, [3, 6])
        }
        XCTAssertEqual(c, f)
    }

    func testVersionTwoAndEmptyArrays() throws {
        let v2 = try parse(Self.npy("<f8", shape: [1], data: Self.doubles([7]), version: 2))
        XCTAssertEqual(v2["value"]?.doubles, [7])
        XCTAssertEqual(try parse(Self.npy("<f8", shape: [0], data: [])).rowCount, 0)
        let empty = try parse(Self.npy("<f8", shape: [0, 3], data: []))
        XCTAssertEqual(empty.columnNames, ["0", "1", "2"])
        XCTAssertEqual(empty.rowCount, 0)
        let python2 = try parse(Self.npy("", shape: [], data: Self.doubles([1, 2]),
                                         header: "{'descr': '<f8', 'fortran_order': False, 'shape': (2L,), }"))
        XCTAssertEqual(python2["value"]?.doubles, [1, 2])
    }

    func error(_ bytes: [UInt8]) -> String { errorText { try self.parse(bytes) } }

    func testMalformedFilesAreClearErrors() {
        let good = Self.npy("<f8", shape: [3], data: Self.doubles([1, 2, 3]))
        XCTAssertEqual(error([]), "a.npy: invalid .npy array: the file is empty")
        XCTAssertTrue(error(Array("x,y\n1,2\n".utf8)).contains("a.npy: invalid .npy array: not a .npy file"), error(Array("x\n".utf8)))
        XCTAssertTrue(error(Array(good.prefix(7))).contains("truncated: the file ends inside the version bytes"))
        XCTAssertTrue(error(Array(good.prefix(30))).contains("truncated: the header is 118 bytes"), error(Array(good.prefix(30))))
        XCTAssertEqual(error(Array(good.dropLast(3))),
                       "a.npy: invalid .npy array: truncated: shape [3] of 8-byte elements needs 24 bytes of data, the file has 21")
        XCTAssertTrue(error(good + [0]).contains("1 bytes after the data"))
        var version = good; version[6] = 9
        XCTAssertTrue(error(version).contains("unsupported format version 9.0"))
        XCTAssertTrue(error(Self.npy("<c16", shape: [1], data: [UInt8](repeating: 0, count: 16)))
            .contains("unsupported element type '<c16' (Plotline reads f4, f8, i1"))
        XCTAssertTrue(error(Self.npy("<U3", shape: [1], data: [])).contains("unsupported element type '<U3'"))
        XCTAssertTrue(error(Self.npy("", shape: [], data: [], header: "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }"))
            .contains("structured arrays"))
        XCTAssertTrue(error(Self.npy("<f8", shape: [2, 2, 2], data: Self.doubles(Array(repeating: 0, count: 8))))
            .contains("shape (2, 2, 2): Plotline reads 1-D and 2-D arrays"))
        XCTAssertTrue(error(Self.npy("<f8", shape: [], data: Self.doubles([1]))).contains("shape (): Plotline reads 1-D and 2-D"))
        XCTAssertTrue(error(Self.npy("", shape: [], data: [], header: "{'descr': '<f8', 'shape': (1,), }"))
            .contains("missing key 'fortran_order'"))
        XCTAssertTrue(error(Self.npy("", shape: [], data: [], header: "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }"))
            .contains("expected a string, True, False or a tuple at offset"))
        XCTAssertTrue(error(Self.npy("", shape: [], data: [], header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}"))
            .contains("expected a string, True, False or a tuple"))
        XCTAssertTrue(error(Self.npy("", shape: [], data: [], header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': True}"))
            .contains("unexpected key 'extra'"))
    }

    func testHugeShapesFailBeforeAllocating() {
        // Shapes whose byte count overflows, or exceeds the limit, or the file: no allocation is tried.
        XCTAssertTrue(error(Self.npy("<f8", shape: [4_000_000_000_000, 4_000_000_000_000], data: [])).contains("more than 2147483648 elements"))
        XCTAssertTrue(error(Self.npy("<f8", shape: [999_999_999_999_999_999], data: [])).contains("more than 2147483648 elements"))
        XCTAssertTrue(error(Self.npy("<f8", shape: [1_000_000_000], data: [])).contains("needs 8000000000 bytes of data, the file has 0"))
        XCTAssertTrue(error(Self.npy("<f8", shape: [1, 100_000], data: [])).contains("at most 16384 columns"))
        var long = Self.npy("<f8", shape: [1], data: Self.doubles([1]))
        long[8] = 0xFF; long[9] = 0xFF
        XCTAssertTrue(error(long).contains("the header is 65535 bytes long; at most 10000 are read"))
    }

    func testMutatedFilesNeverTrap() {
        var random = SeededRandom(seed: 11)
        let seeds = [
            Self.npy("<f8", shape: [3], data: Self.doubles([1, 2, 3])),
            Self.npy("<i2", shape: [2, 2], fortran: true, data: Self.bytes([Int16(1), 2, 3, 4])),
            Self.npy("|b1", shape: [2], data: [0, 1], version: 2),
        ]
        for _ in 0..<3_000 {
            var bytes = seeds.randomElement(using: &random)!
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            case 1:
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            default:
                let at = Int.random(in: 0...bytes.count, using: &random)
                bytes.insert(contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
            }
            if let table = try? parse(bytes) { XCTAssertLessThanOrEqual(table.rowCount * max(1, table.columns.count), 64) }
        }
    }

    func testTableReaderChoosesNpyByNameAndByContent() throws {
        let bytes = Self.npy("<f4", shape: [2], data: Self.bytes([Float(1).bitPattern, Float(2).bitPattern]))
        XCTAssertEqual(try TableReader.parse(bytes: bytes, source: "-")["value"]?.doubles, [1, 2])
        let path = NSTemporaryDirectory() + "plotline-npy-\(UUID().uuidString).npy"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try TableReader.read(path: path)["value"]?.doubles, [1, 2])
    }

    // MARK: - Matrices in figures

    func matrixTable() throws -> DataTable {
        try parse(Self.npy("<f8", shape: [2, 3], data: Self.doubles([1, 2, 3, 4, 5, 6])))
    }

    func testHeatmapMatrixDrawsTheWholeArrayOnNumericAxes() throws {
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"a": "a.npy"}, "panels": [{"series": [{"kind": "heatmap", "matrix": true}]}]}
            """, source: "m.plot.json")
        let figure = try spec.figure(tables: ["a": matrixTable()])
        let panel = figure.panels[0]
        XCTAssertEqual(panel.series[0].matrix, [[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(panel.x.scale, .linear)
        XCTAssertEqual(panel.y.scale, .linear)
    }

    func testHeatmapMatrixConflictsWithColumnKeys() {
        let text = errorText {
            try FigureSpec.parse(text: """
                {"version": 1, "data": {"a": "a.npy"}, "panels": [{"series": [{"kind": "heatmap", "matrix": true, "columns": ["0"]}]}]}
                """, source: "m.plot.json")
        }
        XCTAssertEqual(text, "m.plot.json: panels[0].series[0].columns: a heat map with \"matrix\": true draws every column of its table; it takes no \"columns\"")
        let onLine = errorText {
            try FigureSpec.parse(text: """
                {"version": 1, "data": {"a": "a.npy"}, "panels": [{"series": [{"y": "0", "matrix": true}]}]}
                """, source: "m.plot.json")
        }
        XCTAssertEqual(onLine, "m.plot.json: panels[0].series[0].matrix: \"matrix\" applies only to \"kind\": \"heatmap\"")
    }

    func testMatrixColumnsServeLinesAndScatter() throws {
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"a": "a.npy"}, "panels": [{"series": [{"kind": "scatter", "x": "0", "y": "2"}]}]}
            """, source: "m.plot.json")
        let series = try spec.figure(tables: ["a": matrixTable()]).panels[0].series[0]
        XCTAssertEqual(series.x, [1, 4]); XCTAssertEqual(series.y, [3, 6])
    }

    func testDefaultFigureOfAMatrixIsItsHeatmap() throws {
        let figure = try DefaultFigure.make(try matrixTable())
        XCTAssertEqual(figure.panels.count, 1)
        XCTAssertEqual(figure.panels[0].series.map(\.kind), [.heatmap])
        XCTAssertEqual(figure.panels[0].series[0].matrix, [[1, 2, 3], [4, 5, 6]])
        var options = RenderOptions(); options.y = ["1"]
        XCTAssertEqual(try DefaultFigure.make(try matrixTable(), options: options).panels[0].series.map(\.kind), [.line])
    }
}
