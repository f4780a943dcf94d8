import Chart
import Foundation
@testable import FigureSpec
import Table
import TestSupport
import XCTest

/// Tables exported by other tools draw as those tools show them: a W&B panel export (runs ×
/// metrics with min/max columns), TensorBoard's scalar CSV (`Wall time,Step,Value`) and pandas'
/// `to_csv` with its index written as a first column.
final class ExportLayoutTests: XCTestCase {
    let wandb = """
        "Step","fine-sun-12 - train/loss","fine-sun-12 - train/loss__MIN","fine-sun-12 - train/loss__MAX",\
        "brisk-dew-7 - train/loss","brisk-dew-7 - train/loss__MIN","brisk-dew-7 - train/loss__MAX",\
        "fine-sun-12 - val/acc","brisk-dew-7 - val/acc"
        0,2.31,2.31,2.31,2.35,2.35,2.35,0.1,0.12
        50,1.82,1.80,1.85,1.91,1.88,1.93,0.4,0.38
        100,1.41,1.39,1.44,1.55,1.52,1.57,,
        150,1.12,1.10,1.15,,,,0.7,0.65

        """

    func testWandbExportDrawsOnePanelPerMetricWithALineAndBandPerRun() throws {
        let f = try DefaultFigure.make(csv(wandb))
        XCTAssertEqual(f.panels.count, 2, "one panel per metric, not one per column")
        XCTAssertEqual(f.panels.map(\.y.label), ["train/loss", "val/acc"])
        let loss = f.panels[0].series
        XCTAssertEqual(loss.map(\.kind), [.area, .line, .area, .line], "a band under each run's line")
        XCTAssertEqual(loss.map(\.name), ["", "fine-sun-12", "", "brisk-dew-7"], "bands have no legend entry")
        XCTAssertEqual(loss[0].color, loss[1].color, "a run's band is its line's colour")
        XCTAssertNotEqual(loss[1].color, loss[3].color, "runs are told apart")
        XCTAssertEqual(f.panels[1].series[0].color, loss[1].color, "a run keeps its colour across panels")
        XCTAssertEqual(loss[0].y2?.prefix(2).map { $0 }, [2.31, 1.85], "the band spans MIN to MAX")
        XCTAssertEqual(f.panels[0].x.label, "Step")
    }

    func testAColumnWithADashIsNotTakenForAnExport() throws {
        // One run, no range columns: an ordinary table whose names happen to hold " - ".
        let f = try DefaultFigure.make(csv("t,Temp - Max,Temp - Min\n0,3,1\n1,4,2\n"))
        XCTAssertEqual(f.panels.flatMap { $0.series.map(\.name) }, ["Temp - Max", "Temp - Min"])
        XCTAssertNil(RunsExport.detect(try csv("t,a - b,c\n0,1,2\n"), xName: "t"), "a plain column beside it")
        XCTAssertNil(RunsExport.detect(try csv("t,r - m__MIN\n0,1\n"), xName: "t"), "a range edge with no value column")
    }

    func testTensorBoardScalarExportDrawsValueOverStepNamedByItsTag() throws {
        let text = "Wall time,Step,Value\n1700000000.1,0,2.3\n1700000010.5,100,1.9\n1700000020.9,200,1.4\n"
        let f = try DefaultFigure.make(csv(text, source: "/tmp/x/run-seed1-tag-train_loss.csv"))
        XCTAssertEqual(f.panels.count, 1, "Wall time is a time axis, not a series")
        XCTAssertEqual(f.panels[0].series.map(\.name), ["Value"])
        XCTAssertEqual(f.panels[0].x.label, "Step")
        XCTAssertEqual(f.panels[0].y.label, "train_loss", "the tag from the export's file name")
        let json = try JSONTableReader.parse(bytes: Array("[[1700000000.1, 0, 2.3], [1700000010.5, 100, 1.9]]".utf8),
                                             source: "dl/run-seed1-tag-train_loss.json")
        XCTAssertEqual(json.columnNames, ["Wall time", "Step", "Value"], "TensorBoard's JSON download")
        XCTAssertEqual(try DefaultFigure.make(json).panels[0].y.label, "train_loss")
        let matrix = try JSONTableReader.parse(bytes: Array("[[1, 2], [3, 4], [5]]".utf8), source: "m.json")
        XCTAssertEqual(matrix.columnNames, ["col1", "col2"])
        XCTAssertEqual(matrix["col2"]?.doubles.map { $0.isNaN ? -1 : $0 }, [2, 4, -1])
        let plain = try DefaultFigure.make(csv(text, source: "scalars.csv"))
        XCTAssertEqual(plain.panels[0].y.label, "Value")
    }

    func testWandbHistoryMediaObjectsAreNotColumns() throws {
        let text = """
            {"_step": 0, "train/loss": 2.0, "examples": {"_type": "images/separated", "count": 4, "width": 32}}
            {"_step": 1, "train/loss": 1.5, "eval": {"loss": 1.7}}

            """
        let t = try JSONTableReader.parse(bytes: Array(text.utf8), source: "wandb-history.jsonl")
        XCTAssertEqual(t.columnNames, ["_step", "train/loss", "eval.loss"], "plain nested objects still flatten")
        XCTAssertEqual(t.readNotes, ["wandb-history.jsonl: key 'examples' holds W&B media (\"_type\": \"images/separated\"), not numbers: not drawn"])
    }

    func testInfluxAnnotatedCSVDrawsValueOverTimeByField() throws {
        let text = """
            #group,false,false,true,true,false,false,true,true
            #datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string
            #default,_result,,,,,,,
            ,result,table,_start,_stop,_time,_value,_field,_measurement
            ,,0,2024-05-01T00:00:00Z,2024-05-01T01:00:00Z,2024-05-01T00:00:00Z,21.5,temp,room
            ,,0,2024-05-01T00:00:00Z,2024-05-01T01:00:00Z,2024-05-01T00:10:00Z,21.7,temp,room
            ,,1,2024-05-01T00:00:00Z,2024-05-01T01:00:00Z,2024-05-01T00:00:00Z,40.1,hum,room
            ,,1,2024-05-01T00:00:00Z,2024-05-01T01:00:00Z,2024-05-01T00:10:00Z,41.0,hum,room

            """
        let f = try DefaultFigure.make(csv(text))
        XCTAssertEqual(f.panels.count, 1, "no panel of the query's `table` numbers")
        XCTAssertEqual(f.panels[0].x.label, "_time", "_time, not the query's _start")
        XCTAssertEqual(f.panels[0].series.map(\.name), ["temp", "hum"])
    }

    func testKerasHistoryJSONIsColumnsOverTheEpoch() throws {
        let text = #"{"loss": [1.0, 0.5, 0.3], "accuracy": [0.5, 0.6, 0.7], "val_loss": [1.1, 0.6, 0.4], "val_accuracy": [0.4, 0.5, 0.6]}"#
        let t = try JSONTableReader.parse(bytes: Array(text.utf8), source: "history.json")
        XCTAssertEqual(t.columnNames, ["loss", "accuracy", "val_loss", "val_accuracy"])
        XCTAssertEqual(t.rowCount, 3)
        let f = try DefaultFigure.make(t)
        XCTAssertEqual(f.panels.map { $0.series.map(\.name) }, [["loss", "val_loss"], ["accuracy", "val_accuracy"]])
        XCTAssertEqual(f.panels[1].x.label, "row", "a metric first is a y over the row number, not the x")
        let ragged = try JSONTableReader.parse(bytes: Array(#"{"a": [1, 2, 3], "b": [4]}"#.utf8), source: "r.json")
        XCTAssertEqual(ragged["b"]?.doubles.map { $0.isNaN ? -1 : $0 }, [4, -1, -1])
        XCTAssertEqual(ragged.readNotes, ["r.json: arrays of different lengths read as columns of 3 rows; shorter ones end with missing values: 'b' (1)"])
        // A single record with an array in it is still one row.
        XCTAssertEqual(try JSONTableReader.parse(bytes: Array(#"{"a": 1, "b": [4, 5]}"#.utf8), source: "o.json").rowCount, 1)
    }

    func testPandasIndexColumnIsNotDrawnAsASeries() throws {
        let text = ",date,open,close\n0,2024-01-01,100.5,101\n1,2024-01-02,101.5,102\n2,2024-01-03,102,103.5\n"
        let f = try DefaultFigure.make(csv(text))
        XCTAssertEqual(f.panels.flatMap { $0.series.map(\.name) }, ["open", "close"])
        let unnamed = try DefaultFigure.make(csv("Unnamed: 0,a,b\n0,5,7\n1,6,9\n2,4,8\n"))
        XCTAssertEqual(unnamed.panels[0].x.label, "Unnamed: 0", "with no other x the index is x, as in pandas' plot()")
        // A first column that is not 0, 1, 2, ... is data.
        let data = try DefaultFigure.make(csv(",date,v\n3,2024-01-01,1\n1,2024-01-02,2\n"))
        XCTAssertEqual(data.panels.flatMap { $0.series.map(\.name) }.sorted(), ["col1", "v"])
    }
}
