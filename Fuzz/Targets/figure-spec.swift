import FigureSpec
import Foundation
import Table

/// Figure specs: the JSON parser with key paths, every key's decoder, and `figure(tables:)`
/// against a fixed table of every column type (numbers, huge numbers, times, text), laid out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFigureSpec(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput(data, count)
    guard let spec = try? FigureSpec.parse(bytes: input.bytes, source: "fuzz.plot.json", directory: "/nonexistent") else {
        return 0
    }
    var tables: [String: DataTable] = [:]
    for source in spec.data { tables[source.name] = FuzzSpecTable.table }
    guard let figure = try? spec.figure(tables: tables) else { return 0 }
    FuzzFigures.lay(figure)
    return 0
}

/// The table every data source of a fuzzed spec gets.
enum FuzzSpecTable {
    static let table: DataTable = {
        let text = """
            step,x,y,loss,big,t,date,c,w
            0,1,2,0.5,1e300,1e18,2024-01-01,a,-1
            1,2,4,0.4,-1e300,inf,2024-01-02,b,0
            2,3,1,nan,4e40,-1e30,2024-01-03,a,1e-310
            3,4,,0.2,1e16,1,2024-02-30,c,5e-324
            """
        var options = CSVOptions()
        options.timestampColumns = ["t": .seconds]
        return (try? CSVReader.parse(bytes: Array(text.utf8), source: "fuzz.csv", options: options))
            ?? DataTable(source: "fuzz.csv", columns: [])
    }()
}
