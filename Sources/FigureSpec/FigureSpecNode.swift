import JSON
import Table

/// One JSON value of a figure spec at its key path: Table's one typed-node reader (`JSONNode`,
/// shared with report specs), throwing `SpecError`.
///
/// Each read either returns a value of the one type the spec allows there or throws a
/// `SpecError` naming this node's key path; objects are opened with the list of keys they may
/// have, so an unknown or duplicated key is an error too.
typealias FigureSpecNode = JSONNode<SpecError>

/// A figure spec object whose keys have been checked: reads of optional and required members.
typealias FigureSpecObject = JSONObject<SpecError>

extension SpecError: JSONNodeError {
    /// The error for a typed read's problem; figure spec errors name the key path, not the line.
    public init(_ problem: JSONNodeProblem, source: String, keyPath: String, line: Int) {
        let kind: Kind
        switch problem {
        case .wrongType(let expected, let found): kind = .wrongType(expected: expected, found: found)
        case .invalidValue(let expected, let found): kind = .invalidValue(expected: expected, found: found)
        case .notOneOf(let choices, let found): kind = .notOneOf(choices: choices, found: found)
        case .unknownKey(let suggestion, let known): kind = .unknownKey(suggestion: suggestion, known: known)
        case .duplicateKey: kind = .duplicateKey
        case .missingKey(let note): kind = .missingKey(note: note)
        }
        self.init(kind, source: source, keyPath: keyPath.isEmpty ? nil : keyPath)
    }
}

extension JSONNode where Failure == SpecError {
    /// An error at this node.
    func error(_ kind: SpecError.Kind) -> SpecError {
        SpecError(kind, source: source, keyPath: path.isEmpty ? nil : path)
    }
}
