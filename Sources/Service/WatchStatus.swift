import Foundation
import PNG

/// The sidecar status file written beside each watched figure (`<name>.png.json`).
///
/// Pollers (the Python helper, the browser page) read this small file instead of the PNG:
/// `version` grows by one with every render, good or bad; `hash` is the content hash of the
/// PNG on disk (FNV-1a 64, hex); `ok` says whether the latest render wrote it, and `error`
/// (`file:line: message`) why not; the previous good PNG then stays. Written atomically.
public struct WatchStatus: Codable, Sendable, Equatable {
    /// Grows by one with every finished render of this figure.
    public var version: Int
    /// FNV-1a 64 of the PNG file on disk, as 16 hex digits (empty before the first good render).
    public var hash: String
    /// True when the latest render wrote the PNG.
    public var ok: Bool
    /// Why the latest render failed (`file:line: message`), nil when it succeeded.
    public var error: String?
    /// The rows drawn (the longest table) by the latest good render.
    public var rows: Int
    /// Render-thread milliseconds of the latest render.
    public var ms: Double
    /// The input file the figure comes from (data file or spec).
    public var input: String

    /// A status with every field given.
    public init(version: Int, hash: String, ok: Bool, error: String?, rows: Int, ms: Double, input: String) {
        self.version = version; self.hash = hash; self.ok = ok; self.error = error
        self.rows = rows; self.ms = ms; self.input = input
    }

    /// The sidecar path of a PNG output.
    public static func path(for output: String) -> String { output + ".json" }

    /// Reads the sidecar of `output`, or nil when there is none or it does not decode.
    public static func read(for output: String) -> WatchStatus? {
        guard let data = FileManager.default.contents(atPath: path(for: output)) else { return nil }
        return try? JSONDecoder().decode(WatchStatus.self, from: data)
    }

    /// Writes the sidecar of `output` atomically (temp file, fsync, rename); with `root`, only
    /// below that folder and through no link (`AtomicFile.write(_:to:under:)`).
    public func write(for output: String, under root: String? = nil) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(self))
        bytes.append(UInt8(ascii: "\n"))
        if let root {
            try AtomicFile.write(bytes, to: WatchStatus.path(for: output), under: root)
        } else {
            try AtomicFile.write(bytes, to: WatchStatus.path(for: output))
        }
    }

    /// FNV-1a 64 of the file at `path` as 16 hex digits, or "" when it cannot be read.
    public static func contentHash(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
