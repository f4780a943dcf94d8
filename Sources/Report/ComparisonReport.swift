/// The comparison of a report's figures with a baseline folder's, one entry per figure.
public struct ComparisonReport: Sendable {
    /// Every figure of either side, sorted by `figure` path (`String` order).
    public var entries: [ComparisonEntry]
    /// True when any figure is changed, added or removed: the baseline no longer describes
    /// the output, and a CI job should fail.
    public var hasDifferences: Bool

    /// A report over `entries`; `hasDifferences` is derived from them.
    public init(entries: [ComparisonEntry]) {
        self.entries = entries
        self.hasDifferences = entries.contains { $0.status != .unchanged }
    }

    /// The entries with one status, in figure order.
    public func entries(_ status: ComparisonStatus) -> [ComparisonEntry] {
        entries.filter { $0.status == status }
    }
}
