/// What a typed read of a `JSONNode` found wrong, before a spec format turns it into its own error.
///
/// The wordings live here, once, so every spec format (figure specs, report specs, report
/// manifests) says the same thing about the same mistake.
public enum JSONNodeProblem: Sendable, Equatable {
    /// A value of the wrong JSON type (`expected` is "a string", "a number", ...; `found` is the
    /// value as `JSONNode.found` quotes it).
    case wrongType(expected: String, found: String)
    /// A value of the right type that is out of range or malformed.
    case invalidValue(expected: String, found: String)
    /// A string outside a fixed set of choices.
    case notOneOf(choices: [String], found: String)
    /// A key the format does not have, with the closest known key if one is near.
    case unknownKey(suggestion: String?, known: [String])
    /// The same key twice in one object.
    case duplicateKey
    /// A required key is absent; the note, if any, says why it is required here.
    case missingKey(note: String?)

    /// The message without the location.
    public var message: String {
        switch self {
        case .wrongType(let expected, let found), .invalidValue(let expected, let found):
            return "expected \(expected), found \(found)"
        case .notOneOf(let choices, let found):
            return "expected one of \(choices.joined(separator: ", ")), found \(found)"
        case .unknownKey(let suggestion, let known):
            if let suggestion { return "unknown key (did you mean \"\(suggestion)\"?)" }
            return "unknown key (known keys: \(known.joined(separator: ", ")))"
        case .duplicateKey: return "duplicate key"
        case .missingKey(let note): return "missing required key" + (note.map { " (\($0))" } ?? "")
        }
    }
}

/// An error type a `JSONNode` reader throws: each spec format makes its own from a problem and
/// where it sits (the source's name, the key path, empty for the root, and the value's line).
public protocol JSONNodeError: Error {
    /// The error for `problem` at `keyPath` (line `line`) of `source`.
    init(_ problem: JSONNodeProblem, source: String, keyPath: String, line: Int)
}
