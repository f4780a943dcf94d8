import Chart
import Dispatch
import Foundation
import Service
import Synchronization
import XCTest

/// Many producers at once: latest wins, renders never overlap, bursts coalesce, turns are fair.
///
/// Every test also relies on the queue's own overlap guard, which traps the process if two
/// renders ever run at once; `RenderProbe` checks the same thing from inside the jobs.
final class RenderQueueConcurrencyTests: XCTestCase {
    func testThreadProducersEndEveryOutputAtItsLatestState() async throws {
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        let outputs = (0..<4).map { folder + "/o\($0).png" }
        let probe = RenderProbe()
        let log = SubmissionLog()
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { producer in
            for i in 0..<60 {
                let output = outputs[(producer + i) % outputs.count]
                let state = "p\(producer)-\(i)"
                do {
                    log.record(try queue.submit(probedJob(output, state, probe: probe)), state)
                } catch {
                    failures.wrappingAdd(1, ordering: .relaxed)
                }
                if i % 16 == 0 { usleep(500) }  // let some renders happen mid-stream
            }
        }
        await queue.waitUntilIdle()
        XCTAssertEqual(failures.load(ordering: .relaxed), 0)
        for o in outputs {
            let latest = try XCTUnwrap(log.latest(o))
            XCTAssertEqual(log.count(o), 120)
            XCTAssertEqual(latest.version, 120)
            XCTAssertEqual(writtenState(o), latest.state, o)
            let status = try XCTUnwrap(queue.status(of: o))
            XCTAssertEqual(status.writtenVersion, 120)
            XCTAssertEqual(status.submittedVersion, 120)
        }
        let s = queue.statistics
        XCTAssertEqual(s.submitted, 480)
        XCTAssertEqual(s.finished + s.coalesced, 480)
        XCTAssertEqual(probe.builds.load(ordering: .relaxed), s.started)
        XCTAssertEqual(probe.overlaps.load(ordering: .relaxed), 0)
        await queue.shutdown()
    }

    func testTaskProducersAwaitingRendersEndAtTheLatestState() async throws {
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        let outputs = (0..<3).map { folder + "/t\($0).png" }
        let probe = RenderProbe()
        let results = try await withThrowingTaskGroup(of: [(String, RenderResult)].self) { group in
            for producer in 0..<12 {
                group.addTask {
                    var mine: [(String, RenderResult)] = []
                    for i in 0..<8 {
                        let state = "task\(producer)-\(i)"
                        let r = try await queue.render(probedJob(outputs[(producer + i) % 3], state, probe: probe))
                        // When render returns, the file holds this request or a newer one.
                        XCTAssertGreaterThanOrEqual(queue.status(of: r.output)?.writtenVersion ?? 0, r.requestedVersion)
                        mine.append((state, r))
                    }
                    return mine
                }
            }
            var all: [(String, RenderResult)] = []
            for try await part in group { all += part }
            return all
        }
        XCTAssertEqual(results.count, 96)
        for o in outputs {
            let mine = results.filter { $0.1.output == o }
            XCTAssertEqual(mine.count, 32)
            XCTAssertEqual(Set(mine.map(\.1.requestedVersion)), Set(1...32), "each request got an answer")
            for (_, r) in mine { XCTAssertGreaterThanOrEqual(r.version, r.requestedVersion) }
            let last = try XCTUnwrap(mine.first { $0.1.requestedVersion == 32 })
            XCTAssertEqual(last.1.version, 32)
            XCTAssertEqual(writtenState(o), last.0)
        }
        XCTAssertEqual(probe.overlaps.load(ordering: .relaxed), 0)
        await queue.shutdown()
    }

    func testABurstOfAThousandSubmissionsGivesAHandfulOfRenders() async throws {
        let queue = try RenderQueue()
        let out = temporaryFolder() + "/burst.png"
        let probe = RenderProbe(delayMicroseconds: 3_000)
        // From four threads at once, 250 each, spread over some 50 ms so that renders happen
        // during the burst; the test's own thread adds the last one.
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            for i in 0..<250 {
                _ = try? queue.submit(probedJob(out, "t\(t)-\(i)", probe: probe))
                usleep(150)
            }
        }
        let last = try await queue.render(probedJob(out, "last", probe: probe))
        XCTAssertEqual(last.requestedVersion, 1_001)
        XCTAssertEqual(last.version, 1_001)
        XCTAssertEqual(writtenState(out), "last")
        let renders = queue.status(of: out)?.renders ?? 0
        XCTAssertGreaterThanOrEqual(renders, 1)
        XCTAssertLessThan(renders, 50, "\(renders) renders for 1,001 submissions")
        XCTAssertEqual(probe.builds.load(ordering: .relaxed), renders, "replaced jobs never build their figure")
        XCTAssertEqual(queue.statistics.coalesced, 1_001 - renders)
        print("burst: 1,001 submissions from 5 threads -> \(renders) renders")
        await queue.shutdown()
    }

    func testAHotOutputDoesNotStarveTheOthers() async throws {
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        let probe = RenderProbe(delayMicroseconds: 2_000)
        let hot = (0..<3).map { folder + "/hot\($0).png" }
        let stop = Atomic<Bool>(false)
        let hotSubmissions = Atomic<Int>(0)
        // Three producer threads (not Dispatch's pool, which the test's own task needs) keep
        // their outputs permanently waiting.
        let producers = DispatchGroup()
        for h in hot {
            producers.enter()
            Thread.detachNewThread {
                var i = 0
                while !stop.load(ordering: .relaxed) {
                    _ = try? queue.submit(probedJob(h, "\(i)", probe: probe))
                    hotSubmissions.wrappingAdd(1, ordering: .relaxed)
                    i += 1
                    usleep(100)
                }
                producers.leave()
            }
        }
        while queue.statistics.finished < 6 { try await Task.sleep(nanoseconds: 1_000_000) }
        var aheads: [Int] = []
        for i in 0..<5 {
            let r = try await queue.render(probedJob(folder + "/cold.png", "cold\(i)", probe: probe))
            aheads.append(r.rendersAhead)
        }
        stop.store(true, ordering: .relaxed)
        producers.wait()
        // Round-robin: at most the three hot outputs go first, however fast they submit.
        XCTAssertLessThanOrEqual(aheads.max() ?? 99, hot.count, "\(aheads)")
        XCTAssertGreaterThan(hotSubmissions.load(ordering: .relaxed), queue.statistics.started, "the hot outputs were coalesced")
        XCTAssertEqual(writtenState(folder + "/cold.png"), "cold4")
        print("fairness: renders ahead of the cold output \(aheads); \(hotSubmissions.load(ordering: .relaxed)) hot submissions, \(queue.statistics.started) renders")
        XCTAssertEqual(probe.overlaps.load(ordering: .relaxed), 0)
        await queue.shutdown(mode: .cancelQueued)
    }

    func testProducersRacingAShutdownAreAnsweredEveryTime() async throws {
        // Submitting and shutting down at once: every render call returns (written, cancelled or
        // refused), none hangs, and the thread ends.
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        let outcomes = AnswerBox()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for p in 0..<8 {
                group.addTask {
                    for i in 0..<10 {
                        do { outcomes.add(.success(try await queue.render(stateJob(folder + "/r\(p % 2).png", "\(i)")))) }
                        catch { outcomes.add(.failure(error as! RenderError)) }
                    }
                }
            }
            group.addTask {
                try await Task.sleep(nanoseconds: 5_000_000)
                await queue.shutdown(mode: .cancelQueued)
            }
            try await group.waitForAll()
        }
        XCTAssertEqual(outcomes.all.count, 80)
        let refused = outcomes.all.filter { if case .failure(.shutDown) = $0 { return true } else { return false } }
        XCTAssertGreaterThan(refused.count, 0, "some submissions came after the shutdown")
    }
}
