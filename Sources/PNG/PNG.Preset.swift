extension PNG {
    /// A named PNG setting for users: `fast` for live figures, `small` for stored reports.
    ///
    /// The names are what `plotline report --png` accepts; the options behind them are chosen by
    /// measurement (`PNG.Options.default` and `PNG.Options.small` give the tables).
    public enum Preset: String, Sendable, Hashable, CaseIterable {
        /// `PNG.Options.default`: the run deflater, the fastest encode, below matplotlib's file size.
        case fast
        /// `PNG.Options.small`: clearly smaller files at a few times the encode time.
        case small

        /// The options this preset stands for.
        public var options: PNG.Options {
            switch self {
            case .fast: return .default
            case .small: return .small
            }
        }
    }
}
