import Foundation

/// Whole-file reads that report failures as `DataError`.
enum FileBytes {
    /// The file's bytes (no copy beyond Foundation's read).
    static func read(path: String) throws(DataError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw DataError(.unreadable(reason), at: DataLocation(source: path))
        }
    }
}
