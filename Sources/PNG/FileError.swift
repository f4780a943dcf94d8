#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file-system call, with the path it was about and the system's reason.
///
/// The description reads like `cannot write /out/fig.png: No such file or directory (open
/// temporary file in /out)`, so it can be shown to a user as is.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file the caller asked about (the target, not a temporary file).
    public var path: String
    /// What was being done: "write", "read".
    public var action: String
    /// The step that failed, e.g. "rename over the target".
    public var step: String
    /// The `errno` value.
    public var code: Int32

    public init(path: String, action: String, step: String, code: Int32) {
        self.path = path; self.action = action; self.step = step; self.code = code
    }

    /// The system's text for `code` (`strerror`).
    public var reason: String { String(cString: strerror(code)) }

    public var description: String { "cannot \(action) \(path): \(reason) (\(step))" }
}
