import Chart
@testable import Service
import XCTest

/// The bookkeeping alone, without threads: coalescing, turn order, answers, cancellation.
final class RenderScheduleTests: XCTestCase {
    private func job(_ output: String) -> RenderJob { RenderJob(output: output, figure: smallFigure(output)) }

    /// Runs a script of "+x" (submit for output x) and "r" (take the next job and finish it);
    /// returns the outputs rendered, each with the version drawn and its renders ahead.
    private func run(_ script: [String]) -> [String] {
        var s = RenderSchedule()
        var rendered: [String] = []
        var current: RenderSchedule.Work?
        for step in script {
            if step.hasPrefix("+") {
                _ = s.submit(job(String(step.dropFirst())), completion: nil)
            } else if step == "r" {
                if let w = current { _ = s.finish(w, .written(bytes: 1, milliseconds: 0)) }
                current = s.next()
                if let w = current { rendered.append("\(w.output)\(w.version)/\(w.rendersAhead)") }
            }
        }
        return rendered
    }

    func testTurnOrderAndCoalescingTable() {
        let cases: [(script: [String], expected: [String], why: String)] = [
            (["+a", "+a", "+a", "r", "r"], ["a3/0"], "three submissions while waiting: one render of the last"),
            (["+a", "r", "+a", "+a", "r", "r"], ["a1/0", "a3/0"], "a job rendering is not replaced; the next waits"),
            (["+a", "+b", "+c", "r", "r", "r"], ["a1/0", "b1/1", "c1/2"], "first come, first served"),
            // a is hot: re-submitted whenever it renders; b and c still get their turns.
            (["+a", "r", "+a", "+b", "+c", "r", "+a", "r", "+a", "r", "r"],
             ["a1/0", "a2/0", "b1/1", "c1/2", "a4/2"], "a re-submitted output goes behind the waiting ones"),
            (["+a", "+b", "+a", "r", "+a", "r", "r"], ["a2/0", "b1/1", "a3/1"],
             "replacing keeps the place in the turn order"),
            (["r", "+a", "r", "r"], ["a1/0"], "nothing to do: no work"),
        ]
        for c in cases {
            XCTAssertEqual(run(c.script), c.expected, c.why)
        }
    }

    func testAnOutputWaitsForFewerRendersThanThereAreOutputs() {
        // Four outputs, each re-submitted right after it starts: round-robin bounds every wait.
        var s = RenderSchedule()
        let outputs = ["a", "b", "c", "d"]
        for o in outputs { _ = s.submit(job(o), completion: nil) }
        var maxAhead = 0
        for _ in 0..<200 {
            guard let w = s.next() else { return XCTFail("ran dry") }
            maxAhead = max(maxAhead, w.rendersAhead)
            _ = s.submit(job(w.output), completion: nil)
            _ = s.finish(w, .written(bytes: 1, milliseconds: 0))
        }
        XCTAssertEqual(maxAhead, outputs.count - 1)
        XCTAssertEqual(s.statistics.started, 200)
        XCTAssertEqual(s.statistics.coalesced, 0)
    }

    func testReplacedRequestsAreAnsweredByTheReplacingRender() throws {
        var s = RenderSchedule()
        let answers = AnswerBox()
        for _ in 0..<3 { _ = s.submit(job("a"), completion: { answers.add($0) }) }
        let w = try XCTUnwrap(s.next())
        XCTAssertEqual(w.version, 3)
        XCTAssertEqual(w.waiters.map(\.requested), [1, 2, 3])
        for (completion, result) in s.finish(w, .written(bytes: 42, milliseconds: 1.5)) { completion(result) }
        let results = answers.all.compactMap { try? $0.get() }
        XCTAssertEqual(results.map(\.requestedVersion), [1, 2, 3])
        XCTAssertEqual(results.map(\.version), [3, 3, 3])
        XCTAssertEqual(results.map(\.wasSuperseded), [true, true, false])
        XCTAssertEqual(results.map(\.bytes), [42, 42, 42])
        XCTAssertEqual(s.statistics.coalesced, 2)
    }

    func testFailureKeepsTheWrittenVersionAndAGoodRenderClearsTheError() throws {
        var s = RenderSchedule()
        _ = s.submit(job("a"), completion: nil)
        _ = s.finish(try XCTUnwrap(s.next()), .written(bytes: 10, milliseconds: 1))
        _ = s.submit(job("a"), completion: nil)
        _ = s.finish(try XCTUnwrap(s.next()), .failed(reason: "bad", milliseconds: 1))
        var status = try XCTUnwrap(s.status(of: "a"))
        XCTAssertEqual([status.submittedVersion, status.renderedVersion, status.writtenVersion], [2, 2, 1])
        XCTAssertEqual(status.error, "bad")
        XCTAssertEqual(status.bytes, 10)
        XCTAssertEqual([status.renders, status.failures], [2, 1])
        _ = s.submit(job("a"), completion: nil)
        _ = s.finish(try XCTUnwrap(s.next()), .written(bytes: 11, milliseconds: 1))
        status = try XCTUnwrap(s.status(of: "a"))
        XCTAssertNil(status.error)
        XCTAssertEqual(status.writtenVersion, 3)
        XCTAssertNil(s.status(of: "b"))
    }

    func testCancelAnswersWaitersAndRefusesNewJobs() throws {
        var s = RenderSchedule()
        let answers = AnswerBox()
        _ = s.submit(job("a"), completion: { answers.add($0) })
        let rendering = try XCTUnwrap(s.next())
        _ = s.submit(job("a"), completion: { answers.add($0) })
        _ = s.submit(job("b"), completion: { answers.add($0) })
        for (completion, result) in s.stop(.cancelQueued) { completion(result) }
        XCTAssertEqual(answers.all.count, 2)
        for a in answers.all {
            guard case .failure(.cancelled) = a else { return XCTFail("expected cancelled, got \(a)") }
        }
        XCTAssertEqual(s.statistics.cancelled, 2)
        XCTAssertFalse(s.isIdle, "the job in progress still finishes")
        _ = s.finish(rendering, .written(bytes: 1, milliseconds: 0))
        XCTAssertTrue(s.isIdle)
        guard case .failure(.shutDown) = s.submit(job("c"), completion: nil) else { return XCTFail("accepted after stop") }
        XCTAssertNil(s.next())
    }

    func testFinishQueuedKeepsTheWaitingJobs() {
        var s = RenderSchedule()
        _ = s.submit(job("a"), completion: nil)
        _ = s.submit(job("b"), completion: nil)
        XCTAssertTrue(s.stop(.finishQueued).isEmpty)
        XCTAssertEqual(s.next()?.output, "a")
    }
}
