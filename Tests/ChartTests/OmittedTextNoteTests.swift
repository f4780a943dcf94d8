@testable import Chart
import XCTest

/// The note that says what a tiny figure left out (`TextArbitration.note`), as the user reads it.
final class OmittedTextNoteTests: XCTestCase {
    func testTheNoteCountsWhatWasLeftOutLegendsFirst() {
        XCTAssertNil(TextArbitration.note([]))
        XCTAssertEqual(TextArbitration.note([.tickLabel, .legend, .tickLabel, .legend, .legend]),
                       "left out for lack of room: 3 legends, 2 tick labels (a larger size or a lower dpi shows them)")
        XCTAssertEqual(TextArbitration.note([.panelTitle]),
                       "left out for lack of room: 1 panel title (a larger size or a lower dpi shows them)")
    }
}
