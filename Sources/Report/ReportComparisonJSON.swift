import Foundation

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
