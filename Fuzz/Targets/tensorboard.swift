import Foundation
import Table

/// TensorBoard event files: the TFRecord framing (lengths, masked CRC32Cs, a record cut short)
/// and the `Event` / `Summary` / `TensorProto` decoder, then the table and the default figure.
/// Control byte, bit 0 set: the bytes are the file as they are; clear: they are cut into
/// payloads framed with correct CRCs (`FuzzTFRecord`), so the protobuf decoder sees fuzzed
/// messages rather than CRC failures. The other bits choose the figure kind.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTensorBoard(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let control = input.take()
    let file = control & 1 == 0 ? FuzzTFRecord.frame(input.bytes) : input.bytes
    guard let table = try? RunLogTables.eventTable(bytes: Data(file), source: "events.out.tfevents.fuzz") else { return 0 }
    FuzzFigures.exercise(table)
    FuzzFigures.drawDefault(table, choice: control >> 1)
    return 0
}
