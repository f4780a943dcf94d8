/// A JSON value without locations (objects keep their key order): the tree `JSONParser` builds
/// and the tree writers build.
///
/// Spec formats (figure specs, report specs, manifests) never read it: they read
/// `JSONDocument`'s located tree through `JSONNode`. It stays for two users, by measurement and
/// by need:
/// - The JSON table reader (`JSONTableReader`), where a located tree is measured slower: parsing
///   100k records (6.8 MB, the bench's training-log rows as one array; debug build, best of 5)
///   took 452 ms as this plain tree and 2317 ms as a `JSONDocument`, while the whole table read
///   took 1002 ms, so locating every value would more than double a JSON table's read time for
///   lines and byte ranges its messages do not use (they name JSON Lines rows by line and
///   records by key path).
/// - Writers: `FigureSpec`'s JSON form (`--print-spec`), its JSON Schema and `prettyText()`. A
///   written value has no source range or line, and the located `Value`'s members are located
///   nodes, so a writer building that type would have to invent locations; a plain tree is simpler.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])
}
