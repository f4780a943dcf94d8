import JSON
import XCTest

/// The one did-you-mean rule of figure specs and report specs (`DidYouMean`).
final class DidYouMeanTests: XCTestCase {
    func testEditDistanceCountsSwapsAsOneEdit() {
        XCTAssertEqual(DidYouMean.editDistance("label", "label"), 0)
        XCTAssertEqual(DidYouMean.editDistance("lable", "label"), 1, "a swap of neighbours")
        XCTAssertEqual(DidYouMean.editDistance("seris", "series"), 1, "a deletion")
        XCTAssertEqual(DidYouMean.editDistance("colour", "color"), 1, "an insertion")
        XCTAssertEqual(DidYouMean.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(DidYouMean.editDistance("", "abc"), 3)
        XCTAssertEqual(DidYouMean.editDistance("abc", ""), 3)
        XCTAssertEqual(DidYouMean.editDistance("é", "e"), 1, "Unicode scalars, not bytes")
    }

    func testClosestIsALikelyTypoOrNothing() {
        let keys = ["title", "x", "y", "y2", "grid", "legend", "series"]
        XCTAssertEqual(DidYouMean.closest(to: "seris", in: keys), "series")
        XCTAssertEqual(DidYouMean.closest(to: "Titel", in: keys), "title", "case ignored, a swap is one edit")
        XCTAssertEqual(DidYouMean.closest(to: "legnd", in: keys), "legend")
        XCTAssertNil(DidYouMean.closest(to: "zzz", in: keys), "nothing near")
        XCTAssertEqual(DidYouMean.closest(to: "serieses", in: keys), "series", "two edits are near for a long key")
        XCTAssertNil(DidYouMean.closest(to: "xyz", in: keys), "two edits are too many for a short key")
        XCTAssertNil(DidYouMean.closest(to: "anything", in: []))
        XCTAssertEqual(DidYouMean.closest(to: "y3", in: keys), "y", "ties go to the first known key (y and y2 are one edit away)")
    }
}
