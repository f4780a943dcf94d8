import FoundationEssentials
import Glibc
import Platform

/// Labels as percentages of `xmax` ("25%"), after matplotlib's `PercentFormatter`.
public struct PercentFormatter: TickFormatter, Hashable {
    /// The data value that is 100%.
    public let xmax: Double
    /// Fixed decimals, or nil for matplotlib's choice from the view's range (0…5).
    public let decimals: Int?
    /// Text after the number.
    public let symbol: String

    /// Creates a formatter; `xmax: 1` for fractions, 100 for values already in percent.
    public init(xmax: Double = 100, decimals: Int? = nil, symbol: String = "%") {
        self.xmax = xmax != 0 && xmax.isFinite ? xmax : 100
        self.decimals = decimals.map { Swift.max(0, $0) }
        self.symbol = symbol
    }

    /// Labels with the ticks' own range as the view.
    public func format(_ ticks: [Double]) -> TickLabels {
        let finite = ticks.filter(\.isFinite)
        return format(ticks, viewMin: finite.min() ?? 0, viewMax: finite.max() ?? 0)
    }

    /// Labels; automatic decimals resolve half a percent of the view's range.
    public func format(_ ticks: [Double], viewMin: Double, viewMax: Double) -> TickLabels {
        let places: Int
        if let decimals {
            places = decimals
        } else {
            let range = abs(viewMax - viewMin) * 100 / xmax
            places = range <= 0 || !range.isFinite
                ? 0 : Int(ceil(2 - log10(2 * range))).clamped(0, 5)
        }
        return TickLabels(labels: ticks.map { t in
            CFormat.string("%0.\(places)f", t * 100 / xmax).withUnicodeMinus + symbol
        })
    }
}

extension Int {
    /// The value limited to [lo, hi].
    func clamped(_ lo: Int, _ hi: Int) -> Int { Swift.min(Swift.max(self, lo), hi) }
}
