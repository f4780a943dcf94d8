/// Everything reading a figure's tables noticed for the user, gathered once for every command.
///
/// Two kinds: values drawn as missing (`DataWarning`: a cell that is not a number in a numeric
/// column), of which the first `limit` are kept with the total, and read notes (what was read
/// differently from the bytes as written: `DataTable.readNotes`, such as an encoding fallback,
/// invalid dates read as missing, summaries of a run that are not scalars, a run left out).
/// `render` prints them to standard error, `watch` writes them into the sidecar (`warnings`,
/// `warningCount` and `notes`) and `report` into the manifest (a figure's `warnings`), so none
/// of them reaches only a terminal nobody reads.
public struct ReadWarnings: Sendable, Equatable {
    /// At most this many values are listed (`valueCount` has the total).
    public static let limit = 20

    /// The first values drawn as missing, first ones first (table order, then row, then column).
    public var values: [DataWarning]
    /// How many values were drawn as missing in all.
    public var valueCount: Int
    /// The read notes, one line each, in table order, without repeats.
    public var notes: [String]

    /// Nothing noticed.
    public init() {
        values = []
        valueCount = 0
        notes = []
    }

    /// The warnings of `tables` (in this order) and their read notes, then `notes`.
    public init(tables: [DataTable], notes more: [String] = [], limit: Int = ReadWarnings.limit) {
        self.init()
        for table in tables {
            let (first, total) = table.warnings(limit: limit)
            valueCount += total
            values += first.prefix(max(0, limit - values.count))
            add(table.readNotes)
        }
        add(more)
    }

    /// True when nothing was noticed.
    public var isEmpty: Bool { valueCount == 0 && notes.isEmpty }

    /// Appends the notes not listed yet.
    public mutating func add(_ more: [String]) {
        for note in more where !notes.contains(note) { notes.append(note) }
    }

    /// One line each, as a manifest shows them: the values listed, a line for the ones not
    /// listed, then the notes as the readers wrote them.
    public var lines: [String] {
        var out = values.map(\.description)
        if valueCount > values.count {
            out.append("warning: \(valueCount - values.count) more values that are not numbers (drawn as missing values)")
        }
        return out + notes
    }
}
