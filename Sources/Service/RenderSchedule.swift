/// The render queue's bookkeeping: waiting jobs keyed by output, round-robin order, versions,
/// statuses and the callbacks to answer. A plain value with no locking and no threads; the
/// queue keeps it behind a lock and the tests drive it directly.
///
/// Invariants: an output has at most one waiting job (`Record.pending`) and appears in `order`
/// exactly when it has one; at most one job is rendering (drawing); a job handed to a background
/// writer holds its output until written, and that output's next job waits. So memory is bounded by the number
/// of outputs, whatever the submission rate.
struct RenderSchedule {
    /// Called once with a request's outcome (on the render thread, or on a shutting-down caller).
    typealias Completion = @Sendable (Result<RenderResult, RenderError>) -> Void
    /// A request waiting for a result: the version it asked for and who to tell.
    typealias Waiter = (requested: UInt64, completion: Completion)

    /// The one waiting job of an output.
    struct Pending {
        var job: RenderJob
        var version: UInt64
        /// `started` when the output began waiting (kept when a newer job replaces this one).
        var startedAtSubmit: Int
        var waiters: [Waiter]
    }

    /// A job taken for rendering, with everything needed to answer its waiters.
    struct Work {
        var job: RenderJob
        var version: UInt64
        var sequence: Int
        var rendersAhead: Int
        var waiters: [Waiter]
        var output: String { job.output }
    }

    /// How a render ended.
    enum Outcome: Equatable {
        case written(bytes: Int, milliseconds: Double)
        case failed(reason: String, milliseconds: Double)
    }

    /// Per output: the version counter, the waiting job, the status.
    struct Record {
        var pending: Pending?
        var status: OutputStatus
    }

    private(set) var records: [String: Record] = [:]
    /// Outputs with a waiting job, in turn order. Taking the front and appending newcomers at
    /// the back is the round-robin: an output that is re-submitted while it renders goes to the
    /// back, behind every output already waiting. (An array: there are few outputs.)
    private(set) var order: [String] = []
    private(set) var rendering: String?
    /// Outputs drawn and handed to a background writer, not yet written (`handOff`). Their next
    /// job waits until the write is done, so one file is never written by two jobs at once.
    private(set) var writing: Set<String> = []
    private(set) var statistics = RenderQueue.Statistics()
    private(set) var accepting = true
    private(set) var stopping = false

    /// Accepts a job (or refuses it after shutdown), replacing the output's waiting job.
    ///
    /// The replaced job's waiters move to the new job: they are answered by its render.
    mutating func submit(_ job: RenderJob, completion: Completion?) -> Result<RenderTicket, RenderError> {
        guard accepting else { return .failure(.shutDown) }
        let output = job.output
        var record = records.removeValue(forKey: output) ?? Record(status: OutputStatus(output: output))
        let version = record.status.submittedVersion + 1
        record.status.submittedVersion = version
        statistics.submitted += 1
        var waiters: [Waiter] = []
        var startedAtSubmit = statistics.started
        if let old = record.pending {
            statistics.coalesced += 1
            waiters = old.waiters
            startedAtSubmit = old.startedAtSubmit
        } else {
            order.append(output)
        }
        if let completion { waiters.append((version, completion)) }
        record.pending = Pending(job: job, version: version, startedAtSubmit: startedAtSubmit, waiters: waiters)
        records[output] = record
        return .success(RenderTicket(output: output, version: version))
    }

    /// Takes the next output's waiting job in round-robin order, or nil when none waits.
    mutating func next() -> Work? {
        precondition(rendering == nil, "RenderSchedule.next while a render is in progress")
        guard let turn = order.firstIndex(where: { !writing.contains($0) }) else { return nil }
        let output = order.remove(at: turn)
        guard let pending = records[output]?.pending else {
            preconditionFailure("RenderSchedule: \(output) is in the turn order without a waiting job")
        }
        records[output]?.pending = nil
        statistics.started += 1
        rendering = output
        return Work(job: pending.job, version: pending.version, sequence: statistics.started,
                    rendersAhead: statistics.started - pending.startedAtSubmit - 1, waiters: pending.waiters)
    }

    /// Records that a drawn job went to a background writer: the render thread may take the
    /// next job, and this output stays busy until `finish`.
    mutating func handOff(_ work: Work) {
        precondition(rendering == work.output, "RenderSchedule.handOff for a job that is not rendering")
        rendering = nil
        writing.insert(work.output)
    }

    /// Records a finished render (drawn here, or handed off and written) and returns each
    /// waiter with its answer.
    mutating func finish(_ work: Work, _ outcome: Outcome) -> [(Completion, Result<RenderResult, RenderError>)] {
        if writing.remove(work.output) == nil {
            precondition(rendering == work.output, "RenderSchedule.finish for a job that is not rendering")
            rendering = nil
        }
        statistics.finished += 1
        var status = records[work.output]?.status ?? OutputStatus(output: work.output)
        status.renderedVersion = work.version
        status.renders += 1
        let answer: (UInt64) -> Result<RenderResult, RenderError>
        switch outcome {
        case .written(let bytes, let ms):
            status.writtenVersion = work.version
            status.bytes = bytes
            status.milliseconds = ms
            status.error = nil
            answer = { requested in
                .success(RenderResult(output: work.output, requestedVersion: requested, version: work.version,
                                      bytes: bytes, milliseconds: ms, sequence: work.sequence,
                                      rendersAhead: work.rendersAhead))
            }
        case .failed(let reason, let ms):
            statistics.failures += 1
            status.failures += 1
            status.milliseconds = ms
            status.error = reason
            let error = RenderError.failed(output: work.output, version: work.version, reason: reason)
            answer = { _ in .failure(error) }
        }
        records[work.output]?.status = status
        return work.waiters.map { ($0.completion, answer($0.requested)) }
    }

    /// Stops accepting jobs; with `.cancelQueued` also drops every waiting job and returns its
    /// waiters with `RenderError.cancelled`.
    mutating func stop(_ mode: RenderQueue.ShutdownMode) -> [(Completion, Result<RenderResult, RenderError>)] {
        accepting = false
        stopping = true
        guard mode == .cancelQueued else { return [] }
        var answers: [(Completion, Result<RenderResult, RenderError>)] = []
        for output in order {
            guard let pending = records[output]?.pending else { continue }
            records[output]?.pending = nil
            statistics.cancelled += 1
            for w in pending.waiters {
                answers.append((w.completion, .failure(.cancelled(output: output, version: w.requested))))
            }
        }
        order.removeAll()
        return answers
    }

    /// True when nothing waits, renders or is being written.
    var isIdle: Bool { order.isEmpty && rendering == nil && writing.isEmpty }

    /// True when the render thread may end: stopping, with nothing waiting or being written.
    var isDone: Bool { stopping && order.isEmpty && writing.isEmpty }

    /// The status of one output, or nil when nothing was ever submitted for it.
    func status(of output: String) -> OutputStatus? {
        guard let record = records[output] else { return nil }
        var status = record.status
        status.isWaiting = record.pending != nil
        status.isRendering = rendering == output || writing.contains(output)
        return status
    }
}
