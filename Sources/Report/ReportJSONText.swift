import Foundation

/// Writes the report's JSON files: pretty-printed, keys sorted, `/` unescaped, a final newline,
/// so the same values always give the same bytes.
enum ReportJSONText {
    /// Encodes a JSON-compatible value (dictionaries, arrays, strings, numbers, `NSNull`).
    static func encode(_ value: Any) -> [UInt8] {
        do {
            let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return Array(data) + [0x0A]
        } catch {
            // Only reachable through a programming error (a non-JSON value); keep the file valid.
            return Array("{}\n".utf8)
        }
    }
}
