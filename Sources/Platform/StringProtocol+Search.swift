extension StringProtocol {
    /// The range of the last occurrence of `needle` (occurrences may overlap), nil when there is
    /// none: `range(of:options: .backwards)` without Foundation.
    public func lastRange(of needle: some StringProtocol) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var start = endIndex
        while start > startIndex {
            start = index(before: start)
            if self[start...].starts(with: needle) {
                return start..<index(start, offsetBy: needle.count)
            }
        }
        return nil
    }
}
