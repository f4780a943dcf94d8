import RunLogs

/// Turns a run's `ScalarLog` (TensorBoard tags or MLflow metrics) into a `DataTable` that the
/// default figure reads like a training CSV.
///
/// Rows are the union of the steps of every tag, ascending; columns are `step`, `wall_time`
/// (the earliest wall time logged at the step, a time column), `relative_time` (seconds since the
/// run's first point, TensorBoard's "Relative" axis) and one column per tag in order of first
/// appearance, missing where a tag has no value at a step (the figure joins across the gaps, as
/// for Lightning's sparse CSVs). A tag logged twice at one step (a resumed run) keeps the value
/// read last, as the files are read in order.
public enum ScalarLogTable {
    /// The table of `log`, named `source` in messages.
    public static func make(_ log: ScalarLog, source: String) -> DataTable {
        let series = log.series.map(normalized)
        let steps = unionOfSteps(series.map(\.steps))
        let rows = steps.count
        var wall = [Double](repeating: .infinity, count: rows)
        var columns: [Column] = []
        for s in series {
            var values = [Double](repeating: .nan, count: rows)
            var row = 0
            for i in 0..<s.steps.count {
                while steps[row] < s.steps[i] { row += 1 }
                values[row] = s.values[i]
                wall[row] = min(wall[row], s.wallTimes[i])
            }
            columns.append(Column(name: s.tag, storage: .number(values)))
        }
        for i in wall.indices where wall[i] == .infinity { wall[i] = .nan }
        let start = wall.lazy.filter(\.isFinite).min() ?? 0
        let head = [
            Column(name: "step", storage: .number(steps.map(Double.init))),
            Column(name: "wall_time", storage: .time(wall, .dateTime)),
            Column(name: "relative_time", storage: .number(wall.map { $0 - start })),
        ]
        // A tag named like a head column would be shadowed by it: keep the tag's values.
        let taken = Set(columns.map(\.name))
        return DataTable(source: source, columns: head.filter { !taken.contains($0.name) } + columns, rowCount: rows)
    }

    /// The series with steps strictly increasing: sorted by step (stable) with the last of equal
    /// steps kept. Series already in order (the usual case) are returned as they are.
    static func normalized(_ s: ScalarLog.Series) -> ScalarLog.Series {
        if zip(s.steps, s.steps.dropFirst()).allSatisfy({ $0.0 < $0.1 }) { return s }
        let order = s.steps.indices.sorted { (s.steps[$0], $0) < (s.steps[$1], $1) }
        var out = ScalarLog.Series(tag: s.tag)
        for (k, i) in order.enumerated() {
            if k + 1 < order.count, s.steps[order[k + 1]] == s.steps[i] { continue }
            out.append(step: s.steps[i], wallTime: s.wallTimes[i], value: s.values[i])
        }
        return out
    }

    /// The sorted union of strictly increasing step lists.
    static func unionOfSteps(_ lists: [[Int64]]) -> [Int64] {
        guard let first = lists.first else { return [] }
        if lists.allSatisfy({ $0 == first }) { return first }
        var merged = first
        for list in lists.dropFirst() {
            var out: [Int64] = []
            out.reserveCapacity(merged.count + list.count)
            var i = 0, j = 0
            while i < merged.count || j < list.count {
                if j == list.count || (i < merged.count && merged[i] < list[j]) {
                    out.append(merged[i]); i += 1
                } else if i == merged.count || list[j] < merged[i] {
                    out.append(list[j]); j += 1
                } else {
                    out.append(merged[i]); i += 1; j += 1
                }
            }
            merged = out
        }
        return merged
    }
}
