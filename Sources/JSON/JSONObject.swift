/// A spec object whose keys have been checked by `JSONNode.object(keys:)`: reads of optional and
/// required members.
public struct JSONObject<Failure: JSONNodeError>: Sendable {
    /// The object's node.
    public let node: JSONNode<Failure>
    /// The members by key, `null` ones included.
    let members: [String: JSONDocument.Node]

    /// The member, or nil when it is absent or `null`.
    public func optional(_ key: String) -> JSONNode<Failure>? {
        guard let value = members[key] else { return nil }
        if case .null = value.value { return nil }
        return node.member(key, value)
    }

    /// The member, or nil when it is absent or `null` (the same as `optional`).
    public subscript(key: String) -> JSONNode<Failure>? { optional(key) }

    /// The member; its absence is an error at its own key path (`null` is returned, for the
    /// caller's read to call a wrong type).
    public func required(_ key: String, note: String? = nil) throws(Failure) -> JSONNode<Failure> {
        guard let value = members[key] else {
            throw Failure(.missingKey(note: note), source: node.source, keyPath: node.path(member: key), line: node.located.line)
        }
        return node.member(key, value)
    }
}
