import Chart
import FigureSpec
import Foundation
import Geometry
import Scene
import Table
import TestSupport
import Text
import XCTest

/// `facet` / `--facet`: one panel per value in a ⌈√n⌉-column grid, shared axes, the value as the
/// title, one legend; in default figures and in specs. Golden: iris by species.
final class FacetTests: XCTestCase {
    var fonts: FontLibrary { sharedFonts() }

    func iris(_ configure: (inout RenderOptions) -> Void = { _ in }) throws -> Figure {
        var o = RenderOptions()
        o.width = 900; o.height = 600
        configure(&o)
        return try DefaultFigure.make(TableReader.read(path: sharedDataPath("iris.csv")), options: o)
    }

    func testDefaultFigureFacetsIrisBySpecies() throws {
        let f = try iris { $0.facet = "species" }
        XCTAssertEqual(f.panels.map(\.title), ["setosa", "versicolor", "virginica"])
        XCTAssertEqual(f.columns, 2, "⌈√3⌉ columns")
        XCTAssertEqual(f.rows, 2)
        XCTAssertTrue(f.sharedGrid)
        XCTAssertEqual(f.panels.map(\.legend), [.best, .none, .none], "one legend")
        for p in f.panels {
            XCTAssertEqual(p.series.map(\.name), ["sepal_width", "petal_length", "petal_width"], "same series in every panel")
            XCTAssertEqual(p.series.map(\.x.count), [50, 50, 50], "each panel has its species' rows only")
            XCTAssertEqual(p.series.map(\.color), f.panels[0].series.map(\.color), "same colours in every panel")
        }
        XCTAssertFalse(f.panels[0].series.flatMap(\.x).contains { $0 > 5.8 }, "setosa's sepals are at most 5.8 long")
    }

    func testFacetWithByKeepsGroupColoursAcrossPanels() throws {
        let table = try csv("t,v,run,site\n1,1,a,north\n2,2,a,north\n1,3,b,north\n2,4,b,north\n1,5,b,south\n2,6,b,south\n")
        var o = RenderOptions()
        o.x = "t"; o.y = ["v"]; o.by = "run"; o.facet = "site"
        let f = try DefaultFigure.make(table, options: o)
        XCTAssertEqual(f.panels.map(\.title), ["north", "south"])
        XCTAssertEqual(f.panels[1].series.map(\.name), ["a", "b"], "the groups of every row, in every panel")
        XCTAssertEqual(f.panels[1].series.map(\.x.count), [0, 2])
        XCTAssertEqual(f.panels[0].series.map(\.color), f.panels[1].series.map(\.color))
    }

    func testTooManyFacetValuesIsAnError() throws {
        var text = "x,y,id\n"
        for i in 0..<40 { text += "\(i),\(i),v\(i)\n" }
        let table = try csv(text, source: "many.csv")
        var o = RenderOptions()
        o.x = "x"; o.facet = "id"
        let message = errorText { try DefaultFigure.make(table, options: o) }
        XCTAssertTrue(message.contains("many.csv"), message)
        XCTAssertTrue(message.contains("id"), message)
        XCTAssertTrue(message.contains("40 values to facet by") && message.contains("36"), message)
        o.facet = "nope"
        XCTAssertTrue(errorText { try DefaultFigure.make(table, options: o) }.contains("nope"))
    }

    static let specTable = """
        species,island,bill,flipper
        A,X,39,181
        A,Y,40,186
        G,X,46,211
        G,X,47,215
        C,Z,50,195
        A,Z,37,190
        """

    func spec(_ json: String) throws -> FigureSpec {
        try FigureSpec.parse(text: json, source: "figure.json", directory: "/d")
    }

    func testSpecFacetRepeatsThePanelPerValue() throws {
        let s = try spec(#"""
            {"version": 1, "data": {"p": "p.csv"}, "facet": "island",
             "panels": [{"series": [{"x": "bill", "y": "flipper", "kind": "scatter", "by": "species"}]}]}
            """#)
        let f = try s.figure(tables: ["p": csv(Self.specTable)])
        XCTAssertEqual(f.panels.map(\.title), ["X", "Y", "Z"])
        XCTAssertTrue(f.sharedGrid)
        XCTAssertEqual(f.panels.map { $0.series.map(\.name) }, Array(repeating: ["A", "G", "C"], count: 3))
        XCTAssertEqual(f.panels[0].series.map(\.x), [[39], [46, 47], []])
        XCTAssertEqual(f.panels[2].series.map(\.x), [[37], [], [50]])
        XCTAssertEqual(f.panels.map(\.legend), [.best, .none, .none])
    }

    func testSpecFacetErrors() throws {
        let two = errorText { try self.spec(#"""
            {"version": 1, "data": {"p": "p.csv"}, "facet": "island",
             "panels": [{"series": [{"x": "bill", "y": "flipper"}]}, {"series": [{"x": "bill", "y": "flipper"}]}]}
            """#) }
        XCTAssertTrue(two.contains("figure.json: facet:") && two.contains("2 panels"), two)
        let s = try spec(#"{"version": 1, "data": {"p": "p.csv"}, "facet": "isle", "panels": [{"series": [{"x": "bill", "y": "flipper"}]}]}"#)
        let missing = errorText { try s.figure(tables: ["p": csv(Self.specTable)]) }
        XCTAssertTrue(missing.contains("facet") && missing.contains("isle") && missing.contains("island"), missing)
    }

    func testFacetGridLayoutSharesAxesAndLabelsOuterPanels() throws {
        let f = try iris { $0.facet = "species" }
        let scene = FigureRenderer(fonts: fonts).scene(for: f)
        let texts = scene.commands.compactMap { c -> TextRun? in if case .text(let r) = c { return r } else { return nil } }
        for title in ["setosa", "versicolor", "virginica"] {
            XCTAssertEqual(texts.filter { $0.text == title }.count, 1, "\(title) titled once")
        }
        // label_outer: the x label under the bottom panel and under the top-right one (nothing
        // below it), the y label left of the first column's two panels.
        XCTAssertEqual(texts.filter { $0.text == "sepal_length" }.count, 2)
        _ = assertTextInsideAndApart(scene, fonts: fonts, apart: false, context: "iris facet")
    }

    func testIrisFacetGolden() throws {
        let f = try iris { $0.facet = "species" }
        let image = try ScenePlayer(fonts: fonts).render(FigureRenderer(fonts: fonts).scene(for: f))
        assertMatchesGolden(image, named: "facet-iris-species", goldens: goldensDirectory(), tolerance: .text())
    }
}

extension FacetTests {
    func testColouredFacetsShareOneColourScale() throws {
        let table = try csv("x,y,z,g\n1,1,-1,a\n2,2,0.5,a\n1,3,2,b\n2,4,3,b\n")
        var o = RenderOptions()
        o.x = "x"; o.y = ["y"]; o.color = "z"; o.colorMap = .rdBu; o.facet = "g"
        let f = try DefaultFigure.make(table, options: o)
        XCTAssertEqual(f.panels.count, 2)
        for p in f.panels {
            XCTAssertEqual(p.series[0].colorMin, -3, "symmetric about 0 over every panel's values")
            XCTAssertEqual(p.series[0].colorMax, 3)
        }
        // Both panels share x and y although each has a colour bar.
        let scene = FigureRenderer(fonts: fonts).scene(for: f)
        let yLabels = scene.commands.compactMap { c -> String? in
            if case .text(let r) = c, r.horizontal == .right, r.vertical == .center { return r.text } else { return nil }
        }
        XCTAssertFalse(yLabels.isEmpty)
        XCTAssertEqual(Set(yLabels).count, yLabels.count, "y tick labels only on the first column")
        // One colour bar for the grid, right of every panel, as tall as the grid's frames.
        var images: [Rect] = []
        for c in scene.commands { if case .image(_, let r, _, _) = c { images.append(r) } }
        XCTAssertEqual(images.count, 1, "one colour bar, not one per panel")
        let frames = scene.commands.compactMap { c -> Rect? in
            if case .fillRect(let r, let color) = c, color == Theme.light.axesBackground { return r } else { return nil }
        }
        XCTAssertEqual(frames.count, 2)
        if let bar = images.first {
            XCTAssertTrue(frames.allSatisfy { bar.minX > $0.maxX }, "right of the grid: \(bar) \(frames)")
            XCTAssertEqual(bar.minY, frames.map(\.minY).min()!, accuracy: 1)
            XCTAssertEqual(bar.maxY, frames.map(\.maxY).max()!, accuracy: 1)
        }
        let texts = scene.commands.compactMap { c -> TextRun? in if case .text(let r) = c { return r } else { return nil } }
        XCTAssertEqual(texts.filter { $0.text == "z" && $0.rotation == 90 }.count, 1, "labelled once")
        _ = assertTextInsideAndApart(scene, fonts: fonts, context: "coloured facets")
    }
}

extension FacetTests {
    /// The bars of every histogram fill in `scene`, as (left, right) pixel edges measured from
    /// the left of the plot frame they lie in.
    func histogramBarEdges(_ scene: Scene) -> [[(left: Double, right: Double)]] {
        let frames = scene.commands.compactMap { c -> Rect? in
            if case .fillRect(let r, let color) = c, color == Theme.light.axesBackground { return r } else { return nil }
        }
        var panels: [[(left: Double, right: Double)]] = []
        for c in scene.commands {
            guard case .fill(let path, _, _) = c, let bounds = path.bounds else { continue }
            guard let frame = frames.first(where: { $0.minX <= bounds.minX + 0.5 && $0.maxX >= bounds.maxX - 0.5 && $0.minY <= bounds.minY + 0.5 && $0.maxY >= bounds.maxY - 0.5 }) else { continue }
            var bars: [(left: Double, right: Double)] = []
            var start: Point?
            for e in path.elements {
                switch e {
                case .move(let p): start = p
                case .line(let p): if let s = start { bars.append((s.x - frame.minX, p.x - frame.minX)); start = nil }
                default: break
                }
            }
            if !bars.isEmpty { panels.append(bars) }
        }
        return panels
    }

    /// A facet grid of histograms shares one set of bins across its panels (seaborn's
    /// `displot(col=…)`, `common_bins=True`): every bar has the same width and its edges lie on
    /// one lattice, so setosa's short petals and virginica's long ones compare bin for bin.
    func testFacetHistogramsShareBinsAcrossPanels() throws {
        let f = try iris { $0.facet = "species"; $0.kind = .histogram; $0.y = ["petal_length"] }
        XCTAssertEqual(f.panels.count, 3)
        let panels = histogramBarEdges(FigureRenderer(fonts: fonts).scene(for: f))
        XCTAssertEqual(panels.count, 3, "one histogram per panel")
        guard let first = panels.first?.first else { return XCTFail("no bars") }
        let width = first.right - first.left
        XCTAssertGreaterThan(width, 1)
        for (k, bars) in panels.enumerated() {
            for b in bars {
                XCTAssertEqual(b.right - b.left, width, accuracy: 0.01, "panel \(k): one bin width for the grid")
                let steps = (b.left - first.left) / width
                XCTAssertEqual(steps, steps.rounded(), accuracy: 0.01, "panel \(k): bar at \(b.left) off the shared edges")
            }
        }
        // The pooled range: setosa's panel has (empty) bins out to virginica's longest petal.
        XCTAssertEqual(panels[0].count, panels[2].count, "every panel has every bin")
    }

    func testFacetHistogramGolden() throws {
        let f = try iris { $0.facet = "species"; $0.kind = .histogram; $0.y = ["petal_length"] }
        let image = try ScenePlayer(fonts: fonts).render(FigureRenderer(fonts: fonts).scene(for: f))
        assertMatchesGolden(image, named: "facet-histogram-shared-bins", goldens: goldensDirectory(), tolerance: .text())
    }
}
