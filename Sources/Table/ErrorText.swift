import Foundation

/// One clean line for any error, for statuses and messages: Plotline's own errors as they
/// describe themselves, Foundation's as their reason in words, never an `NSError` dump
/// (`Error Domain=NSCocoaErrorDomain Code=260 "..." UserInfo={...}`).
public enum ErrorText {
    /// The error's message.
    public static func describe(_ error: any Error) -> String {
        let isFoundation = error is CocoaError || type(of: error) is NSError.Type
        if !isFoundation { return String(describing: error) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain, let code = Int32(exactly: ns.code) { return String(cString: strerror(code)) }
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain,
           let code = Int32(exactly: posix.code) {
            return String(cString: strerror(code))
        }
        if let reason = ns.localizedFailureReason { return reason }
        // Foundation's own description of a Cocoa error without a POSIX cause is "The operation
        // could not be completed. (NSCocoaErrorDomain error 256.)": say it in words instead.
        if ns.domain == NSCocoaErrorDomain, let words = cocoaReason(ns) { return words }
        return ns.localizedDescription
    }

    /// The reason of a Cocoa file error in words (strerror's where one fits); nil for other codes.
    static func cocoaReason(_ ns: NSError) -> String? {
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
        case .fileReadNoPermission, .fileWriteNoPermission: return String(cString: strerror(EACCES))
        case .fileReadUnknown, .fileWriteUnknown:
            let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
            var isFolder: ObjCBool = false
            if let path, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                return String(cString: strerror(EISDIR))
            }
            return "an unknown \(ns.code == CocoaError.Code.fileReadUnknown.rawValue ? "read" : "write") error"
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
