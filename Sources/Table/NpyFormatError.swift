/// A problem with a `.npy` file's structure, as a message (placed in a `DataError` by `NpyReader`).
struct NpyFormatError: Error, Equatable {
    /// What is wrong, naming the part of the file (`header: ...`, `truncated: ...`).
    let message: String

    /// Creates an error with its message.
    init(_ message: String) { self.message = message }
}
