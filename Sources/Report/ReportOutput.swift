import FoundationEssentials
import PNG

/// Writes a report folder's text files: `manifest.json`, `timings.json`, `index.md`,
/// `index.html` and, after a comparison, `comparison.json`; each atomically (and fsynced when
/// `durable`).
enum ReportOutput {
    static func write(manifest: ReportManifest, timings: ReportTimings, comparison: ComparisonReport?, links: ReportLinks = .relative,
                      durable: Bool = false, to folder: String) throws {
        try save(manifest.json(), folder + "/manifest.json", durable)
        try save(timings.json(), folder + "/timings.json", durable)
        try save(Array(ReportIndex.markdown(manifest, comparison: comparison, links: links).utf8), folder + "/index.md", durable)
        try save(Array(ReportHTML.page(manifest, comparison: comparison).utf8), folder + "/index.html", durable)
        let comparisonPath = folder + "/comparison.json"
        if let comparison {
            try save(ReportComparisonJSON.encode(comparison), comparisonPath, durable)
        } else {
            try? FileManager.default.removeItem(atPath: comparisonPath)  // not a stale one from an earlier run
        }
    }

    private static func save(_ bytes: [UInt8], _ path: String, _ durable: Bool) throws {
        do { try AtomicFile.write(bytes, to: path, durable: durable) } catch {
            throw ReportOutputError(path: path, reason: "\(error)")
        }
    }
}
