import Table
import TestSupport
import XCTest

/// The exact messages for the main input errors.
final class DataErrorTests: XCTestCase {
    func testCSVMessages() {
        XCTAssertEqual(errorText { try csv("") }, "test.csv: the input is empty")
        XCTAssertEqual(errorText { try csv("\u{FEFF}\n\n") }, "test.csv: the input is empty")
        XCTAssertEqual(
            errorText { try csv("a,b\n1,2\n3,4,5\n") }, "test.csv:3: 3 fields, the header has 2")
        XCTAssertEqual(
            errorText { try csv("a,b,c\n1,2,3\n\n4,5\n") }, "test.csv:4: 2 fields, the header has 3")
        XCTAssertEqual(
            errorText { try csv("a,b\n1,2\n\"x\ny,3\n") },
            "test.csv:3: unterminated quoted field: the input ends inside the quotes opened here")
        XCTAssertEqual(
            errorText {
                try CSVReader.parse(bytes: Array("a,b\n1,x\n2,\u{FF}".utf8) + [0xFF, 0x0A], source: "bad.csv",
                                    options: CSVOptions(encoding: .utf8))  // without it: Windows-1252, with a warning
            },
            "bad.csv:3: column 'b': invalid UTF-8")
        XCTAssertEqual(
            errorText { try CSVReader.read(path: "/nonexistent/metrics.csv") }.hasPrefix("/nonexistent/metrics.csv: cannot read the file"),
            true)
    }

    func testAnUnknownColumnSuggestsTheOneItLikelyMeant() {
        let names = ["sepal_length", "sepal_width", "species"]
        let cased = DataError(.noSuchColumn(available: names), at: DataLocation(source: "iris.csv"), column: "Species")
        XCTAssertEqual(cased.description, "iris.csv: column 'Species': no such column (did you mean 'species'? "
                       + "columns: 'sepal_length', 'sepal_width', 'species')")
        let camel = DataError(.noSuchColumn(available: names), at: DataLocation(source: "iris.csv"), column: "sepalLength")
        XCTAssertTrue(camel.description.contains("did you mean 'sepal_length'?"), camel.description)
        let far = DataError(.noSuchColumn(available: names), at: DataLocation(source: "iris.csv"), column: "petal")
        XCTAssertFalse(far.description.contains("did you mean"), far.description)
    }

    func testExpectedANumber() throws {
        var text = "step,loss\n"
        for step in 1...60 { text += step == 56 ? "\(step),abc\n" : "\(step),0.5\n" }
        let table = try csv(text, source: "metrics.csv")
        // One stray among numbers: a missing value and a warning, not a lost column.
        XCTAssertEqual(table["loss"]?.kind, .number)
        XCTAssertEqual(try table.numbers(named: "loss").filter(\.isNaN).count, 1)
        XCTAssertEqual(table.warnings().first.map(\.description),
                       ["metrics.csv:57: warning: column 'loss': 'abc' is not a number (drawn as a missing value)"])
        // A column that is mostly text is a category, and asking it for numbers names its first text.
        let words = try csv("step,loss\n1,0.5\n2,abc\n3,def\n", source: "metrics.csv")
        XCTAssertEqual(words["loss"]?.kind, .category)
        XCTAssertEqual(errorText { try words.numbers(named: "loss") }, "metrics.csv:3: column 'loss': expected a number, found 'abc'")
        XCTAssertEqual(errorText { try table.numbers(named: "lr") }, "metrics.csv: column 'lr': no such column (columns: 'step', 'loss')")
        XCTAssertEqual(try table.numbers(named: "step").count, 60)
    }

    func testJSONMessages() throws {
        let state = """
            {"log_history": [
              {"loss": 1.0, "step": 1}, {"loss": 0.9, "step": 2}, {"loss": 0.8, "step": 3}, {"loss": "abc", "step": 4},
              {"loss": "x", "step": 5}, {"loss": "y", "step": 6}, {"loss": "z", "step": 7}, {"loss": "w", "step": 8}
            ]}
            """
        let table = try JSONTableReader.parse(bytes: Array(state.utf8), source: "trainer_state.json")
        XCTAssertEqual(
            errorText { try table.numbers(named: "loss") },
            "trainer_state.json: log_history[3].loss: expected a number, found \"abc\"")
        let oneStrayText = """
            {"log_history": [{"loss": 1.0}, {"loss": 0.9}, {"loss": 0.8}, {"loss": "abc"}]}
            """
        let oneStray = try JSONTableReader.parse(bytes: Array(oneStrayText.utf8), source: "t.json")
        XCTAssertEqual(oneStray["loss"]?.kind, .number)
        XCTAssertEqual(oneStray.warnings().first.map(\.description),
                       ["t.json: log_history[3].loss: warning: column 'loss': 'abc' is not a number (drawn as a missing value)"])
        XCTAssertEqual(
            errorText { try JSONTableReader.parse(bytes: Array("{\"a\": 1}\n{\"a\": 2,}\n".utf8), source: "m.jsonl") },
            "m.jsonl:2: invalid JSON: expected a key in quotes, found '}'")
        XCTAssertEqual(
            errorText { try JSONTableReader.parse(bytes: Array("{\"a\": 1}\n{\"a\": 2".utf8), source: "m.jsonl") },
            "m.jsonl:2: invalid JSON: expected ',' or '}', found the end of the input")
        XCTAssertEqual(
            errorText { try JSONTableReader.parse(bytes: Array("[\n{\"a\": 1},\n{\"a\" 2}\n]".utf8), source: "r.json") },
            "r.json:3: invalid JSON: expected ':' after the key, found '2}'")
        XCTAssertEqual(errorText { try JSONTableReader.parse(bytes: [UInt8](), source: "e.json") }, "e.json: the input is empty")
        XCTAssertEqual(
            errorText { try JSONTableReader.parse(bytes: Array("[1, 2]".utf8), source: "n.json") },
            "n.json: [0]: not a table: expected an object (a record)")
    }
}
