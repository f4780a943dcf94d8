import Foundation
import FigureSpec
import Table

/// MLflow metric files (`metrics/<key>`: `timestamp value [step]` lines): the line parser with
/// its number checks, then the table by step and the default figure, as `render` reads a
/// metric file. Control byte: figure kind.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMLflow(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let kind = input.take()
    guard let table = try? RunLogTables.mlflowMetricTable(bytes: Data(input.bytes), source: "mlruns/0/r/metrics/loss") else {
        return 0
    }
    FuzzFigures.exercise(table)
    FuzzFigures.drawDefault(table, choice: kind)
    return 0
}
