import Geometry

/// One axis of a panel, resolved: its scale, view limits, ticks and tick labels.
///
/// Built in two steps, as matplotlib does: limits from the data (plus 5% margins in scale space,
/// or the user's fixed limits), then ticks for an axis of a known length in pixels, with as many
/// ticks as fit labels of the measured size (matplotlib's `get_tick_space`: the axis length over
/// three label heights on x, two on y, at most 9 intervals).
struct AxisModel {
    let spec: AxisSpec
    let scale: any Scale
    let locator: any TickLocator
    let formatter: any TickFormatter
    /// View limits in data units (low, high); `low < high` always.
    private(set) var low: Double
    private(set) var high: Double
    private(set) var ticks: [Double] = []
    private(set) var labels: [String] = []
    private(set) var offset: String? = nil
    /// Drawn high-to-low (a heat map's rows: row 0 at the top, as matplotlib's `imshow`).
    var inverted = false
    /// Only whole-number ticks (matrix rows and columns).
    var integerTicks = false
    /// The finite data extent the limits came from (nil without data), the sticky values and
    /// the categorical padding choice: what a shared axis merges (`shared(_:)`).
    private(set) var dataRange: (low: Double, high: Double)?
    private(set) var sticky: [Double] = []
    private(set) var padCategories = true

    /// The axis for `spec` over all finite values of `values` that the scale accepts, with
    /// `sticky` values (a bar's or area's baseline) that a margin may not cross.
    /// `padCategories` false drops the categorical scale's own padding (bars and boxes bring
    /// their widths, so matplotlib's plain 5% margins apply).
    init(spec: AxisSpec, values: [[Double]], sticky: [Double] = [], padCategories: Bool = true) {
        self.spec = spec
        self.sticky = sticky; self.padCategories = padCategories
        switch spec.scale {
        case .linear:
            scale = LinearScale(); locator = MaxNLocator(); formatter = ScalarFormatter()
        case .log:
            scale = LogScale(); locator = LogLocator(); formatter = LogFormatter()
        case .symlog(let t):
            scale = SymlogScale(linthresh: t); locator = SymlogLocator(linthresh: t); formatter = ScalarFormatter()
        case .time:
            scale = TimeScale(); locator = TimeLocator(); formatter = ConciseDateFormatter()
        case .category(let levels):
            scale = CategoricalScale(levels: levels); locator = CategoricalLocator(count: levels.count)
            formatter = CategoricalFormatter(levels: levels)
        }
        let (lo, hi) = AxisModel.extent(of: values, on: scale)
        if lo <= hi { dataRange = (lo, hi) }
        let limiter: any Scale = !padCategories && scale is CategoricalScale && lo <= hi ? LinearScale() : scale
        var (a, b) = lo <= hi ? limiter.autoLimits(dataMin: lo, dataMax: hi, margin: 0.05)
                              : limiter.autoLimits(dataMin: .nan, dataMax: .nan, margin: 0.05)
        if spec.robust, case .linear = spec.scale, let r = RobustLimits().limits(values.flatMap { $0 }) {
            // Ignore extreme outliers (an early loss spike) on request.
            (a, b) = r
        }
        // matplotlib's sticky edges: a margin never pushes the view past a bar's baseline.
        for s in sticky where s.isFinite {
            if lo >= s && a < s { a = s }
            if hi <= s && b > s { b = s }
        }
        if let m = spec.min, m.isFinite { a = m }
        if let m = spec.max, m.isFinite { b = m }
        if !(a < b) { (a, b) = scale.autoLimits(dataMin: a, dataMax: a, margin: 0.05) }
        low = a; high = b
    }

    /// The smallest and largest finite values that `scale` accepts (+∞, −∞ for none).
    ///
    /// One pass over the finite values first: when the scale accepts their minimum and maximum,
    /// those are the answer (they bound the accepted values and are among them), with no call to
    /// `isValid` per value; only a scale that refuses one of them (zero or negatives on a log
    /// axis) costs a second, filtered pass. The per-value call through `any Scale` was a dynamic
    /// call, about a third of the samples of W3 (10⁶ points) in perf on the release vector bench.
    static func extent(of values: [[Double]], on scale: any Scale) -> (Double, Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for column in values {
            let (l, h) = column.withUnsafeBufferPointer(ColumnScan.finiteBounds)
            lo = Swift.min(lo, l); hi = Swift.max(hi, h)
        }
        if lo > hi || (scale.isValid(lo) && scale.isValid(hi)) { return (lo, hi) }
        lo = .infinity; hi = -.infinity
        for column in values {
            for v in column where v.isFinite && scale.isValid(v) { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        }
        return (lo, hi)
    }

    /// One axis for several panels that share it (matplotlib's `sharex`): limits from the union
    /// of their data plus the margins once, or the first fixed limits any of them sets, on the
    /// first axis's scale.
    static func shared(_ axes: [AxisModel]) -> AxisModel? {
        guard var spec = axes.first?.spec else { return nil }
        spec.min = axes.lazy.compactMap(\.spec.min).first
        spec.max = axes.lazy.compactMap(\.spec.max).first
        spec.robust = false
        return AxisModel(spec: spec, values: axes.compactMap { $0.dataRange.map { [$0.low, $0.high] } },
                         sticky: axes.flatMap(\.sticky), padCategories: axes.allSatisfy(\.padCategories))
    }

    /// Takes another axis's view limits (a shared axis), keeping this one's ticks rules.
    mutating func share(_ other: AxisModel) {
        low = other.low; high = other.high
    }

    /// Chooses ticks for an axis `length` pixels long whose labels are about `labelExtent`
    /// pixels along the axis (width on x, height on y), keeping those inside the view.
    mutating func placeTicks(length: Double, labelExtent: Double, horizontal: Bool) {
        let space = max(1, labelExtent) * (horizontal ? 3 : 2)
        var maxCount = max(1, min(9, Int(length / space)))
        // Categories are all labelled when they fit; `thin` drops some only when labels collide.
        if case .category(let levels) = spec.scale { maxCount = max(1, levels.count) }
        let eps = (scale.transform(high) - scale.transform(low)) * 1e-9
        let all = locator.ticks(min: low, max: high, maxCount: maxCount)
        ticks = all.filter { t in
            let s = scale.transform(t)
            return s >= scale.transform(low) - eps && s <= scale.transform(high) + eps
        }
        if integerTicks { ticks = ticks.filter { $0 == $0.rounded() } }
        var formatted = formatter.format(ticks)
        if case .log = spec.scale, let sub = LogAxisLabels.subDecadeTicks(low: low, high: high, maxCount: maxCount) {
            // Fewer than about three decades: decades alone are too sparse to read values off,
            // so 2 and 5 × 10ⁿ are labelled too (matplotlib's `LogFormatter(labelOnlyBase=False)`).
            ticks = sub
            formatted = LogFormatter().format(ticks)
        }
        if ticks.count < 2, case .log = spec.scale {
            // A log axis within about one decade has too few decade ticks in view: label the
            // 1…9 × 10ⁿ ticks instead (matplotlib labels its minor ticks here), at most
            // `maxCount` of them, else plain evenly spaced values.
            let subs = LogLocator(subs: .all).ticks(min: low, max: high, maxCount: maxCount).filter { $0 >= low && $0 <= high }
            if subs.count >= 2 {
                let step = Int((Double(subs.count) / Double(max(1, maxCount))).rounded(.up))
                ticks = subs.enumerated().filter { $0.offset % max(1, step) == 0 }.map(\.element)
                formatted = LogFormatter().format(ticks)
            } else {
                ticks = MaxNLocator().ticks(min: low, max: high, maxCount: maxCount).filter { $0 >= low && $0 <= high && $0 > 0 }
                formatted = ScalarFormatter().format(ticks)
            }
        }
        labels = formatted.labels
        offset = formatted.offset
    }

    /// Keeps every k-th tick (k = 2, 3, …) until labels `extent(label)` pixels long, centred on
    /// their ticks along an axis `length` pixels long, are at least `gap` apart; the last resort
    /// against overlap when a locator's minimum count does not fit (a very short axis).
    mutating func thin(length: Double, gap: Double, extent: (String) -> Double) {
        func fits(_ idx: [Int]) -> Bool { labelsFit(idx, length: length, gap: gap, extent: extent) }
        var k = 1
        var keep = Array(ticks.indices)
        while !fits(keep) && keep.count > 1 {
            k += 1
            keep = ticks.indices.filter { $0 % k == 0 }
        }
        if keep.count < ticks.count {
            ticks = keep.map { ticks[$0] }
            labels = keep.map { labels[$0] }
        }
    }

    /// Whether the labels of the ticks at `indices` (all when nil), `extent(label)` pixels long
    /// and centred on their ticks along an axis `length` pixels long, are at least `gap` apart.
    func labelsFit(_ indices: [Int]? = nil, length: Double, gap: Double, extent: (String) -> Double) -> Bool {
        let idx = indices ?? Array(ticks.indices)
        for (a, b) in zip(idx, idx.dropFirst()) {
            let pa = fraction(ticks[a]) * length, pb = fraction(ticks[b]) * length
            if abs(pb - pa) < (extent(labels[a]) + extent(labels[b])) / 2 + gap { return false }
        }
        return true
    }

    /// Minor tick positions inside the view, without those on a major tick: `AutoMinorLocator`
    /// between the major ticks on linear axes, 2…9 × 10ⁿ on log axes, none on other scales
    /// (matplotlib's minor grid draws only where a minor locator is set).
    var minorTicks: [Double] {
        let candidates: [Double]
        switch spec.scale {
        case .linear: candidates = AutoMinorLocator().minorTicks(major: ticks, min: low, max: high)
        case .log: candidates = LogLocator(subs: .all).ticks(min: low, max: high, maxCount: 9)
        default: return []
        }
        guard ticks.count >= 2 || spec.scale == .log else { return [] }
        let span = abs(scale.transform(high) - scale.transform(low))
        let eps = span * 1e-9
        let majors = ticks.map { scale.transform($0) }
        return candidates.filter { t in
            guard scale.isValid(t) else { return false }
            let s = scale.transform(t)
            guard s >= min(scale.transform(low), scale.transform(high)) - eps,
                  s <= max(scale.transform(low), scale.transform(high)) + eps else { return false }
            return !majors.contains { abs($0 - s) <= span * 1e-6 }
        }
    }

    /// The axis's data → position rule as it stands (its limits and direction): the one
    /// mapping that places data along this axis, for fractions, pixels and back.
    var transform: AxisTransform {
        AxisTransform(scale: scale, low: low, high: high, inverted: inverted)
    }

    /// Position 0...1 along the axis of a data value (outside 0...1 beyond the view).
    func fraction(_ v: Double) -> Double {
        transform.fraction(v)
    }
}
