import FoundationEssentials
import Platform

/// What a file found under a folder of inputs is to Plotline: a figure spec, a table, or a file
/// of a run log (whose run folder is the input).
///
/// The one rule that `watch`, `report` over a folder and folder runs share, next to the table of
/// file kinds it builds on (`FileKind`); sidecars (`*.png.json`), images and unknown files are
/// no input. A run-log file is told first, so a TensorBoard or MLflow folder is one input even
/// when it holds files that look like tables.
public enum FolderInput: Sendable, Hashable {
    /// A figure spec, `*.plot.json`.
    case figureSpec
    /// A table file of a kind that folders are read for (`FileKind.isTableInFolder`).
    case table
    /// A TensorBoard event file or a file of an MLflow run: its run folder is the input.
    case runLog(RunLogFollower.Source)

    /// The file name suffix of a figure spec.
    public static let figureSpecSuffix = ".plot.json"

    /// True for a figure spec's file name (`*.plot.json`, in any case).
    public static func isFigureSpec(_ path: String) -> Bool { path.lowercased().hasSuffix(figureSpecSuffix) }

    /// What `path` is as an input of a folder, or nil when it is none.
    public static func kind(of path: String) -> FolderInput? {
        if let source = RunLogFollower.source(for: path) { return .runLog(source) }
        if isFigureSpec(path) { return .figureSpec }
        return FileKind.isTableInFolder(path) ? .table : nil
    }

    /// The name a figure of this input file goes by: a spec's path without `.plot.json`
    /// (`figures/loss.plot.json` → `figures/loss`), any other path without its extension.
    public static func figureName(_ path: String) -> String {
        isFigureSpec(path) ? String(path.dropLast(figureSpecSuffix.count)) : PathName.deletingExtension(path)
    }
}
