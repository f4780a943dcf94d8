import Foundation
import Table

/// The incremental reader `watch` follows files with: CSV or JSON Lines fed in chunks of
/// fuzzed sizes (CRLF split across chunks, half-written lines), then through a real file that
/// is appended to, rewritten in place or truncated between refreshes. A third control byte
/// chooses the CSV dialect options (`FuzzDialect`), which re-typing appended rows must honour.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIncremental(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let control = input.take(), step = Int(input.take() % 17) + 1
    var options = CSVOptions()
    FuzzDialect.apply(input.take(), to: &options)
    let format: IncrementalTableReader.Format = control & 1 == 0 ? .csv(options) : .jsonLines
    var reader = IncrementalTableReader(source: "fuzz", format: format)
    var start = 0
    while start < input.bytes.count {
        let stop = min(input.bytes.count, start + step)
        guard (try? reader.append(input.bytes[start..<stop])) != nil else { break }
        start = stop
    }
    FuzzFigures.exercise(reader.table)
    guard control & 2 != 0 else { return 0 }
    // The same bytes through a file: half, refresh, then a change chosen by the control byte.
    let path = FuzzIncrementalFile.path
    let half = input.bytes.count / 2
    var follower = IncrementalTableReader(source: "fuzz", format: format)
    FileManager.default.createFile(atPath: path, contents: Data(input.bytes[..<half]))
    _ = try? follower.refresh(path: path)
    switch (control >> 2) & 3 {
    case 0:
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(input.bytes[half...]))
            handle.closeFile()
        }
    case 1: FileManager.default.createFile(atPath: path, contents: Data(input.bytes.reversed()))
    case 2: FileManager.default.createFile(atPath: path, contents: Data(input.bytes[..<(half / 2)]))
    default: FileManager.default.createFile(atPath: path, contents: Data(input.bytes))
    }
    _ = try? follower.refresh(path: path)
    FuzzFigures.exercise(follower.table)
    return 0
}

/// The scratch file of this fuzzing process.
enum FuzzIncrementalFile {
    static let path = NSTemporaryDirectory() + "/plotline-fuzz-incremental-\(getpid()).csv"
}
