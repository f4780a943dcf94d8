import Foundation
import Table

/// A figure spec's data source (`FigureSpec.DataSource`), by the name the issue uses.
public typealias DataSourceSpec = FigureSpec.DataSource

extension FigureSpec {
    /// One named table file of a spec and how to read it.
    ///
    /// Written as a path (`"metrics": "runs/exp1/metrics.csv"`) or as an object with read
    /// options (`{"path": ..., "delimiter": ";", "header": true, "timestamps": {"t": "ms"}}`).
    public struct DataSource: Sendable, Equatable {
        /// The name series use to refer to it.
        public var name: String
        /// The path as the spec writes it (used in messages).
        public var path: String
        /// The absolute path: `path` resolved against the spec's folder.
        public var resolvedPath: String
        /// How to read it (delimiter, header, timestamp columns; everything else is detected).
        public var options: CSVOptions

        /// Creates a data source.
        public init(name: String, path: String, resolvedPath: String, options: CSVOptions = CSVOptions()) {
            self.name = name; self.path = path; self.resolvedPath = resolvedPath; self.options = options
        }

        static let keys = ["path", "delimiter", "header", "timestamps", "decimal", "thousands", "comment", "na_values", "encoding"]

        static func decode(_ node: FigureSpecNode, name: String, directory: String) throws(SpecError) -> DataSource {
            let path: String
            var options = CSVOptions()
            switch node.value {
            case .string(let text):
                path = text
            case .object:
                let object = try node.object(keys: keys)
                path = try object.required("path").string()
                if let delimiter = object.optional("delimiter") { options.delimiter = try decodeDelimiter(delimiter) }
                if let header = object.optional("header") { options.header = try header.bool() ? .present : .absent }
                if let decimal = object.optional("decimal") {
                    options.decimal = try decimal.choice(["." : UInt8(ascii: "."), ",": UInt8(ascii: ",")])
                }
                if let thousands = object.optional("thousands") { options.thousands = try decodeDelimiter(thousands) }
                if let comment = object.optional("comment") { options.comment = try decodeDelimiter(comment) }
                if let missing = object.optional("na_values") {
                    options.missingValues = try missing.array().map { item throws(SpecError) in try item.string() }
                }
                if let encoding = object.optional("encoding") {
                    let name = try encoding.string()
                    guard let known = TextEncoding(name: name) else {
                        throw encoding.error(.notOneOf(choices: TextEncoding.allCases.map(\.rawValue), found: encoding.found))
                    }
                    options.encoding = known
                }
                if let timestamps = object.optional("timestamps") {
                    guard case .object(let members) = timestamps.value else { throw timestamps.wrongType("an object") }
                    let columns = try timestamps.object(keys: members.map(\.key))
                    for (column, _) in members {
                        let unit = try columns.required(column)
                        if case .null = unit.value { throw unit.error(.notOneOf(choices: ["s", "ms"], found: "null")) }
                        options.timestampColumns[column] = try unit.choice(["s": TimestampUnit.seconds, "ms": .milliseconds])
                    }
                }
            default:
                throw node.wrongType("a file path or an object with \"path\"")
            }
            guard !path.isEmpty else { throw node.error(.invalidValue(expected: "a file path", found: "\"\"")) }
            var file = path
            if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
                file = home + path.dropFirst()
            }
            let resolved = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
                .standardizedFileURL.path
            return DataSource(name: name, path: path, resolvedPath: resolved, options: options)
        }

        /// One ASCII character other than a quote or a line break, or the word `tab`.
        private static func decodeDelimiter(_ node: FigureSpecNode) throws(SpecError) -> UInt8 {
            let text = try node.string()
            if text == "tab" { return UInt8(ascii: "\t") }
            let bytes = Array(text.utf8)
            guard bytes.count == 1, bytes[0] < 0x80, bytes[0] != UInt8(ascii: "\""),
                  bytes[0] != 0x0A, bytes[0] != 0x0D else {
                throw node.error(.invalidValue(expected: "one ASCII character such as \",\" or \";\", or \"tab\"", found: node.found))
            }
            return bytes[0]
        }
    }
}
