import Chart
import Foundation
import PNG
@testable import Service
import XCTest

/// The one figure → file pipeline (`FigurePipeline`) as the queue runs it: background encoding,
/// main outputs in every format, the canvas rule, write errors that name the file.
final class FigurePipelineTests: XCTestCase {
    /// Jobs encoded on a background writer: every file written, each completion after its
    /// `onWritten`, and a shutdown that returns only when every completion has run.
    func testBackgroundEncodingWritesEveryJobBeforeTheQueueStops() throws {
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        let writer = BackgroundWriter(label: "test.writer", workers: 2, depth: 3)
        let log = Log()
        for i in 0..<8 {
            var job = stateJob(folder + "/f\(i).png", "s\(i)")
            job.encoding = .background(writer)
            job.alsoWrite = [.svg]
            job.onWritten = { log.add("written \(i) \($0.files.map { ($0 as NSString).lastPathComponent }) \($0.png?.count == $0.bytes)") }
            try queue.submit(job) { result in
                if case .success = result { log.add("done \(i)") } else { log.add("failed \(i)") }
            }
        }
        queue.shutdownAndJoin()
        let lines = log.lines
        XCTAssertEqual(lines.count, 16, "\(lines)")
        for i in 0..<8 {
            XCTAssertEqual(writtenState(folder + "/f\(i).png"), "s\(i)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/f\(i).svg"))
            let written = try XCTUnwrap(lines.firstIndex(of: "written \(i) [\"f\(i).png\", \"f\(i).svg\"] true"), "\(lines)")
            let done = try XCTUnwrap(lines.firstIndex(of: "done \(i)"), "\(lines)")
            XCTAssertLessThan(written, done)
        }
        XCTAssertEqual(queue.statistics.finished, 8)
    }

    /// Background jobs draw over pixmaps their writers handed back (`RenderQueueCore.returnedPixmaps`):
    /// each figure, drawn into the previous figure's memory, must equal the same figure drawn
    /// fresh on the render thread (nothing of the earlier figure shows through).
    func testReturnedPixmapsDrawTheSameFigures() throws {
        let folder = temporaryFolder()
        let writer = BackgroundWriter(label: "test.writer", workers: 1, depth: 2)
        let states = ["a", "bb", "c", "dddd", "e"]
        let queue = try RenderQueue()
        for (i, state) in states.enumerated() {
            var job = stateJob(folder + "/bg\(i).png", state)
            job.encoding = .background(writer)
            let done = DispatchSemaphore(value: 0)
            try queue.submit(job) { _ in done.signal() }
            done.wait()  // one at a time: the next job finds this one's pixmap handed back
        }
        // Each job took the one handed back before it (else three would be waiting by now).
        XCTAssertEqual(queue.core.returnedPixmaps.withLock { $0.count }, 1, "the pixmaps handed back were drawn over")
        queue.shutdownAndJoin()
        let fresh = try RenderQueue()
        for (i, state) in states.enumerated() {
            try fresh.submit(stateJob(folder + "/fresh\(i).png", state))
        }
        fresh.shutdownAndJoin()
        for i in states.indices {
            let background = try PNG.read(path: folder + "/bg\(i).png")
            XCTAssertEqual(background, try PNG.read(path: folder + "/fresh\(i).png"), "figure \(i)")
        }
    }

    /// A second job for an output still being written waits for that write (the file is never
    /// written by two jobs at once, and the newer state lands last).
    func testAJobWaitsForItsOutputsBackgroundWrite() throws {
        let queue = try RenderQueue()
        let out = temporaryFolder() + "/a.png"
        let writer = BackgroundWriter(label: "test.writer", workers: 2, depth: 3)
        let log = Log()
        let writing = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        var first = stateJob(out, "first")
        first.encoding = .background(writer)
        first.onWritten = { _ in writing.signal(); release.wait(); log.add("first") }
        try queue.submit(first)
        writing.wait()
        var second = stateJob(out, "second")
        second.encoding = .background(writer)
        second.onWritten = { _ in log.add("second") }
        try queue.submit(second) { _ in done.signal() }
        Thread.sleep(forTimeInterval: 0.1)  // room for a wrong start; the check is that none happened
        XCTAssertEqual(queue.statistics.started, 1, "the second job was drawn while its output was being written")
        XCTAssertEqual(queue.status(of: out)?.isWaiting, true)
        release.signal()
        done.wait()
        XCTAssertEqual(log.lines, ["first", "second"])
        XCTAssertEqual(writtenState(out), "second")
        queue.shutdownAndJoin()
    }

    /// A job whose output is SVG or PDF writes that format to the output path, and no PNG.
    func testAVectorMainOutput() async throws {
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        var job = RenderJob(output: folder + "/v.pdf", figure: smallFigure("v"))
        job.format = .pdf
        let r = try await queue.render(job)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: folder + "/v.pdf"))
        XCTAssertEqual(r.bytes, bytes.count)
        XCTAssertEqual(String(decoding: bytes.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["v.pdf"])
        await queue.shutdown()
    }

    /// Figures made by code meet the one canvas rule once, before layout.
    func testTheCanvasRuleForFiguresMadeByCode() async throws {
        let queue = try RenderQueue()
        let out = temporaryFolder() + "/c.png"
        for (figure, reason) in [
            (Figure(width: 15, height: 150, panels: [Panel()]), "invalid canvas size 15x150: each side 16...16384 pixels, at most 67108864 pixels in all"),
            (Figure(width: 16384, height: 16384, panels: [Panel()]), "invalid canvas size 16384x16384"),
            (Figure(width: 200, height: 150, dpi: 9.5, panels: [Panel()]), "invalid dpi 9.5: must be 10...2400 dots per inch"),
        ] {
            do {
                _ = try await queue.render(RenderJob(output: out, figure: figure))
                XCTFail("drew \(figure.width)x\(figure.height) at \(figure.dpi) dpi")
            } catch {
                XCTAssertTrue("\(error)".contains(reason), "\(error)")
            }
        }
        _ = try await queue.render(RenderJob(output: out, figure: Figure(width: 16, height: 16, dpi: 10, panels: [Panel()])))
        await queue.shutdown()
        XCTAssertNoThrow(try Canvas(width: 16384, height: 4096, dpi: 2400))
        XCTAssertEqual(Canvas.parseSize("640×480").map { [$0.width, $0.height] }, [640, 480])
        XCTAssertNil(Canvas.parseSize("640by480"))
    }
}

/// Lines appended from any thread.
private final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
