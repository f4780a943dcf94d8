import Dispatch
import Raster
import Synchronization

/// The state shared by a `RenderQueue`'s callers and its render thread: the schedule under a
/// lock (`Locked`, a pthread mutex), a semaphore that wakes the sleeping thread, and the overlap guard.
///
/// Wake-up protocol: the thread marks itself `sleeping` under the lock before it waits on the
/// semaphore, and whoever makes work (or a stop) appear clears the mark under the same lock and
/// signals. The semaphore counts, so a signal sent between the unlock and the wait is not lost.
/// Callbacks are always invoked after the lock is released.
final class RenderQueueCore: Sendable {
    /// Everything the lock guards.
    struct State {
        var schedule = RenderSchedule()
        var sleeping = false
        var exited = false
        var joinClaimed = false
        var idleWaiters: [@Sendable () -> Void] = []
        var exitWaiters: [@Sendable () -> Void] = []
        /// Jobs handed to a background writer whose waiters have not all been answered yet: the
        /// thread does not exit, and the queue is not idle, before their completions have run.
        var deliveries = 0

        /// True when nothing waits, renders, is written or is being answered.
        var isIdle: Bool { schedule.isIdle && deliveries == 0 }

        /// The idle waiters, removed, when nothing waits or renders (else none).
        mutating func takeIdleWaitersIfIdle() -> [@Sendable () -> Void] {
            guard isIdle, !idleWaiters.isEmpty else { return [] }
            defer { idleWaiters = [] }
            return idleWaiters
        }
    }

    typealias Answers = [(RenderSchedule.Completion, Result<RenderResult, RenderError>)]

    let state = Locked(State())
    let wake = DispatchSemaphore(value: 0)
    /// Renders in progress: 0 or 1. The render step fails loudly when it finds another.
    let activeRenders = Atomic<Int>(0)

    /// Pixmaps of background jobs that their writer has encoded, handed back for the render
    /// thread to draw the next figures over (`RenderWorker.render`).
    let returnedPixmaps = Locked<[Pixmap]>([])

    init() {}

    /// Accepts a job for the render thread (see `RenderSchedule.submit`) and wakes the thread.
    func submit(_ job: RenderJob, completion: RenderSchedule.Completion?) -> Result<RenderTicket, RenderError> {
        let (ticket, signal) = state.withLock { s in
            let ticket = s.schedule.submit(job, completion: completion)
            let signal = s.sleeping && (try? ticket.get()) != nil
            if signal { s.sleeping = false }
            return (ticket, signal)
        }
        if signal { wake.signal() }
        return ticket
    }

    /// The render thread's next job; sleeps while none waits; nil when stopping and none waits.
    func nextWork() -> RenderSchedule.Work? {
        while true {
            enum Step { case work(RenderSchedule.Work), exit, sleep }
            let step: Step = state.withLock { s in
                if let work = s.schedule.next() { return .work(work) }
                if s.schedule.isDone && s.deliveries == 0 { return .exit }
                s.sleeping = true
                return .sleep
            }
            switch step {
            case .work(let work): return work
            case .exit: return nil
            case .sleep: wake.wait()
            }
        }
    }

    /// Records a finished render, then answers its waiters (and idle waiters, if now idle).
    func finish(_ work: RenderSchedule.Work, _ outcome: RenderSchedule.Outcome) {
        let (answers, idle) = state.withLock { s in
            (s.schedule.finish(work, outcome), s.takeIdleWaitersIfIdle())
        }
        for (completion, result) in answers { completion(result) }
        for waiter in idle { waiter() }
    }

    /// Records that the render thread drew `work` and gave it to a background writer.
    func handOff(_ work: RenderSchedule.Work) {
        state.withLock { s in
            s.schedule.handOff(work)
            s.deliveries += 1
        }
    }

    /// Records the outcome of a job written by a background writer (`handOff`), answers its
    /// waiters, and only then counts it delivered: the render thread, which may sleep on a job
    /// of the same output or on a stop that waited for this write, is woken after the answers,
    /// so a queue that shuts down never exits while a completion still runs.
    func finishHandedOff(_ work: RenderSchedule.Work, _ outcome: RenderSchedule.Outcome) {
        let (answers, wakeForNext) = state.withLock { s in
            let answers = s.schedule.finish(work, outcome)
            let signal = s.sleeping
            s.sleeping = false
            return (answers, signal)
        }
        if wakeForNext { wake.signal() }
        for (completion, result) in answers { completion(result) }
        let (idle, signal) = state.withLock { s in
            s.deliveries -= 1
            let signal = s.sleeping
            s.sleeping = false
            return (s.takeIdleWaitersIfIdle(), signal)
        }
        if signal { wake.signal() }
        for waiter in idle { waiter() }
    }

    /// Stops accepting jobs, cancels the waiting ones on request, and wakes the thread to exit.
    func requestStop(_ mode: RenderQueue.ShutdownMode) {
        let (answers, idle, signal) = state.withLock { s in
            let answers = s.schedule.stop(mode)
            let signal = s.sleeping
            s.sleeping = false
            return (answers, s.takeIdleWaitersIfIdle(), signal)
        }
        if signal { wake.signal() }
        for (completion, result) in answers { completion(result) }
        for waiter in idle { waiter() }
    }

    /// Called by the render thread as its last act: answers everyone waiting for the exit.
    func markExited() {
        let waiters = state.withLock { s in
            s.exited = true
            let w = s.exitWaiters + s.idleWaiters
            s.exitWaiters = []
            s.idleWaiters = []
            return w
        }
        for waiter in waiters { waiter() }
    }

    /// Runs `waiter` once the render thread has exited (at once if it has).
    func onExit(_ waiter: @escaping @Sendable () -> Void) {
        let now = state.withLock { s in
            if s.exited { return true }
            s.exitWaiters.append(waiter)
            return false
        }
        if now { waiter() }
    }

    /// Runs `waiter` once nothing waits or renders, or the thread has exited (at once if so).
    func onIdle(_ waiter: @escaping @Sendable () -> Void) {
        let now = state.withLock { s in
            if s.exited || s.isIdle { return true }
            s.idleWaiters.append(waiter)
            return false
        }
        if now { waiter() }
    }

    /// True for exactly one caller: the one that must join (or detach) the thread.
    func claimJoin() -> Bool {
        state.withLock { s in
            defer { s.joinClaimed = true }
            return !s.joinClaimed
        }
    }

    /// The non-reentrancy check around one render: traps if another render is in progress.
    func enterRender(_ output: String) {
        let (exchanged, original) = activeRenders.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing)
        if !exchanged {
            fatalError("RenderQueue: two renders overlap (\(original) already running while starting \(output))")
        }
    }

    /// Ends the render `enterRender` began.
    func exitRender() {
        let (exchanged, _) = activeRenders.compareExchange(expected: 1, desired: 0, ordering: .acquiringAndReleasing)
        if !exchanged { fatalError("RenderQueue: render bookkeeping broken (no render to end)") }
    }

    /// Snapshot of the counters.
    var statistics: RenderQueue.Statistics { state.withLock { $0.schedule.statistics } }

    /// Snapshot of one output's status.
    func status(of output: String) -> OutputStatus? { state.withLock { $0.schedule.status(of: output) } }
}
