/// A request the figure server refuses: the status code to answer with and why.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status code (400, 403, 404, 405, 414, 431, 505, ...).
    public var status: Int
    /// A short explanation, sent as the plain-text body.
    public var message: String

    /// An error with a status and an explanation.
    public init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }

    /// `status reason: message`, as logs show it.
    public var description: String { "\(status) \(HTTPResponse.reason(status)): \(message)" }
}
