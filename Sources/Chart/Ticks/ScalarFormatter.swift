import FoundationEssentials
import Glibc
import Platform

/// matplotlib's default tick formatter: the fewest decimals that tell the ticks apart, an
/// offset when the ticks are close together far from zero, and a shared power of ten outside
/// 10⁻⁵…10⁶, after `ticker.ScalarFormatter` (useOffset, offset_threshold 4, powerlimits −5, 6).
///
/// The offset text is matplotlib's plain-text form: "1e−5" for a multiplier, "+1.23456e5" for
/// an offset, "1e−6+1.7e1" for both. Minus signs are U+2212, as matplotlib's default
/// `axes.unicode_minus`.
public struct ScalarFormatter: TickFormatter, Hashable {
    /// Whether an additive offset may be used.
    public let useOffset: Bool
    /// Digits an offset must save before it is used (matplotlib's `offset_threshold`).
    public let offsetThreshold: Int
    /// Exponents at or below the first, or at or above the second, use a shared multiplier.
    public let powerLimits: (Int, Int)

    /// Creates a formatter with matplotlib's defaults.
    public init(useOffset: Bool = true, offsetThreshold: Int = 4, powerLimits: (Int, Int) = (-5, 6)) {
        self.useOffset = useOffset
        self.offsetThreshold = offsetThreshold
        self.powerLimits = powerLimits
    }

    /// Formatters compare by their settings.
    public static func == (a: ScalarFormatter, b: ScalarFormatter) -> Bool {
        a.useOffset == b.useOffset && a.offsetThreshold == b.offsetThreshold
            && a.powerLimits == b.powerLimits
    }

    /// Hashes the settings.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(useOffset)
        hasher.combine(offsetThreshold)
        hasher.combine(powerLimits.0)
        hasher.combine(powerLimits.1)
    }

    /// Labels with the ticks' own range as the view.
    public func format(_ ticks: [Double]) -> TickLabels {
        let finite = ticks.filter(\.isFinite)
        return format(ticks, viewMin: finite.min() ?? 0, viewMax: finite.max() ?? 1)
    }

    /// Labels for `ticks` in the view [viewMin, viewMax].
    public func format(_ ticks: [Double], viewMin: Double, viewMax: Double) -> TickLabels {
        guard !ticks.isEmpty else { return TickLabels(labels: []) }
        let vmin = Swift.min(viewMin, viewMax)
        let vmax = Swift.max(viewMin, viewMax)
        let visible = ticks.filter { vmin <= $0 && $0 <= vmax }
        let offset = useOffset ? computeOffset(visible) : 0
        let oom = orderOfMagnitude(visible, offset: offset, vmin: vmin, vmax: vmax)
        let decimals = decimalsNeeded(ticks, offset: offset, oom: oom, vmin: vmin, vmax: vmax)
        let divisor = pow(10.0, Double(oom))
        let labels = ticks.map { t -> String in
            var x = (t - offset) / divisor
            if abs(x) < 1e-8 { x = 0 }
            return CFormat.string("%1.\(decimals)f", x).withUnicodeMinus
        }
        return TickLabels(labels: labels, offset: offsetText(offset: offset, oom: oom))
    }

    /// matplotlib's `_compute_offset`: the leading digits that all visible ticks share.
    private func computeOffset(_ locs: [Double]) -> Double {
        guard let lmin = locs.min(), let lmax = locs.max(), lmin != lmax, !(lmin <= 0 && 0 <= lmax),
              lmin.isFinite, lmax.isFinite else { return 0 }
        let absMin = Swift.min(abs(lmin), abs(lmax))
        let absMax = Swift.max(abs(lmin), abs(lmax))
        let sign: Double = lmin < 0 ? -1 : 1
        let oomMax = ceil(log10(absMax))
        func digits(_ x: Double, _ oom: Double) -> Double { PythonFloat.floorDivide(x, pow(10, oom)) }
        var oom = oomMax
        while digits(absMin, oom) == digits(absMax, oom) && oom > -400 { oom -= 1 }
        oom += 1
        if (absMax - absMin) / pow(10, oom) <= 1e-2 {
            oom = oomMax
            while !(digits(absMax, oom) - digits(absMin, oom) > 1) && oom > -400 { oom -= 1 }
            oom += 1
        }
        let n = Double(offsetThreshold - 1)
        let lead = digits(absMax, oom)
        return lead >= pow(10, n) ? sign * lead * pow(10, oom) : 0
    }

    /// matplotlib's `_set_order_of_magnitude`.
    private func orderOfMagnitude(_ visible: [Double], offset: Double, vmin: Double, vmax: Double) -> Int {
        guard !visible.isEmpty else { return 0 }
        let oom: Int
        if offset != 0 {
            oom = Int(floor(log10(vmax - vmin)))
        } else {
            let val = visible.map(abs).max()!
            oom = val == 0 ? 0 : Int(floor(log10(val)))
        }
        return oom <= powerLimits.0 || oom >= powerLimits.1 ? oom : 0
    }

    /// matplotlib's `_set_format`: the fewest decimals that keep every label exact to 1e-3 of
    /// the ticks' range.
    private func decimalsNeeded(_ ticks: [Double], offset: Double, oom: Int, vmin: Double,
                                vmax: Double) -> Int {
        let divisor = pow(10.0, Double(oom))
        let source = ticks.count < 2 ? ticks + [vmin, vmax] : ticks
        let scaled = source.map { ($0 - offset) / divisor }
        var range = (scaled.max() ?? 0) - (scaled.min() ?? 0)
        if range == 0 { range = scaled.map(abs).max() ?? 0 }
        if range == 0 || !range.isFinite { range = 1 }
        let locs = ticks.count < 2 ? Array(scaled.prefix(ticks.count)) : scaled
        let rangeOom = Int(floor(log10(range)))
        var sigfigs = Swift.max(0, 3 - rangeOom)
        let threshold = 1e-3 * pow(10, Double(rangeOom))
        while sigfigs >= 0 {
            let error = locs.map { abs($0 - PythonFloat.round($0, decimals: sigfigs)) }.max() ?? 0
            if error < threshold { sigfigs -= 1 } else { break }
        }
        return Swift.min(sigfigs + 1, 40)
    }

    /// matplotlib's `get_offset` in plain text: multiplier "1e−5", then offset "+1.234e3".
    private func offsetText(offset: Double, oom: Int) -> String? {
        guard offset != 0 || oom != 0 else { return nil }
        var text = oom != 0 ? "1e\(oom)" : ""
        if offset != 0 {
            text += (offset > 0 ? "+" : "") + ScalarFormatter.formatData(offset)
        }
        return text.withUnicodeMinus
    }

    /// matplotlib's `format_data`: "1.23456e5", "5", "−2.5e−3" (significand to 10 digits).
    static func formatData(_ value: Double) -> String {
        let e = Int(floor(log10(abs(value))))
        let s = PythonFloat.round(value / pow(10, Double(e)), decimals: 10)
        let significand = s.truncatingRemainder(dividingBy: 1) == 0
            ? String(Int(s)) : CFormat.string("%1.10g", s)
        return e == 0 ? significand : "\(significand)e\(e)"
    }
}
