import Foundation
import PNG

/// Writes a report folder's text files: `manifest.json`, `timings.json`, `index.md`,
/// `index.html` and, after a comparison, `comparison.json`; each atomically.
enum ReportOutput {
    static func write(manifest: ReportManifest, timings: ReportTimings, comparison: ComparisonReport?, to folder: String) throws {
        try save(manifest.json(), folder + "/manifest.json")
        try save(timings.json(), folder + "/timings.json")
        try save(Array(ReportIndex.markdown(manifest, comparison: comparison).utf8), folder + "/index.md")
        try save(Array(ReportHTML.page(manifest, comparison: comparison).utf8), folder + "/index.html")
        let comparisonPath = folder + "/comparison.json"
        if let comparison {
            try save(ReportComparisonJSON.encode(comparison), comparisonPath)
        } else {
            try? FileManager.default.removeItem(atPath: comparisonPath)  // not a stale one from an earlier run
        }
    }

    private static func save(_ bytes: [UInt8], _ path: String) throws {
        do { try AtomicFile.write(bytes, to: path) } catch {
            throw ReportOutputError(path: path, reason: "\(error)")
        }
    }
}

/// A report file that could not be written.
public struct ReportOutputError: Error, CustomStringConvertible, Sendable {
    /// The file or folder.
    public var path: String
    /// Why.
    public var reason: String
    /// `cannot write PATH: reason`.
    public var description: String { "\(path): \(reason)" }
}

/// `comparison.json`: the comparison's entries, sorted by figure, keys sorted.
enum ReportComparisonJSON {
    static func encode(_ report: ComparisonReport) -> [UInt8] {
        let entries: [[String: Any]] = report.entries.map { e in
            ["figure": e.figure, "status": e.status.rawValue, "differingPixels": e.differingPixels,
             "maxChannelDifference": e.maxChannelDifference, "diffImage": e.diffImage ?? NSNull()]
        }
        return ReportJSONText.encode(["hasDifferences": report.hasDifferences, "figures": entries] as [String: Any])
    }
}
