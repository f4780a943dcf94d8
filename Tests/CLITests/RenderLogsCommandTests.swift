import Foundation
import PNG
import TestSupport
import XCTest

/// `plotline render` on TensorBoard log directories, MLflow stores, and inputs it must refuse.
final class RenderLogsCommandTests: XCTestCase {
    let fixtures = packageRoot() + "/Tests/RunLogsTests/Fixtures"

    func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-cli-logs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func testALogDirectoryOverlaysItsRunsInMetricPanels() throws {
        let out = try temp() + "/logs.png"
        let r = try PlotlineBinary.run(["render", fixtures + "/tb/logs", "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("3 panels"), r.stdout)  // loss (train + val), train/accuracy, lr
        XCTAssertTrue(r.stderr.contains("images_only: nothing to draw: no scalar values"), r.stderr)
        XCTAssertTrue(r.stderr.contains("run_a: 1 histogram, 1 text values skipped"), r.stderr)
        XCTAssertEqual(try PNG.read(path: out).width, 1200)
        try? FileManager.default.copyItem(atPath: out, toPath: testOutputDirectory() + "/tensorboard-logs.png")
    }

    func testAnMLflowExperimentAndWallTimeAsX() throws {
        let dir = try temp()
        let r = try PlotlineBinary.run(["render", fixtures + "/mlruns/0", "-o", dir + "/ml.png", "--x", "wall_time"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1 panel,"), r.stdout)
        let keras = try PlotlineBinary.run(["render", fixtures + "/tb/keras", "-o", dir + "/k.png", "--x", "relative_time"])
        XCTAssertEqual(keras.status, 0, keras.stderr)
        XCTAssertTrue(keras.stdout.contains("2 panels"), keras.stdout)
    }

    func testARunWithNoScalarsIsAnErrorWithItsReason() throws {
        let dir = try temp()
        let r = try PlotlineBinary.run(["render", fixtures + "/tb/logs/images_only", "-o", dir + "/x.png"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("images_only: nothing to draw: no scalar values in 4 records (3 image values skipped (not scalars))"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.png"))
    }

    func testUnknownAndEmptyInputsAreErrorsNotBlankFigures() throws {
        let dir = try temp()
        var bytes = [UInt8](repeating: 0, count: 64)
        bytes[0...3] = [0x50, 0x41, 0x52, 0x31]  // PAR1
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/t.parquet", contents: Data(bytes)))
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/blob", contents: Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0])))
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/text.csv", contents: Data("name,city\nann,paris\nbob,rome\n".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/header.csv", contents: Data("step,loss\n".utf8)))
        let cases = [
            ("t.parquet", "t.parquet: not a format plotline reads: a Parquet file"),
            ("blob", "blob: not a format plotline reads: binary data (a NUL byte at byte 4)"),
            ("text.csv", "nothing to draw: no numeric values to plot"),
            ("header.csv", "nothing to draw: no rows under the header ('step', 'loss')"),
        ]
        for (name, message) in cases {
            let r = try PlotlineBinary.run(["render", dir + "/" + name, "-o", dir + "/out.png"])
            XCTAssertEqual(r.status, 1, name)
            XCTAssertTrue(r.stderr.contains(message), "\(name): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out.png"), name)
        }
        let empty = try temp()
        let r = try PlotlineBinary.run(["render", empty, "-o", dir + "/out.png"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("no TensorBoard event files, MLflow runs or tables in this folder"), r.stderr)
    }

    func testASingleEventFile() throws {
        let folder = fixtures + "/tb/logs/run_a"
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.contains("tfevents") })
        let dir = try temp()
        let r = try PlotlineBinary.run(["render", folder + "/" + name, "-o", dir + "/a.png"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("50 rows read"), r.stdout)
        XCTAssertTrue(r.stderr.contains("1 histogram, 1 text values skipped (not scalars)"), r.stderr)
    }
}
