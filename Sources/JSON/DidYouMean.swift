/// The did-you-mean hint of every "unknown key" message (figure specs, report specs): the known
/// name closest to a misspelt one, when it is close enough to be a likely typo.
///
/// One algorithm for all callers, in the JSON module beside the typed-node reader that names
/// unknown keys (`JSONNode.object(keys:)`), so every spec format suggests alike. The distance is Damerau–Levenshtein in its
/// optimal-string-alignment form (insertions, deletions, substitutions and swaps of two
/// neighbours, over Unicode scalars), as compilers use for misspelt names, so `lable` is one
/// edit from `label`.
public enum DidYouMean {
    /// The name in `known` closest to `name` (case ignored) if it is within a third of the
    /// longer one's length in edits (at least 1, at most 3); the first of equally close ones.
    public static func closest(to name: String, in known: [String]) -> String? {
        let lower = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in known {
            let d = editDistance(lower, candidate.lowercased())
            let limit = max(1, min(3, max(candidate.count, name.count) / 3))
            if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Edit distance over Unicode scalars: insertions, deletions, substitutions and swaps of two
    /// neighbours (the optimal-string-alignment form of Damerau–Levenshtein).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
