/// A report file that could not be written.
public struct ReportOutputError: Error, CustomStringConvertible, Sendable {
    /// The file or folder.
    public var path: String
    /// Why.
    public var reason: String
    /// `cannot write PATH: reason`.
    public var description: String { "\(path): \(reason)" }
}
