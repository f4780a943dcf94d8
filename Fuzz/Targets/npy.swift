import Foundation
import Table

/// numpy `.npy` arrays: the preamble, the header dictionary, the size check and the element
/// conversion (every dtype, both orders), through the same path as a `.npy` file `render` and
/// `watch` read, then the default figure (a line for 1-D, a heat map for 2-D). Control byte:
/// figure kind.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNpy(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let kind = input.take()
    guard let table = try? TableReader.parse(bytes: Data(input.bytes), source: "fuzz.npy") else { return 0 }
    FuzzFigures.exercise(table)
    FuzzFigures.drawDefault(table, choice: kind)
    return 0
}
