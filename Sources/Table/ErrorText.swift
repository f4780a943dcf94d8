import FoundationEssentials
import Glibc

/// One clean line for any error, for statuses and messages: Plotline's own errors as they
/// describe themselves, Foundation's as their reason in words, never an error dump
/// (`CocoaError(code: 260, userInfo: [...])`).
public enum ErrorText {
    /// The error's message.
    public static func describe(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        guard let cocoa = error as? CocoaError else { return String(describing: error) }
        if let posix = cocoa.underlying as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        return cocoaReason(cocoa) ?? "error \(cocoa.code.rawValue) (\(cocoa.filePath ?? "no file"))"
    }

    /// The reason of a Cocoa file error in words (strerror's where one fits); nil for other codes.
    static func cocoaReason(_ error: CocoaError) -> String? {
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
        case .fileReadNoPermission, .fileWriteNoPermission: return String(cString: strerror(EACCES))
        case .fileReadUnknown, .fileWriteUnknown:
            let path = error.filePath ?? error.url?.path
            var isFolder = false
            if let path, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder {
                return String(cString: strerror(EISDIR))
            }
            return "an unknown \(error.code == .fileReadUnknown ? "read" : "write") error"
        case .fileReadCorruptFile: return "the file is corrupt or in an unknown format"
        case .fileReadInapplicableStringEncoding: return "not text in the expected encoding"
        case .fileReadTooLarge: return String(cString: strerror(EFBIG))
        case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
        case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
        case .fileWriteFileExists: return String(cString: strerror(EEXIST))
        default: return nil
        }
    }
}
