/// A problem with a report spec or a report folder, named by the file and the JSON key path or line.
///
/// It reads like `FigureSpec`'s errors: `report.json: sections[0].figures[2].dta: unknown key
/// (did you mean "data"?)`, or `report.json:7: invalid JSON: expected ',' or '}'`. A report whose
/// spec has such an error renders nothing (exit status 64); errors inside one figure (its data,
/// its figure spec) are that figure's alone and go into the manifest instead.
public struct ReportSpecError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The report spec's name as given (or the folder).
    public var source: String
    /// The 1-based line, for syntax errors.
    public var line: Int?
    /// The JSON key path of the offending value, such as `sections[0].figures[1].data`.
    public var keyPath: String?
    /// What is wrong, without the location.
    public var message: String

    /// Creates an error.
    public init(source: String, line: Int? = nil, keyPath: String? = nil, message: String) {
        self.source = source; self.line = line; self.keyPath = keyPath; self.message = message
    }

    /// `file[:line][: key.path]: message`.
    public var description: String {
        var text = source
        if let line { text += ":\(line)" }
        if let keyPath, !keyPath.isEmpty { text += ": \(keyPath)" }
        return text + ": " + message
    }
}
