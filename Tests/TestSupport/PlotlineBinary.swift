import Foundation

/// The `plotline` executable that SwiftPM builds beside the test bundle (for test targets that
/// depend on it), and the ways tests run it as a user would.
public enum PlotlineBinary {
    /// What a finished run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    private final class Marker {}

    /// The binary's path, or nil when it was not built. On Linux the test bundle is the build
    /// folder's executable, elsewhere a `.xctest` folder inside it: both places are tried.
    public static var path: String? {
        let bundle = Bundle(for: Marker.self).bundleURL
        return [bundle, bundle.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("plotline").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The binary's path; throws (failing the test) when it was not built.
    public static func require() throws -> String {
        guard let path else {
            throw NSError(domain: "PlotlineBinary", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "no plotline binary beside the test bundle (the test target must depend on the plotline product)"])
        }
        return path
    }

    /// The environment runs get: the bundled fonts, plus `extra`.
    public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["PLOTLINE_FONTS": packageRoot() + "/Fonts"].merging(extra) { $1 }
    }

    /// Starts `plotline args…` with pipes for its output (the caller reads and waits).
    public static func launch(_ args: [String], environment extra: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try require())
        p.arguments = args
        p.environment = environment(extra)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        return (p, out, err)
    }

    /// Runs `plotline args…` to the end, feeding `stdin`; both outputs are read at once, so a
    /// chatty run cannot block on a full pipe.
    public static func run(_ args: [String], stdin: String? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try require())
        p.arguments = args
        p.environment = environment(extra)
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        let errors = PipeReader(err)
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = errors.finish()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    // @unchecked: `data` is written by the reading thread before `done` is signalled and read
    // only after `finish` waited for it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Waits for the end of the pipe and returns everything read.
    func finish() -> Data {
        done.wait()
        return data
    }
}
