import Table

/// CSV / TSV: the dialect detector, the row loop and its numeric fast path, column typing,
/// then the default figure. Control bytes: delimiter and header choice, figure kind, dialect
/// (decimal mark, thousands separator, comment byte, extra missing spellings).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let control = input.take(), kind = input.take(), dialect = input.take()
    let delimiters: [UInt8?] = [nil, nil, 0x2C, 0x3B, 0x09, 0x7C, 0x2E, 0x2D, 0x65, 0x20, 0x31]
    var options = CSVOptions(delimiter: delimiters[Int(control & 0x0F) % delimiters.count])
    switch control >> 6 {
    case 1: options.header = .present
    case 2: options.header = .absent
    default: break
    }
    if control & 0x20 != 0 { options.timestampColumns = ["col1": .seconds, "t": .milliseconds] }
    FuzzDialect.apply(dialect, to: &options)
    guard let table = try? CSVReader.parse(bytes: input.bytes, source: "fuzz.csv", options: options) else { return 0 }
    FuzzFigures.exercise(table)
    FuzzFigures.drawDefault(table, choice: kind)
    return 0
}
