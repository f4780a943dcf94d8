@testable import FigureSpec
import Foundation
@testable import RunLogs
@testable import Table
import XCTest

/// Log folders as runs, scalar logs as tables, and the table of file kinds.
final class RunInputsTests: XCTestCase {
    func testATensorBoardLogDirectoryIsItsRunsWithTheEmptyOneLeftOutAndNoted() throws {
        var notes: [String] = []
        let runs = try RunInputs.read([Fixtures.logs], notes: { notes.append($0) })
        XCTAssertEqual(runs.map(\.name), ["run_a", "run_b"])
        XCTAssertEqual(runs[0].table.columnNames, ["step", "wall_time", "relative_time", "train/loss", "lr", "val/loss", "train/accuracy"])
        XCTAssertEqual(runs[0].table.rowCount, 50)
        XCTAssertEqual(runs[1].table.rowCount, 50, "a resumed run's two files are one run")
        XCTAssertEqual(try runs[0].table.numbers(named: "val/loss").filter(\.isFinite).count, 10)
        XCTAssertEqual(try runs[0].table.numbers(named: "relative_time").prefix(2), [0, 1])
        XCTAssertEqual(notes.count, 2, "\(notes)")
        XCTAssertTrue(notes.contains { $0.hasSuffix("images_only: nothing to draw: no scalar values in 4 records (3 image values skipped (not scalars)) (run left out)") }, "\(notes)")
        XCTAssertTrue(notes.contains { $0.hasSuffix("run_a: 1 histogram, 1 text values skipped (not scalars)") }, "\(notes)")
    }

    func testARunFolderWithNoScalarsIsAClearError() {
        XCTAssertThrowsError(try RunInputs.read([Fixtures.logs + "/images_only"])) { error in
            XCTAssertEqual("\(error)", "\(Fixtures.logs)/images_only: nothing to draw: no scalar values in 4 records (3 image values skipped (not scalars))")
        }
    }

    func testAnMLflowExperimentIsItsNamedRunsWithTheirParams() throws {
        let runs = try RunInputs.read([Fixtures.mlruns + "/0"])
        XCTAssertEqual(runs.map(\.name).sorted(), ["baseline", "low-lr"])
        XCTAssertEqual(runs.first { $0.name == "low-lr" }?.params, ["lr": "0.01", "seed": "2"])
        XCTAssertEqual(runs[0].table.columnNames, ["step", "wall_time", "relative_time", "loss", "val_loss"])
        let all = try RunInputs.read([Fixtures.mlruns])
        XCTAssertEqual(all.count, 2, "the store's root finds the same runs")
    }

    /// One folder holding a Lightning CSV run and a TensorBoard run: both are runs.
    func testMixedCSVAndEventRunsInOneFolder() throws {
        let dir = try Fixtures.scratch()
        try FileManager.default.createDirectory(atPath: dir + "/csv_run", withIntermediateDirectories: true)
        try "step,train/loss,val/loss\n0,2.1,\n10,1.4,1.6\n".write(toFile: dir + "/csv_run/metrics.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/tb_run", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.eventFile("run_a"), toPath: dir + "/tb_run/events.out.tfevents.1.x")
        try "{}".write(toFile: dir + "/figure.plot.json", atomically: true, encoding: .utf8)
        let runs = try RunInputs.read([dir])
        XCTAssertEqual(runs.map(\.name), ["csv_run", "tb_run"])
        let figure = try DefaultFigure.make(runs: runs.map { (name: $0.name, table: $0.table) })
        let loss = try XCTUnwrap(figure.panels.first { $0.y.label == "loss" })
        XCTAssertEqual(Set(loss.series.map(\.name)), ["csv_run: train/loss", "csv_run: val/loss", "tb_run: train/loss", "tb_run: val/loss"])
    }

    func testAnEmptyFolderIsAClearError() throws {
        let dir = try Fixtures.scratch()
        XCTAssertThrowsError(try RunInputs.read([dir])) { error in
            XCTAssertEqual("\(error)", "\(dir): nothing to draw: no TensorBoard event files, MLflow runs or tables in this folder")
        }
    }

    func testTablesJoinTagsByStepAndKeepTheLastOfARepeatedStep() {
        var log = ScalarLog()
        let a = log.tagIndex("loss"), b = log.tagIndex("val/loss")
        log.setKind(a, .scalar); log.setKind(b, .scalar)
        for step in [0, 1, 2] { log.append(a, step: Int64(step), wallTime: 100 + Double(step), value: Double(step)) }
        log.append(b, step: 2, wallTime: 103, value: 20)
        log.append(b, step: 4, wallTime: 105, value: 40)
        log.append(b, step: 2, wallTime: 106, value: 21)  // a resumed run logs step 2 again
        let t = ScalarLogTable.make(log, source: "x")
        XCTAssertEqual(try t.numbers(named: "step"), [0, 1, 2, 4])
        XCTAssertEqual(try t.numbers(named: "loss").map { $0.isNaN ? -1 : $0 }, [0, 1, 2, -1])
        XCTAssertEqual(try t.numbers(named: "val/loss").map { $0.isNaN ? -1 : $0 }, [-1, -1, 21, 40])
        XCTAssertEqual(try t.numbers(named: "wall_time"), [100, 101, 102, 105])
        XCTAssertEqual(t.column(named: "wall_time")?.kind, .time(.dateTime))
    }

    func testFileKindsByNameAndByContent() throws {
        let event = try Data(contentsOf: URL(fileURLWithPath: Fixtures.eventFile("run_a")))
        XCTAssertEqual(try FileKind.detect(path: "a/metrics.csv", bytes: Data("a,b\n1,2\n".utf8)), .delimited)
        XCTAssertEqual(try FileKind.detect(path: "log.jsonl", bytes: Data("{\"a\":1}\n".utf8)), .jsonLines)
        XCTAssertEqual(try FileKind.detect(path: "x.json", bytes: Data("[]".utf8)), .json)
        XCTAssertEqual(try FileKind.detect(path: "r/events.out.tfevents.17.host", bytes: event), .tensorBoard)
        XCTAssertEqual(try FileKind.detect(path: "renamed", bytes: event), .tensorBoard, "TFRecord framing by content")
        XCTAssertEqual(try FileKind.detect(path: "<stdin>", bytes: Data("{\"a\":1}".utf8)), .json)
        XCTAssertEqual(try FileKind.detect(path: "loss", bytes: Data("1700000000000 2.5 0\n".utf8)), .mlflowMetric)
        XCTAssertEqual(try FileKind.detect(path: "plain", bytes: Data("x y\n1 2\n".utf8)), .delimited)
        XCTAssertEqual(try FileKind.detect(path: "data.bin", bytes: Data("PAR1\u{0}\u{0}".utf8)).name, "Parquet file")
        XCTAssertEqual(try FileKind.detect(path: "data.csv", bytes: Data("PAR1\u{0}\u{0}".utf8)).name, "Parquet file", "binary content under a text name")
        XCTAssertThrowsError(try FileKind.detect(path: "blob", bytes: Data([0x41, 0x42, 0x00, 0x01]))) { error in
            XCTAssertEqual("\(error)", "blob: not a format plotline reads: binary data (a NUL byte at byte 2); plotline reads CSV, JSON Lines, NumPy array, JSON, TensorBoard event file or MLflow metric file")
        }
        XCTAssertThrowsError(try FileKind.detect(path: "ctl", bytes: Data([0x61, 0x2C, 0x01, 0x02, 0x0A]))) { error in
            XCTAssertTrue("\(error)".contains("binary data (a control byte at byte 2)"), "\(error)")
        }
        XCTAssertEqual(try FileKind.detect(path: "latin1", bytes: Data([0x61, 0x2C, 0xE9, 0x0A])), .delimited,
                       "text that is not UTF-8 goes to the reader, which names the line")
        XCTAssertThrowsError(try FileKind.read(bytes: Data("PAR1xx".utf8), source: "t.parquet")) { error in
            XCTAssertEqual("\(error)", "t.parquet: not a format plotline reads: a Parquet file")
        }
    }

    func testASingleMLflowMetricFileIsATable() throws {
        let run = MLflowRun.runs(inExperiment: Fixtures.mlruns + "/0")[0]
        let table = try TableReader.read(path: run + "/metrics/loss")
        XCTAssertEqual(table.columnNames, ["step", "wall_time", "relative_time", "loss"])
        XCTAssertEqual(table.rowCount, 20)
    }

    func testATableWithNothingToDrawSaysWhy() throws {
        let text = try CSVReader.parse(bytes: Data("a,b\nx,y\n".utf8), source: "t.csv")
        let figure = try DefaultFigure.make(text)
        XCTAssertEqual(DefaultFigure.nothingToDraw(figure, tables: [text]), "no numeric values to plot (columns: 'col1' text, 'col2' text)", "no header is detected over text rows")
        let header = try CSVReader.parse(bytes: Data("step,loss\n".utf8), source: "h.csv")
        XCTAssertEqual(DefaultFigure.nothingToDraw(try DefaultFigure.make(header), tables: [header]), "no rows under the header ('step', 'loss')")
        let good = try CSVReader.parse(bytes: Data("step,loss\n1,2\n".utf8), source: "g.csv")
        XCTAssertNil(DefaultFigure.nothingToDraw(try DefaultFigure.make(good), tables: [good]))
    }
}
