import FoundationEssentials
import Glibc
import Table

/// The files an earlier run of a report wrote into the same folder that this run did not write:
/// a figure taken out of the spec, a format dropped from its `"formats"`, a renamed figure.
///
/// The earlier run's `manifest.json` says what it wrote (`output` and `also` of each figure);
/// what it lists and the new manifest does not is removed, so the folder holds exactly what its
/// index links (a CI artifact of stale images would pass for current ones). Only the report's
/// own names are touched: a plain relative name inside the folder (no `..`, no absolute path),
/// a regular file (never a link), a `.png`, `.svg` or `.pdf`. A manifest of another shard, an
/// unreadable or oversized one, removes nothing (each shard writes its own folder).
enum ReportStaleOutputs {
    /// A manifest larger than this is not read back (a real one is about 300 bytes a figure).
    static let manifestLimit = 64 << 20

    /// The manifest an earlier run left in `folder`, or nil.
    static func previous(in folder: String) -> ReportManifest? {
        let path = folder + "/manifest.json"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int, size <= manifestLimit,
              case .success(let data) = FileBytes.readWhole(path) else { return nil }
        return try? ReportManifest.parse(bytes: Array(data), source: path)
    }

    /// Removes from `folder` what `previous` lists and `current` does not; returns the names removed.
    @discardableResult
    static func remove(previous: ReportManifest?, current: ReportManifest, folder: String) -> [String] {
        guard let previous, previous.shard == current.shard else { return [] }
        let kept = Set(current.figures.flatMap { [$0.output] + $0.also })
        var removed: [String] = []
        for name in previous.figures.flatMap({ [$0.output] + $0.also }) where !kept.contains(name) && isOwnName(name) {
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, unlink(path) == 0 else { continue }
            removed.append(name)
        }
        return removed
    }

    /// A figure file name a report writes: relative, inside the folder, ending in a figure format.
    static func isOwnName(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return false }
        return [".png", ".svg", ".pdf"].contains { name.lowercased().hasSuffix($0) }
    }
}
