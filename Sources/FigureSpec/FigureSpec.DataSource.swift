import FoundationEssentials
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

        /// The keys of a data source object: the path, the dialect, then the read options
        /// (`CSVReadSetting`, which the command-line flags and a report's `options` share).
        static let keys = ["path", "delimiter", "header", "timestamps"] + CSVReadSetting.allCases.map(\.key)

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
                for setting in CSVReadSetting.allCases {
                    guard let value = object.optional(setting.key) else { continue }
                    let values = setting == .naValues
                        ? try value.array().map { item throws(SpecError) in try item.string() } : [try value.string()]
                    guard setting.apply(values, to: &options) else {
                        throw value.error(.invalidValue(expected: setting.expected, found: value.found))
                    }
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

        /// One ASCII character other than a quote or a line break, or the word `tab` (`CSVReadSetting.character`).
        private static func decodeDelimiter(_ node: FigureSpecNode) throws(SpecError) -> UInt8 {
            guard let byte = CSVReadSetting.character(try node.string()) else {
                throw node.error(.invalidValue(expected: "one ASCII character such as \",\" or \";\", \"tab\" or \"whitespace\"", found: node.found))
            }
            return byte
        }
    }
}
