import Chart
import Foundation
import PNG
@testable import Service
import XCTest

/// One queue, one producer: writing, errors, status, shutdown, deinit.
final class RenderQueueTests: XCTestCase {
    func testRenderWritesTheFigureAndReportsIt() async throws {
        let queue = try RenderQueue()
        let out = temporaryFolder() + "/a.png"
        let result = try await queue.render(stateJob(out, "one"))
        XCTAssertEqual(result.output, out)
        XCTAssertEqual([result.requestedVersion, result.version], [1, 1])
        XCTAssertFalse(result.wasSuperseded)
        XCTAssertEqual(result.sequence, 1)
        XCTAssertEqual(result.rendersAhead, 0)
        XCTAssertGreaterThan(result.milliseconds, 0)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: out))
        XCTAssertEqual(result.bytes, bytes.count)
        let pixmap = try PNG.decode([UInt8](bytes))
        XCTAssertEqual([pixmap.width, pixmap.height], [200, 150])
        XCTAssertEqual(writtenState(out), "one")
        let status = try XCTUnwrap(queue.status(of: out))
        XCTAssertEqual([status.submittedVersion, status.renderedVersion, status.writtenVersion], [1, 1, 1])
        XCTAssertEqual(status.bytes, bytes.count)
        XCTAssertNil(status.error)
        XCTAssertFalse(status.isWaiting || status.isRendering)
        await queue.shutdown()
    }

    func testFailingJobsKeepThePreviousFileAndTheThreadAlive() async throws {
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        let out = folder + "/a.png"
        _ = try await queue.render(stateJob(out, "good"))
        let before = try XCTUnwrap(FileManager.default.contents(atPath: out))

        struct Unreadable: Error {}
        let bad: [(job: RenderJob, reason: String)] = [
            (RenderJob(output: out, figure: Figure(width: 0, height: 150, panels: [Panel()])), "invalid canvas size 0x150"),
            (RenderJob(output: out, figure: Figure(width: 200, height: 150, dpi: .nan, panels: [Panel()])), "invalid dpi"),
            (RenderJob(output: out, makeFigure: { throw Unreadable() }), "Unreadable"),
            (RenderJob(output: out, figure: smallFigure("x"), pngOptions: PNG.Options(compressionLevel: 99, filter: .none, strategy: .default)), "compression level 99"),
        ]
        for (job, reason) in bad {
            do {
                let r = try await queue.render(job)
                XCTFail("rendered \(r)")
            } catch {
                guard case .failed(let o, _, let message) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(o, out)
                XCTAssertTrue(message.contains(reason), message)
            }
            XCTAssertEqual(FileManager.default.contents(atPath: out), before, "the previous PNG stays")
            let status = try XCTUnwrap(queue.status(of: out))
            XCTAssertEqual(status.writtenVersion, 1)
            XCTAssertNotNil(status.error)
        }
        // An unwritable path: a folder that does not exist.
        let missing = folder + "/no/such/folder/b.png"
        do {
            _ = try await queue.render(stateJob(missing, "b"))
            XCTFail("wrote into a missing folder")
        } catch {
            XCTAssertTrue("\(error)".contains("cannot write \(missing): the folder \(folder)/no/such/folder does not exist"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        // The thread is alive and the next good job clears the error.
        let good = try await queue.render(stateJob(out, "again"))
        XCTAssertEqual(good.version, 6)
        XCTAssertEqual(writtenState(out), "again")
        XCTAssertNil(queue.status(of: out)?.error)
        XCTAssertEqual(queue.statistics.failures, 5)
        await queue.shutdown()
    }

    func testShutdownFinishQueuedDrawsEveryWaitingJob() async throws {
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        let probe = RenderProbe(delayMicroseconds: 5_000)
        let outputs = (0..<4).map { folder + "/f\($0).png" }
        for round in 0..<3 {
            for o in outputs { try queue.submit(probedJob(o, "r\(round)", probe: probe)) }
        }
        await queue.shutdown(mode: .finishQueued)
        for o in outputs { XCTAssertEqual(writtenState(o), "r2", o) }
        XCTAssertEqual(queue.statistics.cancelled, 0)
        XCTAssertEqual(probe.overlaps.load(ordering: .relaxed), 0)
        XCTAssertThrowsError(try queue.submit(stateJob(outputs[0], "late"))) { error in
            XCTAssertEqual(error as? RenderError, .shutDown)
        }
        do {
            _ = try await queue.render(stateJob(outputs[0], "late"))
            XCTFail("rendered after shutdown")
        } catch {
            XCTAssertEqual(error, .shutDown)
        }
        await queue.shutdown()  // again: harmless
        queue.shutdownAndJoin()
    }

    func testShutdownCancelQueuedDropsWaitingJobsAndFinishesTheCurrentOne() throws {
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        let started = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let answers = AnswerBox()
        let first = folder + "/first.png"
        try queue.submit(RenderJob(output: first) {
            started.signal()
            gate.wait()
            return smallFigure("first")
        }, completion: { answers.add($0) })
        started.wait()  // the first job is now rendering, so the next ones wait
        let waiting = (0..<3).map { folder + "/w\($0).png" }
        for o in waiting { try queue.submit(stateJob(o, "w"), completion: { answers.add($0) }) }
        let shutdownDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            queue.shutdownAndJoin(mode: .cancelQueued)
            shutdownDone.signal()
        }
        // The waiting jobs are answered at once, while the first still renders.
        let deadline = Date().addingTimeInterval(5)
        while answers.all.count < 3 && Date() < deadline { usleep(1_000) }
        XCTAssertEqual(answers.all.count, 3)
        for a in answers.all {
            guard case .failure(.cancelled) = a else { return XCTFail("expected cancelled: \(a)") }
        }
        XCTAssertEqual(shutdownDone.wait(timeout: .now() + 0.05), .timedOut, "shutdown waits for the render in progress")
        gate.signal()
        XCTAssertEqual(shutdownDone.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(answers.all.count, 4)
        XCTAssertNotNil(try answers.all[3].get())
        XCTAssertTrue(FileManager.default.fileExists(atPath: first))
        for o in waiting { XCTAssertFalse(FileManager.default.fileExists(atPath: o)) }
        XCTAssertEqual(queue.statistics.cancelled, 3)
        XCTAssertEqual(queue.statistics.finished, 1)
    }

    func testDroppingTheQueueWithoutShutdownFinishesItsJobsAndEndsTheThread() throws {
        let folder = temporaryFolder()
        let done = DispatchSemaphore(value: 0)
        let exited = DispatchSemaphore(value: 0)
        weak var weakQueue: RenderQueue?
        do {
            let queue = try RenderQueue()
            weakQueue = queue
            queue.core.onExit { exited.signal() }
            for i in 0..<5 {
                try queue.submit(stateJob(folder + "/d.png", "\(i)"), completion: { _ in done.signal() })
            }
        }
        XCTAssertNil(weakQueue, "the render thread holds no reference to the queue")
        for _ in 0..<5 { XCTAssertEqual(done.wait(timeout: .now() + 5), .success) }
        XCTAssertEqual(exited.wait(timeout: .now() + 5), .success, "the thread ends by itself")
        XCTAssertEqual(writtenState(folder + "/d.png"), "4")
    }

    func testWaitUntilIdleAfterFireAndForget() async throws {
        let queue = try RenderQueue()
        await queue.waitUntilIdle()  // idle from the start
        let folder = temporaryFolder()
        for i in 0..<20 { try queue.submit(stateJob(folder + "/\(i % 3).png", "\(i)")) }
        await queue.waitUntilIdle()
        XCTAssertEqual(writtenState(folder + "/0.png"), "18")
        XCTAssertEqual(writtenState(folder + "/1.png"), "19")
        XCTAssertEqual(writtenState(folder + "/2.png"), "17")
        let s = queue.statistics
        XCTAssertEqual(s.submitted, 20)
        XCTAssertEqual(s.started, s.finished)
        XCTAssertEqual(s.finished + s.coalesced, 20, "every submission is either drawn or replaced")
        queue.shutdownAndJoin()
        await queue.waitUntilIdle()  // after the end: returns at once
    }

    func testShutdownFromTheRenderThreadOnlyRequestsIt() async throws {
        let queue = try RenderQueue()
        let out = temporaryFolder() + "/self.png"
        let result = try await queue.render(RenderJob(output: out) { [queue] in
            queue.shutdownAndJoin()  // must not deadlock on its own thread
            return smallFigure("self")
        })
        XCTAssertEqual(result.version, 1)
        await queue.shutdown()
        XCTAssertThrowsError(try queue.submit(stateJob(out, "late")))
    }
}
