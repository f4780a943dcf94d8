// Service: the render queue and its render thread.
//
// Design. Producers (threads, tasks, the folder watcher) hand `Sendable` jobs to a
// `RenderQueue`; one dedicated pthread, created by the queue and outside Swift's cooperative
// pool, draws them. That thread alone owns the FreeType library, the figure renderer, the scene
// player and their caches and scratch buffers, so none of them needs a lock and Swift 6 strict
// concurrency is satisfied by construction: only job values and result values cross threads.
// Jobs are keyed by output path with at most one waiting job per output: a newer job replaces
// the waiting one (latest wins) and inherits its waiters, so a burst of 1,000 submissions gives
// a handful of renders and memory is bounded by the number of outputs. Outputs with a waiting
// job take turns (round-robin: the front output renders, a re-submitted one goes to the back),
// so a hot figure cannot starve the others: an output waits for fewer renders than there are
// waiting outputs. Every job runs through the one figure → file pipeline (`FigurePipeline`:
// figure, Scene, encoded bytes, atomic file), for `render`, `watch` and `report` alike; a batch
// job may hand its drawn pixmap to a `BackgroundWriter` (`RenderJob.Encoding`) so that deflating
// overlaps the next drawing, and its output stays busy until written. A failing job becomes an
// error in its result and in `status(of:)`, and the previous file stays.
//
// Locking: one pthread mutex (`Locked`; not Synchronization's `Mutex`, whose futex calls the
// thread sanitizer cannot see) around a plain bookkeeping value (`RenderSchedule`), plus a
// counting semaphore to wake the thread; the lock is held only for dictionary updates, never
// during a render or a callback. Overlapping renders are made impossible by construction and
// checked anyway: an atomic counter around the render step traps if it ever finds two.
//
// Measured (debug build, 2-core VM, ServiceTests, 200×150 figures): 1,001 submissions for one
// output from 5 threads over ~50 ms, with renders slowed to ≥ 3 ms, give 19-22 renders (10-14
// under the thread sanitizer), the last one always the last submission; with three outputs
// re-submitted every 100 µs, a fourth output waited for 2-3 renders (the bound is 3). The
// trade-off of latest-wins: a replaced job is never drawn, so a caller sees only the newest
// state, never each intermediate one; `RenderResult.wasSuperseded` says when that happened.
//
// Credits: latest-wins coalescing keyed by target follows the "dirty flag + single render
// thread" pattern of GUI toolkits (Qt's `QWidget::update`, which merges repaint requests until
// the event loop runs, and matplotlib's `draw_idle`); round-robin turn order over queues is the
// classic fair-queuing scheme (Nagle, "On Packet Switches with Infinite Storage", 1985).

/// A queue of figure renders drawn by one dedicated thread, with latest-wins coalescing per
/// output and round-robin fairness between outputs.
///
/// Any thread or task may call any method. `submit` never waits for a render; `render`
/// suspends until its output is written (or fails); `shutdown` stops the thread. Dropping the
/// last reference without a shutdown is safe: waiting jobs are still drawn, then the thread
/// exits on its own (it is detached, nobody blocks).
public final class RenderQueue: Sendable {
    let core: RenderQueueCore
    let thread: RenderThread

    /// Starts the render thread and opens its fonts there.
    ///
    /// Throws the font library's error when no fonts folder is found (see
    /// `FontLibrary.init(fontsDirectory:)`), or `RenderThreadError` when no thread can be made.
    public init(fontsDirectory: String? = nil) throws {
        let core = RenderQueueCore()
        let started = StartSignal()
        thread = try RenderThread.start(name: "plotline-render") {
            let worker: RenderWorker
            do {
                worker = try RenderWorker(core: core, fontsDirectory: fontsDirectory)
            } catch {
                started.finish(error)
                core.markExited()
                return
            }
            started.finish(nil)
            worker.run()
        }
        self.core = core
        if let error = started.wait() {
            // Claimed here so that the deinit, which still runs for this instance, does not
            // detach the joined thread.
            if core.claimJoin() { thread.join() }
            throw error
        }
    }

    deinit {
        core.requestStop(.finishQueued)
        if core.claimJoin() { thread.detach() }
    }

    /// Hands a job to the render thread and returns at once (fire-and-forget).
    ///
    /// The job replaces the output's waiting job, if any. Throws `RenderError.shutDown` after
    /// `shutdown`. Follow the outcome with `status(of:)` or `waitUntilIdle()`.
    @discardableResult
    public func submit(_ job: RenderJob) throws(RenderError) -> RenderTicket {
        try core.submit(job, completion: nil).get()
    }

    /// Hands a job to the render thread and calls `completion` with its outcome.
    ///
    /// `completion` runs on the render thread right after the render (or on the thread that
    /// calls `shutdown(mode: .cancelQueued)`); keep it short and never wait for the queue in it.
    /// If the job is replaced while waiting, `completion` gets the result of the replacing
    /// job's render (`RenderResult.wasSuperseded`).
    @discardableResult
    public func submit(_ job: RenderJob,
                       completion: @escaping @Sendable (Result<RenderResult, RenderError>) -> Void) throws(RenderError) -> RenderTicket {
        try core.submit(job, completion: completion).get()
    }

    /// Renders a job and returns when its output has been written.
    ///
    /// If a newer job for the same output replaces this one while it waits, this returns when
    /// that newer job has been written, with `version > requestedVersion`. Throws
    /// `RenderError.failed` (the previous file stays), `.cancelled` or `.shutDown`.
    public func render(_ job: RenderJob) async throws(RenderError) -> RenderResult {
        let result: Result<RenderResult, RenderError> = await withCheckedContinuation { continuation in
            let submitted = core.submit(job) { result in continuation.resume(returning: result) }
            if case .failure(let error) = submitted { continuation.resume(returning: .failure(error)) }
        }
        return try result.get()
    }

    /// Returns when no job waits and none renders (at once if so), or when the thread has ended.
    public func waitUntilIdle() async {
        await withCheckedContinuation { continuation in
            core.onIdle { continuation.resume() }
        }
    }

    /// Stops accepting jobs, finishes or cancels the waiting ones, and ends the render thread.
    ///
    /// Returns when the thread has ended. Calling it again, or concurrently, is harmless.
    public func shutdown(mode: ShutdownMode = .finishQueued) async {
        core.requestStop(mode)
        await withCheckedContinuation { continuation in
            core.onExit { continuation.resume() }
        }
        if core.claimJoin() { thread.join() }
    }

    /// The blocking form of `shutdown(mode:)`, for synchronous code (command-line tools, deinit
    /// of owners). Called from the render thread itself (a job's builder or a completion), it
    /// only requests the stop: a thread cannot wait for itself.
    public func shutdownAndJoin(mode: ShutdownMode = .finishQueued) {
        core.requestStop(mode)
        if thread.isCurrent { return }
        if core.claimJoin() {
            thread.join()
        } else {
            let exited = StartSignal()
            core.onExit { exited.finish(nil) }
            _ = exited.wait()
        }
    }

    /// Where one output stands, or nil when nothing was submitted for it.
    public func status(of output: String) -> OutputStatus? { core.status(of: output) }

    /// The queue's counters so far.
    public var statistics: Statistics { core.statistics }
}
