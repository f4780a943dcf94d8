import JSON
import Table

/// `timings.json`: how long each figure took, kept apart from `manifest.json` so that the
/// manifest stays byte-identical across runs (times are the one thing that always varies).
public struct ReportTimings: Sendable, Equatable {
    /// Milliseconds per output file name (build + draw + encode + write).
    public var milliseconds: [String: Double]

    /// Creates timings.
    public init(milliseconds: [String: Double] = [:]) { self.milliseconds = milliseconds }

    /// `{"figures": {"a.png": 12.34, ...}, "totalMs": ...}`, rounded to 0.01 ms, keys sorted.
    public func json() -> [UInt8] {
        let rounded = milliseconds.mapValues { ($0 * 100).rounded() / 100 }
        let total = (milliseconds.values.reduce(0, +) * 100).rounded() / 100
        return ReportJSONText.encode(ReportJSONText.object([
            "figures": ReportJSONText.object(rounded.mapValues(JSONValue.number)), "totalMs": .number(total),
        ]))
    }

    /// Reads what `json()` wrote; unreadable files give no timings (they are informative only).
    public static func parse(bytes: [UInt8]) -> ReportTimings {
        guard let root = try? JSONDocument(bytes: bytes).root, case .object(let members) = root.value,
              let figures = members.first(where: { $0.key == "figures" })?.value, case .object(let entries) = figures.value
        else { return ReportTimings() }
        var out: [String: Double] = [:]
        for (key, value) in entries { if case .number(let ms) = value.value { out[key] = ms } }
        return ReportTimings(milliseconds: out)
    }
}
