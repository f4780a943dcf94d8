import FoundationEssentials

/// Tick labels for one axis and the text shown once at the axis end (an offset, a shared
/// multiplier or the date context), if any.
public struct TickLabels: Sendable, Hashable {
    /// One label per tick, in tick order ("" for an unlabelled tick).
    public var labels: [String]
    /// The axis-end text, e.g. "1e−5", "+1.234e3", "2012-Mar" or nil.
    public var offset: String?

    /// Creates tick labels; an empty offset string is stored as nil.
    public init(labels: [String], offset: String? = nil) {
        self.labels = labels
        self.offset = (offset?.isEmpty ?? true) ? nil : offset
    }
}

/// Turns tick positions into labels; a pure function of its inputs.
public protocol TickFormatter: Sendable {
    /// Labels for `ticks` (all of them visible).
    func format(_ ticks: [Double]) -> TickLabels

    /// Labels for `ticks` when the view is [viewMin, viewMax]; ticks outside the view still get
    /// labels but do not influence the shared offset or precision (as matplotlib).
    func format(_ ticks: [Double], viewMin: Double, viewMax: Double) -> TickLabels
}

extension TickFormatter {
    /// Formatters that ignore the view use their plain `format(_:)`.
    public func format(_ ticks: [Double], viewMin: Double, viewMax: Double) -> TickLabels {
        format(ticks)
    }
}

/// The typographic minus sign, U+2212, used in every label instead of the hyphen.
let unicodeMinus = "\u{2212}"

extension String {
    /// The string with ASCII hyphen-minus replaced by U+2212 (matplotlib's `fix_minus`).
    var withUnicodeMinus: String { utf8.contains(UInt8(ascii: "-")) ? replacing("-", with: unicodeMinus) : self }
}
