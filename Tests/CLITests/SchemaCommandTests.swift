import FigureSpec
import Foundation
import PNG
import TestSupport
import XCTest

/// `plotline schema` and the committed docs/figure-spec.schema.json; `.npy` files end to end.
final class SchemaCommandTests: XCTestCase {
    func testCommittedSchemaEqualsTheCommandsOutput() throws {
        let r = try PlotlineBinary.run(["schema"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let committed = try String(contentsOfFile: packageRoot() + "/docs/figure-spec.schema.json", encoding: .utf8)
        XCTAssertEqual(r.stdout, committed,
                       "docs/figure-spec.schema.json is stale: run `swift run plotline schema > docs/figure-spec.schema.json`")
        XCTAssertEqual(r.stdout, FigureSpecSchema.text())
    }

    func testEveryKeyTheDecoderReadsIsDescribed() {
        XCTAssertEqual(FigureSpecSchema.drift(), [])
    }

    func testSchemaListsTheDecodersKindsAndKeys() throws {
        let data = Data(FigureSpecSchema.text().utf8)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let defs = try XCTUnwrap(root["$defs"] as? [String: Any])
        let series = try XCTUnwrap(defs["series"] as? [String: Any])
        let properties = try XCTUnwrap(series["properties"] as? [String: Any])
        let kind = try XCTUnwrap(properties["kind"] as? [String: Any])
        XCTAssertEqual(kind["enum"] as? [String], ["line", "scatter", "step", "area", "bar", "histogram", "heatmap", "box", "pie"])
        XCTAssertEqual((properties["bins"] as? [String: Any])?["x-kinds"] as? [String], ["histogram"])
        XCTAssertEqual(Set(properties.keys).count, 29)
        XCTAssertEqual((properties["by"] as? [String: Any])?["x-kinds"] as? [String], ["line", "scatter", "step", "area", "bar", "box", "histogram"])
        XCTAssertEqual((properties["aggregate"] as? [String: Any])?["x-kinds"] as? [String], ["line", "step", "area", "bar"])
        XCTAssertNotNil(properties["axis"], "a series' axis key is read by its panel and is in the schema")
        let top = try XCTUnwrap(root["properties"] as? [String: Any])
        XCTAssertEqual(Set(top.keys), ["version", "title", "size", "dpi", "theme", "layout", "share", "facet", "palette", "data", "panels"])
    }

    func testRendersNpyFilesFromTheCommandLine() throws {
        let dir = NSTemporaryDirectory() + "plotline-npy-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A 16 × 24 float32 ramp: its default figure is a heat map on numeric axes.
        let rows = 16, columns = 24
        var values: [UInt8] = []
        for i in 0..<rows { for j in 0..<columns { values += withUnsafeBytes(of: Float(i * j).bitPattern.littleEndian) { Array($0) } } }
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let file = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8) + values
        try Data(file).write(to: URL(fileURLWithPath: dir + "/ramp.npy"))
        let r = try PlotlineBinary.run(["render", dir + "/ramp.npy", "-o", dir + "/ramp.png", "--size", "480x360"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let image = try PNG.read(path: dir + "/ramp.png")
        XCTAssertEqual(image.width, 480)
        let shown = testOutputDirectory() + "/npy-ramp.png"
        try? FileManager.default.removeItem(atPath: shown)
        try FileManager.default.copyItem(atPath: dir + "/ramp.png", toPath: shown)

        try Data(Array(file.dropLast(5))).write(to: URL(fileURLWithPath: dir + "/cut.npy"))
        let bad = try PlotlineBinary.run(["render", dir + "/cut.npy", "-o", dir + "/cut.png"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("cut.npy: invalid .npy array: truncated: shape [16, 24] of 4-byte elements needs 1536 bytes of data, the file has 1531"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/cut.png"))
    }
}
