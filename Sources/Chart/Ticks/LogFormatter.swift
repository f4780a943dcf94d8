import FoundationEssentials
import Glibc
import Platform

/// Labels for log axes with Unicode superscripts: "10⁻²", "10⁰", "10³" on decades and
/// "2×10¹" elsewhere, after matplotlib's `LogFormatterSciNotation` (base 10).
///
/// matplotlib renders the same labels with mathtext (`$\mathdefault{10^{-2}}$`); the Unicode
/// form draws the same text with the bundled fonts, no TeX layout needed.
public struct LogFormatter: TickFormatter, Hashable {
    /// Label only powers of ten; other ticks get "" (matplotlib's `labelOnlyBase`).
    public let labelOnlyBase: Bool
    /// Decades with |exponent| below this are written plainly ("1", "10", "0.1"):
    /// matplotlib's `axes.formatter.min_exponent`, 0 by default (always 10ⁿ).
    public let minExponent: Int

    /// Creates a formatter with matplotlib's defaults.
    public init(labelOnlyBase: Bool = false, minExponent: Int = 0) {
        self.labelOnlyBase = labelOnlyBase
        self.minExponent = minExponent
    }

    /// One label per tick; no offset text.
    public func format(_ ticks: [Double]) -> TickLabels {
        TickLabels(labels: ticks.map(label))
    }

    /// The label of one tick value.
    public func label(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        let sign = value < 0 ? unicodeMinus : ""
        let x = abs(value)
        let fx = log10(x)
        let isDecade = PythonFloat.isClose(fx, fx.rounded())
        if labelOnlyBase && !isDecade { return "" }
        let exponent = isDecade ? Int(fx.rounded()) : Int(floor(fx))
        if abs(isDecade ? Double(exponent) : fx) < Double(minExponent) {
            return sign + CFormat.string("%g", x).withUnicodeMinus
        }
        if isDecade { return sign + "10" + LogFormatter.superscript(exponent) }
        var coefficient = pow(10, fx - Double(exponent))
        if PythonFloat.isClose(coefficient, coefficient.rounded()) { coefficient = coefficient.rounded() }
        return sign + CFormat.string("%g", coefficient) + "×10" + LogFormatter.superscript(exponent)
    }

    /// An integer in Unicode superscript digits, with the superscript minus "⁻".
    public static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(n)).map { digits[Int(String($0))!] }
        return (n < 0 ? "⁻" : "") + String(body)
    }
}
