extension RenderQueue {
    /// Queue-wide counters, for logs, benchmarks and tests.
    public struct Statistics: Sendable, Hashable {
        /// Jobs accepted by `submit` or `render`.
        public var submitted = 0
        /// Waiting jobs replaced by a newer job for the same output (latest wins).
        public var coalesced = 0
        /// Renders started.
        public var started = 0
        /// Renders finished, written or failed.
        public var finished = 0
        /// Renders that failed.
        public var failures = 0
        /// Waiting jobs dropped by `shutdown(mode: .cancelQueued)`.
        public var cancelled = 0

        /// All zero.
        public init() {}
    }
}
