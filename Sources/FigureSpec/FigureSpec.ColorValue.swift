import Chart
import Raster

extension FigureSpec {
    /// A series colour as a spec writes it: a fixed colour, or a slot of the theme's cycle.
    ///
    /// Accepted: `#rgb`, `#rrggbb`, `#rrggbbaa`; matplotlib's cycle references `C0`, `C1`, ...
    /// (resolved against the figure's theme, so `C0` is tab:blue in the light theme); the tab10
    /// names `tab:blue`, `tab:orange`, `tab:green`, `tab:red`, `tab:purple`, `tab:brown`,
    /// `tab:pink`, `tab:gray` (or `tab:grey`), `tab:olive`, `tab:cyan`; and the 148 CSS colour
    /// names (`red`, `steelblue`, `black`, …: `CSSColorNames`), in any letter case.
    public enum ColorValue: Sendable, Equatable {
        /// A fixed colour.
        case fixed(Color)
        /// The n-th colour of the theme's cycle (wrapping around).
        case cycle(Int)

        /// The colour under a theme.
        public func resolved(in theme: Theme) -> Color {
            switch self {
            case .fixed(let color): return color
            case .cycle(let index): return theme.color(index)
            }
        }

        /// The tab10 names, in cycle order.
        static let tableauNames = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"]

        /// Parses a colour string; nil when it is none of the accepted forms.
        public init?(_ text: String) {
            let lower = text.lowercased()
            if lower.hasPrefix("#") {
                guard let color = Color(hex: lower) else { return nil }
                self = .fixed(color)
            } else if lower.hasPrefix("c"), lower.count > 1, lower.count <= 4, let n = Int(lower.dropFirst()), n >= 0 {
                self = .cycle(n)
            } else if lower.hasPrefix("tab:") {
                let name = String(lower.dropFirst(4)) == "grey" ? "gray" : String(lower.dropFirst(4))
                guard let index = ColorValue.tableauNames.firstIndex(of: name) else { return nil }
                self = .fixed(Theme.tab10[index])
            } else if let rgb = CSSColorNames.table[lower] {
                self = .fixed(Color(rgb: rgb))
            } else {
                return nil
            }
        }

        static func decode(_ node: FigureSpecNode) throws(SpecError) -> ColorValue {
            let text = try node.string()
            guard let value = ColorValue(text) else {
                throw node.error(.invalidValue(
                    expected: "a colour such as \"#1f77b4\", \"C0\", \"tab:orange\" or a CSS name (\"steelblue\")", found: node.found))
            }
            return value
        }
    }
}
