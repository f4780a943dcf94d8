/// The documented ceilings on what one input or one figure may make Plotline allocate.
///
/// Each is checked before the memory is taken, and going over is an error that names the input
/// and the limit (so `watch` records it in the figure's sidecar and keeps drawing the others),
/// never a failed allocation or the OOM killer. The values and their reasons are listed in
/// docs/figure-spec.md, "Limits"; they are far above what a readable figure needs.
public struct ResourceLimits: Sendable, Equatable {
    /// Columns in one table (a header or JSON records with this many distinct keys).
    public var columns: Int
    /// Values in one table of JSON records, rows × columns, counting missing ones (a new key on
    /// every row would otherwise take rows × keys doubles). A CSV needs no such limit: it has a
    /// byte for every value.
    public var tableValues: Int
    /// Cells of one heat map (distinct y values × distinct x values, or rows × columns).
    public var heatmapCells: Int
    /// Levels on one category axis.
    public var categories: Int
    /// Bytes of one data file `watch` follows or reads (a file that grows forever stops being
    /// read here instead of growing the watcher's memory without bound).
    public var followedBytes: Int
    /// Bytes of one sidecar status file (`*.png.json`) read back by `watch` and `--serve`; a
    /// real one is a few hundred bytes.
    public var sidecarBytes: Int
    /// Series one default figure draws (numeric columns × groups when no `--y` names them): a
    /// table of thousands of numeric columns is not read as that many lines, and drawing them
    /// would take seconds per figure for nothing readable.
    public var defaultSeries: Int

    /// Creates limits; the defaults are the documented ones.
    public init(columns: Int = 10_000, tableValues: Int = 50_000_000, heatmapCells: Int = 4_000_000,
                categories: Int = 10_000, followedBytes: Int = 512 << 20, sidecarBytes: Int = 64 << 10,
                defaultSeries: Int = 1_000) {
        self.columns = columns
        self.tableValues = tableValues
        self.heatmapCells = heatmapCells
        self.categories = categories
        self.followedBytes = followedBytes
        self.sidecarBytes = sidecarBytes
        self.defaultSeries = defaultSeries
    }

    /// The limits every reader and spec applies.
    public static let standard = ResourceLimits()

    /// Where the limits are documented, for messages.
    public static let reference = "see \"Limits\" in docs/figure-spec.md"

    /// Throws when a table of `columns` columns is over the limit.
    func checkColumns(_ columns: Int, source: String) throws(DataError) {
        guard columns > self.columns else { return }
        throw DataError(.tooLarge("\(columns) columns, more than the limit of \(self.columns) (\(ResourceLimits.reference))"),
                        at: DataLocation(source: source))
    }

    /// Throws when a followed data file of `bytes` bytes is over `followedBytes`.
    public func checkFollowed(_ bytes: Int, source: String) throws(DataError) {
        guard bytes > followedBytes else { return }
        throw DataError(
            .tooLarge("\(bytes) bytes, more than the limit of \(ResourceLimits.bytes(followedBytes)) a watched file may have (\(ResourceLimits.reference))"),
            at: DataLocation(source: source))
    }

    /// Why a sidecar of `bytes` bytes at `path` is not read, or nil when it is within `sidecarBytes`.
    public func sidecarProblem(_ bytes: Int, path: String) -> String? {
        guard bytes > sidecarBytes else { return nil }
        return "\(path): \(bytes) bytes, more than the limit of \(ResourceLimits.bytes(sidecarBytes)) a sidecar may have; not read (\(ResourceLimits.reference))"
    }

    /// A requested canvas for messages: `12000 × 12000 (144000000 pixels)`; nil without a pair.
    public static func describeCanvas(_ size: (Int, Int)?) -> String? {
        guard let (w, h) = size else { return nil }
        let (pixels, overflow) = w.multipliedReportingOverflow(by: h)
        return "\(w) × \(h)" + (overflow || w <= 0 || h <= 0 ? "" : " (\(pixels) pixels)")
    }

    /// A byte count as people write limits: `512 MiB`, `64 KiB`, else bytes.
    static func bytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    /// Throws when `rows` rows of `columns` columns are over the value limit (or the column limit).
    func checkTable(rows: Int, columns: Int, source: String) throws(DataError) {
        try checkColumns(columns, source: source)
        let (values, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard overflow || values > tableValues else { return }
        throw DataError(
            .tooLarge("\(rows) rows × \(columns) columns is more than the limit of \(tableValues) values (\(ResourceLimits.reference))"),
            at: DataLocation(source: source))
    }
}
