import Chart
import FoundationEssentials
import JSON
import Platform
import Glibc
import Table

/// The figure `plotline render` draws for a table when it is given no spec: the figure a person
/// would draw by hand.
///
/// - x: a counter column (step, global_step, iteration, epoch) or a time column, else the first
///   column; counters and timestamps are axes, never metrics.
/// - A training log (metrics named like loss, acc, val_…) gets one panel per metric family:
///   `loss` with `val_loss` / `eval_loss`, `accuracy` with `val_accuracy`, the learning rate alone
///   on a log axis; throughput and runtime columns are left out. Train and validation of one
///   metric share a colour; validation is dashed.
/// - Panels of lines over one series axis (a training log's counter, any table's dates or
///   counter column) share it (`share.x`), stacked in one column up to three panels.
/// - Other tables: all numeric columns in one panel, unless they are different quantities: a unit
///   in the name (`(mm)`, `_ms`), a name family (`temp_max`, `temp_min`), a column of small counts
///   beside measurements, or magnitudes more than 20× apart each get their own panel
///   (`quantityGroups`: series in different units or orders of magnitude never share an axis).
/// - Groups: `by` (or, when not given, a long-format table's category column of 2–12 levels
///   with x repeating across them) splits every y into one series per group, a colour per group
///   kept across panels, one panel per y column; over a category x, one bar per group and
///   category (the mean). Lines are drawn in x order within a series.
/// - Rows where a series has no value are skipped, so sparse logs (PyTorch Lightning writes each
///   metric only on its own rows) draw joined lines, never dots.
///
/// Design: these rules decide a `FigureSpec` (`spec`), with every choice written out as a spec
/// key (columns, kinds, cycle colours `C<n>`, dashes, markers, scales, labels, smoothing,
/// `aggregate`, `categories`, `by`, legends, size, dpi, theme, data paths), and the one
/// `FigureSpec.figure(tables:)` path draws it, so `plotline render FILE --print-spec` prints
/// exactly what `plotline render FILE` draws and `--spec` draws it again byte for byte. The
/// rules only look at the data to decide (magnitudes, x order, point counts, a learning rate's
/// decades); every value drawn is computed by the spec path. `--color` (a scatter's `color`
/// encoding), `--palette` (`palette`) and `--band` on bars of category means (`band`) are spec
/// keys too, and `--facet` is the spec's `facet` key over the default panel (`facetDraft`).
/// `aggregated` (`--aggregate` / `--by param.NAME` across runs or rows, `SeriesAggregate`) is a
/// path of its own, which calls `make` on the plain figure.
public enum DefaultFigure {
    /// Counter columns in the order they are preferred as x.
    static let counters = ["step", "global_step", "iteration", "iter", "epoch", "batch", "time", "date", "timestamp",
                           "datetime", "wall_time", "walltime", "relative_time", "created", "created_at"]
    static let validationPrefixes = ["val_", "val/", "valid_", "validation_", "eval_", "eval/", "test_", "test/", "dev_"]
    static let trainPrefixes = ["train_", "train/", "training_"]
    static let throughputMarks = ["per_second", "per_sec", "runtime", "_time", "samples_per", "steps_per", "it_s", "throughput",
                                  "flos", "total_flos"]

    /// The series kinds a default figure draws from table columns (`--kind`); a pie needs a
    /// figure spec, which names its wedge labels. A heat map's cells: `heatmapColumns`.
    public static let kinds: [SeriesKind] = [.line, .scatter, .step, .area, .bar, .histogram, .box, .heatmap]

    /// The default figure for `table` under `options`: `spec(_:options:)` drawn.
    /// An aggregate of the table's rows (`aggregated`) is drawn by its own path, which calls
    /// this one on the plain figure.
    public static func make(_ table: DataTable, options: RenderOptions = RenderOptions()) throws(DataError) -> Figure {
        if options.aggregate != nil {
            return try aggregated(runs: [(name: table.source, table: table)], groups: nil, options: options)
        }
        return try make(runs: [(name: dataName, table: table)], options: options)
    }

    /// The name of the one data source of a single table's default spec.
    public static let dataName = "data"

    /// One panel of a default spec, with the number of legend entries its series make (a
    /// series split `by` makes one per group), which decides its legend.
    struct Draft {
        var panel: FigureSpec.Panel
        var named: [Int]
        /// A panel of lines over a series axis (a training log's step or epoch, a table's dates):
        /// the panels of one table share it, stacked in one column up to three.
        var training = false
    }

    /// The default figure of one table as spec panels whose series read data source `data`
    /// (nil: the spec's only source). Every choice is written out: columns, kinds, colours,
    /// dashes, markers, scales, labels, smoothing, category means and order, groups, legends.
    static func drafts(_ table: DataTable, data: String?, options: RenderOptions) throws(DataError) -> [Draft] {
        if drawsMatrix(table, options) { return [matrixDraft(data: data, options)] }
        if options.kind == .heatmap { return [try heatmapDraft(table, data: data, options: options)] }
        let loc = DataLocation(source: table.source, line: nil, keyPath: nil)
        let xName = try chooseX(table, options, loc)
        var xValues: [Double]
        var xScale: FigureSpec.Axis.Scale = options.logX ? .log : .linear
        var levels: [String] = []
        if let xName, let col = table.column(named: xName) {
            switch col.storage {
            case .category(let codes, let all):
                let limit = ResourceLimits.standard.categories
                guard all.count <= limit else {
                    throw DataError(.tooLarge("\(all.count) categories on the x axis, more than the limit of \(limit) "
                                              + "(\(ResourceLimits.reference))"), at: loc, column: xName)
                }
                xValues = codes.map { $0 < 0 ? .nan : Double($0) }
                xScale = .category
                levels = all
            case .time:
                xValues = try table.numbers(named: xName)
                xScale = .time
            case .number:
                xValues = try table.numbers(named: xName)
            }
        } else {
            xValues = (0..<table.rowCount).map(Double.init)
        }
        let isCategoryX = xScale == .category
        if options.y == nil, options.by == nil, options.color == nil, options.facet == nil, options.aggregate == nil,
           options.kind == nil || options.kind == .line, options.subplots == nil, !isCategoryX,
           let export = RunsExport.detect(table, xName: xName) {
            return runsExportDrafts(export, xName: xName, xScale: xScale, data: data, options: options)
        }
        let yNames = try chooseY(table, xName: xName, options, loc)
        var columns: [[Double]] = []
        for n in yNames { columns.append(try table.numbers(named: n)) }
        // Groups: the user's `by` column, else (not over categories) a long-format table's own
        // category column (stocks: symbol, date, price), also when x and y are named.
        var split: GroupSplit?
        if let by = options.by {
            split = try GroupSplit.make(table, by: by)
        } else if isCategoryX {
            split = nil
        } else if let kind = options.kind, ![.line, .scatter, .step, .area].contains(kind) {
            split = nil  // histograms and boxes of named columns split only when asked
        } else if options.color != nil {
            split = nil  // points coloured by a column: group colours would contradict the colour bar
        } else {
            split = splitColumn(table, xName: xName, yNames: yNames, xValues: xValues)
        }
        // Several rows per category (penguins by species): one bar per category, the mean (per
        // group with a split). Kinds that show every value (box, scatter) keep the rows.
        let averaged = isCategoryX && xValues.count > levels.count && options.kind != .box && options.kind != .scatter
        let groupCount = split?.levels.count ?? 1
        let seriesLimit = ResourceLimits.standard.defaultSeries
        if options.y == nil, yNames.count * groupCount > seriesLimit {
            throw DataError(.tooLarge("\(yNames.count * groupCount) series (\(yNames.count) numeric columns\(split.map { " × \($0.levels.count) groups" } ?? "")), "
                                      + "more than the limit of \(seriesLimit) a default figure draws (\(ResourceLimits.reference)); "
                                      + "choose columns with --y, or a heat map (--kind heatmap) of a matrix"), at: loc)
        }
        // The entries: one per y column and group (what the panels are made of), with the
        // values each draws, for the choices that depend on them.
        struct Entry { var column: Int; var group: Int?; var values: [Double] }
        var entries: [Entry] = []
        for (j, values) in columns.enumerated() {
            if let split {
                for g in split.levels.indices {
                    var v = split.values(values, inGroup: g)
                    if averaged { v = categoryMeans(codes: xValues, values: v, levels: levels.count) }
                    entries.append(Entry(column: j, group: g, values: v))
                }
            } else {
                entries.append(Entry(column: j, group: nil, values: averaged ? categoryMeans(codes: xValues, values: values, levels: levels.count) : values))
            }
        }
        let entryX = averaged ? (0..<levels.count).map(Double.init) : xValues
        // Series are named by group; by y and group only when several y columns share a panel.
        let alone = yNames.count == 1 || options.subplots != false
        func entryName(_ e: Entry) -> String {
            guard let g = e.group, let split else { return yNames[e.column] }
            return alone ? split.levels[g] : "\(yNames[e.column]) \(split.levels[g])"
        }

        let training = split == nil && yNames.contains(where: isTrainingMetric)
        let groups: [[Int]]
        if split != nil, options.subplots != false {
            // One panel per y column, each with every group.
            groups = yNames.indices.map { j in Array(j * groupCount..<(j + 1) * groupCount) }
        } else if options.subplots == true {
            groups = entries.indices.map { [$0] }
        } else if options.subplots == false {
            groups = entries.isEmpty ? [] : [Array(entries.indices)]
        } else if training {
            groups = familyGroups(entries.map(entryName))
        } else {
            groups = quantityGroups(names: entries.map(entryName), columns: entries.map(\.values))
        }
        // One row of a JSON document (Hugging Face's all_results.json, a final metrics record):
        // nothing to draw a line through, so bars side by side at the row's x, labelled as a
        // category. Not a CSV or JSON Lines log with one row so far: `watch` would switch its
        // figure from bars to lines when the second row arrives.
        let oneRow = table.rowCount == 1 && options.kind == nil && options.color == nil && !isCategoryX
            && FileKind.named(table.source) == .json
        let defaultKind: SeriesKind = options.kind ?? (options.color != nil ? .scatter : isCategoryX || oneRow ? .bar : .line)
        // Bars of category means carry error bars: `band` (default ± 1 std), checked here.
        let meansBand = averaged ? try Self.meansBand(options, loc) : nil
        if options.band != nil && !averaged {
            throw DataError(.nothingToDraw("--band is the spread around a drawn statistic: give --aggregate mean|median "
                                           + "(or draw bars of category means)"), at: loc)
        }
        if let color = options.color { _ = try table.numbers(named: color) }  // a numeric column, or its error
        let smoothing = options.smooth.flatMap { $0 > 0 && $0 < 1 ? $0 : nil }
        var drafts: [Draft] = []
        var colourIndex = 0
        // A metric family shares one colour where a dash or marker tells its members apart
        // (lines); bars, histograms and boxes of one family get a colour each.
        let familyColour = training && options.subplots == nil && [.line, .step, .area].contains(defaultKind)
        for group in groups {
            var series: [FigureSpec.Series] = []
            var named: [Int] = []
            var drawnY: [[Double]] = []  // the y values drawn, for the learning rate's log axis
            let names = group.map { entryName(entries[$0]) }
            let family = training && !names.isEmpty ? base(names[0]) : nil
            // The names first, not `family == … || group.contains { … entryName … }`: with the
            // local function captured in the autoclosure, release builds (Swift 6.3.1) retained a
            // context that the short-circuit had not made, and crashed on every `lr` column.
            let lr = family == "learning rate" || names.contains(where: isLearningRate)
            // Entries of one y column split by group are one spec series with `by`.
            var k = 0
            while k < group.count {
                let first = entries[group[k]]
                var members = [group[k]]
                if split != nil {
                    while k + members.count < group.count, entries[group[k + members.count]].column == first.column {
                        members.append(group[k + members.count])
                    }
                }
                defer { k += members.count }
                let name = entryName(first)
                // A group keeps its colour in every panel; a metric family shares one.
                let slot = familyColour ? colourIndex : colourIndex + k
                let dashed = training && isValidation(name)
                var kinds: [SeriesKind] = [], points: [Int] = []
                for i in members {
                    var (sx, sy) = joined(entryX, entries[i].values)
                    // Unordered x (iris: one measurement against another) is a scatter, not a scribble.
                    let sorted = zip(sx, sx.dropFirst()).allSatisfy { $0.0 <= $0.1 }
                    let kind = options.kind == nil && defaultKind == .line && !sorted ? SeriesKind.scatter : defaultKind
                    if lr {
                        if !sorted && (kind == .line || kind == .step || kind == .area) { (sx, sy) = xOrdered(sx, sy) }
                        drawnY.append(sy)
                    }
                    kinds.append(kind); points.append(sy.count)
                }
                // One kind for all groups of a column: a scatter when any group's x is unordered.
                let kind = kinds.contains(.scatter) ? SeriesKind.scatter : defaultKind
                var item = FigureSpec.Series(y: yNames[first.column])
                item.data = data
                item.x = xName
                item.kind = kind
                if let split {
                    item.by = split.column
                    item.label = alone ? nil : yNames[first.column]
                } else {
                    item.color = .cycle(slot)
                    // Past the colour cycle (10 colours), each further round of colours gets a
                    // dash pattern of its own, so series 1 and 11 are still told apart.
                    let dash = dashed ? Chart.Series.dashed : (training ? nil : dashForRound(slot / options.theme.cycle.count))
                    if kind == .line || kind == .step || kind == .area { item.dash = dash }
                }
                if averaged {
                    item.aggregate = .mean
                    item.band = options.band
                }
                if let color = options.color, kind == .scatter {
                    // Colour by a column: each drawn row's value through the colour map.
                    item.colorBy = FigureSpec.ColorEncoding(field: color, scheme: options.colorMap)
                }
                // Smoothing is for noisy per-step curves: not a learning-rate schedule, and not a
                // curve of a few points (an eval every epoch), which it would only shift.
                if let weight = smoothing, kind == .line, points.contains(where: { $0 >= minimumSmoothedPoints }),
                   base(name) != "learning rate", !isLearningRate(name) {
                    item.smooth = weight
                    if lr { drawnY += members.map { EMASmoother(weight: weight).smooth(joined(entryX, entries[$0].values).1) } }
                }
                // Overlaid histograms see through each other (one would hide the next).
                if kind == .histogram {
                    if group.count > 1 { item.alpha = 0.5 }
                    if options.bins != .auto { item.bins = options.bins }
                }
                if training, kind == .line, isEpochAggregate(name), group.count > 1 {
                    // Lightning's `_epoch` twin of a `_step` metric: same colour, told apart by markers.
                    item.marker = .circle
                }
                series.append(item)
                named.append(split.map { _ in members.count } ?? 1)
            }
            colourIndex += familyColour ? 1 : group.count
            var panel = FigureSpec.Panel(series: series)
            panel.grid = true
            panel.legend = named.reduce(0, +) >= 2 ? .best : LegendPlacement.none
            // Grouped bars (and boxes over categories): side by side within the category slot.
            if group.count > 1 && (defaultKind == .bar || (defaultKind == .box && isCategoryX)) { panel.group = 0.8 }
            let yScale: FigureSpec.Axis.Scale = options.logY || (lr && prefersLogAxis(drawnY.flatMap { $0 })) ? .log : .linear
            let totalNamed = named.reduce(0, +)
            // Several columns of one quantity: its unit or name family ("(mm)", "temp").
            let quantity = training ? nil : quantityLabel(group.map { entryName(entries[$0]) })
            var yLabel = totalNamed == 1 ? entryName(entries[group[0]]) : family ?? quantity?.text
            if split != nil, options.subplots != false, let first = group.first {
                yLabel = yNames[entries[first].column]  // a panel of one y column's groups
            }
            if averaged, let meansBand {
                // Bars of category means say so, and what their error bars are.
                if totalNamed == 1 || split != nil, let label = yLabel {
                    yLabel = "mean of " + label + meansBandLabel(meansBand)
                } else {
                    yLabel = "mean" + (quantity?.unit.map { " in " + $0 } ?? "") + meansBandLabel(meansBand)
                }
            }
            var xLabel = xName ?? (oneRow ? "" : "row")
            var panelXScale = oneRow ? .category : xScale
            if defaultKind == .histogram {
                // A histogram's x is the binned values (not the table's x column), its y the counts.
                // Named after the values' column when the panel bins one (also split by groups).
                let binned = Set(group.map { entries[$0].column })
                xLabel = binned.count == 1 ? yNames[entries[group[0]].column] : ""
                yLabel = "count"
                panelXScale = options.logX ? .log : .linear
                for i in series.indices { series[i].x = nil }
                panel.series = series
            }
            if let label = options.xLabel { xLabel = label }
            if let label = options.yLabel { yLabel = label }
            panel.x = FigureSpec.Axis(label: xLabel, scale: panelXScale)
            if panelXScale == .category, !levels.isEmpty { panel.x.categories = levels }
            panel.y = FigureSpec.Axis(label: yLabel ?? "", scale: yScale)
            if options.robustY { panel.y.robust = true }
            // Lines over a training log's counter, or over any table's time axis or counter
            // column, are one series axis: the panels of one table share it.
            let seriesAxis = training || xScale == .time || xName.map(isCounter) == true
            drafts.append(Draft(panel: panel, named: named, training: seriesAxis && defaultKind == .line))
        }
        if options.yLabel == nil, drafts.count == 1, yNames == ["Value"], let tag = tensorBoardExportTag(table) {
            drafts[0].panel.y.label = tag  // TensorBoard's CSV of one scalar: its tag says what Value is
        }
        if drafts.isEmpty {
            var panel = FigureSpec.Panel(x: FigureSpec.Axis(label: xName ?? "row", scale: xScale), series: [])
            if xScale == .category { panel.x.categories = levels }
            drafts = [Draft(panel: panel, named: [])]
        }
        return drafts
    }

    /// The x column: the user's, else a counter, a time column, or the first column when it is
    /// not a plain metric; nil means the row number.
    static func chooseX(_ t: DataTable, _ o: RenderOptions, _ loc: DataLocation) throws(DataError) -> String? {
        if let x = o.x {
            guard t.column(named: x) != nil else { throw DataError(.noSuchColumn(available: t.columnNames), at: loc, column: x) }
            return x
        }
        let lower = Dictionary(t.columnNames.map { (counterKey($0), $0) }, uniquingKeysWith: { a, _ in a })
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
        // A training metric first (Keras' history: loss, accuracy, val_loss, ...) is a y, drawn
        // over the row number (the epoch), as `plt.plot(history.history["loss"])` draws it.
        if case .number = first.storage, isTrainingMetric(first.name) { return nil }
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
        // InfluxDB's annotated CSV (Flux): one `_value` column, named by `_field` (the groups);
        // `table` and `result` are the query's bookkeeping, not measurements.
        if t.column(named: "_value") != nil, t.column(named: "_field") != nil, t.column(named: "_value")?.kind == .number {
            return ["_value"]
        }
        let numeric = t.columns.filter { c in
            guard case .number = c.storage, c.name != xName, c.name != o.by, c.name != o.facet, c.name != o.color else { return false }
            return c.missingCount < c.count && !isCounter(c.name) && !isRowIndex(c, in: t)
        }.map(\.name)
        guard numeric.contains(where: isTrainingMetric) else { return numeric }
        return numeric.filter { n in !throughputMarks.contains { n.lowercased().contains($0) } }
    }

    /// A column name as the counters list spells it: lower case, spaces and hyphens as
    /// underscores, without leading underscores (TensorBoard's CSV export writes `Wall time`,
    /// W&B's `Step` and `_step`, InfluxDB's `_time`).
    static func counterKey(_ name: String) -> String {
        String(name.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }.drop { $0 == "_" })
    }

    /// Whether `name` is a counter or time axis (`counters`), never a metric.
    static func isCounter(_ name: String) -> Bool { counters.contains(counterKey(name)) }

    /// Whether `column` is a written-out row index (pandas' `to_csv` writes its index as a first
    /// column with an empty header, read as `col1`, or as `Unnamed: 0` / `index`): the numbers
    /// 0, 1, 2, … (or 1, 2, 3, …) in order. It is the row number, not a measurement, so it is
    /// never drawn as a y series (it stays a candidate x, as pandas' `plot()` uses the index).
    static func isRowIndex(_ column: Column, in table: DataTable) -> Bool {
        guard table.columns.first?.name == column.name,
              ["col1", "unnamed: 0", "index", "unnamed:0"].contains(column.name.lowercased()),
              column.missingCount == 0, let values = try? table.numbers(named: column.name),
              let first = values.first, first == 0 || first == 1 else { return false }
        for (i, v) in values.enumerated() where v != first + Double(i) { return false }
        return true
    }

    /// The scalar's tag of a TensorBoard CSV or JSON export (`Wall time,Step,Value`, saved by
    /// the dashboard as `run-RUN-tag-TAG.csv` / `.json`), or nil for any other table.
    static func tensorBoardExportTag(_ table: DataTable) -> String? {
        guard table.columnNames.map(counterKey) == ["wall_time", "step", "value"] else { return nil }
        let file = table.source.split(separator: "/").last.map(String.init) ?? table.source
        let suffix = [".csv", ".json"].first { file.lowercased().hasSuffix($0) }
        guard let suffix, let tagStart = file.lastRange(of: "-tag-") else { return nil }
        let tag = String(file[tagStart.upperBound...].dropLast(suffix.count))
        return tag.isEmpty ? nil : tag
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

    /// The rows where x has a value and y a value or an explicit NaN: missing cells are
    /// skipped so their neighbours join, an explicit NaN stays and breaks the line (the spec
    /// path keeps the same rows).
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
    /// One table of a default figure: its run name (legends), the path a spec reads it from,
    /// and its values.
    public typealias Input = (name: String, path: String, table: DataTable)

    /// The default figure of `inputs` as a figure spec, every choice written out: what
    /// `plotline render FILE --print-spec` prints and what `make` draws.
    ///
    /// One input is the spec's one data source, named `data`; several are runs of one
    /// experiment overlaid, as TensorBoard's run comparison: each run's default panels merged
    /// by their axis labels, one colour per run (`C0`, `C1`, ...), dashes per metric, each a
    /// data source named after its run. `read` is how the tables were read (the data sources'
    /// options); `source` names the spec in messages and `directory` resolves its paths.
    public static func spec(_ inputs: [Input], options: RenderOptions = RenderOptions(), read: CSVOptions = CSVOptions(),
                            source: String = "<default figure>",
                            directory: String = FileManager.default.currentDirectoryPath) throws(DataError) -> FigureSpec {
        var names: [String] = []
        for input in inputs {
            // Data source names are unique: a repeated run name gets its position.
            var name = inputs.count == 1 ? dataName : input.name
            if names.contains(name) { name += " (\(names.count + 1))" }
            names.append(name)
        }
        let data = zip(names, inputs).map { name, input in
            let resolved = URL(fileURLWithPath: input.path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
                .standardizedFileURL.path
            return FigureSpec.DataSource(name: name, path: input.path, resolvedPath: resolved, options: read)
        }
        var drafts: [Draft] = []
        if let facet = options.facet {
            guard inputs.count == 1 else {
                throw DataError(.nothingToDraw("--facet lays out the panels of one table; give one data file, not \(inputs.count)"),
                                at: DataLocation(source: inputs.map(\.table.source).joined(separator: ", ")))
            }
            drafts = [try facetDraft(inputs[0].table, by: facet, data: nil, options: options)]
        } else if inputs.count == 1 {
            drafts = try Self.drafts(inputs[0].table, data: nil, options: options)
        } else {
            var keyOf: [String: Int] = [:]
            for (r, (name, input)) in zip(names, inputs).enumerated() {
                for draft in try Self.drafts(input.table, data: name, options: options) {
                    let p = draft.panel
                    let key = (p.y.label ?? "") + "|" + (p.x.label ?? "")
                    var series = p.series.map { s -> FigureSpec.Series in
                        var t = s
                        t.color = .cycle(r)
                        let named = s.label ?? (s.by == nil ? s.y ?? s.x : nil)
                        t.label = named.map { "\(input.name): \($0)" } ?? "\(input.name):"
                        return t
                    }
                    if draft.named.reduce(0, +) == 1, let i = series.firstIndex(where: { $0.by == nil }) {
                        series[i].label = input.name
                    }
                    if let k = keyOf[key] {
                        drafts[k].panel.series += series
                        drafts[k].named += draft.named
                    } else {
                        keyOf[key] = drafts.count
                        var q = draft
                        q.panel.series = series
                        drafts.append(q)
                    }
                }
            }
            for i in drafts.indices {
                drafts[i].panel.legend = drafts[i].named.reduce(0, +) >= 2 ? .best : LegendPlacement.none
            }
        }
        // `--legend` moves the legends the panels draw (those of two entries or more).
        if let placement = options.legend {
            for i in drafts.indices where drafts[i].panel.legend == .best { drafts[i].panel.legend = placement }
        }
        // `--palette` replaced the theme's colour cycle: the spec's `palette` key says which.
        let dark = options.theme.background == Theme.dark.background
        let themeCycle = (dark ? Theme.dark : Theme.light).cycle
        var spec = FigureSpec(source: source, directory: directory, title: options.title, width: options.width,
                              height: options.height, dpi: options.dpi, theme: dark ? .dark : .light,
                              data: data, panels: drafts.map(\.panel))
        if options.theme.cycle != themeCycle {
            guard let palette = Palette.allCases.first(where: { $0.colors == options.theme.cycle }) else {
                throw DataError(.nothingToDraw("the colour cycle is no palette a spec can name (\(Palette.allCases.map(\.rawValue)))"),
                                at: DataLocation(source: source))
            }
            spec.palette = palette
        }
        // Panels of lines over one series axis (a training log's counter, a table's dates) share
        // it (matplotlib's `sharex=True`, pandas' `plot(subplots=True)`), stacked in one column
        // up to three panels (loss, accuracy, learning rate), else in the grid whose last row
        // spreads.
        if drafts.count > 1 && drafts.allSatisfy(\.training) {
            spec.sharedX = true
            if drafts.count <= 3 { spec.columns = 1 }
        } else {
            spec.sharedX = nil
        }
        spec.facet = options.facet
        spec.rasterize = options.rasterize
        return spec
    }

    /// The figure a default spec of `tables` (keyed by data source name) draws.
    public static func figure(_ spec: FigureSpec, tables: [String: DataTable]) throws(DataError) -> Figure {
        do {
            return try spec.figure(tables: tables)
        } catch {
            // A default spec names only columns it found; what is left is a limit.
            let location = DataLocation(source: spec.data.map(\.path).joined(separator: ", "))
            if case .tooLarge(let what) = error.kind { throw DataError(.tooLarge(what), at: location) }
            throw DataError(.nothingToDraw("\(error)"), at: location)
        }
    }

    /// Several runs of one experiment overlaid (see `spec(_:options:)`), drawn.
    public static func make(runs: [(name: String, table: DataTable)], options: RenderOptions = RenderOptions()) throws(DataError) -> Figure {
        if options.aggregate != nil || paramName(options.by) != nil {
            return try make(runs: runs, params: [], options: options)
        }
        let spec = try spec(runs.map { (name: $0.name, path: $0.table.source, table: $0.table) }, options: options)
        let tables = Dictionary(zip(spec.data.map(\.name), runs.map(\.table)), uniquingKeysWith: { a, _ in a })
        return try figure(spec, tables: tables)
    }
}
