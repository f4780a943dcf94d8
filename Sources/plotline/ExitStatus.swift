/// Ends the process with this status and nothing more printed (the command has said what went wrong).
struct ExitStatus: Error {
    /// The process's exit status.
    let code: Int32

    init(_ code: Int32) { self.code = code }
}
