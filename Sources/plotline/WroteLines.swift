import Chart
import FoundationEssentials
import Synchronization
import Service
import Vector
import Platform

/// A command's figures on the render queue, and its "wrote …" lines: one per file written, in
/// submission order although two writers may finish out of order, with the first failure kept
/// for the command to throw once the queue is done. After a failure, later figures are skipped.
///
/// The figure builders run on the render thread and report here what each figure holds (for
/// the line); the queue's completions report what was written or why not.
final class WroteLines: @unchecked Sendable {
    // @unchecked: every mutable member is guarded by `lock`.
    private let lock = Mutex(())
    private var summaries: [Int: String] = [:]
    private var files: [Int: [String]] = [:]
    /// What each figure's drawing left out for lack of room (`WrittenFigure.notes`).
    private var notes: [Int: [String]] = [:]
    /// Errors thrown by the figure builders, as the user should read them.
    private var buildErrors: [Int: Error] = [:]
    private var errors: [Int: Error] = [:]
    private var done: Set<Int> = []
    private var printed = 0

    /// Thrown by the builder of a figure submitted after one that failed.
    struct Skipped: Error, CustomStringConvertible {
        var description: String { "skipped after an earlier figure failed" }
    }

    /// A job for figure `index` whose builder runs `build` on the render thread: it returns the
    /// figure and the number of input rows read; `describe` turns them into the line's summary.
    func job(_ index: Int, output: String,
             describe: @escaping @Sendable (Figure, Int) -> String = Render.summary,
             build: @escaping @Sendable () throws -> (figure: Figure, rows: Int)) -> RenderJob {
        job(index, output: output, describe: describe) { () throws -> (figure: Figure, rows: Int, alsoWrite: [OutputFormat]?) in
            let (figure, rows) = try build()
            return (figure, rows, nil)
        }
    }

    /// As `job(_:output:describe:build:)`, with the formats written beside the main file as
    /// decided once the figure's spec is read (`OutputFormats`; nil: the job's `alsoWrite`).
    func job(_ index: Int, output: String,
             describe: @escaping @Sendable (Figure, Int) -> String = Render.summary,
             build: @escaping @Sendable () throws -> (figure: Figure, rows: Int, alsoWrite: [OutputFormat]?)) -> RenderJob {
        var job = RenderJob(output: output, makeFigureAndFormats: { [self] in
            if failed { throw Skipped() }
            do {
                let (figure, rows, also) = try build()
                lock.withLock { _ in summaries[index] = describe(figure, rows) }
                return (figure, also)
            } catch {
                lock.withLock { _ in buildErrors[index] = error }
                throw error
            }
        })
        job.onWritten = { [self] written in
            lock.withLock { _ in
                files[index] = written.files
                notes[index] = written.notes
            }
        }
        return job
    }

    /// Submits a job made by `job(_:output:build:)`; its line prints once its predecessors' have.
    func submit(_ job: RenderJob, index: Int, to queue: RenderQueue) throws {
        do {
            try queue.submit(job) { [self] result in finished(index, result) }
        } catch {
            throw CLIError("cannot render \(job.output): \(error)")
        }
    }

    /// True once a figure failed.
    var failed: Bool { lock.withLock { _ in !errors.isEmpty || !buildErrors.isEmpty } }

    /// The first failed figure's error (in submission order), if any.
    var firstError: Error? {
        lock.withLock { _ in
            let all = errors.merging(buildErrors) { _, build in build }
            return all.keys.min().flatMap { all[$0] }
        }
    }

    /// Records figure `index`'s outcome and prints every line whose predecessors are all done.
    private func finished(_ index: Int, _ result: Result<RenderResult, RenderError>) {
        lock.withLock { _ in
            if case .failure(let error) = result, buildErrors[index] == nil {
                if case .failed(_, _, let reason) = error { errors[index] = CLIError(reason) } else { errors[index] = error }
            }
            done.insert(index)
            while done.contains(printed) {
                if errors[printed] == nil, buildErrors[printed] == nil, let summary = summaries[printed] {
                    for file in files[printed] ?? [] {
                        let line = "wrote \(file == "-" ? "standard output" : file) (\(summary))"
                        // With -o - the figure is standard output: the log line goes to standard error.
                        if file == "-" { StandardStream.error.write(line + "\n") } else { print(line) }
                    }
                    for note in notes[printed] ?? [] {
                        let name = files[printed]?.first.map { $0 == "-" ? "standard output" : $0 } ?? ""
                        StandardStream.error.write("warning: \(name): \(note)\n")
                    }
                }
                printed += 1
            }
        }
    }
}
