import Dates

/// Date labels as short as the ticks allow, with the context once at the axis end, after
/// matplotlib's `dates.ConciseDateFormatter` (UTC, English month names).
///
/// Ticks are labelled at the finest calendar field that changes between them: years ("2012"),
/// months ("Mar", and the year at January), days ("05", and "Apr" at the 1st), hours and
/// minutes ("12:00", and "Mar-06" at midnight), seconds ("41.5"). The offset is the last tick's
/// coarser fields ("2012-Mar", "2012-Mar-05 13:17"); none when years are in the labels.
public struct ConciseDateFormatter: TickFormatter, Hashable {
    /// strftime formats per level (years … seconds) for most ticks.
    static let formats = ["%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f"]
    /// Formats for ticks at the start of the coarser field (1 Jan, midnight, …).
    static let zeroFormats = ["", "%Y", "%b", "%b-%d", "%H:%M", "%H:%M"]
    /// Formats of the offset text per level.
    static let offsetFormats = ["", "%Y", "%Y-%b", "%Y-%b-%d", "%Y-%b-%d", "%Y-%b-%d %H:%M"]

    /// Whether the axis-end context is produced.
    public let showOffset: Bool

    /// Creates a formatter.
    public init(showOffset: Bool = true) {
        self.showOffset = showOffset
    }

    /// Labels for ticks in seconds since the epoch.
    public func format(_ ticks: [Double]) -> TickLabels {
        let times = ticks.map { CivilTime(seconds: $0) ?? CivilTime(year: 1970) }
        guard !times.isEmpty else { return TickLabels(labels: []) }
        func field(_ t: CivilTime, _ level: Int) -> Int {
            [t.year, t.month, t.day, t.hour, t.minute, t.second][level]
        }
        var showOffset = self.showOffset
        var level = 5
        for candidate in stride(from: 5, through: 0, by: -1) {
            let unique = Set(times.map { field($0, candidate) })
            if unique.count > 1 {
                if candidate < 2 && unique.contains(1) { showOffset = false }
                level = candidate
                break
            }
            if candidate == 0 { level = 5 }
        }
        let zeroValues = [0, 1, 1, 0, 0, 0]
        var labels = times.map { t -> String in
            let isZero = level < 5
                ? field(t, level) == zeroValues[level]
                : t.second == 0 && t.microsecond == 0
            return t.format(isZero ? Self.zeroFormats[level] : Self.formats[level])
        }
        if level >= 5 {
            let trailing = labels.filter { $0.contains(".") }.map { label in
                label.reversed().prefix { $0 == "0" }.count
            }.min()
            if let trailing, trailing > 0 {
                labels = labels.map { label in
                    guard label.contains(".") else { return label }
                    var s = String(label.dropLast(trailing))
                    if s.hasSuffix(".") { s.removeLast() }
                    return s
                }
            }
        }
        let offset = showOffset ? times[times.count - 1].format(Self.offsetFormats[level]) : nil
        return TickLabels(labels: labels, offset: offset)
    }
}
