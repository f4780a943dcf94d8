import JSON
import Report
import Service
import Table
import XCTest

/// Decoding report specs: the accepted forms, and errors at their key paths and lines.
final class ReportSpecTests: XCTestCase {
    func parse(_ text: String) throws -> ReportSpec {
        try ReportSpec.parse(bytes: Array(text.utf8), source: "r.json", directory: "/reports")
    }

    func error(_ text: String) -> String {
        do { _ = try parse(text); return "no error" } catch { return "\(error)" }
    }

    func testDecodesTheThreeKindsOfFigureAndNamesOutputsUniquely() throws {
        let spec = try parse("""
            {"version": 1, "title": "CI", "sections": [
              {"title": "A", "figures": [{"spec": "figs/loss.plot.json"}, {"name": "Loss!", "data": ["a.csv", "b.csv"],
                "options": {"logy": true, "y": "loss", "kind": "step", "size": [640, 480], "theme": "dark", "smooth": 0.5, "facet": "run",
                            "aggregate": "median", "band": "ci95"}}]},
              {"title": "B", "figures": [{"name": "loss", "figure": {"version": 1, "data": {"d": "x.csv"}, "panels": [{"series": [{"y": "v"}]}]}}]}
            ]}
            """)
        XCTAssertEqual(spec.title, "CI")
        XCTAssertEqual(spec.sections, ["A", "B"])
        XCTAssertEqual(spec.figures.map(\.name), ["loss", "Loss!", "loss"])
        XCTAssertEqual(spec.figures.map(\.output), ["loss.png", "Loss-2.png", "loss-3.png"], "unique without regard to case")
        XCTAssertEqual(spec.figures.map(\.index), [0, 1, 2])
        guard case .data(let paths, let options) = spec.figures[1].source else { return XCTFail("\(spec.figures[1].source)") }
        XCTAssertEqual(paths, ["a.csv", "b.csv"])
        XCTAssertEqual([options.width, options.height], [640, 480])
        XCTAssertEqual(options.y, ["loss"])
        XCTAssertTrue(options.logY)
        XCTAssertEqual(options.kind, .step)
        XCTAssertEqual(options.smooth, 0.5)
        XCTAssertEqual(options.facet, "run")
        XCTAssertEqual(options.aggregate, .median)
        XCTAssertEqual(options.band, .ci95)
        guard case .inline(let bytes, let keyPath) = spec.figures[2].source else { return XCTFail() }
        XCTAssertEqual(keyPath, "sections[1].figures[0].figure")
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), #"{"version": 1, "data": {"d": "x.csv"}, "panels": [{"series": [{"y": "v"}]}]}"#,
                       "the inline figure's exact bytes")
    }

    func testUnknownKeysGetTheFigureSpecsDidYouMean() {
        // One rule for both spec formats (Table's `DidYouMean`): a swap of neighbours is one edit.
        XCTAssertEqual(error(#"{"version": 1, "sectoins": []}"#), #"r.json:1: sectoins: unknown key (did you mean "sections"?)"#)
        XCTAssertEqual(error(#"{"version": 1, "sections": [{"tilte": "A", "figures": []}]}"#),
                       #"r.json:1: sections[0].tilte: unknown key (did you mean "title"?)"#)
        XCTAssertEqual(DidYouMean.closest(to: "tilte", in: ["title", "figures"]), "title")
    }

    func testErrorsNameTheKeyPathAndLine() {
        XCTAssertEqual(error(#"{"version": 1, "sections": [{"title": "A", "figures": [{"dta": "a.csv"}]}]}"#),
                       #"r.json:1: sections[0].figures[0].dta: unknown key (did you mean "data"?)"#)
        XCTAssertEqual(error("{\"version\": 1,\n \"sections\": [{\"title\": \"A\", \"figures\": [\n  {\"data\": \"a.csv\", \"options\": {\"logy\": 1}}]}]}"),
                       "r.json:3: sections[0].figures[0].options.logy: expected true or false, found 1")
        XCTAssertEqual(error(#"{"version": 1, "sections": [{"title": "A", "figures": [{"name": "x"}]}]}"#),
                       #"r.json:1: sections[0].figures[0]: a figure needs one of "spec", "data" or "figure""#)
        XCTAssertEqual(error(#"{"version": 1, "sections": [{"title": "A", "figures": [{"spec": "a.plot.json", "data": "a.csv"}]}]}"#),
                       #"r.json:1: sections[0].figures[0]: a figure takes only one of "spec", "data" or "figure", found spec and data"#)
        XCTAssertEqual(error(#"{"version": 1, "sections": [{"title": "A", "figures": [{"spec": "a.plot.json", "options": {}}]}]}"#),
                       #"r.json:1: sections[0].figures[0].options: "options" go with "data" (a figure spec sets its own)"#)
        XCTAssertEqual(error(#"{"version": 2, "sections": []}"#), "r.json:1: version: unsupported version 2 (this plotline reads version 1)")
        XCTAssertEqual(error(#"{"version": 1, "sections": []}"#), "r.json:1: sections: expected at least one figure in the sections")
        XCTAssertEqual(error(#"{"version": 1, "sections": [{"title": "A", "figures": [{"data": "a.csv", "options": {"kind": "lines"}}]}]}"#),
                       #"r.json:1: sections[0].figures[0].options.kind: expected one of line, scatter, step, area, bar, histogram, box, heatmap, found "lines""#)
        XCTAssertEqual(error(#"{"version": 1, "sections": [{"title": "A", "figures": [{"data": "a.csv", "options": {"band": "iqr"}}]}]}"#),
                       #"r.json:1: sections[0].figures[0].options.band: expected one of std, minmax, ci95, none, found "iqr""#)
        XCTAssertEqual(error("{\"version\": 1,\n \"sections\": [,]}"), "r.json:2: invalid JSON: expected a value, found ',]}'")
    }

    func testTheReaderSaysWhatAFigureSpecSays() {
        // One typed-node reader (Table's `JSONNode`) and one parser (`JSONDocument`) for both spec
        // formats: the same mistakes get the figure spec's wordings, with the report's line.
        XCTAssertEqual(error(""), "r.json: invalid JSON: the file is empty")
        XCTAssertEqual(error("{\"version\": 1, \"sections\": []}\n[]"), "r.json:2: invalid JSON: expected the end of the input after the spec object")
        XCTAssertEqual(error(#"{"sections": []}"#), "r.json:1: version: missing required key")
        XCTAssertEqual(error(#"{"version": 1, "version": 1, "sections": []}"#), "r.json:1: version: duplicate key")
        XCTAssertEqual(error(#"{"version": 1.5, "sections": []}"#), "r.json:1: version: expected an integer, found 1.5")
        XCTAssertEqual(error(#"{"version": 1, "title": NaN, "sections": []}"#), "r.json:1: title: expected a string, found NaN")
        XCTAssertEqual(error(#"{"version": 1, "odd key": 2}"#), #"r.json:1: ["odd key"]: unknown key (known keys: version, title, formats, sections)"#)
        XCTAssertEqual(error(#"{"version": 1, "sections": [{"title": "A", "figures": []}, {"title": "A", "figures": []}]}"#),
                       #"r.json:1: sections[1].title: a second section titled "A""#)
    }

    func testShardSyntax() {
        XCTAssertEqual(ReportShard("2/4").map { [$0.index, $0.count] }, [2, 4])
        for bad in ["0/4", "5/4", "1/0", "2", "a/b", "1/2/3", ""] { XCTAssertNil(ReportShard(bad), bad) }
        let shard = ReportShard("2/3")!
        XCTAssertEqual((0..<8).filter(shard.contains), [1, 4, 7])
    }

    func testSlugs() {
        XCTAssertEqual(ReportFigure.slug("Loss / val loss (ε)"), "Loss-val-loss")
        XCTAssertEqual(ReportFigure.slug("..hidden"), "hidden")
        XCTAssertEqual(ReportFigure.slug("***"), "figure")
        XCTAssertEqual(ReportFigure.outputNames(["a", "A", "a-2", "a"]), ["a.png", "A-2.png", "a-2-2.png", "a-3.png"])
    }
}
