import FoundationEssentials
import JSON
import Table
import Platform

/// One JSON value of a report spec (or manifest) at its key path: Table's one typed-node reader
/// (`JSONNode`, shared with figure specs), throwing `ReportSpecError`, plus the reads only
/// report specs have (non-empty strings, a string or a list of strings).
///
/// Report specs and manifests are read with Table's `JSONDocument` rather than
/// `JSONSerialization` because the report needs what Foundation's parser drops: member order,
/// `true` told apart from `1`, the line of each value for messages, and the exact byte range of
/// an inline figure, which is handed to `FigureSpec.parse` unchanged (so an inline figure reads
/// exactly as a `.plot.json`).
typealias ReportSpecNode = JSONNode<ReportSpecError>

extension ReportSpecError: JSONNodeError {
    /// The error for a typed read's problem, with the line (report specs are short and hand-written).
    public init(_ problem: JSONNodeProblem, source: String, keyPath: String, line: Int) {
        self.init(source: source, line: line, keyPath: keyPath.isEmpty ? nil : keyPath, message: problem.message)
    }
}

extension JSONNode where Failure == ReportSpecError {
    /// An error at this node (with its line).
    func error(_ message: String) -> ReportSpecError {
        ReportSpecError(source: source, line: located.line, keyPath: path.isEmpty ? nil : path, message: message)
    }

    /// A string with more than white space.
    func nonEmptyString() throws(ReportSpecError) -> String {
        let s = try string()
        guard !s.trimmingWhitespace.isEmpty else { throw error("expected a non-empty string") }
        return s
    }

    /// A string or an array of strings.
    func strings() throws(ReportSpecError) -> [String] {
        if case .string(let s) = value { return [s] }
        guard case .array = value else { throw wrongType("a string or an array of strings") }
        var out: [String] = []
        for node in try array() { out.append(try node.string()) }
        guard !out.isEmpty else { throw error("expected at least one string") }
        return out
    }
}
