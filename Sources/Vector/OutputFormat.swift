/// The file formats a figure can be written in, chosen in one place: from the output's extension.
public enum OutputFormat: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    case png, svg, pdf

    /// The format for an output path: its extension, case-insensitive (`fig.SVG` is SVG); `-`
    /// (standard output) is PNG. Throws `OutputFormatError` for any other extension, or none,
    /// listing the formats: never PNG bytes in a `.jpg`.
    public init(path: String) throws {
        if path == "-" { self = .png; return }
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            throw OutputFormatError(path: path, fileExtension: nil)
        }
        let ext = String(name[name.index(after: dot)...])
        guard let format = OutputFormat(rawValue: ext.lowercased()) else {
            throw OutputFormatError(path: path, fileExtension: ext)
        }
        self = format
    }

    /// The format named `name` (`png`, `svg`, `pdf`, or with a leading dot), for format lists in
    /// specs and flags; nil for anything else.
    public init?(name: String) {
        var n = name.lowercased()
        if n.hasPrefix(".") { n.removeFirst() }
        self.init(rawValue: n)
    }

    /// The one rule for a `"formats"` list of a report or a figure spec: each name exactly
    /// `png`, `svg` or `pdf`, each at most once; the formats in the order given, or the index of
    /// the first name that breaks the rule.
    public static func list(_ names: [String]) -> Result<[OutputFormat], ListError> {
        var out: [OutputFormat] = []
        for (i, name) in names.enumerated() {
            guard let f = OutputFormat(rawValue: name) else { return .failure(.unknown(at: i)) }
            guard !out.contains(f) else { return .failure(.repeated(at: i)) }
            out.append(f)
        }
        return .success(out)
    }

    /// What a `"formats"` list may hold, for messages: `"png", "svg" or "pdf"`.
    public static var listExpected: String {
        let all = allCases.map { "\"" + $0.rawValue + "\"" }
        return all.dropLast().joined(separator: ", ") + " or " + all.last!
    }

    /// The name of a `"formats"` list that breaks `list`'s rule.
    public enum ListError: Error, Equatable, Sendable {
        /// Not one of the format names.
        case unknown(at: Int)
        /// A format listed before.
        case repeated(at: Int)
    }

    /// The file extension without the dot.
    public var fileExtension: String { rawValue }

    /// The MIME type, for servers and HTML.
    public var mimeType: String {
        switch self {
        case .png: return "image/png"
        case .svg: return "image/svg+xml"
        case .pdf: return "application/pdf"
        }
    }

    public var description: String { rawValue }

    /// "`.png`, `.svg` or `.pdf`" for messages.
    public static var list: String {
        let all = allCases.map { "." + $0.rawValue }
        return all.dropLast().joined(separator: ", ") + " or " + all.last!
    }
}

/// An output path whose extension names no format Plotline writes.
public struct OutputFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// The extension found (without the dot), nil when the name has none.
    public var fileExtension: String?

    public var description: String {
        if let e = fileExtension {
            return "cannot write \(path): .\(e) is not an output format; use \(OutputFormat.list) (the extension picks the format)"
        }
        return "cannot write \(path): the name has no extension; use \(OutputFormat.list) (the extension picks the format), or - for PNG on standard output"
    }
}
