import Foundation
import PNG

/// Writes a report folder's text files: `manifest.json`, `timings.json`, `index.md`,
/// `index.html` and, after a comparison, `comparison.json`; each atomically.
enum ReportOutput {
    static func write(manifest: ReportManifest, timings: ReportTimings, comparison: ComparisonReport?, links: ReportLinks = .relative, to folder: String) throws {
        try save(manifest.json(), folder + "/manifest.json")
        try save(timings.json(), folder + "/timings.json")
        try save(Array(ReportIndex.markdown(manifest, comparison: comparison, links: links).utf8), folder + "/index.md")
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
