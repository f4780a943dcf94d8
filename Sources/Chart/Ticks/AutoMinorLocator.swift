import FoundationEssentials
import Glibc

/// Minor ticks between major ones: 5 subdivisions for steps 1, 2.5, 5 × 10ⁿ and 4 for 2 × 10ⁿ,
/// after matplotlib's `AutoMinorLocator(n='auto')`.
public struct AutoMinorLocator: TickLocator {
    /// The locator whose ticks are subdivided.
    public let major: any TickLocator
    /// A fixed number of subdivisions, or nil for matplotlib's 'auto' choice of 4 or 5.
    public let divisions: Int?

    /// Creates a minor locator over `major` (matplotlib's default `MaxNLocator`).
    public init(major: any TickLocator = MaxNLocator(), divisions: Int? = nil) {
        self.major = major
        self.divisions = divisions.map { Swift.max(1, $0) }
    }

    /// Minor ticks for the view, including those that coincide with major ticks (matplotlib
    /// removes those when drawing, not here).
    public func ticks(min: Double, max: Double, maxCount: Int) -> [Double] {
        minorTicks(major: major.ticks(min: min, max: max, maxCount: maxCount), min: min, max: max)
    }

    /// Minor ticks for known major ticks (ascending) and the view; none with fewer than two majors.
    public func minorTicks(major majorTicks: [Double], min vmin: Double, max vmax: Double) -> [Double] {
        guard majorTicks.count >= 2, vmin.isFinite, vmax.isFinite else { return [] }
        let majorStep = majorTicks[1] - majorTicks[0]
        guard majorStep > 0 else { return [] }
        let ndivs: Int
        if let divisions {
            ndivs = divisions
        } else {
            let mantissa = pow(10, PythonFloat.modulo(log10(majorStep), 1))
            let nice = [1.0, 2.5, 5, 10].contains { abs(mantissa - $0) <= 1e-8 + 1e-5 * $0 }
            ndivs = nice ? 5 : 4
        }
        let minorStep = majorStep / Double(ndivs)
        let lo = Swift.min(vmin, vmax)
        let hi = Swift.max(vmin, vmax)
        let t0 = majorTicks[0]
        let tmin = ((lo - t0) / minorStep).rounded(.toNearestOrEven)
        let tmax = ((hi - t0) / minorStep).rounded(.toNearestOrEven) + 1
        guard tmax - tmin <= 100_000 else { return [] }
        var result: [Double] = []
        var k = tmin
        while k < tmax {
            result.append(k * minorStep + t0)
            k += 1
        }
        return result
    }
}
