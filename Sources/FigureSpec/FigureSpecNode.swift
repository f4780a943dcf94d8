import Table

/// One JSON value of a figure spec at its key path, with the strict, typed reads every key goes through.
///
/// Each read either returns a value of the one type the spec allows there or throws a
/// `SpecError` naming this node's key path; objects are opened with the list of keys they may
/// have, so an unknown or duplicated key is an error too. JSON `null` on an optional key means
/// "not given" (what Python's `json.dumps` writes for `None`).
struct FigureSpecNode {
    let value: JSONValue
    let path: String
    let source: String

    /// An error at this node.
    func error(_ kind: SpecError.Kind) -> SpecError {
        SpecError(kind, source: source, keyPath: path.isEmpty ? nil : path)
    }

    /// The path of a member key: `a.b`, or `a["odd key"]` for keys that are not plain words.
    func path(member key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") && $0.isASCII
        }
        if !plain { return path + "[" + JSONTableReader.quoted(key) + "]" }
        return path.isEmpty ? key : path + "." + key
    }

    // MARK: - Typed reads

    /// A string.
    func string() throws(SpecError) -> String {
        guard case .string(let s) = value else { throw wrongType("a string") }
        return s
    }

    /// A finite number.
    func number() throws(SpecError) -> Double {
        guard case .number(let v) = value else { throw wrongType("a number") }
        guard v.isFinite else { throw error(.invalidValue(expected: "a finite number", found: found)) }
        return v
    }

    /// A number in a range (`what` describes it for the message, e.g. "a number from 0 to 1").
    func number(in range: ClosedRange<Double>, _ what: String) throws(SpecError) -> Double {
        let v = try number()
        guard range.contains(v) else { throw error(.invalidValue(expected: what, found: found)) }
        return v
    }

    /// A number greater than zero (and at most `limit`).
    func positive(_ what: String = "a positive number", limit: Double = .greatestFiniteMagnitude) throws(SpecError) -> Double {
        let v = try number()
        guard v > 0, v <= limit else { throw error(.invalidValue(expected: what, found: found)) }
        return v
    }

    /// An integer (a JSON number without a fractional part).
    func integer() throws(SpecError) -> Int {
        guard case .number(let v) = value, v.isFinite, v == v.rounded(), abs(v) < 1e15 else {
            throw wrongType("an integer")
        }
        return Int(v)
    }

    /// `true` or `false`.
    func bool() throws(SpecError) -> Bool {
        guard case .bool(let b) = value else { throw wrongType("true or false") }
        return b
    }

    /// The elements of an array, each at its `[i]` path.
    func array() throws(SpecError) -> [FigureSpecNode] {
        guard case .array(let elements) = value else { throw wrongType("an array") }
        return elements.enumerated().map { FigureSpecNode(value: $1, path: path + "[\($0)]", source: source) }
    }

    /// An object that may hold only `keys`; unknown and duplicate keys are errors.
    func object(keys: [String]) throws(SpecError) -> FigureSpecObject {
        guard case .object(let members) = value else { throw wrongType("an object") }
        var seen: [String: JSONValue] = [:]
        for (key, value) in members {
            let child = FigureSpecNode(value: value, path: path(member: key), source: source)
            guard keys.contains(key) else {
                throw child.error(.unknownKey(suggestion: DidYouMean.closest(to: key, in: keys), known: keys))
            }
            guard seen[key] == nil else { throw child.error(.duplicateKey) }
            seen[key] = value
        }
        return FigureSpecObject(node: self, members: seen)
    }

    /// One of a fixed set of strings, mapped to its value.
    func choice<T>(_ table: KeyValuePairs<String, T>) throws(SpecError) -> T {
        let s = try string()
        guard let match = table.first(where: { $0.key == s }) else {
            throw error(.notOneOf(choices: table.map(\.key), found: found))
        }
        return match.value
    }

    /// One of a fixed set of strings given as an array of pairs (for tables built from `CaseIterable`).
    func choice<T>(_ pairs: [(String, T)]) throws(SpecError) -> T {
        let s = try string()
        guard let match = pairs.first(where: { $0.0 == s }) else {
            throw error(.notOneOf(choices: pairs.map(\.0), found: found))
        }
        return match.1
    }

    /// A wrong-type error at this node.
    func wrongType(_ expected: String) -> SpecError {
        error(.wrongType(expected: expected, found: found))
    }

    /// The value as a message quotes it: JSON text for scalars, "an array" / "an object" otherwise.
    var found: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let v):
            if v.isNaN { return "NaN" }
            if v.isInfinite { return v > 0 ? "Infinity" : "-Infinity" }
            return Column.format(number: v)
        case .string(let s): return JSONTableReader.quoted(s.count > 40 ? String(s.prefix(40)) + "…" : s)
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A spec object whose keys have been checked: reads of optional and required members.
struct FigureSpecObject {
    let node: FigureSpecNode
    let members: [String: JSONValue]

    /// The member, or nil when it is absent or `null`.
    func optional(_ key: String) -> FigureSpecNode? {
        guard let value = members[key] else { return nil }
        if case .null = value { return nil }
        return FigureSpecNode(value: value, path: node.path(member: key), source: node.source)
    }

    /// The member; its absence is an error at its own key path (`null` is a wrong type).
    func required(_ key: String, note: String? = nil) throws(SpecError) -> FigureSpecNode {
        let path = node.path(member: key)
        guard let value = members[key] else {
            throw SpecError(.missingKey(note: note), source: node.source, keyPath: path)
        }
        return FigureSpecNode(value: value, path: path, source: node.source)
    }
}
