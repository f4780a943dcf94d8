import Table

/// The inputs under a folder as `plotline watch` finds them: the public listing that a report of
/// a folder (and anything else outside the watcher) uses instead of the watcher's internals.
///
/// The listing is the watcher's own (`FolderWatcher.files(under:)`: regular files, hidden ones
/// and links left out, names that are not UTF-8 reported), and what each file is comes from
/// Table's one rule (`FolderInput.kind(of:)`), so `watch` and `report` cannot disagree on what a
/// folder holds.
public enum FolderInputs {
    /// Every input file under `root` with its kind, as absolute paths in sorted order; files that
    /// are no input (sidecars, images, unknown kinds) are left out. Non-UTF-8 names go to `report`.
    public static func files(under root: String, report: (String) -> Void = { _ in }) -> [(path: String, kind: FolderInput)] {
        FolderWatcher.files(under: root, report: report).compactMap { path in
            FolderInput.kind(of: path).map { (path, $0) }
        }
    }
}
