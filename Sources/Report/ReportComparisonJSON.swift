import JSON
import Table

/// `comparison.json`: the comparison's entries, sorted by figure, keys sorted.
enum ReportComparisonJSON {
    static func encode(_ report: ComparisonReport) -> [UInt8] {
        typealias J = ReportJSONText
        let entries: [JSONValue] = report.entries.map { e in
            J.object(["figure": .string(e.figure), "status": .string(e.status.rawValue), "differingPixels": J.number(e.differingPixels),
                      "maxChannelDifference": J.number(e.maxChannelDifference), "diffImage": J.string(e.diffImage)])
        }
        return J.encode(J.object(["hasDifferences": .bool(report.hasDifferences), "figures": .array(entries)]))
    }
}
