import Foundation
import PNG
import Raster

/// Writing a command's PNG, with failures turned into one clear line for the user.
enum OutputFile {
    /// Writes `pixmap` to `path` atomically (`PNG.write`); a failure names the path and why
    /// (missing folder, a file where a folder should be, permissions, disk full).
    static func write(_ pixmap: Pixmap, to path: String) throws {
        let bytes: [UInt8]
        do { bytes = try PNG.encode(pixmap) } catch { throw CLIError("cannot write \(path): \(error)") }
        try write(bytes: bytes, to: path)
    }

    /// Writes encoded figure bytes to `path` atomically, or to standard output for `-`; a failure
    /// names the path and why (as `write(_:to:)`).
    static func write(bytes: [UInt8], to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch let error as FileError {
            let folder = (path as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            if !folder.isEmpty {
                if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                    throw CLIError("cannot write \(path): the folder \(folder) does not exist")
                }
                if !isFolder.boolValue { throw CLIError("cannot write \(path): \(folder) is not a folder") }
            }
            throw CLIError("cannot write \(path): \(error.reason)")
        } catch {
            throw CLIError("cannot write \(path): \(error)")
        }
    }
}
