import Foundation
import Report
import Service
import XCTest

/// `index.md`'s links: relative by default, absolute under `--base-url`, always one valid link.
final class ReportLinksTests: XCTestCase {
    private let manifest = ReportManifest(
        title: "Nightly", sections: ["Training"], figureCount: 2, shard: nil,
        figures: [
            ReportManifest.Figure(index: 0, name: "Loss (all runs)", section: "Training", output: "Loss (all runs).png",
                                  sha256: "00", bytes: 1, width: 1, height: 1),
            ReportManifest.Figure(index: 1, name: "lr", section: "Training", output: "lr.png",
                                  sha256: "00", bytes: 1, width: 1, height: 1),
        ])

    func testRelativeLinksArePercentEncodedPaths() {
        let md = ReportIndex.markdown(manifest, comparison: nil)
        XCTAssertTrue(md.contains("[![Loss (all runs)](Loss%20%28all%20runs%29.png)](Loss%20%28all%20runs%29.png)"), md)
        XCTAssertTrue(md.contains("[![lr](lr.png)](lr.png)"), md)
    }

    func testBaseURLMakesEveryImageLinkAbsolute() throws {
        let links = try XCTUnwrap(ReportLinks(base: "https://example.org/reports/42"))
        XCTAssertEqual(links.base, "https://example.org/reports/42/")
        let md = ReportIndex.markdown(manifest, comparison: nil, links: links)
        XCTAssertTrue(md.contains("(https://example.org/reports/42/lr.png)"), md)
        XCTAssertTrue(md.contains("(https://example.org/reports/42/Loss%20%28all%20runs%29.png)"), md)
        let imageLinks = md.components(separatedBy: "](").dropFirst().map { $0.prefix { $0 != ")" } }.filter { $0.hasSuffix(".png") }
        XCTAssertEqual(imageLinks.count, 4)
        XCTAssertTrue(imageLinks.allSatisfy { $0.hasPrefix("https://example.org/reports/42/") }, "\(imageLinks)")
    }

    func testBaseURLMustBeAnHTTPURLWithoutQueryOrFragment() {
        XCTAssertNotNil(ReportLinks(base: "http://127.0.0.1:8000/out/"))
        for bad in ["", "reports/42", "file:///tmp/out", "javascript:alert(1)", "https://", "https://x.org/a?b=1", "https://x.org/#top"] {
            XCTAssertNil(ReportLinks(base: bad), bad)
        }
    }
}
