/// When each watched figure renders next: a plain value with no clock and no threads (times are
/// passed in, in seconds), so the rules are tested deterministically; `WatchSession` keeps it
/// behind its lock.
///
/// The rules, per figure (output):
/// - A figure with no render in flight renders at once when it changes (the leading edge).
/// - Changes that arrive while its render is in flight are merged into one more render, which
///   starts as soon as that render finishes. So under a continuous stream of appends a figure
///   is redrawn back to back, never more than one render behind the data.
/// - A change the render in flight has already read (it arrived before the figure was built)
///   needs no further render: only changes after the build started count (`started`).
/// - `minimumInterval` (from `watch --max-rate`) spaces the starts of one figure's renders.
/// - `quietPeriod` (from `watch --debounce`) merges a burst that reaches an idle figure: the
///   first change of the burst waits one quiet period (a fixed window; later changes do not
///   extend it). A figure is idle when it has not finished a render for a quiet period, so the
///   window never applies under a steady stream: there every change finds a render in flight or
///   just finished.
///
/// Credits: leading-edge rendering with one coalesced trailing render is the "render when
/// idle, mark dirty while busy" scheme of display loops (matplotlib's `draw_idle`, Qt's
/// `update`); the fixed merge window and the rate cap are lodash's `throttle` options.
struct RefreshCadence {
    /// The two knobs; both zero render every change as soon as the figure is free.
    struct Settings: Sendable, Equatable {
        /// The merge window for a burst reaching an idle figure, in seconds.
        var quietPeriod = 0.0
        /// The least time between the starts of two renders of one figure, in seconds.
        var minimumInterval = 0.0
    }

    /// What the caller does for a figure after an event.
    enum Decision: Equatable {
        /// Submit its render now (the figure is now in flight).
        case renderNow
        /// Call `due(_:at:)` at this time (a merge window or the rate cap is running).
        case renderAt(Double)
        /// Nothing now: a render in flight or a timer already set will take care of it.
        case none
    }

    /// One figure's state.
    struct Figure: Equatable {
        /// A render was submitted and has not finished.
        var inFlight = false
        /// Changes seen so far (a counter).
        var changes: UInt64 = 0
        /// The changes the latest render read (set when its figure is built).
        var covered: UInt64 = 0
        /// When the latest render was submitted and when it finished.
        var lastStart: Double?
        var lastFinish: Double?
        /// When a timer set for this figure fires (nil: none set).
        var dueAt: Double?
    }

    var settings: Settings
    private(set) var figures: [String: Figure] = [:]

    init(settings: Settings = Settings()) { self.settings = settings }

    /// A change to `output` at `now`. `merge: false` skips the quiet period (a full pass at start).
    mutating func changed(_ output: String, at now: Double, merge: Bool = true) -> Decision {
        var figure = figures[output] ?? Figure()
        figure.changes += 1
        defer { figures[output] = figure }
        if figure.inFlight || figure.dueAt != nil { return .none }
        var due = now
        let quiet = settings.quietPeriod
        if merge, quiet > 0, figure.lastFinish.map({ now - $0 >= quiet }) ?? true { due = now + quiet }
        return schedule(&figure, due: due, now: now)
    }

    /// The timer set for `output` fired at `now`.
    mutating func due(_ output: String, at now: Double) -> Decision {
        guard var figure = figures[output], let dueAt = figure.dueAt, !figure.inFlight else { return .none }
        defer { figures[output] = figure }
        if now < dueAt { return .renderAt(dueAt) }  // an early wake-up: keep waiting
        figure.dueAt = nil
        return schedule(&figure, due: now, now: now)
    }

    /// The render of `output` is building its figure: every change so far is in what it reads.
    mutating func started(_ output: String) {
        guard var figure = figures[output] else { return }
        figure.covered = figure.changes
        figures[output] = figure
    }

    /// The render of `output` finished (written, failed or dropped) at `now`.
    mutating func finished(_ output: String, at now: Double) -> Decision {
        guard var figure = figures[output], figure.inFlight else { return .none }
        defer { figures[output] = figure }
        figure.inFlight = false
        figure.lastFinish = now
        guard figure.changes > figure.covered, figure.dueAt == nil else { return .none }
        return schedule(&figure, due: now, now: now)
    }

    /// Renders at `due`, or later if the rate cap says so; marks the figure in flight when now.
    private func schedule(_ figure: inout Figure, due: Double, now: Double) -> Decision {
        var due = due
        if let start = figure.lastStart, settings.minimumInterval > 0 { due = max(due, start + settings.minimumInterval) }
        if due <= now {
            figure.inFlight = true
            figure.lastStart = now
            return .renderNow
        }
        figure.dueAt = due
        return .renderAt(due)
    }
}
