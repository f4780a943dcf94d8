/// The render queue's bookkeeping: waiting jobs keyed by output, round-robin order, versions,
/// statuses and the callbacks to answer. A plain value with no locking and no threads; the
/// queue keeps it behind a lock and the tests drive it directly.
///
/// Invariants: an output has at most one waiting job (`Record.pending`) and appears in `order`
/// exactly when it has one; at most one job is rendering. So memory is bounded by the number
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
        guard !order.isEmpty else { return nil }
        let output = order.removeFirst()
        guard let pending = records[output]?.pending else {
            preconditionFailure("RenderSchedule: \(output) is in the turn order without a waiting job")
        }
        records[output]?.pending = nil
        statistics.started += 1
        rendering = output
        return Work(job: pending.job, version: pending.version, sequence: statistics.started,
                    rendersAhead: statistics.started - pending.startedAtSubmit - 1, waiters: pending.waiters)
    }

    /// Records a finished render and returns each waiter with its answer.
    mutating func finish(_ work: Work, _ outcome: Outcome) -> [(Completion, Result<RenderResult, RenderError>)] {
        precondition(rendering == work.output, "RenderSchedule.finish for a job that is not rendering")
        rendering = nil
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

    /// True when nothing waits and nothing renders.
    var isIdle: Bool { order.isEmpty && rendering == nil }

    /// The status of one output, or nil when nothing was ever submitted for it.
    func status(of output: String) -> OutputStatus? {
        guard let record = records[output] else { return nil }
        var status = record.status
        status.isWaiting = record.pending != nil
        status.isRendering = rendering == output
        return status
    }
}
