import Chart
import Foundation

/// The figure `plotline render` draws for a table when it is given no spec: the figure a person
/// would draw by hand.
///
/// - x: a counter column (step, global_step, iteration, epoch) or a time column, else the first
///   column; counters and timestamps are axes, never metrics.
/// - A training log (metrics named like loss, acc, val_…) gets one panel per metric family:
///   `loss` with `val_loss` / `eval_loss`, `accuracy` with `val_accuracy`, the learning rate alone
///   on a log axis; throughput and runtime columns are left out. Train and validation of one metric
///   share a colour; validation is dashed.
/// - Other tables: all numeric columns in one panel, unless their magnitudes differ by more than
///   a factor of 20, in which case each magnitude group gets its own panel (series that differ by
///   orders of magnitude never share a linear axis).
/// - Groups: `by` (or, when not given, a long-format table's category column of 2–12 levels
///   with x repeating across them) splits every y into one series per group, a colour per group
///   kept across panels, one panel per y column; over a category x, one bar per group and
///   category (the mean). Lines are drawn in x order within a series.
/// - Rows where a series has no value are skipped, so sparse logs (PyTorch Lightning writes each
///   metric only on its own rows) draw joined lines, never dots.
public enum DefaultFigure {
    /// Counter columns in the order they are preferred as x.
    static let counters = ["step", "global_step", "iteration", "iter", "epoch", "batch", "time", "date", "timestamp",
                           "datetime", "wall_time", "walltime", "relative_time", "created", "created_at"]
    static let validationPrefixes = ["val_", "val/", "valid_", "validation_", "eval_", "eval/", "test_", "test/", "dev_"]
    static let trainPrefixes = ["train_", "train/", "training_"]
    static let throughputMarks = ["per_second", "per_sec", "runtime", "_time", "samples_per", "steps_per", "it_s", "throughput",
                                  "flos", "total_flos"]

    /// The series kinds a default figure draws from table columns (`--kind`); a heat map or a
    /// pie needs a figure spec, which names its cells or wedge labels.
    public static let kinds: [SeriesKind] = [.line, .scatter, .step, .area, .bar, .histogram, .box]

    /// The default figure for `table` under `options`.
    public static func make(_ table: DataTable, options: RenderOptions = RenderOptions()) throws(DataError) -> Figure {
        if let facet = options.facet { return try faceted(table, by: facet, options: options) }
        if options.aggregate != nil {
            return try aggregated(runs: [(name: table.source, table: table)], groups: nil, options: options)
        }
        if drawsMatrix(table, options) { return try matrixFigure(table, options) }
        let loc = DataLocation(source: table.source, line: nil, keyPath: nil)
        let xName = try chooseX(table, options, loc)
        var xValues: [Double]
        var xScale: AxisScale = options.logX ? .log : .linear
        if let xName, let col = table.column(named: xName) {
            switch col.storage {
            case .category(let codes, let levels):
                let limit = ResourceLimits.standard.categories
                guard levels.count <= limit else {
                    throw DataError(.tooLarge("\(levels.count) categories on the x axis, more than the limit of \(limit) "
                                              + "(\(ResourceLimits.reference))"), at: loc, column: xName)
                }
                xValues = codes.map { $0 < 0 ? .nan : Double($0) }
                xScale = .category(levels)
            case .time:
                xValues = try table.numbers(named: xName)
                xScale = .time
            case .number:
                xValues = try table.numbers(named: xName)
            }
        } else {
            xValues = (0..<table.rowCount).map(Double.init)
        }
        let yNames = try chooseY(table, xName: xName, options, loc)
        var ys: [(name: String, values: [Double])] = []
        for n in yNames { ys.append((n, try table.numbers(named: n))) }
        // Groups: the user's `by` column, else (not over categories) a long-format table's own
        // category column (stocks: symbol, date, price), also when x and y are named.
        var split: GroupSplit?
        if let by = options.by {
            split = try GroupSplit.make(table, by: by)
        } else if case .category = xScale {
            split = nil
        } else if let kind = options.kind, ![.line, .scatter, .step, .area].contains(kind) {
            split = nil  // histograms and boxes of named columns split only when asked
        } else if options.color != nil {
            split = nil  // points coloured by a column: group colours would contradict the colour bar
        } else {
            split = splitColumn(table, xName: xName, yNames: yNames, xValues: xValues)
        }
        var averaged = false
        var spreads: [[Double]] = []  // with `averaged`: the error bar of each mean, per y
        if case .category(let levels) = xScale, xValues.count > levels.count,
           options.kind != .box && options.kind != .scatter {
            // Several rows per category (penguins by species): one bar per category, the mean
            // (per group with a split), with an error bar (± 1 std unless `band` says otherwise).
            // Kinds that show every value (box, scatter) keep the rows.
            let perGroup: [(name: String, values: [Double])]
            if let split {
                perGroup = ys.flatMap { y in split.levels.indices.map { k in (y.name, split.values(y.values, inGroup: k)) } }
            } else {
                perGroup = ys
            }
            ys = perGroup.map { ($0.name, categoryMeans(codes: xValues, values: $0.values, levels: levels.count)) }
            let band = try meansBand(options, DataLocation(source: table.source, line: nil, keyPath: nil))
            spreads = perGroup.map { categorySpread(codes: xValues, values: $0.values, levels: levels.count, band: band) }
            xValues = (0..<levels.count).map(Double.init)
            averaged = true
        } else if let split {
            ys = ys.flatMap { y in split.levels.indices.map { k in (y.name, split.values(y.values, inGroup: k)) } }
        }
        if let split {
            let n = split.levels.count
            // Series are named by group; by y and group only when several y columns share a panel.
            let alone = yNames.count == 1 || options.subplots != false
            ys = ys.enumerated().map { i, y in (alone ? split.levels[i % n] : "\(y.name) \(split.levels[i % n])", y.values) }
        }

        let training = split == nil && yNames.contains(where: isTrainingMetric)
        let groups: [[Int]]
        if let split, options.subplots != false {
            // One panel per y column, each with every group.
            let n = split.levels.count
            groups = yNames.indices.map { j in Array(j * n..<(j + 1) * n) }
        } else if options.subplots == true {
            groups = ys.indices.map { [$0] }
        } else if options.subplots == false {
            groups = ys.isEmpty ? [] : [Array(ys.indices)]
        } else if training {
            groups = familyGroups(ys.map(\.name))
        } else {
            groups = magnitudeGroups(ys.map(\.values))
        }
        let isCategoryX: Bool = { if case .category = xScale { return true } else { return false } }()
        let defaultKind: SeriesKind = options.kind ?? (options.color != nil ? .scatter : isCategoryX ? .bar : .line)
        let colorColumn = try options.color.map { name throws(DataError) in try table.numbers(named: name) }
        var panels: [Panel] = []
        var colourIndex = 0
        for group in groups {
            var series: [Series] = []
            let family = training && group.count > 0 ? base(ys[group[0]].name) : nil
            let familyColour = options.theme.color(colourIndex)
            for (k, i) in group.enumerated() {
                let (name, values) = ys[i]
                // A group keeps its colour in every panel; a metric family shares one.
                let slot = split.map { i % $0.levels.count } ?? (training && options.subplots == nil ? colourIndex : colourIndex + k)
                let colour = split == nil && training && options.subplots == nil ? familyColour : options.theme.color(slot)
                let dashed = training && isValidation(name)
                // Past the colour cycle (10 colours), each further round of colours gets a dash
                // pattern of its own, so series 1 and 11 are still told apart.
                let cycleDash = training ? nil : dashForRound(slot / options.theme.cycle.count)
                var (sx, sy) = joined(xValues, values)
                // Unordered x (iris: one measurement against another) is a scatter, not a scribble.
                let sorted = zip(sx, sx.dropFirst()).allSatisfy { $0.0 <= $0.1 }
                let kind = options.kind == nil && defaultKind == .line && !sorted ? SeriesKind.scatter : defaultKind
                if !sorted && (kind == .line || kind == .step || kind == .area) {
                    // A line never draws back to an earlier x: points in x order (stable).
                    (sx, sy) = xOrdered(sx, sy)
                }
                if kind == .bar && group.count > 1 {
                    // Grouped bars: each series shifted within its category slot.
                    let w = 0.8 / Double(group.count)
                    sx = sx.map { $0 - 0.4 + w * (Double(k) + 0.5) }
                    series.append(Series(name, kind: .bar, x: sx, y: sy, color: colour, barWidth: w,
                                         yError: averaged ? present(spreads[i], values) : nil))
                    continue
                }
                if kind == .box && group.count > 1 && isCategoryX {
                    // Grouped boxes, side by side within the category slot like grouped bars.
                    let w = 0.8 / Double(group.count)
                    sx = sx.map { $0 - 0.4 + w * (Double(k) + 0.5) }
                    series.append(Series(name, kind: .box, x: sx, y: sy, color: colour, barWidth: w * 0.8))
                    continue
                }
                // Smoothing is for noisy per-step curves: not a learning-rate schedule, and not a
                // curve of a few points (an eval every epoch), which it would only shift.
                if let weight = options.smooth, weight > 0, weight < 1, kind == .line,
                   sy.count >= minimumSmoothedPoints, base(name) != "learning rate" {
                    series.append(Series("", kind: .line, x: sx, y: sy, color: colour, dash: dashed ? Series.dashed : nil, alpha: 0.25))
                    sy = EMASmoother(weight: weight).smooth(sy)
                }
                // Overlaid histograms see through each other (one would hide the next).
                let alpha = kind == .histogram && group.count > 1 ? 0.5 : 1
                var item = Series(name, kind: kind, x: sx, y: sy, color: colour, dash: dashed ? Series.dashed : cycleDash, alpha: alpha)
                if let colorColumn, let colorName = options.color, kind == .scatter {
                    // Colour by a column: the values of the rows `joined` kept, in their order.
                    item.colorByValue(joinedRows(xValues, values).map { colorColumn[$0] }, map: options.colorMap, label: colorName,
                                      group: split == nil ? nil : slot)
                }
                item.bins = options.bins
                if averaged, kind == .bar || kind == .line, spreads[i].contains(where: \.isFinite) {
                    item.yError = present(spreads[i], values)  // the means' rows that are drawn
                }
                if training, kind == .line, isEpochAggregate(name), group.count > 1 {
                    // Lightning's `_epoch` twin of a `_step` metric: same colour, told apart by markers.
                    item.marker = .circle
                }
                series.append(item)
            }
            colourIndex += training && options.subplots == nil ? 1 : group.count
            let lr = family == "learning rate" || group.contains { isLearningRate(ys[$0].name) }
            let yScale: AxisScale = options.logY || (lr && prefersLogAxis(series.flatMap(\.y))) ? .log : .linear
            let named = series.filter { !$0.name.isEmpty }
            var yLabel = named.count == 1 ? named[0].name : family
            if let split, options.subplots != false, let first = group.first {
                yLabel = yNames[first / split.levels.count]  // a panel of one y column's groups
            }
            if averaged, let label = yLabel {
                // Bars of category means say so, and what their error bars are.
                yLabel = "mean of " + label + meansBandLabel(try meansBand(options, DataLocation(source: table.source)))
            }
            var xLabel = xName ?? "row"
            var panelXScale = xScale
            if defaultKind == .histogram {
                // A histogram's x is the binned values (not the table's x column), its y the counts.
                xLabel = named.count == 1 ? named[0].name : ""
                yLabel = "count"
                panelXScale = options.logX ? .log : .linear
            }
            if let label = options.xLabel { xLabel = label }
            if let label = options.yLabel { yLabel = label }
            panels.append(Panel(x: AxisSpec(label: xLabel, scale: panelXScale),
                                y: AxisSpec(label: yLabel, scale: yScale, robust: options.robustY),
                                series: series, grid: true, legend: named.count >= 2 ? .best : .none))
        }
        if panels.isEmpty {
            panels = [Panel(x: AxisSpec(label: xName ?? "row", scale: xScale), y: AxisSpec(), series: [])]
        }
        if options.band != nil && !averaged {
            throw DataError(.nothingToDraw("--band is the spread around a drawn statistic: give --aggregate mean|median "
                                           + "(or draw bars of category means)"), at: loc)
        }
        return Figure(width: options.width, height: options.height, dpi: options.dpi, title: options.title,
                      panels: panels, theme: options.theme)
    }

    /// The x column: the user's, else a counter, a time column, or the first column when it is
    /// not a plain metric; nil means the row number.
    static func chooseX(_ t: DataTable, _ o: RenderOptions, _ loc: DataLocation) throws(DataError) -> String? {
        if let x = o.x {
            guard t.column(named: x) != nil else { throw DataError(.noSuchColumn(available: t.columnNames), at: loc, column: x) }
            return x
        }
        let lower = Dictionary(t.columnNames.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for c in counters {
            // A counter is a number or a time ("time" holding Lunch/Dinner is a category).
            if let name = lower[c], let col = t.column(named: name), col.missingCount < t.rowCount {
                if case .category = col.kind { continue }
                return name
            }
        }
        if let time = t.columns.first(where: { if case .time = $0.kind { return true } else { return false } }) { return time.name }
        guard let first = t.columns.first(where: { $0.name != o.facet }) else { return nil }
        if t.columns.count - (o.facet == nil ? 0 : 1) <= 1 { return nil }
        return first.name
    }

    /// The y columns: the user's, else every numeric column that is not x, a counter or (in a
    /// training log) a throughput or runtime figure.
    static func chooseY(_ t: DataTable, xName: String?, _ o: RenderOptions, _ loc: DataLocation) throws(DataError) -> [String] {
        if let ys = o.y {
            for y in ys where t.column(named: y) == nil {
                throw DataError(.noSuchColumn(available: t.columnNames), at: loc, column: y)
            }
            return ys
        }
        let numeric = t.columns.filter { c in
            guard case .number = c.storage, c.name != xName, c.name != o.by, c.name != o.facet, c.name != o.color else { return false }
            return c.missingCount < c.count && !counters.contains(c.name.lowercased())
        }.map(\.name)
        guard numeric.contains(where: isTrainingMetric) else { return numeric }
        return numeric.filter { n in !throughputMarks.contains { n.lowercased().contains($0) } }
    }

    static func isTrainingMetric(_ name: String) -> Bool {
        let n = name.lowercased()
        return n.contains("loss") || n.contains("acc") || validationPrefixes.contains { n.hasPrefix($0) }
            || trainPrefixes.contains { n.hasPrefix($0) } || isLearningRate(n)
    }

    static func isValidation(_ name: String) -> Bool {
        let n = name.lowercased()
        return validationPrefixes.contains { n.hasPrefix($0) }
    }

    static func isLearningRate(_ base: String) -> Bool {
        let n = base.lowercased()
        return n == "lr" || n == "learning_rate" || n.hasPrefix("lr-") || n.hasPrefix("lr_") || n.hasPrefix("lr/")
    }

    /// The dash pattern of the series in round `round` of the colour cycle: solid, then dashed,
    /// dotted and dash-dot (line kinds only draw it).
    static func dashForRound(_ round: Int) -> [Double]? {
        let patterns: [[Double]?] = [nil, Series.dashed, Series.dotted, Series.dashDot]
        return patterns[round % patterns.count]
    }

    /// Fewer points than this are drawn as they are under `--smooth`.
    static let minimumSmoothedPoints = 20

    /// Lightning's per-epoch aggregate of a per-step metric (`train_loss_epoch`).
    static func isEpochAggregate(_ name: String) -> Bool { name.lowercased().hasSuffix("_epoch") }

    /// Whether a learning-rate schedule reads better on a log axis: every value positive, more
    /// than a decade between the extremes, and at least a quarter of the points in the lower half
    /// of the log range. Exponential and step decay spend time in every decade (log: straight
    /// lines, even steps); a cosine or linear schedule spends nearly all of it near the top, and
    /// on a log axis its last tiny values become a cliff of several decades — linear there, as
    /// a schedule that reaches exactly 0 must be anyway.
    static func prefersLogAxis(_ values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty, finite.allSatisfy({ $0 > 0 }), let low = finite.min(), let high = finite.max(),
              high / low > 10 else { return false }
        let middle = (log10(low) + log10(high)) / 2
        let lowerHalf = finite.filter { log10($0) < middle }.count
        return lowerHalf * 4 >= finite.count
    }

    /// A metric's family name: without train/validation prefixes and Lightning's _step/_epoch.
    static func base(_ name: String) -> String {
        var n = name.lowercased()
        for p in validationPrefixes + trainPrefixes where n.hasPrefix(p) { n.removeFirst(p.count); break }
        for s in ["_epoch", "_step"] where n.hasSuffix(s) && n.count > s.count { n.removeLast(s.count); break }
        if n.hasPrefix("lr") && isLearningRate(n) { return "learning rate" }
        return n
    }

    /// Column indices grouped by family, families in order of first appearance.
    static func familyGroups(_ names: [String]) -> [[Int]] {
        var order: [String] = [], members: [String: [Int]] = [:]
        for (i, n) in names.enumerated() {
            let b = base(n)
            if members[b] == nil { order.append(b) }
            members[b, default: []].append(i)
        }
        // Loss first, the learning rate last, as a person lays out a training report.
        func rank(_ family: String) -> Int { family.contains("loss") ? 0 : (family == "learning rate" || isLearningRate(family) ? 2 : 1) }
        let ranked = order.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        return ranked.map { members[$0]! }
    }

    /// Column indices grouped so that no panel mixes magnitudes more than 20× apart.
    static func magnitudeGroups(_ columns: [[Double]]) -> [[Int]] {
        let mags = columns.map { c -> Double in
            let m = c.lazy.filter(\.isFinite).map(abs).max() ?? 0
            return m > 0 ? m : 1
        }
        let order = mags.indices.sorted { mags[$0] < mags[$1] }
        var groups: [[Int]] = []
        var start = 0.0
        for i in order {
            if groups.isEmpty || mags[i] / start > 20 { groups.append([i]); start = mags[i] } else { groups[groups.count - 1].append(i) }
        }
        // Keep the table's column order inside and across panels.
        return groups.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// The mean of `values` per category code (NaN codes and values skipped).
    static func categoryMeans(codes: [Double], values: [Double], levels: Int) -> [Double] {
        var sum = [Double](repeating: 0, count: levels), n = [Int](repeating: 0, count: levels)
        for (c, v) in zip(codes, values) where c.isFinite && v.isFinite {
            let k = Int(c)
            if k >= 0 && k < levels { sum[k] += v; n[k] += 1 }
        }
        return (0..<levels).map { n[$0] > 0 ? sum[$0] / Double(n[$0]) : .nan }
    }

    /// The category column that splits a long-format table into series: 2–12 levels, and x
    /// values repeating across its levels (each level is a series of its own over the same x).
    static func splitColumn(_ t: DataTable, xName: String?, yNames: [String], xValues: [Double]) -> GroupSplit? {
        // Strictly increasing x (the common case, and every huge log) has no repeats: done.
        if zip(xValues, xValues.dropFirst()).allSatisfy({ $0.0 < $0.1 }) { return nil }
        let finite = xValues.filter(\.isFinite)
        guard Set(finite).count < finite.count else { return nil }
        for c in t.columns where c.name != xName && !yNames.contains(c.name) {
            guard case .category(_, let levels) = c.storage, (2...12).contains(levels.count) else { continue }
            return try? GroupSplit.make(t, by: c.name)
        }
        return nil
    }

    /// The points sorted by x, keeping the order of equal x.
    static func xOrdered(_ x: [Double], _ y: [Double]) -> ([Double], [Double]) {
        let order = x.indices.sorted { (x[$0], $0) < (x[$1], $1) }
        return (order.map { x[$0] }, order.map { y[$0] })
    }

    /// The row indices `joined` keeps, in order.
    static func joinedRows(_ x: [Double], _ y: [Double]) -> [Int] {
        (0..<min(x.count, y.count)).filter { !x[$0].isNaN && !y[$0].isMissingValue }
    }

    /// The rows where x has a value and y a value or an explicit NaN: missing cells are
    /// skipped so their neighbours join, an explicit NaN stays and breaks the line.
    static func joined(_ x: [Double], _ y: [Double]) -> ([Double], [Double]) {
        // Nothing missing (the common case): share the arrays instead of copying them.
        if x.count == y.count, !x.contains(where: \.isNaN), !y.contains(where: \.isMissingValue) { return (x, y) }
        var ox: [Double] = [], oy: [Double] = []
        ox.reserveCapacity(min(x.count, y.count)); oy.reserveCapacity(min(x.count, y.count))
        for i in 0..<min(x.count, y.count) where !x[i].isNaN && !y[i].isMissingValue {
            ox.append(x[i]); oy.append(y[i])
        }
        return (ox, oy)
    }
}

extension DefaultFigure {
    /// Several runs of one experiment overlaid, as TensorBoard's run comparison: each run's
    /// default panels merged by metric family, one colour per run, dashes per metric.
    public static func make(runs: [(name: String, table: DataTable)], options: RenderOptions = RenderOptions()) throws(DataError) -> Figure {
        if options.aggregate != nil || paramName(options.by) != nil {
            return try make(runs: runs, params: [], options: options)
        }
        guard runs.count > 1 else { return try make(runs[0].table, options: options) }
        var merged: [Panel] = []
        var keyOf: [String: Int] = [:]
        for (r, run) in runs.enumerated() {
            var o = options
            o.smooth = options.smooth
            let fig = try make(run.table, options: o)
            let colour = options.theme.color(r)
            for p in fig.panels {
                let key = (p.y.label ?? "") + "|" + (p.x.label ?? "")
                var series = p.series.map { s -> Series in
                    var t = s
                    t.color = colour.withOpacity(s.alpha)
                    t.alpha = 1
                    if !s.name.isEmpty { t.name = "\(run.name): \(s.name)" }
                    return t
                }
                if series.filter({ !$0.name.isEmpty }).count == 1, let i = series.firstIndex(where: { !$0.name.isEmpty }) {
                    series[i].name = run.name
                }
                if let k = keyOf[key] {
                    merged[k].series += series
                } else {
                    keyOf[key] = merged.count
                    var q = p
                    q.series = series
                    merged.append(q)
                }
            }
        }
        for i in merged.indices {
            merged[i].legend = merged[i].series.filter { !$0.name.isEmpty }.count >= 2 ? .best : .none
        }
        return Figure(width: options.width, height: options.height, dpi: options.dpi, title: options.title,
                      panels: merged, theme: options.theme)
    }

    /// Names for files that tell them apart: the first path component that differs between them
    /// (`runs/a/metrics.csv`, `runs/b/metrics.csv` → `a`, `b`), else the file names.
    public static func runNames(_ paths: [String]) -> [String] {
        let parts = paths.map { ($0 as NSString).standardizingPath.split(separator: "/").map(String.init) }
        guard let longest = parts.map(\.count).max() else { return [] }
        for k in 0..<longest {
            let column = parts.map { k < $0.count ? $0[k] : "" }
            if Set(column).count > 1 {
                let names = column.map { ($0 as NSString).deletingPathExtension }
                if Set(names).count == names.count { return names }
            }
        }
        return paths.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
    }
}
