/// One of N deterministic parts of a report, for a CI matrix: `--shard K/N`.
///
/// Shard K of N takes the figures whose report index i (from 0, in spec order) has
/// `i % N == K - 1`: round-robin rather than contiguous ranges, so figures of one heavy
/// section spread over all machines. Every shard sees the whole spec, so output names agree.
public struct ReportShard: Sendable, Equatable {
    /// K, from 1.
    public let index: Int
    /// N, at least 1.
    public let count: Int

    /// Parses `K/N` (1 ≤ K ≤ N ≤ 10,000); nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 10_000, k >= 1, k <= n else { return nil }
        index = k; count = n
    }

    init(index: Int, count: Int, source: ReportSpecNode) throws(ReportSpecError) {
        guard count >= 1, index >= 1, index <= count else { throw source.error("expected a shard with 1 ≤ index ≤ count") }
        self.index = index; self.count = count
    }

    /// True when the figure at report index `i` belongs to this shard.
    public func contains(_ i: Int) -> Bool { i % count == index - 1 }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}
