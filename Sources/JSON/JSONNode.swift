/// One located JSON value of a spec at its key path, with the strict, typed reads every key of
/// every spec format goes through (figure specs, report specs, report manifests).
///
/// Each read either returns a value of the one type the format allows there or throws the
/// format's own `Failure`, naming this node's key path and line; objects are opened with the list
/// of keys they may have (`object(keys:)`), so an unknown key (with a did-you-mean hint) or a
/// duplicated key is an error too. JSON `null` on an optional key means "not given" (what
/// Python's `json.dumps` writes for `None`). Formats add their own reads in extensions
/// constrained to their `Failure`.
public struct JSONNode<Failure: JSONNodeError>: Sendable {
    /// The value with its byte range and line in the source.
    public let located: JSONDocument.Node
    /// The key path, such as `panels[0].series[1].y`; empty for the root.
    public let path: String
    /// The source's name as given, for messages.
    public let source: String

    /// The node for `located` at `path`.
    public init(_ located: JSONDocument.Node, path: String = "", source: String) {
        self.located = located
        self.path = path
        self.source = source
    }

    /// The value.
    public var value: JSONDocument.Value { located.value }

    /// The error for `problem` at this node.
    public func failure(_ problem: JSONNodeProblem) -> Failure {
        Failure(problem, source: source, keyPath: path, line: located.line)
    }

    /// A wrong-type error at this node.
    public func wrongType(_ expected: String) -> Failure {
        failure(.wrongType(expected: expected, found: found))
    }

    /// The member `key` of this node, whose value is `located`.
    public func member(_ key: String, _ located: JSONDocument.Node) -> JSONNode {
        JSONNode(located, path: path(member: key), source: source)
    }

    /// This node's place with another value (for a format that rewrites an object before reading it).
    public func replacing(_ value: JSONDocument.Value) -> JSONNode {
        JSONNode(JSONDocument.Node(value: value, range: located.range, line: located.line), path: path, source: source)
    }

    /// The path of a member key: `a.b`, or `a["odd key"]` for keys that are not plain words.
    public func path(member key: String) -> String { JSONNode.path(path, member: key) }

    /// The path of member `key` under `parent`: `a.b`, or `a["odd key"]` for keys that are not plain words.
    public static func path(_ parent: String, member key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") && $0.isASCII
        }
        if !plain { return parent + "[" + MessageText.jsonQuoted(key) + "]" }
        return parent.isEmpty ? key : parent + "." + key
    }

    // MARK: - Typed reads

    /// A string.
    public func string() throws(Failure) -> String {
        guard case .string(let s) = value else { throw wrongType("a string") }
        return s
    }

    /// A finite number.
    public func number() throws(Failure) -> Double {
        guard case .number(let v) = value else { throw wrongType("a number") }
        guard v.isFinite else { throw failure(.invalidValue(expected: "a finite number", found: found)) }
        return v
    }

    /// A number in a range (`what` describes it for the message, e.g. "a number from 0 to 1").
    public func number(in range: ClosedRange<Double>, _ what: String) throws(Failure) -> Double {
        let v = try number()
        guard range.contains(v) else { throw failure(.invalidValue(expected: what, found: found)) }
        return v
    }

    /// A number greater than zero (and at most `limit`).
    public func positive(_ what: String = "a positive number", limit: Double = .greatestFiniteMagnitude) throws(Failure) -> Double {
        let v = try number()
        guard v > 0, v <= limit else { throw failure(.invalidValue(expected: what, found: found)) }
        return v
    }

    /// An integer (a JSON number without a fractional part).
    public func integer() throws(Failure) -> Int {
        guard case .number(let v) = value, v.isFinite, v == v.rounded(), abs(v) < 1e15 else {
            throw wrongType("an integer")
        }
        return Int(v)
    }

    /// `true` or `false`.
    public func bool() throws(Failure) -> Bool {
        guard case .bool(let b) = value else { throw wrongType("true or false") }
        return b
    }

    /// The elements of an array, each at its `[i]` path.
    public func array() throws(Failure) -> [JSONNode] {
        guard case .array(let elements) = value else { throw wrongType("an array") }
        // A plain loop: `enumerated().map` ran unspecialized here, its types made at run time.
        var nodes: [JSONNode] = []
        nodes.reserveCapacity(elements.count)
        for i in elements.indices { nodes.append(JSONNode(elements[i], path: path + "[" + String(i) + "]", source: source)) }
        return nodes
    }

    /// An object that may hold only `keys`; unknown and duplicate keys are errors.
    public func object(keys: [String]) throws(Failure) -> JSONObject<Failure> {
        guard case .object(let members) = value else { throw wrongType("an object") }
        var seen: [String: JSONDocument.Node] = [:]
        for (key, value) in members {
            let child = member(key, value)
            guard keys.contains(key) else {
                throw child.failure(.unknownKey(suggestion: DidYouMean.closest(to: key, in: keys), known: keys))
            }
            guard seen[key] == nil else { throw child.failure(.duplicateKey) }
            seen[key] = value
        }
        return JSONObject(node: self, members: seen)
    }

    /// One of a fixed set of strings, mapped to its value.
    public func choice<T>(_ table: KeyValuePairs<String, T>) throws(Failure) -> T {
        let s = try string()
        // A plain loop: the generic `first(where:)` made the runtime look up conformances.
        for (key, value) in table where key == s { return value }
        throw failure(.notOneOf(choices: table.map(\.key), found: found))
    }

    /// One of a fixed set of strings given as an array of pairs (for tables built from `CaseIterable`).
    public func choice<T>(_ pairs: [(String, T)]) throws(Failure) -> T {
        let s = try string()
        for (key, value) in pairs where key == s { return value }
        throw failure(.notOneOf(choices: pairs.map(\.0), found: found))
    }

    /// The value as a message quotes it: JSON text for scalars, "an array" / "an object" otherwise.
    public var found: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let v):
            if v.isNaN { return "NaN" }
            if v.isInfinite { return v > 0 ? "Infinity" : "-Infinity" }
            return JSONWriter.number(v)
        case .string(let s): return MessageText.jsonQuoted(s.count > 40 ? String(s.prefix(40)) + "…" : s)
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
