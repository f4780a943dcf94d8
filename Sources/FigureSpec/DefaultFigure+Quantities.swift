import FoundationEssentials
import Platform

extension DefaultFigure {
    /// The most panels the quantity rule lays out; with more distinct quantities than this, the
    /// table is a wide set of like columns (employment by sector) and magnitude alone decides.
    static let maximumQuantityPanels = 4

    /// Column indices grouped so that a panel holds one kind of quantity: columns in different
    /// units, of different name families or of very different magnitudes never share an axis.
    ///
    /// A column's quantity is, in this order: the unit in its name (`Beak Length (mm)`,
    /// `speed[m/s]`, `rain_mm`: see `unit(of:)`); its name family when another column shares it
    /// (`temp_max` and `temp_min` are `temp`); "a small count" for a column of small integers
    /// (party size, passengers) beside columns that are not; else the column alone, when some
    /// other column has a unit or family (`precipitation` and `wind` beside `temp_*` are not one
    /// quantity just because their magnitudes agree). Each quantity is then split by magnitude
    /// (`magnitudeGroups`). A table with no unit, no family and no count column, or with more
    /// than `maximumQuantityPanels` quantities, is grouped by magnitude alone, as before.
    /// Groups keep the table's column order inside and across panels.
    static func quantityGroups(names: [String], columns: [[Double]]) -> [[Int]] {
        let units = names.map(unit(of:))
        let families = nameFamilies(names)
        let counts = columns.map(isSmallCount)
        let mixedCounts = counts.contains(true) && counts.contains(false)
        var keys: [String?] = names.indices.map { i in
            if let u = units[i] { return "unit:" + u.lowercased() }
            if let f = families[i] { return "family:" + f }
            if mixedCounts && counts[i] { return "count" }
            return nil
        }
        guard keys.contains(where: { $0 != nil }) else { return magnitudeGroups(columns) }
        for i in keys.indices where keys[i] == nil { keys[i] = "column:\(i)" }
        var order: [String] = [], members: [String: [Int]] = [:]
        for (i, key) in keys.enumerated() {
            let k = key!
            if members[k] == nil { order.append(k) }
            members[k, default: []].append(i)
        }
        guard order.count <= maximumQuantityPanels else { return magnitudeGroups(columns) }
        var groups: [[Int]] = []
        for k in order {
            let m = members[k]!
            groups += magnitudeGroups(m.map { columns[$0] }).map { $0.map { m[$0] } }
        }
        return groups.sorted { $0[0] < $1[0] }
    }

    /// The axis label of a panel of several columns of one quantity: their common unit in
    /// brackets (`(mm)`) or their common name family (`temp`); nil when they share neither.
    static func quantityLabel(_ names: [String]) -> (text: String, unit: String?)? {
        guard names.count >= 2 else { return nil }
        let units = names.map(unit(of:))
        if let u = units[0], units.allSatisfy({ $0?.lowercased() == u.lowercased() }) { return ("(\(u))", u) }
        let families = nameFamilies(names)
        if let f = families[0], families.allSatisfy({ $0 == f }) { return (f, nil) }
        return nil
    }

    /// The unit a column's name states, as written: in brackets at the end (`Beak Length (mm)`,
    /// `temp [°C]`) or as the last `_`-separated word when it is a common unit (`rain_mm`,
    /// `latency_ms`, `price_usd`); nil when the name states none.
    static func unit(of name: String) -> String? {
        let trimmed = name.trimmingWhitespace
        for (open, close) in [("(", ")"), ("[", "]")] where trimmed.hasSuffix(close) {
            guard let start = trimmed.lastRange(of: open) else { continue }
            let inner = trimmed[start.upperBound..<trimmed.index(before: trimmed.endIndex)]
                .trimmingWhitespace
            if !inner.isEmpty && inner.count <= 12 { return inner }
        }
        let words = trimmed.split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "-" })
        if words.count >= 2, let last = words.last, unitWords.contains(last.lowercased()) { return String(last) }
        return nil
    }

    /// Name endings read as units (`_mm`, `_ms`, `_pct`, …): words that are rarely anything else
    /// at the end of a name (no single letters, no `min`, which ends `temp_min` as often as it
    /// means minutes).
    static let unitWords: Set<String> = [
        "mm", "cm", "km", "ft", "mi", "kg", "lb", "lbs", "sec", "secs", "ms", "ns", "hr", "hrs", "pct", "percent",
        "usd", "eur", "gbp", "degc", "degf", "celsius", "fahrenheit", "kwh", "mwh", "gwh", "kw", "mw", "mph", "kph",
        "kmh", "mps", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "bytes", "kib", "mib", "gib",
    ]

    /// Each column's name family: the first word of its name (split at `_`, `-`, `.`, `/`, space)
    /// when another column's name starts with the same word and that word is at least three
    /// letters long; nil otherwise.
    static func nameFamilies(_ names: [String]) -> [String?] {
        let first = names.map { n -> String? in
            let words = n.lowercased().split(whereSeparator: { "_-./ ".contains($0) })
            guard words.count >= 2, let w = words.first, w.count >= 3 else { return nil }
            return String(w)
        }
        var tally: [String: Int] = [:]
        for w in first.compactMap({ $0 }) { tally[w, default: 0] += 1 }
        return first.map { w in w.flatMap { tally[$0, default: 0] >= 2 ? $0 : nil } }
    }

    /// True for a column of small non-negative integers with few distinct values (a party size,
    /// a passenger count, a rating): at least one finite value, all whole, at most 12 distinct
    /// values, none above 100.
    static func isSmallCount(_ values: [Double]) -> Bool {
        var seen = Set<Double>(), any = false
        for v in values where v.isFinite {
            guard v >= 0, v <= 100, v == v.rounded() else { return false }
            any = true
            seen.insert(v)
            if seen.count > 12 { return false }
        }
        return any
    }
}
