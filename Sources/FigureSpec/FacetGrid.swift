import Chart
import FoundationEssentials
import Table

/// Small multiples (`facet` / `--facet COL`): one panel per value of a column, in a grid, as
/// Vega-Lite's `facet` channel and seaborn's `FacetGrid(col=…, col_wrap=…)`.
///
/// The rules, decided here once for default figures and figure specs alike: values in
/// `GroupSplit` order (first appearance for text, ascending for numbers), at most
/// `maximumPanels` of them (more is an error naming the column and its count); a grid
/// ⌈√n⌉ columns wide; every panel titled with its value; x and y limits shared by all panels
/// with tick labels on the outer ones only (`Figure.sharedGrid`); one legend, on the first
/// panel, since every panel has the same series in the same colours; and for scatters
/// coloured by value, one colour scale over all panels, shown by one colour bar right of the
/// grid (the renderer's `SharedColorbar`).
public enum FacetGrid {
    /// The most panels a facet grid draws: past a 6 × 6 grid the panels are too small to read.
    public static let maximumPanels = 36

    /// The rows of `table` split by the values of `column`, one facet per value.
    ///
    /// - Throws: `DataError` for a column that does not exist, and for one with more than
    ///   `maximumPanels` distinct values.
    public static func split(_ table: DataTable, by column: String) throws(DataError) -> GroupSplit {
        let location = DataLocation(source: table.source, line: nil, keyPath: nil)
        let split: GroupSplit
        do {
            split = try GroupSplit.make(table, by: column)
        } catch {
            if case .tooManyGroups(let found, _) = error.kind { throw tooMany(column, location, found: found, atLeast: true) }
            throw error
        }
        if split.levels.count > maximumPanels { throw tooMany(column, location, found: split.levels.count, atLeast: false) }
        return split
    }

    /// The grid's column count for `n` panels: ⌈√n⌉.
    public static func columns(for n: Int) -> Int {
        guard n > 1 else { return 1 }
        return Int(Double(n).squareRoot().rounded(.up))
    }

    /// The faceted figure: `panels` (one per value of `split`, in order) titled with their
    /// values, one legend (on the first panel), shared axes, in a ⌈√n⌉-column grid.
    public static func figure(_ panels: [Panel], split: GroupSplit, like template: Figure) -> Figure {
        var titled = panels
        for i in titled.indices {
            titled[i].title = i < split.levels.count ? split.levels[i] : nil
            if i > 0 { titled[i].legend = .none }
        }
        // Scatters coloured by value: one colour scale for the grid, from every panel's values.
        var lo = Double.infinity, hi = -Double.infinity
        for p in titled { for s in p.series { for v in s.colorValues where v.isFinite { lo = min(lo, v); hi = max(hi, v) } } }
        if lo <= hi {
            for i in titled.indices {
                for k in titled[i].series.indices where !titled[i].series[k].colorValues.isEmpty {
                    let s = titled[i].series[k]
                    guard s.colorMin == nil, s.colorMax == nil else { continue }
                    (titled[i].series[k].colorMin, titled[i].series[k].colorMax) = s.colorMap.autoLimits(low: lo, high: hi)
                }
            }
        }
        var figure = Figure(width: template.width, height: template.height, dpi: template.dpi, title: template.title,
                            panels: titled, columns: columns(for: titled.count), theme: template.theme)
        figure.sharedGrid = true
        return figure
    }

    private static func tooMany(_ column: String, _ location: DataLocation, found: Int, atLeast: Bool) -> DataError {
        DataError(.tooLarge("\(atLeast ? "more than \(GroupSplit.maximumGroups)" : "\(found)") values to facet by, more than the "
                            + "\(maximumPanels) panels a facet grid draws (choose a column with fewer values, or split by it with `by`)"),
                  at: location, column: column)
    }
}
