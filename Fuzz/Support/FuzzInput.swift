/// The bytes of one libFuzzer input, with a cursor for taking control bytes off the front.
///
/// Every target reads a few leading bytes as choices (delimiter, chunk sizes, a figure kind)
/// and hands the rest to the parser, so one corpus explores the options as well as the text.
struct FuzzInput {
    var bytes: [UInt8]

    init(_ data: UnsafePointer<UInt8>?, _ count: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    }

    /// The next control byte (0 when the input is used up).
    mutating func take() -> UInt8 {
        bytes.isEmpty ? 0 : bytes.removeFirst()
    }
}
