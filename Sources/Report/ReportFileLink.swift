import FoundationEssentials
import Glibc
import PNG
import Platform
import Table

/// Places a shard's output file into the merged report without copying its bytes when it can.
///
/// A merge of 10⁴ figures used to read, hash and rewrite every PNG (2.8 GB, 57 s). A hard link
/// costs one metadata write: the file is linked under a temporary name in the target folder and
/// renamed over the target, so a reader never sees a half-placed file and an existing target is
/// replaced atomically. Where links are impossible (another file system, a file system without
/// hard links) the bytes are copied through `AtomicFile` instead.
enum ReportFileLink {
    /// How a file reached the merged folder.
    enum Method: Sendable { case linked, copied, unchanged }

    /// Links (or copies) `source` to `target`, replacing `target` atomically.
    static func place(_ source: String, at target: String) throws -> Method {
        var s = stat(), t = stat()
        if stat(source, &s) == 0, stat(target, &t) == 0, s.st_dev == t.st_dev, s.st_ino == t.st_ino {
            return .unchanged
        }
        let folder = PathName.deletingLastComponent(target)
        let temporary = (folder.isEmpty ? "." : folder) + "/.merge.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        if link(source, temporary) == 0 {
            if rename(temporary, target) == 0 { return .linked }
            let code = errno
            unlink(temporary)
            throw ReportMergeError("\(target): cannot replace the file (\(String(cString: strerror(code))))")
        }
        let data: Data
        switch FileBytes.readWhole(source) {
        case .success(let bytes): data = bytes
        case .failure(let failure): throw ReportMergeError("\(source): cannot read the file (\(failure.reason))")
        }
        try AtomicFile.write(Array(data), to: target)
        return .copied
    }

    /// The size of the file at `path` in bytes, or nil when it cannot be read.
    static func size(of path: String) -> Int? {
        var s = stat()
        guard stat(path, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(s.st_size)
    }
}
