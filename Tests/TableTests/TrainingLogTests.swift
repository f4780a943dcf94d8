import Table
import TestSupport
import XCTest

/// Training-log CSVs in the exact shapes their loggers write, read with no options.
final class TrainingLogTests: XCTestCase {
    /// PyTorch Lightning's CSVLogger: one wide file; each row holds only the metrics logged at that step.
    func testLightningCSVLogger() throws {
        let text = """
            epoch,step,train_loss_step,val_loss,val_acc,train_loss_epoch,lr-Adam
            0,49,0.6931471805599453,,,,
            0,99,0.5123,,,,0.001
            0,99,,0.4987,0.8125,,
            0,99,,,,0.6012,
            1,149,0.4011,,,,0.001
            1,199,0.3502,,,,
            1,199,,0.3891,0.8633,,

            """
        let table = try csv(text, source: "metrics.csv")
        XCTAssertEqual(table.rowCount, 7)
        XCTAssertEqual(table.columnNames.count, 7)
        XCTAssertTrue(table.columns.allSatisfy { $0.kind == .number })
        XCTAssertEqual(table["val_loss"]?.texts, [nil, nil, "0.4987", nil, nil, nil, "0.3891"])
        XCTAssertEqual(table["train_loss_step"]?.missingCount, 3)
        XCTAssertEqual(try table.numbers(named: "train_loss_step").first, 0.6931471805599453)
        XCTAssertEqual(table["lr-Adam"]?.missingCount, 5)
    }

    /// Keras' CSVLogger: `epoch` then the logs in sorted key order, every row complete.
    func testKerasCSVLogger() throws {
        let text = """
            epoch,accuracy,learning_rate,loss,val_accuracy,val_loss
            0,0.8546333312988281,0.0010000000474974513,0.5028119087219238,0.9092000126838684,0.3164575695991516
            1,0.9158833622932434,0.0010000000474974513,0.29410621523857117,0.9243000149726868,0.26516902446746826
            2,0.9287833571434021,0.0010000000474974513,0.24838456511497498,0.9330000281333923,0.23452255129814148

            """
        let table = try csv(text, source: "training.log")
        XCTAssertEqual(table.columnNames, ["epoch", "accuracy", "learning_rate", "loss", "val_accuracy", "val_loss"])
        XCTAssertEqual(table.rowCount, 3)
        XCTAssertEqual(try table.numbers(named: "val_loss"), [0.3164575695991516, 0.26516902446746826, 0.23452255129814148])
    }

    /// Keras with `append=True` after an early stop writes rows with `nan` / `inf` values.
    func testNonFiniteValuesStayNumeric() throws {
        let table = try csv("epoch,loss\n0,nan\n1,inf\n2,-inf\n3,0.5\n")
        XCTAssertEqual(table["loss"]?.kind, .number)
        let values = try table.numbers(named: "loss")
        XCTAssertTrue(values[0].isNaN)
        XCTAssertEqual(Array(values[1...]), [.infinity, -.infinity, 0.5])
    }
}
