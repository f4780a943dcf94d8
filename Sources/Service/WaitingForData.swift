import Table

/// The "error" of a watched figure whose input holds nothing to draw yet (a CSV header without
/// rows, a TensorBoard run without scalars, an MLflow experiment without metrics).
///
/// Not a failure: the sidecar records it under `waiting` with `error` nil, the log line says
/// "waiting for data", and `watch --once` does not count it as a failed figure.
public struct WaitingForData: Error, CustomStringConvertible, Equatable, Sendable {
    /// The input followed.
    public var input: String
    /// What is missing (`no rows under the header ('step', 'loss')`).
    public var reason: String

    /// The marker every description starts with (the queue carries failures as text).
    static let marker = "waiting for data: "

    /// A waiting state of `input`.
    public init(input: String, reason: String) {
        self.input = input
        self.reason = reason
    }

    public var description: String {
        WaitingForData.marker + (reason.hasPrefix(input) ? reason : "\(input): \(reason)")
    }

    /// The reason of a failure that is a `WaitingForData`, or nil for a real failure.
    static func reason(fromFailure text: String) -> String? {
        text.hasPrefix(marker) ? String(text.dropFirst(marker.count)) : nil
    }
}
