import Chart
import FigureSpec
import Raster
import TestSupport
import XCTest

/// Colour by a numeric column (spec `color` object, `--color`), CSS colour names, tab20.
final class ColorEncodingTests: XCTestCase {
    static let table = "a,b,mass,kind\n1,2,3000,x\n2,3,,y\n3,1,4500,x\n4,5,5000,y\n"

    func figure(_ series: String, top: String = "") throws -> Figure {
        let spec = try FigureSpec.parse(text: #"{"version": 1, "data": {"t": "t.csv"}, \#(top) "panels": [{"series": [\#(series)]}]}"#,
                                        source: "figure.json", directory: "/d")
        return try spec.figure(tables: ["t": csv(Self.table)])
    }

    func message(_ series: String) -> String {
        errorText { try self.figure(series) }
    }

    func testSpecColorsAScatterByAColumn() throws {
        let f = try figure(#"{"x": "a", "y": "b", "kind": "scatter", "color": {"field": "mass", "scheme": "coolwarm"}}"#)
        let s = try XCTUnwrap(f.panels.first?.series.first)
        XCTAssertEqual(s.colorValues.map { $0.isNaN ? -1 : $0 }, [3000, -1, 4500, 5000])
        XCTAssertEqual(s.colorMap, .coolwarm)
        XCTAssertEqual(s.labels, ["mass"], "the colour bar is labelled with the column")
    }

    func testColorEncodingErrorsNameTheKeyPath() {
        XCTAssertTrue(message(#"{"x": "a", "y": "b", "kind": "scatter", "color": {"field": "weight"}}"#)
            .contains("panels[0].series[0].color.field"))
        XCTAssertTrue(message(#"{"x": "a", "y": "b", "kind": "scatter", "color": {"field": "kind"}}"#)
            .contains("panels[0].series[0].color.field"))
        XCTAssertTrue(message(#"{"x": "a", "y": "b", "kind": "scatter", "color": {"field": "mass", "scheme": "jet"}}"#)
            .contains("RdBu"))
        XCTAssertTrue(message(#"{"x": "a", "y": "b", "color": {"field": "mass"}}"#).contains("scatter"), "lines take one colour")
    }

    func testCSSColourNames() throws {
        let f = try figure(#"{"x": "a", "y": "b", "color": "steelblue"}, {"x": "a", "y": "a", "color": "Red"}"#)
        XCTAssertEqual(f.panels[0].series.map(\.color), [Color(rgb: 0x4682b4), Color(rgb: 0xff0000)])
        XCTAssertEqual(FigureSpec.ColorValue("rebeccapurple"), .fixed(Color(rgb: 0x663399)))
        XCTAssertEqual(FigureSpec.ColorValue("lightgoldenrodyellow"), .fixed(Color(rgb: 0xfafad2)))
        XCTAssertNil(FigureSpec.ColorValue("blu"))
    }

    func testTab20Palette() throws {
        let f = try figure(#"{"x": "a", "y": "b"}, {"x": "a", "y": "a"}"#, top: #""palette": "tab20","#)
        XCTAssertEqual(f.panels[0].series.map(\.color), [Color(rgb: 0x1f77b4), Color(rgb: 0xaec7e8)])
        XCTAssertEqual(Palette.tab20.colors.count, 20)
    }

    func testDefaultFigureColorOption() throws {
        var o = RenderOptions()
        o.x = "a"; o.y = ["b"]; o.color = "mass"; o.colorMap = .magma
        let f = try DefaultFigure.make(csv(Self.table), options: o)
        let s = try XCTUnwrap(f.panels.first?.series.first)
        XCTAssertEqual(s.kind, .scatter, "--color draws points")
        XCTAssertEqual(s.colorValues.count, 4)
        XCTAssertEqual(s.colorMap, .magma)
        XCTAssertEqual(s.labels, ["mass"])
        o.y = nil
        let auto = try DefaultFigure.make(csv(Self.table), options: o)
        XCTAssertFalse(auto.panels.flatMap(\.series).map(\.name).contains("mass"), "the colour column is no series")
    }
}

extension ColorEncodingTests {
    func testGroupsOfAColouredScatterDifferByMarkerNotColour() throws {
        var o = RenderOptions()
        o.x = "a"; o.y = ["b"]; o.color = "mass"; o.by = "kind"
        let f = try DefaultFigure.make(csv(Self.table), options: o)
        let series = f.panels.flatMap(\.series)
        XCTAssertEqual(series.map(\.name), ["x", "y"])
        XCTAssertEqual(series.map(\.marker), [.circle, .square], "a shape per group")
        XCTAssertEqual(Set(series.map(\.color)), [Series.groupMarkerColor], "grey legend entries: colour shows the value")
        let spec = try figure(#"{"x": "a", "y": "b", "kind": "scatter", "by": "kind", "color": {"field": "mass"}}"#)
        XCTAssertEqual(spec.panels[0].series.map(\.marker), [.circle, .square])
    }
}
