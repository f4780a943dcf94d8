import Table
import XCTest

/// JSON Lines, arrays of records and the Trainer's log_history.
final class JSONTableReaderTests: XCTestCase {
    func testTrainerState() throws {
        let state = """
            {
              "best_metric": null,
              "epoch": 2.0,
              "global_step": 30,
              "log_history": [
                {"epoch": 0.33, "grad_norm": 3.1, "learning_rate": 4.5e-05, "loss": 2.1, "step": 10},
                {"epoch": 0.67, "grad_norm": 2.9, "learning_rate": 4.0e-05, "loss": 1.6, "step": 20},
                {"epoch": 1.0, "eval_accuracy": 0.71, "eval_loss": 1.2, "eval_runtime": 3.5, "eval_samples_per_second": 285.7, "step": 30},
                {"epoch": 1.0, "step": 30, "total_flos": 1.2e15, "train_loss": 1.85, "train_runtime": 60.2}
              ],
              "max_steps": 30
            }
            """
        let table = try JSONTableReader.parse(bytes: Array(state.utf8), source: "trainer_state.json")
        XCTAssertEqual(table.rowCount, 4)
        XCTAssertEqual(
            table.columnNames,
            ["epoch", "grad_norm", "learning_rate", "loss", "step", "eval_accuracy", "eval_loss", "eval_runtime",
             "eval_samples_per_second", "total_flos", "train_loss", "train_runtime"])
        XCTAssertEqual(table["step"]?.doubles, [10, 20, 30, 30])
        XCTAssertEqual(table["loss"]?.texts, ["2.1", "1.6", nil, nil])
        XCTAssertEqual(table["eval_loss"]?.texts, [nil, nil, "1.2", nil])
        XCTAssertTrue(table.columns.allSatisfy { $0.kind == .number })
    }

    func testJSONLinesFlattensAndTypes() throws {
        let text = """
            {"step": 1, "loss": 0.5, "ok": true, "time": "2024-05-01T10:00:00Z", "run": "a"}
            {"step": 2, "loss": null, "ok": false, "time": "2024-05-01T10:00:05Z", "run": "b", "eval": {"loss": 0.7, "acc": 0.5}}

            {"step": 3, "loss": NaN, "ok": true, "time": "2024-05-01T10:00:10Z", "run": "a", "sizes": [1, 2]}
            """
        let table = try JSONTableReader.parse(bytes: Array(text.utf8), source: "m.jsonl")
        XCTAssertEqual(table.columnNames, ["step", "loss", "ok", "time", "run", "eval.loss", "eval.acc", "sizes[0]", "sizes[1]"])
        XCTAssertEqual(table.rowCount, 3)
        XCTAssertEqual(table["ok"]?.doubles, [1, 0, 1])
        XCTAssertEqual(table["time"]?.kind, .time(.dateTime))
        XCTAssertEqual(table["run"]?.kind, .category)
        XCTAssertEqual(table["eval.loss"]?.texts, [nil, "0.7", nil])
        XCTAssertEqual(table["loss"]?.missingCount, 2)
    }

    func testHalfWrittenLastLine() throws {
        let bytes = Array("{\"a\": 1}\n{\"a\": 2}\n{\"a\": ".utf8)
        let chunk = try JSONTableReader.parseLines(bytes: bytes, from: 0, line: 1, source: "m.jsonl", complete: false)
        XCTAssertEqual(chunk.table.rowCount, 2)
        XCTAssertEqual(chunk.consumed, 18)
        XCTAssertEqual(chunk.nextLine, 3)
        XCTAssertThrowsError(try JSONTableReader.parseLines(bytes: bytes, from: 0, line: 1, source: "m.jsonl", complete: true))
    }

    func testStringEscapesAndUnicode() throws {
        let text = #"[{"name": "a\"b\\c\u00e9\ud83d\ude00", "v": -Infinity}]"#
        let table = try JSONTableReader.parse(bytes: Array(text.utf8), source: "s.json")
        XCTAssertEqual(table["name"]?.texts, ["a\"b\\cé😀"])
        XCTAssertEqual(table["v"]?.doubles, [-.infinity])
    }

    func testHundredThousandLines() throws {
        var text = ""
        for step in 0..<100_000 { text += "{\"step\": \(step), \"loss\": \(1.0 / Double(step + 1))}\n" }
        let table = try JSONTableReader.parse(bytes: Array(text.utf8), source: "big.jsonl")
        XCTAssertEqual(table.rowCount, 100_000)
        XCTAssertEqual(table["loss"]?.doubles.last, 1.0 / 100_000)
    }
}
