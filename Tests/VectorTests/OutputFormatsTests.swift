import Vector
import XCTest

/// `OutputFormats`: the one rule for which files a figure is written in.
final class OutputFormatsTests: XCTestCase {
    func testTheMostSpecificListWinsWhole() {
        let all = OutputFormats(commandLine: [.pdf], entry: [.svg], folder: [.png, .svg, .pdf])
        XCTAssertEqual(all.resolve(spec: [.svg, .pdf]), [.png, .pdf], "the command line beats everything")
        let entry = OutputFormats(entry: [.svg], folder: [.pdf])
        XCTAssertEqual(entry.resolve(spec: [.pdf]), [.png, .svg], "the entry beats the spec")
        let folder = OutputFormats(folder: [.pdf])
        XCTAssertEqual(folder.resolve(spec: [.svg]), [.png, .svg], "the spec beats the folder")
        XCTAssertEqual(folder.resolve(spec: nil), [.png, .pdf], "no spec list: the folder's")
        XCTAssertEqual(OutputFormats().resolve(spec: nil), [.png], "nothing named: the main file alone")
    }

    func testTheMainFileIsAlwaysWrittenFirst() {
        let rule = OutputFormats()
        XCTAssertEqual(rule.resolve(main: .svg, spec: [.png, .svg, .pdf]), [.svg, .png, .pdf])
        XCTAssertEqual(rule.beside(main: .svg, spec: [.png, .pdf]), [.png, .pdf])
        XCTAssertEqual(rule.resolve(main: .png, spec: [.svg]), [.png, .svg], "a list without the PNG still gets it in report and watch")
        XCTAssertEqual(rule.beside(main: .pdf, spec: nil), [])
    }
}
