import FoundationEssentials
import Table

/// The rows of a table split into groups by the values of one column (`--by`, the spec's `by`):
/// one series per group, as Vega-Lite's `color` channel on a nominal field or pandas' `groupby`.
///
/// Groups are the column's levels in order of first appearance for text columns (the order a
/// reader sees in the file, as seaborn's `hue` does) and in ascending order for numbers and
/// times. A missing value is in no group. The number of groups is capped
/// (`GroupSplit.maximumGroups`): past it, a legend and a colour per group stop meaning anything,
/// and the cap is an error naming the column and its count, never a silently truncated figure.
public struct GroupSplit: Sendable, Equatable {
    /// The most groups one split may have.
    public static let maximumGroups = 60

    /// The column split by.
    public let column: String
    /// The group of each row (`-1`: missing, in no group).
    public let codes: [Int32]
    /// The groups' labels, in group order.
    public let levels: [String]

    /// Creates a split from codes and labels.
    public init(column: String, codes: [Int32], levels: [String]) {
        self.column = column; self.codes = codes; self.levels = levels
    }

    /// The split of `table` by `name`.
    ///
    /// - Throws: `DataError` when there is no such column or it has more than `maximumGroups`
    ///   distinct values.
    public static func make(_ table: DataTable, by name: String) throws(DataError) -> GroupSplit {
        let location = DataLocation(source: table.source, line: nil, keyPath: nil)
        guard let col = table.column(named: name) else {
            throw DataError(.noSuchColumn(available: table.columnNames), at: location, column: name)
        }
        let split: GroupSplit
        switch col.storage {
        case .category(let codes, let levels):
            // Levels in order of first appearance among the rows that have a value.
            var order: [Int32: Int32] = [:]
            var labels: [String] = []
            var remapped = [Int32](repeating: -1, count: codes.count)
            for (i, c) in codes.enumerated() where c >= 0 {
                if let k = order[c] { remapped[i] = k; continue }
                let k = Int32(labels.count)
                order[c] = k
                labels.append(levels[Int(c)])
                remapped[i] = k
                if labels.count > maximumGroups { throw tooMany(name, location, atLeast: labels.count) }
            }
            split = GroupSplit(column: name, codes: remapped, levels: labels)
        case .number(let values), .time(let values, _):
            let distinct = Array(Set(values.filter(\.isFinite))).sorted()
            if distinct.count > maximumGroups { throw tooMany(name, location, atLeast: distinct.count) }
            let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, Int32($0.offset)) })
            let codes = values.map { $0.isFinite ? index[$0]! : -1 }
            let labels: [String]
            if case .time(_, let kind) = col.storage {
                labels = distinct.map { TimeParser.format($0, kind: kind) }
            } else {
                labels = distinct.map(Self.numberLabel)
            }
            split = GroupSplit(column: name, codes: codes, levels: labels)
        }
        return split
    }

    /// `values` with every row outside group `k` set to NaN (missing).
    public func values(_ values: [Double], inGroup k: Int) -> [Double] {
        let code = Int32(k)
        return zip(values, codes).map { $0.1 == code ? $0.0 : .nan }
    }

    /// A number as a group label: integers without a fraction, others in their shortest form.
    static func numberLabel(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    private static func tooMany(_ name: String, _ location: DataLocation, atLeast count: Int) -> DataError {
        DataError(.tooManyGroups(found: count, limit: maximumGroups), at: location, column: name)
    }
}
