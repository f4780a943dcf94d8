import FoundationEssentials
import Synchronization
import Report
import Service
import Platform

/// Shows a report's progress on standard error: one updating line with a bar on a terminal,
/// a plain line per figure otherwise (CI logs), nothing but failures with `--quiet`.
final class ReportProgressDisplay: @unchecked Sendable {
    private let quiet: Bool
    private let terminal: Bool
    private let lock = Mutex(())
    private var drewBar = false

    init(quiet: Bool, terminal: Bool) { self.quiet = quiet; self.terminal = terminal }

    /// Called after each figure (from a writer thread).
    func show(_ p: ReportProgress) {
        lock.withLock { _ in
            let ms = CFormat.string("%.1f ms", p.milliseconds)
            if let error = p.error {
                if drewBar { write("\r\u{1B}[K") }
                write("[\(p.completed)/\(p.total)] \(p.name)  FAILED: \(error)\n")
            } else if quiet {
                return
            } else if !terminal {
                write("[\(p.completed)/\(p.total)] \(p.name)  \(ms)\n")
                return
            }
            guard terminal, !quiet else { return }
            let width = 30, filled = p.total == 0 ? width : width * p.completed / p.total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let name = p.name.count > 40 ? String(p.name.prefix(39)) + "…" : p.name
            write("\r\u{1B}[K\(bar) \(p.completed)/\(p.total) \(name)  \(ms)")
            drewBar = true
        }
    }

    /// Ends the bar's line.
    func end() {
        lock.withLock { _ in
            if drewBar { write("\n"); drewBar = false }
        }
    }

    private func write(_ text: String) { StandardStream.error.write(text) }
}
