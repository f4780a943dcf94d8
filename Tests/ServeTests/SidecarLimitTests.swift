import Serve
import Table
import XCTest

/// The sidecar size the server reads is the documented limit (issue 12): Serve links no drawing
/// module, so it keeps its own copy of `ResourceLimits.sidecarBytes`, and this test keeps the
/// two equal.
final class SidecarLimitTests: XCTestCase {
    func testTheServerUsesTheDocumentedSidecarLimit() {
        XCTAssertEqual(FigureIndex.maxSidecarBytes, ResourceLimits.standard.sidecarBytes)
    }
}
