/// One finished figure of a running report, for a progress display.
public struct ReportProgress: Sendable, Equatable {
    /// Figures finished so far in this run, this one included (1...total).
    public var completed: Int
    /// Figures this run renders (the shard's, with `--shard`).
    public var total: Int
    /// The figure's name.
    public var name: String
    /// How long it took, in milliseconds.
    public var milliseconds: Double
    /// Its error, or nil when it rendered.
    public var error: String?
}
