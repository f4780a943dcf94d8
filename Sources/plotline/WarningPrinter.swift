import FoundationEssentials
import Table
import Platform

/// Prints the data warnings of the tables a command read to standard error: the first
/// `limit`, then how many more there were, so no dropped value goes unmentioned.
enum WarningPrinter {
    /// Prints the warnings of `tables`, in table order; returns how many there were.
    @discardableResult
    static func print(_ tables: [DataTable], limit: Int = 20) -> Int {
        var total = 0
        var lines: [String] = []
        for table in tables {
            let (first, count) = table.warnings(limit: limit)
            total += count
            lines += first.prefix(max(0, limit - lines.count)).map(\.description)
        }
        guard total > 0 else { return 0 }
        if total > lines.count { lines.append("warning: \(total - lines.count) more values that are not numbers (drawn as missing values)") }
        StandardStream.error.write(lines.map { $0 + "\n" }.joined())
        return total
    }
}
