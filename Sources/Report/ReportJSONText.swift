import JSON
import Table

/// Writes the report's JSON files through the one JSON writer (`JSONValue.prettyText`, as
/// `--print-spec` and the schema are written): keys sorted, a final newline, so the same values
/// always give the same bytes.
enum ReportJSONText {
    /// The value's text as UTF-8 bytes.
    static func encode(_ value: JSONValue) -> [UInt8] { Array(value.prettyText().utf8) }

    /// An object of `members` with its keys sorted (the byte-identical order).
    static func object(_ members: [String: JSONValue]) -> JSONValue {
        .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
    }

    /// A string, or null for nil.
    static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// A number, or null for nil.
    static func number(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }

    /// An array of strings.
    static func strings(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }
}
