import Table

/// JSON Lines, arrays of records and trainer_state.json: the byte parser, the record builder's
/// flattening and typing, then the default figure. Control byte: figure kind.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let kind = input.take()
    guard let table = try? JSONTableReader.parse(bytes: input.bytes, source: "fuzz.json") else { return 0 }
    FuzzFigures.exercise(table)
    FuzzFigures.drawDefault(table, choice: kind)
    return 0
}
