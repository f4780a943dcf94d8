/// An explicit NaN in the data (`nan` / `NaN` in CSV, `NaN` in JSON, a NaN element of a `.npy`
/// array) told apart from a missing cell (empty, `NA`, `null`), which is plain `.nan`.
///
/// Both are NaN to every computation; the difference is a quiet-NaN payload, set once by the
/// readers (`NumberParser`, `JSONParser`, `NpyReader`) and read once when a series is built:
/// a missing cell is skipped and its neighbours joined (a sparse column of a wide training
/// log draws as one line), an explicit NaN is kept and breaks the line (as in matplotlib).
extension Double {
    /// The NaN a reader stores for an explicit NaN in the data (quiet, payload 1).
    public static let explicitNaN = Double(nan: 1, signaling: false)

    /// True for a NaN the data spelled out (`explicitNaN`), false for numbers and missing cells.
    public var isExplicitNaN: Bool { bitPattern == Double.explicitNaN.bitPattern }

    /// True for a missing cell: a NaN that is not an explicit one.
    public var isMissingValue: Bool { isNaN && !isExplicitNaN }
}
