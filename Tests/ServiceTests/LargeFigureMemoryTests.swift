import Chart
import Foundation
import Service
import XCTest

/// A huge figure leaves nothing of its size resident in a long-running watcher (issue 12,
/// item 9): the rasterizer's scratch accumulator, which grows to the largest area drawn, used
/// to keep about 4 bytes a pixel (210 MB after a 16384 × 4096 figure) for good.
final class LargeFigureMemoryTests: XCTestCase {
    /// Resident bytes of this process (`/proc/self/statm`).
    private func residentBytes() throws -> Int {
        let text = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let pages = try XCTUnwrap(Int(text.split(separator: " ")[1]))
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    func testAHugeFigureLeavesNoScratchOfItsSizeResident() async throws {
        let queue = try RenderQueue()
        let folder = temporaryFolder()
        let small = try await queue.render(RenderJob(output: folder + "/small.png", figure: smallFigure("warm")))
        XCTAssertGreaterThan(small.bytes, 0)
        let before = try residentBytes()
        // 8192 × 4096: 32 Mpx, a 128 MB pixmap and a scratch accumulator of about as much.
        let huge = Figure(width: 8192, height: 4096, panels: [Panel(series: [Series("s", x: [0, 1, 2], y: [0, 2, 1])], legend: .none)])
        let result = try await queue.render(RenderJob(output: folder + "/huge.png", figure: huge))
        XCTAssertGreaterThan(result.bytes, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/huge.png"))
        // A figure of the usual size still draws after the scratch was let go; once it is done,
        // the render thread has long dropped everything of the huge one.
        let again = try await queue.render(RenderJob(output: folder + "/again.png", figure: smallFigure("again")))
        XCTAssertGreaterThan(again.bytes, 0)
        let grown = try residentBytes() - before
        XCTAssertLessThan(grown, 48 << 20, "\(grown >> 20) MB still resident after the figure")
        await queue.shutdown()
    }
}
