import Chart
import FigureSpec
import Foundation
import Table
import TestSupport
import XCTest

/// A table of one row (Hugging Face's `all_results.json`, a final metrics record) is drawn as
/// bars side by side at the row's x, not as lone dots; and bars of one metric family (train and
/// eval) get colours of their own, since bars have no dash to tell them apart.
final class OneRowTableTests: XCTestCase {
    let results = #"{"epoch": 3.0, "eval_accuracy": 0.8725, "eval_loss": 0.4127, "eval_runtime": 12.31, "eval_samples": 408, "#
        + #""eval_samples_per_second": 33.14, "train_loss": 0.3521, "train_runtime": 512.7, "train_samples": 3668}"#

    func spec(_ table: DataTable, _ options: RenderOptions = RenderOptions()) throws -> FigureSpec {
        try DefaultFigure.spec([(name: "r", path: "all_results.json", table: table)], options: options)
    }

    func testAOneRowRecordIsGroupedBarsAtItsCounter() throws {
        let table = try JSONTableReader.parse(bytes: Array(results.utf8), source: "all_results.json")
        XCTAssertEqual(table.rowCount, 1)
        let s = try spec(table)
        XCTAssertFalse(s.panels.isEmpty)
        for panel in s.panels {
            XCTAssertEqual(panel.x.scale, .category, "the row's x is one labelled slot")
            XCTAssertTrue(panel.series.allSatisfy { $0.kind == .bar }, "\(panel.series.map(\.kind))")
            XCTAssertTrue(panel.series.allSatisfy { $0.x == "epoch" })
        }
        let loss = try XCTUnwrap(s.panels.first { $0.series.contains { $0.y == "train_loss" } })
        XCTAssertEqual(Set(loss.series.compactMap(\.y)), ["train_loss", "eval_loss"])
        XCTAssertEqual(loss.group, 0.8, "side by side")
        XCTAssertNotEqual(loss.series[0].color, loss.series[1].color, "train and eval bars in colours of their own")
        // It draws: one bar per series, at the single x slot.
        let figure = try s.figure(tables: [s.data[0].name: table])
        let drawn = try XCTUnwrap(figure.panels.first { $0.series.contains { $0.name == "train_loss" } })
        XCTAssertEqual(drawn.x.scale, .category(["3"]))
    }

    func testOneRowWithoutACounterAndTablesOfMoreRowsKeepLines() throws {
        let bare = try spec(try JSONTableReader.parse(bytes: Array(#"{"loss": 0.3, "acc": 0.9}"#.utf8), source: "r.json"))
        XCTAssertTrue(bare.panels.allSatisfy { $0.series.allSatisfy { $0.kind == .bar } })
        XCTAssertTrue(bare.panels.allSatisfy { $0.x.label == "" }, "no x column: no 'row' label under one slot")
        // A log's first row (CSV, JSON Lines) stays a line: watch draws it again as rows arrive.
        let first = try spec(try csv("step,loss\n1,0.5\n", source: "metrics.csv"))
        XCTAssertTrue(first.panels.allSatisfy { $0.series.allSatisfy { $0.kind == .line } })
        let two = try spec(try csv("step,loss,val_loss\n1,0.5,0.6\n2,0.4,0.5\n"))
        XCTAssertTrue(two.panels.allSatisfy { $0.series.allSatisfy { $0.kind == .line } })
        XCTAssertEqual(two.panels[0].series[0].color, two.panels[0].series[1].color, "lines of a family share a colour, told apart by dashes")
        var kind = RenderOptions()
        kind.kind = .line
        XCTAssertTrue(try spec(try csv("step,loss\n1,0.5\n"), kind).panels[0].series.allSatisfy { $0.kind == .line }, "--kind wins")
    }

    func testBarsOfAFamilyHaveTheirOwnColours() throws {
        var bars = RenderOptions()
        bars.kind = .histogram
        let log = try csv("step,loss,val_loss\n1,0.5,0.6\n2,0.4,0.5\n3,0.35,0.45\n")
        let series = try spec(log, bars).panels.flatMap(\.series)
        XCTAssertEqual(series.count, 2)
        XCTAssertNotEqual(series[0].color, series[1].color)
    }
}
