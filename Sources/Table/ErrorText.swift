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
        return ns.localizedFailureReason ?? ns.localizedDescription
    }
}
