import Foundation
import Table

/// One JSON value of a report spec at its key path, with the strict typed reads every key goes
/// through (the report's counterpart of FigureSpec's `FigureSpecNode`, which is internal to FigureSpec).
///
/// Report specs and manifests are read with Table's `JSONDocument` rather than
/// `JSONSerialization` because the report needs what Foundation's parser drops: member order,
/// `true` told apart from `1`, the line of each value for messages, and the exact byte range of
/// an inline figure, which is handed to `FigureSpec.parse` unchanged (so an inline figure reads
/// exactly as a `.plot.json`).
struct ReportSpecNode {
    let located: JSONDocument.Node
    let path: String
    let source: String

    var value: JSONDocument.Value { located.value }

    /// An error at this node (with its line, since report specs are short and hand-written).
    func error(_ message: String) -> ReportSpecError {
        ReportSpecError(source: source, line: located.line, keyPath: path.isEmpty ? nil : path, message: message)
    }

    /// `expected <what>, found <this value>`.
    func wrongType(_ expected: String) -> ReportSpecError { error("expected \(expected), found \(found)") }

    /// The value as a message quotes it.
    var found: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let v): return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
        case .string(let s): return "\"" + (s.count > 40 ? String(s.prefix(40)) + "…" : s) + "\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    func string() throws(ReportSpecError) -> String {
        guard case .string(let s) = value else { throw wrongType("a string") }
        return s
    }

    func nonEmptyString() throws(ReportSpecError) -> String {
        let s = try string()
        guard !s.trimmingCharacters(in: .whitespaces).isEmpty else { throw error("expected a non-empty string") }
        return s
    }

    func bool() throws(ReportSpecError) -> Bool {
        guard case .bool(let b) = value else { throw wrongType("true or false") }
        return b
    }

    func number() throws(ReportSpecError) -> Double {
        guard case .number(let v) = value, v.isFinite else { throw wrongType("a number") }
        return v
    }

    func integer() throws(ReportSpecError) -> Int {
        guard case .number(let v) = value, v == v.rounded(), abs(v) < 1e15 else { throw wrongType("an integer") }
        return Int(v)
    }

    func array() throws(ReportSpecError) -> [ReportSpecNode] {
        guard case .array(let elements) = value else { throw wrongType("an array") }
        return elements.enumerated().map { ReportSpecNode(located: $1, path: path + "[\($0)]", source: source) }
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

    /// An object that may hold only `keys`; unknown and duplicate keys are errors.
    func object(keys: [String]) throws(ReportSpecError) -> [String: ReportSpecNode] {
        guard case .object(let members) = value else { throw wrongType("an object") }
        var seen: [String: ReportSpecNode] = [:]
        for (key, member) in members {
            let child = ReportSpecNode(located: member, path: path.isEmpty ? key : path + "." + key, source: source)
            guard keys.contains(key) else {
                if let near = DidYouMean.closest(to: key, in: keys) { throw child.error("unknown key (did you mean \"\(near)\"?)") }
                throw child.error("unknown key (known keys: \(keys.joined(separator: ", ")))")
            }
            guard seen[key] == nil else { throw child.error("duplicate key") }
            if case .null = member.value { continue }  // null means "not given"
            seen[key] = child
        }
        return seen
    }
}
