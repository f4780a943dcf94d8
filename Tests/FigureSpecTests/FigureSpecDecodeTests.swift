import Chart
import FigureSpec
import Raster
import Table
import TestSupport
import XCTest

/// Shared spec fixtures: the full example of docs/figure-spec.md and small tables for it.
enum SpecFixtures {
    static let fullExample = """
    {
      "version": 1,
      "title": "Training",
      "size": "1000x600",
      "dpi": 120,
      "theme": "dark",
      "layout": {"rows": 1, "columns": 2},
      "data": {
        "metrics": "metrics.csv",
        "lr": {"path": "sub/lr.csv", "delimiter": ";", "header": true, "timestamps": {"t": "ms"}}
      },
      "panels": [
        {
          "title": "Loss",
          "x": {"label": "epoch", "scale": "linear", "min": 0, "max": 4},
          "y": {"scale": "symlog", "linthresh": 0.5},
          "grid": false,
          "legend": "upper right",
          "series": [
            {"data": "metrics", "x": "epoch", "y": "loss", "kind": "line", "label": "train", "color": "C1",
             "width": 2, "dash": "dashed", "marker": "circle", "alpha": 0.8, "smooth": 0.5},
            {"data": "metrics", "x": "epoch", "y": "val_loss", "kind": "scatter", "color": "tab:green",
             "dash": [2, 1]}
          ]
        },
        {
          "y": {"scale": "log"},
          "legend": "none",
          "series": [{"data": "lr", "x": "t", "y": "lr", "kind": "step", "color": "#ff000080"}]
        }
      ]
    }
    """

    /// epoch 0...3 with a sparse loss and an even sparser val_loss, as a training log writes them.
    static let metrics = DataTable(source: "/tmp/specs/metrics.csv", columns: [
        Column(name: "epoch", storage: .number([0, 1, 2, 3])),
        Column(name: "loss", storage: .number([1.0, 0.5, .nan, 0.25])),
        Column(name: "val_loss", storage: .number([.nan, 0.9, .nan, 0.6])),
    ])

    static let lr = DataTable(source: "/tmp/specs/sub/lr.csv", columns: [
        Column(name: "t", storage: .time([0, 60, 120], .dateTime)),
        Column(name: "lr", storage: .number([0.1, 0.01, 0.001])),
    ])

    static func example() throws -> FigureSpec {
        try FigureSpec.parse(text: fullExample, source: "figure.json", directory: "/tmp/specs")
    }
}

/// The full example decodes to the expected spec and builds the expected Chart figure.
final class FigureSpecDecodeTests: XCTestCase {
    func testFullExampleDecodes() throws {
        let spec = try SpecFixtures.example()
        var lrOptions = CSVOptions(delimiter: UInt8(ascii: ";"), header: .present)
        lrOptions.timestampColumns = ["t": .milliseconds]
        let expected = FigureSpec(
            source: "figure.json", directory: "/tmp/specs", title: "Training", width: 1000, height: 600, dpi: 120,
            theme: .dark, rows: 1, columns: 2,
            data: [
                .init(name: "metrics", path: "metrics.csv", resolvedPath: "/tmp/specs/metrics.csv"),
                .init(name: "lr", path: "sub/lr.csv", resolvedPath: "/tmp/specs/sub/lr.csv", options: lrOptions),
            ],
            panels: [
                .init(title: "Loss", x: .init(label: "epoch", scale: .linear, min: 0, max: 4),
                      y: .init(scale: .symlog, linthresh: 0.5), grid: false, legend: .upperRight,
                      series: [
                        .init(data: "metrics", x: "epoch", y: "loss", kind: .line, label: "train", color: .cycle(1),
                              width: 2, dash: Chart.Series.dashed, marker: .circle, alpha: 0.8, smooth: 0.5),
                        .init(data: "metrics", x: "epoch", y: "val_loss", kind: .scatter,
                              color: .fixed(Color(rgb: 0x2ca02c)), dash: [2, 1]),
                      ]),
                .init(y: .init(scale: .log), legend: FigureSpec.Panel.legendNone,
                      series: [.init(data: "lr", x: "t", y: "lr", kind: .step, color: .fixed(Color(r: 255, g: 0, b: 0, a: 0x80)))]),
            ])
        XCTAssertEqual(spec, expected)
        XCTAssertEqual(spec.dataSources()["lr"]?.resolvedPath, "/tmp/specs/sub/lr.csv")
        XCTAssertEqual(spec.dataSources()["metrics"]?.options, CSVOptions())
        XCTAssertEqual(Set(spec.dataSources().keys), ["metrics", "lr"])
    }

    func testFullExampleBuildsFigure() throws {
        let figure = try SpecFixtures.example().figure(tables: ["metrics": SpecFixtures.metrics, "lr": SpecFixtures.lr])
        let c1 = Theme.dark.cycle[1]
        let raw = Chart.Series("", kind: .line, x: [0, 1, 3], y: [1, 0.5, 0.25], color: c1, lineWidth: 2,
                               dash: Chart.Series.dashed, marker: .circle, alpha: 0.8 * 0.25)
        // TensorBoard's debiased EMA with weight 0.5: 1, 0.5/0.75, 0.375/0.875.
        let smoothed = Chart.Series("train", kind: .line, x: [0, 1, 3], y: [1, 0.5 / 0.75, 0.375 / 0.875], color: c1,
                                    lineWidth: 2, dash: Chart.Series.dashed, marker: .circle, alpha: 0.8)
        let validation = Chart.Series("val_loss", kind: .scatter, x: [1, 3], y: [0.9, 0.6], color: Color(rgb: 0x2ca02c),
                                      dash: [2, 1])
        let loss = Chart.Panel(title: "Loss", x: AxisSpec(label: "epoch", scale: .linear, min: 0, max: 4),
                               y: AxisSpec(label: nil, scale: .symlog(linthresh: 0.5)),
                               series: [raw, smoothed, validation], grid: false, legend: .upperRight)
        let rate = Chart.Panel(x: AxisSpec(label: "t", scale: .time), y: AxisSpec(label: "lr", scale: .log),
                               series: [Chart.Series("lr", kind: .step, x: [0, 60, 120], y: [0.1, 0.01, 0.001],
                                                     color: Color(r: 255, g: 0, b: 0, a: 0x80))],
                               grid: true, legend: .none)
        let expected = Figure(width: 1000, height: 600, dpi: 120, title: "Training", panels: [loss, rate],
                              rows: 1, columns: 2, theme: .dark)
        XCTAssertEqual(figure.panels.count, 2)
        XCTAssertEqual(figure.panels[0].series, expected.panels[0].series)
        XCTAssertEqual(figure.panels[0], expected.panels[0])
        XCTAssertEqual(figure.panels[1], expected.panels[1])
        XCTAssertEqual(figure, expected)
    }

    func testDocumentationExamplesDecode() throws {
        let doc = try String(contentsOfFile: packageRoot() + "/docs/figure-spec.md", encoding: .utf8)
        let blocks = doc.components(separatedBy: "```json\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        XCTAssertEqual(blocks.count, 10)
        let documented = try FigureSpec.parse(text: blocks[0], source: "figure.json", directory: "/tmp/specs")
        XCTAssertEqual(documented, try SpecFixtures.example())
        XCTAssertEqual(try FigureSpec.parse(text: blocks[1], source: "figure.json").panels[0].series[0].y, "loss")
        // One example per kind and for annotations: each decodes, and together they show every kind.
        var kinds = Set<SeriesKind>()
        var matrices = 0
        for block in blocks.dropFirst(2) {
            let spec = try FigureSpec.parse(text: block, source: "figure.json")
            kinds.formUnion(spec.panels.flatMap(\.series).map { $0.kind ?? .line })
            matrices += spec.panels.flatMap(\.series).filter { $0.matrix == true }.count
        }
        XCTAssertEqual(matrices, 1, "the 2-D array example")
        XCTAssertTrue(kinds.isSuperset(of: [.histogram, .bar, .scatter, .box, .pie, .heatmap]), "\(kinds)")
    }

    func testLegendBelowDecodesAndReachesThePanel() throws {
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"m": "m.csv"}, "panels": [{"legend": "below", "series": [{"x": "epoch", "y": "loss"}, {"y": "val_loss"}]}]}
            """, source: "figure.json", directory: "/d")
        XCTAssertEqual(spec.panels[0].legend, .below)
        XCTAssertEqual(try spec.figure(tables: ["m": SpecFixtures.metrics]).panels[0].legend, .below)
        XCTAssertEqual(try FigureSpec.parse(text: spec.jsonText(), source: "again.json", directory: "/d").panels[0].legend, .below, "round trip")
    }

    func testMinimalSpecDefaults() throws {
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"m": "m.csv"}, "panels": [{"series": [{"x": "epoch", "y": "loss"}, {"y": "val_loss"}]}]}
            """, source: "figure.json", directory: "/d")
        XCTAssertEqual(spec.width, nil)
        XCTAssertEqual(spec.panels[0].series[1], FigureSpec.Series(y: "val_loss"))
        let figure = try spec.figure(tables: ["m": SpecFixtures.metrics])
        XCTAssertEqual(figure.width, 1200)
        XCTAssertEqual(figure.height, 800)
        XCTAssertEqual(figure.dpi, 100)
        XCTAssertEqual(figure.theme, .light)
        let panel = figure.panels[0]
        XCTAssertEqual(panel.x, AxisSpec(label: nil, scale: .linear))  // x columns differ (epoch, row number)
        XCTAssertEqual(panel.y, AxisSpec(label: nil, scale: .linear))
        XCTAssertEqual(panel.legend, .best)
        XCTAssertTrue(panel.grid)
        // Without an x column the row number is x; missing rows are dropped, not broken.
        XCTAssertEqual(panel.series[1], Chart.Series("val_loss", x: [1, 3], y: [0.9, 0.6], color: Theme.tab10[1]))
        XCTAssertEqual(panel.series[0], Chart.Series("loss", x: [0, 1, 3], y: [1, 0.5, 0.25], color: Theme.tab10[0]))
    }

    func testCategoryAxisUnionsLevelsAcrossTables() throws {
        let a = DataTable(source: "a.csv", columns: [
            Column(name: "day", storage: .category(codes: [0, 1, -1, 0], levels: ["Sat", "Sun"])),
            Column(name: "tip", storage: .number([1, 2, 3, 4])),
        ])
        let b = DataTable(source: "b.csv", columns: [
            Column(name: "day", storage: .category(codes: [0, 1], levels: ["Fri", "Sun"])),
            Column(name: "tip", storage: .number([5, .nan])),
        ])
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"a": "a.csv", "b": "b.csv"},
             "panels": [{"series": [{"data": "a", "x": "day", "y": "tip", "kind": "bar"},
                                    {"data": "b", "x": "day", "y": "tip", "kind": "bar", "label": "b"}]}]}
            """, source: "figure.json")
        let panel = try spec.figure(tables: ["a": a, "b": b]).panels[0]
        XCTAssertEqual(panel.x, AxisSpec(label: "day", scale: .category(["Sat", "Sun", "Fri"])))
        XCTAssertEqual(panel.series[0].x, [0, 1, 0])
        XCTAssertEqual(panel.series[0].y, [1, 2, 4])
        XCTAssertEqual(panel.series[1].x, [2])
        XCTAssertEqual(panel.series[1].y, [5])
        XCTAssertEqual(panel.y.label, "tip")
    }

    func testNumbersOnAnExplicitCategoryAxis() throws {
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"m": "m.csv"},
             "panels": [{"x": {"scale": "category"}, "series": [{"x": "epoch", "y": "val_loss", "kind": "bar"}]}]}
            """, source: "figure.json")
        let panel = try spec.figure(tables: ["m": SpecFixtures.metrics]).panels[0]
        XCTAssertEqual(panel.x.scale, .category(["1", "3"]))
        XCTAssertEqual(panel.series[0].x, [0, 1])
    }

    func testSizeFormsColorsAndDashes() throws {
        func series(_ extra: String) throws -> FigureSpec.Series {
            try FigureSpec.parse(text: """
                {"version": 1, "size": [640, 480], "data": {"m": "m.csv"}, "panels": [{"series": [{"y": "loss"\(extra)}]}]}
                """, source: "figure.json").panels[0].series[0]
        }
        let cases: [(String, FigureSpec.ColorValue?, [Double]?)] = [
            (##", "color": "#abc""##, .fixed(Color(rgb: 0xaabbcc)), nil),
            (#", "color": "C12""#, .cycle(12), nil),
            (#", "color": "tab:grey""#, .fixed(Theme.tab10[7]), nil),
            (#", "color": "black", "dash": "dotted""#, .fixed(.black), Chart.Series.dotted),
            (#", "dash": "dashdot""#, nil, Chart.Series.dashDot),
            (#", "dash": "solid""#, nil, nil),
            (#", "dash": [4]"#, nil, [4]),
        ]
        for (extra, color, dash) in cases {
            let s = try series(extra)
            XCTAssertEqual(s.color, color, extra)
            XCTAssertEqual(s.dash, dash, extra)
        }
        XCTAssertEqual(FigureSpec.ColorValue.cycle(12).resolved(in: .light), Theme.tab10[2])
        let spec = try FigureSpec.parse(text: #"{"version": 1, "size": "640X480", "data": {"m": "m.csv"}, "panels": [{"series": []}]}"#,
                                        source: "f.json")
        XCTAssertEqual(spec.width, 640)
        XCTAssertEqual(spec.height, 480)
    }

    func testNullMeansNotGivenOnOptionalKeys() throws {
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "title": null, "data": {"m": "m.csv"}, "panels": [{"legend": null, "series": [{"y": "loss", "smooth": null}]}]}
            """, source: "figure.json")
        XCTAssertNil(spec.title)
        XCTAssertNil(spec.panels[0].legend)
        XCTAssertNil(spec.panels[0].series[0].smooth)
    }

    func testTimeLimitsAcceptDates() throws {
        let spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"m": "m.csv"},
             "panels": [{"x": {"min": "2012-01-01", "max": "2012-01-02T12:00:00Z"}, "series": [{"y": "loss"}]}]}
            """, source: "figure.json")
        XCTAssertEqual(spec.panels[0].x.min, 1_325_376_000)
        XCTAssertEqual(spec.panels[0].x.max, 1_325_376_000 + 86_400 + 43_200)
    }
}

extension FigureSpec.Panel {
    /// `.none` spelt out, so it is not read as `Optional.none`.
    static var legendNone: LegendPlacement? { LegendPlacement.none }
}
