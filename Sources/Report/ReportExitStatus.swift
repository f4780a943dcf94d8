/// The exit statuses of `plotline report`, documented in its `--help` and docs/report-spec.md.
public enum ReportExitStatus {
    /// Every figure rendered (and, with `--compare`, matched the baseline).
    public static let ok: Int32 = 0
    /// Some figures failed; they are listed in the manifest and at the top of the indexes.
    public static let figuresFailed: Int32 = 1
    /// The comparison with the baseline found changed, added or removed figures.
    public static let differences: Int32 = 2
    /// Bad usage or a bad report spec: nothing was rendered (sysexits' EX_USAGE).
    public static let usage: Int32 = 64

    /// The status for a finished run: failures first (they are the more urgent), then differences.
    public static func of(manifest: ReportManifest, comparison: ComparisonReport?) -> Int32 {
        if !manifest.failures.isEmpty { return figuresFailed }
        if comparison?.hasDifferences == true { return differences }
        return ok
    }
}
