import Chart
import FoundationEssentials
import JSON
import Table

/// Runs (or groups) drawn as one line per metric with a band, not one line per run
/// (`--aggregate mean|median`, `--band std|minmax|ci95|none`).
///
/// Each run gets its default figure (smoothing applied per run, its faint raw curve left out);
/// panels are merged by metric family as in the overlay, and each named series is aggregated
/// over the runs that have it with `SeriesAggregate` (which owns the alignment rule: exact on
/// shared x values, else binned on a common grid). With one table, rows sharing an x value are
/// aggregated (seaborn's `lineplot`). `--by param.NAME` groups MLflow runs by a parameter: one
/// colour per value, the runs of a value aggregated (or, without `--aggregate`, overlaid in
/// their value's colour).
extension DefaultFigure {
    /// The flag of a default figure no spec key draws yet (`--aggregate` across runs or rows,
    /// `--by param.NAME`), drawn by `make(runs:params:options:)`; nil when its default spec
    /// (`spec`) draws it, as `render --print-spec` writes it.
    public static func speclessFlag(_ options: RenderOptions) -> String? {
        if options.aggregate != nil { return "--aggregate" }
        if let by = options.by, paramName(by) != nil { return "--by \(by)" }
        return nil
    }

    /// The MLflow parameter a `by` names (`param.lr` → `lr`), or nil for a column.
    static func paramName(_ by: String?) -> String? {
        guard let by, by.hasPrefix("param."), by.count > 6 else { return nil }
        return String(by.dropFirst(6))
    }

    /// Several runs with their MLflow parameters (`params[i]` belongs to `runs[i]`; empty for
    /// runs without any): aggregated under `options.aggregate` / `options.band`, grouped by a
    /// parameter under `by: param.NAME`, else overlaid.
    public static func make(runs: [(name: String, table: DataTable)], params: [[String: String]],
                            options: RenderOptions = RenderOptions()) throws(DataError) -> Figure {
        let grouping = try paramGroups(runs: runs, params: params, options: options)
        if options.aggregate != nil {
            return try aggregated(runs: runs, groups: grouping, options: options)
        }
        guard let grouping else { return try make(runs: runs, options: options) }
        // Overlaid, one colour per parameter value, the value first in every legend entry. The
        // runs are overlaid under numbered stand-in names (run names need not be unique), which
        // tell each series' run and are then replaced by the real names.
        var o = options
        o.by = nil
        let tagged = runs.indices.map { (name: tag($0), table: runs[$0].table) }
        var figure = try make(runs: tagged, options: o)
        for p in figure.panels.indices {
            let series = figure.panels[p].series
            for s in series.indices {
                guard let (run, rest) = untag(series[s].name) ?? series[s...].lazy.compactMap({ untag($0.name) }).first else { continue }
                let g = grouping.group[run]
                let opacity = Double(series[s].color?.a ?? 255) / 255
                figure.panels[p].series[s].color = options.theme.color(g).withOpacity(opacity)
                if !series[s].name.isEmpty { figure.panels[p].series[s].name = grouping.labels[g] + " " + runs[run].name + rest }
            }
            figure.panels[p].legend = figure.panels[p].series.contains { !$0.name.isEmpty } ? .best : .none
        }
        if let placement = options.legend { figure.placeLegends(placement) }
        return figure
    }

    /// The stand-in name of run `i` while runs are overlaid by parameter value.
    private static func tag(_ i: Int) -> String { "\u{1F}\(i)\u{1F}" }

    /// The run of a series named after a stand-in (`tag`), and the rest of its name (`: loss`).
    private static func untag(_ name: String) -> (Int, String)? {
        guard name.hasPrefix("\u{1F}") else { return nil }
        let body = name.dropFirst()
        guard let end = body.firstIndex(of: "\u{1F}"), let i = Int(body[..<end]) else { return nil }
        return (i, String(body[body.index(after: end)...]))
    }

    /// Runs grouped by the parameter `options.by` names (`param.NAME`): the group of each run
    /// and the groups' labels (`lr=0.1`), values in ascending order (numbers by value); nil
    /// when `by` names no parameter.
    static func paramGroups(runs: [(name: String, table: DataTable)], params: [[String: String]],
                            options: RenderOptions) throws(DataError) -> (group: [Int], labels: [String])? {
        guard let name = paramName(options.by) else { return nil }
        let values = runs.indices.map { $0 < params.count ? params[$0][name] : nil }
        guard values.contains(where: { $0 != nil }) else {
            let known = Set(params.flatMap(\.keys)).sorted()
            let why = known.isEmpty ? "these runs have no parameters (MLflow runs do: params/NAME)"
                : "no run has the parameter '\(name)' (parameters: \(MessageText.names(known.map { "param." + $0 }, quote: "")))"
            throw DataError(.nothingToDraw("cannot group by \(options.by!): \(why)"),
                            at: DataLocation(source: runs.map(\.table.source).joined(separator: ", ")))
        }
        let distinct = Set(values.map { $0 ?? "" }).sorted { a, b in
            if let x = Double(a), let y = Double(b), x != y { return x < y }
            return a < b
        }
        guard distinct.count <= GroupSplit.maximumGroups else {
            throw DataError(.tooManyGroups(found: distinct.count, limit: GroupSplit.maximumGroups),
                            at: DataLocation(source: runs.map(\.table.source).joined(separator: ", ")), column: options.by)
        }
        let labels = distinct.map { $0.isEmpty ? "\(name) unset" : "\(name)=\($0)" }
        let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, $0.offset) })
        return (values.map { index[$0 ?? ""]! }, labels)
    }

    /// The legend text of an aggregate: "mean of 5 runs ± std", "median, min–max" (one table).
    static func aggregateLabel(_ statistic: SeriesAggregate.Statistic, _ band: SeriesAggregate.Band, runs: Int?) -> String {
        var text = statistic.rawValue
        if let runs { text += runs == 1 ? " (1 run)" : " of \(runs) runs" }
        if runs != 1 { text += band.legendText }
        return text
    }

    /// The aggregated figure: per panel (merged by metric family and x), per named series, per
    /// group, one band and one line.
    static func aggregated(runs: [(name: String, table: DataTable)], groups: (group: [Int], labels: [String])?,
                           options: RenderOptions) throws(DataError) -> Figure {
        let statistic = options.aggregate ?? .mean
        let band = options.band ?? .std
        var o = options
        o.aggregate = nil
        o.band = nil
        if groups != nil { o.by = nil }
        struct Slot {
            var template: Series
            var curves: [[(x: [Double], y: [Double])]]
        }
        let groupCount = groups?.labels.count ?? 1
        var panels: [Panel] = []
        var keyOf: [String: Int] = [:]
        var slots: [[Slot]] = []
        var slotOf: [[String: Int]] = []
        for (r, run) in runs.enumerated() {
            let figure = try make(run.table, options: o)
            for p in figure.panels {
                let key = (p.y.label ?? "") + "|" + (p.x.label ?? "")
                let k: Int
                if let known = keyOf[key] { k = known } else {
                    k = panels.count
                    keyOf[key] = k
                    panels.append(p)
                    slots.append([]); slotOf.append([:])
                }
                for s in p.series where !s.name.isEmpty {
                    guard [.line, .step, .scatter, .area].contains(s.kind) else {
                        throw DataError(.nothingToDraw("--aggregate draws lines over x; a \(s.kind.rawValue) chart has no x to "
                                                       + "aggregate along (bars of category means show ± 1 std without it)"),
                                        at: DataLocation(source: run.table.source))
                    }
                    let j: Int
                    if let known = slotOf[k][s.name] { j = known } else {
                        j = slots[k].count
                        slotOf[k][s.name] = j
                        slots[k].append(Slot(template: s, curves: Array(repeating: [], count: groupCount)))
                    }
                    slots[k][j].curves[groups?.group[r] ?? 0].append((s.x, s.y))
                }
            }
        }
        let oneTable = runs.count == 1
        for k in panels.indices {
            var series: [Series] = [], bands: [Series] = []
            var alone = ""
            let several = slots[k].count > 1
            for slot in slots[k] {
                for g in 0..<groupCount where !slot.curves[g].isEmpty {
                    let curves = slot.curves[g]
                    let agg = SeriesAggregate(curves, statistic: statistic, band: band)
                    guard agg.y.contains(where: \.isFinite) else {
                        throw DataError(.nothingToDraw("the runs of '\(slot.template.name)' share no x range to aggregate over "
                                                       + "(each x has a single run's value)"),
                                        at: DataLocation(source: runs.map(\.table.source).joined(separator: ", ")))
                    }
                    let colour = groups == nil ? slot.template.color : options.theme.color(g)
                    if band != .none, agg.low.contains(where: \.isFinite) {
                        let outline = agg.bandOutline(steps: slot.template.kind == .step)
                        bands.append(.band(x: outline.x, low: outline.low, high: outline.high, color: colour))
                    }
                    var line = Series("", kind: slot.template.kind == .step ? .step : .line, x: agg.x, y: agg.y, color: colour,
                                      dash: slot.template.dash)
                    line.lineWidth = slot.template.lineWidth
                    let statText = aggregateLabel(statistic, band, runs: oneTable ? nil : curves.count)
                    var prefix: [String] = []
                    if let groups { prefix.append(groups.labels[g]) }
                    // The axis label of a lone line names the metric already.
                    alone = (groups.map { $0.labels[g] + ": " } ?? "") + statText
                    if several || oneTable { prefix.append(slot.template.name) }
                    line.name = prefix.isEmpty ? statText : prefix.joined(separator: " ") + ": " + statText
                    series.append(line)
                }
            }
            // Bands first, so every line is drawn over every band.
            panels[k].series = bands + series
            panels[k].legend = series.isEmpty ? .none : .best
            if series.count == 1, options.yLabel == nil, let label = panels[k].y.label {
                // A lone line has no legend: its axis label says what it is.
                panels[k].y.label = "\(label) (\(alone))"
            }
        }
        var figure = Figure(width: options.width, height: options.height, dpi: options.dpi, title: options.title,
                            panels: panels, theme: options.theme)
        figure.rasterize = options.rasterize ?? .auto
        if let placement = options.legend { figure.placeLegends(placement) }
        return figure
    }
}

extension DefaultFigure {
    /// The error bars of bars of category means: `options.band` (default std); a min–max range
    /// is not symmetric, so it is an error there.
    static func meansBand(_ options: RenderOptions, _ location: DataLocation) throws(DataError) -> SeriesAggregate.Band {
        let band = options.band ?? .std
        if band == .minmax {
            throw DataError(.nothingToDraw("--band minmax is a band around an aggregate line; error bars of category "
                                           + "means are std, ci95 or none"), at: location)
        }
        return band
    }

    /// How the y label names the error bars: " (± 1 std)", " (95% CI)", nothing for none.
    static func meansBandLabel(_ band: SeriesAggregate.Band) -> String {
        switch band {
        case .std: return " (± 1 std)"
        case .ci95: return " (± 95% CI)"
        case .minmax, .none: return ""
        }
    }

    /// The half length of each category's error bar under `band` (NaN for fewer than two values).
    static func categorySpread(codes: [Double], values: [Double], levels: Int, band: SeriesAggregate.Band) -> [Double] {
        var members = [[Double]](repeating: [], count: levels)
        for (c, v) in zip(codes, values) where c.isFinite && v.isFinite {
            let k = Int(c)
            if k >= 0 && k < levels { members[k].append(v) }
        }
        return members.map { m in
            guard m.count >= 2 else { return .nan }
            let centre = m.reduce(0, +) / Double(m.count)
            let (low, high) = SeriesAggregate.band(m, around: centre, band)
            return (high - low) / 2
        }
    }

    /// The entries of `spread` whose value in `values` is drawn (not NaN), as `joined` keeps them.
    static func present(_ spread: [Double], _ values: [Double]) -> [Double] {
        zip(values, spread).filter { !$0.0.isNaN }.map(\.1)
    }
}
