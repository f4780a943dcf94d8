import JSON
import Table

/// A problem in a figure spec, named by the spec file and the JSON key path where it sits.
///
/// The description reads like a compiler diagnostic, in the same shape as `DataError`:
/// `figure.json: panels[1].series[0].kind: expected one of line, scatter, step, area, bar, histogram, heatmap, box, pie, found "lines"`,
/// `figure.json: panels[0].seris: unknown key (did you mean "series"?)`, or, for a syntax
/// error, `figure.json:7: invalid JSON: expected ',' or '}', found ']'`.
public struct SpecError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The spec file could not be read; the payload is the system's reason.
        case unreadable(String)
        /// The spec is not valid JSON; the payload says what the parser expected (the line is in `line`).
        case invalidJSON(String)
        /// A key the spec format does not have, with the closest known key if one is near.
        case unknownKey(suggestion: String?, known: [String])
        /// The same key twice in one object.
        case duplicateKey
        /// A required key is absent; the note, if any, says why it is required here.
        case missingKey(note: String?)
        /// A value of the wrong JSON type (`expected` is "a string", "a number", ...; `found` is
        /// the value as JSON writes it, or "an array" / "an object").
        case wrongType(expected: String, found: String)
        /// A string outside a fixed set of choices.
        case notOneOf(choices: [String], found: String)
        /// A value of the right type that is out of range or malformed.
        case invalidValue(expected: String, found: String)
        /// `version` is not one this build reads.
        case unsupportedVersion(found: String, supported: Int)
        /// A series names a column its table does not have.
        case noSuchColumn(String, table: String, available: [String])
        /// A series puts a column of text on a numeric axis; `found` is its first non-number, quoted.
        case notNumeric(column: String, table: String, found: String)
        /// A series names a data source the spec does not define.
        case noSuchDataSource(String, available: [String])
        /// `figure(tables:)` was not given a table for this data source.
        case noTable
        /// Values that are each fine but do not fit together (the payload says how).
        case conflict(String)
        /// The figure would take more memory than a documented limit allows (`ResourceLimits`).
        case tooLarge(String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The spec file's name as given (or a caller-chosen name for in-memory specs).
    public var source: String
    /// The JSON key path of the offending value, such as `panels[0].series[1].y`; nil for the
    /// document as a whole.
    public var keyPath: String?
    /// The 1-based line, for syntax errors.
    public var line: Int?

    /// Creates an error.
    public init(_ kind: Kind, source: String, keyPath: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.source = source
        self.keyPath = keyPath
        self.line = line
    }

    /// `file[:line][: key.path]: message`.
    public var description: String {
        var text = source
        if let line { text += ":\(line)" }
        if let keyPath, !keyPath.isEmpty { text += ": \(keyPath)" }
        return text + ": " + message
    }

    /// The message without the location.
    public var message: String {
        switch kind {
        case .unreadable(let reason): return "cannot read the file (\(reason))"
        case .invalidJSON(let what): return "invalid JSON: \(what)"
        case .unknownKey(let suggestion, let known): return JSONNodeProblem.unknownKey(suggestion: suggestion, known: known).message
        case .duplicateKey: return JSONNodeProblem.duplicateKey.message
        case .missingKey(let note): return JSONNodeProblem.missingKey(note: note).message
        case .wrongType(let expected, let found): return JSONNodeProblem.wrongType(expected: expected, found: found).message
        case .notOneOf(let choices, let found): return JSONNodeProblem.notOneOf(choices: choices, found: found).message
        case .invalidValue(let expected, let found): return JSONNodeProblem.invalidValue(expected: expected, found: found).message
        case .unsupportedVersion(let found, let supported):
            return "unsupported version \(found) (this plotline reads version \(supported))"
        case .noSuchColumn(let column, let table, let available):
            let hint = DidYouMean.closest(to: column, in: available).map { "did you mean \"\(MessageText.escaped($0))\"? " } ?? ""
            return "no column \"\(MessageText.escaped(column))\" in \(table) (\(hint)columns: \(MessageText.names(available, quote: "")))"
        case .notNumeric(let column, let table, let found):
            return "column \"\(MessageText.escaped(column))\" in \(table) is not numeric (found \(found)); "
                + "use \"scale\": \"category\" to draw it as categories"
        case .noSuchDataSource(let name, let available):
            return "no data source \"\(name)\" (data sources: \(available.joined(separator: ", ")))"
        case .noTable: return "no table was loaded for this data source"
        case .conflict(let what): return what
        case .tooLarge(let what): return "too large: \(what)"
        }
    }
}
