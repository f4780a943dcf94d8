/// The levels of a category column in order of first appearance, and the code of each text.
struct CategoryLevels {
    private(set) var levels: [String] = []
    private var index: [String: Int32] = [:]

    init(_ existing: [String] = []) {
        levels = existing
        index = Dictionary(existing.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The code of `text`, adding it as a new level when it is not one yet.
    mutating func code(_ text: String) -> Int32 {
        if let c = index[text] { return c }
        let c = Int32(levels.count)
        index[text] = c
        levels.append(text)
        return c
    }
}
