import Chart
import Foundation
import PNG
import Service
import Synchronization
import XCTest

/// A small figure (200×150) whose title shows `state`, so each state draws differently.
func smallFigure(_ state: String, width: Int = 200) -> Figure {
    let n = Double(state.utf8.reduce(0) { $0 &+ Int($1) } & 7)
    return Figure(width: width, height: 150, title: state,
                  panels: [Panel(series: [Series("s", x: [0, 1, 2, 3], y: [0, n, 1, 2])], legend: .none)])
}

/// A job for `output` whose PNG carries `state` in a "state" text chunk, read back with `writtenState`.
func stateJob(_ output: String, _ state: String) -> RenderJob {
    RenderJob(output: output, figure: smallFigure(state),
              pngOptions: PNG.Options.default.withText([PNG.TextChunk(key: "state", value: state)]))
}

/// Like `stateJob`, but the figure is built on the render thread by a closure that first runs
/// `probe` (overlap check, optional delay).
func probedJob(_ output: String, _ state: String, probe: RenderProbe) -> RenderJob {
    RenderJob(output: output, pngOptions: PNG.Options.default.withText([PNG.TextChunk(key: "state", value: state)])) {
        probe.enter()
        defer { probe.exit() }
        return smallFigure(state)
    }
}

/// The "state" text chunk of the PNG at `path`, or nil when there is no readable PNG.
func writtenState(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path),
          let chunks = try? PNG.textChunks([UInt8](data)) else { return nil }
    return chunks.first { $0.key == "state" }?.value
}

/// A fresh empty folder under the system's temporary folder.
func temporaryFolder(_ name: String = #function) -> String {
    let base = FileManager.default.temporaryDirectory.path + "/plotline-service-tests"
    let path = base + "/" + name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString.prefix(8)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Counts figure builds on the render thread and records any overlap the queue's own guard
/// should make impossible; can slow each build down to force coalescing and queueing.
final class RenderProbe: Sendable {
    let active = Atomic<Int>(0)
    let overlaps = Atomic<Int>(0)
    let builds = Atomic<Int>(0)
    let delayMicroseconds: UInt32

    init(delayMicroseconds: UInt32 = 0) { self.delayMicroseconds = delayMicroseconds }

    func enter() {
        if active.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue != 1 {
            overlaps.wrappingAdd(1, ordering: .relaxed)
        }
        builds.wrappingAdd(1, ordering: .relaxed)
        if delayMicroseconds > 0 { usleep(delayMicroseconds) }
    }

    func exit() { active.wrappingSubtract(1, ordering: .acquiringAndReleasing) }
}

/// A value behind an `NSLock` (the thread sanitizer sees pthread locks; it cannot see the
/// futex inside Synchronization's `Mutex` on Linux and would report false races).
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// A lock-protected map from (output, version) to the state submitted as that version.
final class SubmissionLog: Sendable {
    private let states = LockedBox<[String: [UInt64: String]]>([:])

    func record(_ ticket: RenderTicket, _ state: String) {
        states.withLock { $0[ticket.output, default: [:]][ticket.version] = state }
    }

    /// The state of the highest version submitted for `output`.
    func latest(_ output: String) -> (version: UInt64, state: String)? {
        states.withLock { s in s[output]?.max { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    func count(_ output: String) -> Int { states.withLock { $0[output]?.count ?? 0 } }
}

/// Collects answers from completion callbacks (thread-safe).
final class AnswerBox: Sendable {
    private let answers = LockedBox<[Result<RenderResult, RenderError>]>([])
    func add(_ r: Result<RenderResult, RenderError>) { answers.withLock { $0.append(r) } }
    var all: [Result<RenderResult, RenderError>] { answers.withLock { $0 } }
}
