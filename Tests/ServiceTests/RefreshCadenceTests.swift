@testable import Service
import XCTest

/// The live cadence alone, on a made-up clock: when each watched figure renders next.
final class RefreshCadenceTests: XCTestCase {
    /// Runs a script of events on one figure "f" and returns what the cadence said to each.
    ///
    /// Steps: "c@t" a change at time t; "s" the render in flight builds its figure (reads the
    /// data); "f@t" that render finishes at t; "d@t" the timer fires at t.
    private func run(_ script: String, quiet: Double = 0, interval: Double = 0) -> [String] {
        var cadence = RefreshCadence(settings: .init(quietPeriod: quiet, minimumInterval: interval))
        return script.split(separator: " ").map { step in
            let parts = step.split(separator: "@")
            let time = parts.count > 1 ? Double(parts[1])! : 0
            let decision: RefreshCadence.Decision
            switch parts[0] {
            case "c": decision = cadence.changed("f", at: time)
            case "s": cadence.started("f"); return "s"
            case "f": decision = cadence.finished("f", at: time)
            case "d": decision = cadence.due("f", at: time)
            default: fatalError("bad step \(step)")
            }
            switch decision {
            case .renderNow: return "now"
            case .renderAt(let t): return "at \(t)"
            case .none: return "-"
            }
        }
    }

    func testASteadyStreamIsNeverMoreThanOneRenderBehind() {
        // Appends every 5 ms, renders of 20 ms: the first change renders at once, the changes
        // during a render merge into one render that starts the moment it finishes.
        XCTAssertEqual(
            run("c@0 s c@0.005 c@0.010 c@0.015 f@0.020 s c@0.025 c@0.030 c@0.035 f@0.040 s f@0.060"),
            ["now", "s", "-", "-", "-", "now", "s", "-", "-", "-", "now", "s", "-"])
    }

    func testChangesReadByTheRenderInFlightNeedNoFurtherRender() {
        // The change at 0.001 arrived before the figure was built: the render drew it.
        XCTAssertEqual(run("c@0 c@0.001 s f@0.02 c@0.5 s f@0.52"), ["now", "-", "s", "-", "now", "s", "-"])
    }

    func testTheQuietPeriodMergesOnlyABurstThatReachesAnIdleFigure() {
        // Idle: the burst's first change waits one quiet period (a fixed window: later changes
        // do not extend it). Then a steady stream: every change finds the figure busy or just
        // finished, so the quiet period never delays it.
        XCTAssertEqual(
            run("c@0 c@0.05 c@0.1 d@0.15 s c@0.16 f@0.17 s f@0.19 c@0.2 s f@0.22 c@0.25", quiet: 0.15),
            ["at 0.15", "-", "-", "now", "s", "-", "now", "s", "-", "now", "s", "-", "now"])
        // After a quiet period without renders the figure is idle again.
        XCTAssertEqual(run("c@0 d@0.15 s f@0.2 c@1 d@1.15", quiet: 0.15),
                       ["at 0.15", "now", "s", "-", "at 1.15", "now"])
    }

    func testTheMaximumRateSpacesRenderStarts() {
        // At most 10 renders a second: starts at least 0.1 s apart, yet the last change always renders.
        XCTAssertEqual(
            run("c@0 s c@0.01 f@0.02 d@0.1 s c@0.15 f@0.16 c@0.17 d@0.2 s f@0.3", interval: 0.1),
            ["now", "s", "-", "at 0.1", "now", "s", "-", "at 0.2", "-", "now", "s", "-"])
    }

    func testAnEarlyTimerKeepsWaitingAndAStaleTimerDoesNothing() {
        XCTAssertEqual(run("c@0 d@0.1 d@0.15 d@0.2", quiet: 0.15), ["at 0.15", "at 0.15", "now", "-"])
    }

    func testFiguresAreIndependent() {
        var cadence = RefreshCadence()
        XCTAssertEqual(cadence.changed("a", at: 0), .renderNow)
        XCTAssertEqual(cadence.changed("b", at: 0), .renderNow, "one figure's render does not hold another back")
        cadence.started("a")
        cadence.started("b")
        XCTAssertEqual(cadence.changed("a", at: 0.01), .none)
        XCTAssertEqual(cadence.finished("b", at: 0.02), .none, "b has nothing new")
        XCTAssertEqual(cadence.finished("a", at: 0.03), .renderNow, "a changed during its render")
        XCTAssertEqual(cadence.finished("c", at: 0.03), .none, "an unknown figure is ignored")
    }

    func testAFullPassSkipsTheQuietPeriod() {
        var cadence = RefreshCadence(settings: .init(quietPeriod: 0.15))
        XCTAssertEqual(cadence.changed("a", at: 0, merge: false), .renderNow)
    }
}
