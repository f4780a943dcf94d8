import Chart
import Geometry
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// Layout assertions on the Scene for the series kinds (no pixels) and table tests of their
/// pure parts, with expected values from matplotlib 3.11 (`cbook.boxplot_stats`, colormaps).
final class KindLayoutTests: XCTestCase {
    var fonts: FontLibrary { sharedFonts() }

    func scene(_ name: String) -> Scene {
        let figure = KindFigures.cases.first { $0.name == name }!.figure
        return FigureRenderer(fonts: fonts).scene(for: figure)
    }

    /// The plot frame: the first rectangle filled after the figure background (axes background).
    func frame(_ s: Scene) -> Rect {
        for c in s.commands { if case .fillRect(let r, _) = c { return r } }
        XCTFail("no frame"); return Rect(x: 0, y: 0, width: 1, height: 1)
    }

    /// Filled paths in `color`.
    func fills(_ s: Scene, _ color: Color) -> [Path] {
        s.commands.compactMap { if case .fill(let p, _, let c) = $0, c == color { return p } else { return nil } }
    }

    /// The sub-path rectangles of a path of `Path.rect`s, as bounds.
    func rects(_ p: Path) -> [Rect] {
        var out: [Rect] = [], cur: [Point] = []
        var k = 0
        for v in p.verbs {
            switch v {
            case .move: if !cur.isEmpty { out.append(Path(polyline: cur).bounds!) }; cur = [p.points[k]]; k += 1
            case .line: cur.append(p.points[k]); k += 1
            case .quad: k += 2
            case .cubic: k += 3
            case .close: break
            }
        }
        if !cur.isEmpty { out.append(Path(polyline: cur).bounds!) }
        return out
    }

    func texts(_ s: Scene) -> [TextRun] {
        s.commands.compactMap { if case .text(let r) = $0 { return r } else { return nil } }
    }

    /// Device y of a data value from two numeric y tick labels (left of the frame).
    func yMap(_ s: Scene, _ a: String, _ b: String) -> (Double) -> Double {
        let ra = texts(s).first { $0.text == a && $0.horizontal == .right }!, rb = texts(s).first { $0.text == b && $0.horizontal == .right }!
        let va = Double(a)!, vb = Double(b)!
        return { v in ra.position.y + (v - va) / (vb - va) * (rb.position.y - ra.position.y) }
    }

    func testBoxStatisticsTable() {
        let cases: [([Double], q1: Double, med: Double, q3: Double, lo: Double, hi: Double, fliers: [Double])] = [
            ([1, 2, 3, 4, 5, 100], 2.25, 3.5, 4.75, 1, 5, [100]),
            ([-50, 1, 2, 3, 4, 5, 6], 1.5, 3, 4.5, 1, 6, [-50]),
            ([7], 7, 7, 7, 7, 7, []),
            ([1, 1, 1, 1, .nan], 1, 1, 1, 1, 1, []),
        ]
        for c in cases {
            let s = BoxStatistics(c.0)!
            XCTAssertEqual([s.q1, s.median, s.q3, s.whiskerLow, s.whiskerHigh], [c.q1, c.med, c.q3, c.lo, c.hi], "\(c.0)")
            XCTAssertEqual(s.fliers, c.fliers, "\(c.0)")
        }
        XCTAssertNil(BoxStatistics([.nan, .infinity]))
        // The golden's groups against matplotlib's boxplot_stats.
        let expected: [[Double]] = [
            [11.633948843314897, 14.263761448351804, 16.572704714883304, 5.385572237756085, 23.445420621310657],
            [16.349343068381017, 18.01048171451555, 21.27005660684012, 11.227810572157919, 23.906084925997064],
            [19.924655384251793, 21.97417757124815, 24.5869810159916, 13.47609978087388, 29.93226518467921],
            [19.802052896499003, 22.58395287632588, 27.494030863308325, 13.172424820609356, 32.81809101102874],
        ]
        for g in 0..<4 {
            let s = BoxStatistics(KindFigures.normals(40, seed: UInt32(20 + g), mean: 15 + 3 * Double(g), sd: 4))!
            for (a, b) in zip([s.q1, s.median, s.q3, s.whiskerLow, s.whiskerHigh], expected[g]) { XCTAssertEqual(a, b, accuracy: 1e-9) }
        }
    }

    func testColorMapsMatchMatplotlib() {
        // matplotlib's cm(v, bytes=True) truncates where our tables round: within 1/255.
        let expected: [ColorMap: [UInt32]] = [
            .viridis: [0x440154, 0x482374, 0x20908c, 0xfde724, 0xfde724],
            .magma: [0x000003, 0x140d35, 0xb63679, 0xfbfcbf, 0xfbfcbf],
            .plasma: [0x0c0786, 0x40039c, 0xcb4777, 0xeff821, 0xeff821],
            .inferno: [0x000003, 0x160b39, 0xbb3754, 0xfcfea4, 0xfcfea4],
            .cividis: [0x00224d, 0x083370, 0x7c7b78, 0xfde737, 0xfde737],
        ]
        for (map, hexes) in expected {
            XCTAssertEqual(map.colors.count, 256)
            for (v, hex) in zip([0.0, 0.1, 0.5, 0.999, 1.0], hexes) {
                let c = map.color(v, low: 0, high: 1)!, e = Color(rgb: hex)
                XCTAssertLessThanOrEqual(max(abs(Int(c.r) - Int(e.r)), abs(Int(c.g) - Int(e.g)), abs(Int(c.b) - Int(e.b))), 1, "\(map) at \(v)")
            }
            XCTAssertNil(map.color(.nan, low: 0, high: 1))
            XCTAssertEqual(map.color(-5, low: 0, high: 1), map.colors[0], "clamped below")
        }
    }

    /// 500 normal values binned 'auto' give matplotlib's 19 adjacent bars, from the frame's
    /// bottom (y sticky at 0), edges 4.3266…16.2334.
    func testHistogramBars() {
        let s = scene("kind-histogram")
        let f = frame(s)
        let bars = fills(s, Theme.tab10[0]).flatMap(rects)
        XCTAssertEqual(bars.count, 19)
        for b in bars { XCTAssertEqual(b.maxY, f.maxY, accuracy: 1e-9, "bars start at the frame's bottom") }
        let sorted = bars.sorted { $0.minX < $1.minX }
        for (a, b) in zip(sorted, sorted.dropFirst()) { XCTAssertEqual(a.maxX, b.minX, accuracy: 1e-9, "adjacent, no gaps") }
        // The x view is the edges plus 5% margins each side.
        let lo = 4.326637342001103, hi = 16.233382216416594, span = hi - lo
        XCTAssertEqual(sorted.first!.minX, f.minX + 0.05 / 1.1 * f.width, accuracy: 1e-6)
        XCTAssertEqual(sorted.last!.maxX, f.minX + (0.05 + 1) / 1.1 * f.width, accuracy: 1e-6)
        _ = span
        // Tallest bar: 63 values.
        let ymap = yMap(s, "0", "60")
        XCTAssertEqual(sorted.map(\.minY).min()!, ymap(63), accuracy: 1.0)
    }

    /// Histograms of one panel (the groups of a `by`) share one set of bins, as matplotlib's
    /// `hist([a, b])`: every bar of both has the same width and sits on one grid of edges, and
    /// the pooled range is binned, not each group's own.
    func testGroupedHistogramsShareBins() {
        let a = (0..<200).map { Double($0 % 37) / 10 }, b = (0..<120).map { 2 + Double($0 % 23) / 4 }
        let figure = Figure(width: 800, height: 500, panels: [Panel(series: [
            .histogram("a", values: a), .histogram("b", values: b),
        ])])
        let s = FigureRenderer(fonts: fonts).scene(for: figure)
        let barsA = fills(s, Theme.tab10[0]).flatMap(rects), barsB = fills(s, Theme.tab10[1]).flatMap(rects)
        XCTAssertFalse(barsA.isEmpty); XCTAssertFalse(barsB.isEmpty)
        let width = barsA[0].width
        let left = (barsA + barsB).map(\.minX).min()!
        for bar in barsA + barsB {
            XCTAssertEqual(bar.width, width, accuracy: 1e-6, "one bin width for both groups")
            let k = (bar.minX - left) / width
            XCTAssertEqual(k, k.rounded(), accuracy: 1e-6, "every bar on the shared edges")
        }
        let edges = Histogram.commonEdges([a, b])
        XCTAssertEqual(edges.first, 0); XCTAssertEqual(edges.last, 7.5)
        XCTAssertEqual(Histogram(a, edges: edges).counts.reduce(0, +), a.count, "every value of a counted")
        XCTAssertEqual(Histogram(b, edges: edges).counts.reduce(0, +), b.count, "every value of b counted")
        let countsB = Histogram(b, edges: edges).counts
        let firstB = countsB.firstIndex { $0 > 0 }!
        XCTAssertTrue(edges[firstB] <= 2 && 2 < edges[firstB + 1], "b's values (from 2) start in the pooled bin holding 2")
        XCTAssertGreaterThan(firstB, 0, "bins left of b's range are empty for b")
    }

    func testBoxQuartilesAndMedians() {
        let s = scene("kind-box")
        let ymap = yMap(s, "10", "30")
        let medians = s.commands.compactMap { c -> Path? in
            if case .stroke(let p, _, let color) = c, color == Theme.tab10[1] { return p } else { return nil }
        }
        XCTAssertEqual(medians.count, 1)
        let ys = stride(from: 0, to: medians[0].points.count, by: 2).map { medians[0].points[$0].y }
        let expected = [14.263761448351804, 18.01048171451555, 21.97417757124815, 22.58395287632588]
        XCTAssertEqual(ys.count, 4)
        for (y, m) in zip(ys, expected) { XCTAssertEqual(y, ymap(m), accuracy: 1.0) }
        // Boxes span q1…q3: the black outline holds a rectangle per box.
        let outline = s.commands.compactMap { c -> Path? in
            if case .stroke(let p, _, let color) = c, color == Theme.light.text { return p } else { return nil }
        }.first!
        let boxes = rects(outline).filter { $0.width > 10 && $0.height > 10 }
        XCTAssertEqual(boxes.count, 4)
        XCTAssertEqual(boxes[0].maxY, ymap(11.633948843314897), accuracy: 1.0)
        XCTAssertEqual(boxes[0].minY, ymap(16.572704714883304), accuracy: 1.0)
        // matplotlib's box width: 0.15 × the position range (3) = 0.45, over a view of −0.5…3.5.
        XCTAssertEqual(boxes[0].width, 0.45 / 4 * frame(s).width, accuracy: 0.01)
    }

    func testStackedBarsSitOnEachOther() {
        let s = scene("kind-bar-stacked")
        let lunch = fills(s, Theme.tab10[0]).flatMap(rects).filter { $0.height > 20 }
        let dinner = fills(s, Theme.tab10[1]).flatMap(rects).filter { $0.height > 20 }
        XCTAssertEqual(lunch.count, 4); XCTAssertEqual(dinner.count, 4)
        for (l, d) in zip(lunch, dinner) {
            XCTAssertEqual(d.maxY, l.minY, accuracy: 1e-9)
            XCTAssertEqual(d.minX, l.minX, accuracy: 1e-9)
        }
        let ymap = yMap(s, "0", "40")
        XCTAssertEqual(dinner[3].minY, ymap(19 + 27), accuracy: 1.0)
    }

    func testHorizontalBarsGrowRightFromTheFrame() {
        let s = scene("kind-bar-horizontal")
        let f = frame(s)
        let bars = fills(s, Theme.tab10[0]).flatMap(rects)
        XCTAssertEqual(bars.count, 4)
        for b in bars { XCTAssertEqual(b.minX, f.minX, accuracy: 1e-9) }
        let lengths = bars.map(\.width)
        XCTAssertEqual(lengths[1] / lengths[0], 20.0 / 17, accuracy: 1e-9)
        XCTAssertEqual(lengths[3] / lengths[0], 27.0 / 17, accuracy: 1e-9)
        XCTAssertGreaterThan(bars[0].minY, bars[3].minY, "first category at the bottom")
    }

    func testErrorBarsWithCaps() {
        let s = scene("kind-bar-errors")
        let black = s.commands.compactMap { c -> Path? in
            if case .stroke(let p, _, let color) = c, color == Theme.light.text { return p } else { return nil }
        }
        XCTAssertEqual(black.count, 1)
        XCTAssertEqual(black[0].verbs.filter { $0 == .move }.count, 4 * 3, "a bar and two caps per error")
        let ymap = yMap(s, "0", "30")
        let ys = black[0].points.map(\.y)
        XCTAssertEqual(ys.min()!, ymap(27 + 4), accuracy: 1.0)
    }

    func testHeatmapImageAndColorbar() {
        let s = scene("kind-heatmap")
        let f = frame(s)
        let images = s.commands.compactMap { c -> (Pixmap, Rect)? in
            if case .image(let p, let r, let filter, _) = c { XCTAssertEqual(filter, .nearest); return (p, r) } else { return nil }
        }
        XCTAssertEqual(images.count, 2, "the matrix and the colour bar")
        let (m, r) = images[0]
        XCTAssertEqual([m.width, m.height], [16, 12])
        XCTAssertEqual(r, f, "cells fill the frame: limits are the cell edges")
        XCTAssertEqual(m.pixel(x: 5, y: 3).a, 0, "NaN is transparent")
        let series = KindFigures.cases.first { $0.name == "kind-heatmap" }!.figure.panels[0].series[0]
        let finite = series.matrix.flatMap { $0 }.filter(\.isFinite)
        XCTAssertEqual(m.pixel(x: 0, y: 0), ColorMap.viridis.color(series.matrix[0][0], low: finite.min()!, high: finite.max()!)!.premultiplied)
        XCTAssertEqual(m.pixel(x: 15, y: 11), ColorMap.viridis.color(series.matrix[11][15], low: finite.min()!, high: finite.max()!)!.premultiplied)
        let bar = images[1].1
        XCTAssertGreaterThan(bar.minX, f.maxX)
        XCTAssertEqual(bar.height, f.height)
        XCTAssertTrue(texts(s).contains { $0.text == "value" && $0.rotation == 90 }, "colour bar label")
        XCTAssertTrue(texts(s).contains { $0.text == "\u{2212}7.5" && $0.position.x > bar.maxX }, "colour bar ticks on the right")
        // Rows run down: the row-0 tick label sits above the row-10 one.
        let y0 = texts(s).first { $0.text == "0" && $0.horizontal == .right }!, y10 = texts(s).first { $0.text == "10" && $0.horizontal == .right }!
        XCTAssertLessThan(y0.position.y, y10.position.y)
    }

    func testPieWedgesAndLabels() {
        let s = scene("kind-pie")
        let wedges = (0..<5).map { fills(s, Theme.tab10[$0]) }
        XCTAssertEqual(wedges.map(\.count), [1, 1, 1, 1, 1])
        let t = texts(s)
        for p in ["35.0%", "25.0%", "20.0%", "12.0%", "8.0%"] { XCTAssertTrue(t.contains { $0.text == p }, p) }
        XCTAssertEqual(t.first { $0.text == "alpha" }?.horizontal, .left, "right-side label grows right")
        XCTAssertEqual(t.first { $0.text == "beta" }?.horizontal, .right)
        XCTAssertFalse(s.commands.contains { if case .fillRect(_, let c) = $0 { return c == Theme.light.spine } else { return false } },
                       "no spines or ticks")
        // Equal aspect: every wedge starts at the frame's centre, radius 0.4 of its shorter side
        // (matplotlib's ±1.25 radii view).
        let f = frame(s), r = 0.4 * min(f.width, f.height)
        for w in wedges.flatMap({ $0 }) {
            XCTAssertEqual(w.points[0], f.center)
            XCTAssertEqual(w.points[1].distance(to: f.center), r, accuracy: 1e-6)
        }
    }

    func testAnnotations() {
        let s = scene("kind-annotations")
        let ymap = yMap(s, "0.00", "1.00")
        let dashed = s.commands.compactMap { c -> Path? in
            if case .stroke(let p, let st, _) = c, st.dash != nil { return p } else { return nil }
        }
        XCTAssertEqual(dashed.count, 1)
        XCTAssertEqual(dashed[0].points[0].y, ymap(0.5), accuracy: 1.0)
        let span = s.commands.compactMap { c -> Rect? in
            if case .fillRect(let r, let color) = c, color == Theme.tab10[0].withOpacity(0.25) { return r } else { return nil }
        }
        XCTAssertEqual(span.count, 1)
        XCTAssertEqual(span[0].minY, ymap(0.25), accuracy: 1.0)
        XCTAssertEqual(span[0].maxY, ymap(-0.25), accuracy: 1.0)
        XCTAssertTrue(texts(s).contains { $0.text == "peak" })
    }

    /// Legend handles: markers for scatter, a line plus an error bar for an errorbar line.
    func testLegendHandlesPerKind() {
        let s = scene("kind-errorbar")
        let legendText = texts(s).first { $0.text == "line" }!
        let nearLegend = s.commands.filter { c in
            if case .stroke(let p, _, _) = c, let b = p.bounds { return abs(b.center.y - legendText.position.y) < 8 && b.maxX < legendText.position.x }
            return false
        }
        XCTAssertEqual(nearLegend.count, 2, "the line and its vertical error bar")
        let hist = FigureRenderer(fonts: fonts).scene(for: KindFigures.cases.first { $0.name == "kind-histogram-bins" }!.figure)
        let a = texts(hist).first { $0.text == "a" }!
        XCTAssertTrue(hist.commands.contains { c in
            if case .fillRect(let r, let color) = c { return color == Theme.tab10[0] && abs(r.center.y - a.position.y) < 2 }
            return false
        }, "a patch handle for a histogram")
    }
}

/// Random heat maps, pies, histograms and boxes: layout never crashes and text stays on the
/// canvas without overlapping.
final class KindPropertyTests: XCTestCase {
    func testRandomNewKindsKeepTextInsideAndApart() throws {
        let fonts = sharedFonts()
        let renderer = FigureRenderer(fonts: fonts)
        var rng = SeededRandom(seed: 5)
        for i in 0..<60 {
            let n = Int.random(in: 0...40, using: &rng)
            let scale = pow(10, rng.double(-6, 6))
            let values = (0..<n).map { _ -> Double in Int.random(in: 0..<12, using: &rng) == 0 ? .nan : rng.double(-1, 1) * scale }
            let series: Series
            switch i % 4 {
            case 0:
                let w = Int.random(in: 1...9, using: &rng)
                series = .heatmap("h", values: values, width: w, colorMap: ColorMap.allCases[i % 5], label: i % 3 == 0 ? "a colour bar label" : nil)
            case 1:
                series = .pie("p", values: values.map(abs), labels: values.indices.prefix(6).map { k in String(repeating: "label ", count: 1 + k % 5) })
            case 2:
                series = .histogram("h", values: values, bins: [.auto, .sturges, .count(Int.random(in: 1...60, using: &rng))][i % 3],
                                    orientation: i % 3 == 0 ? .horizontal : .vertical)
            default:
                series = .box("b", categories: values.map { _ in Double(Int.random(in: 0..<5, using: &rng)) }, values: values)
            }
            let w = Int.random(in: 300...1400, using: &rng), h = Int.random(in: 240...900, using: &rng)
            let fig = Figure(width: w, height: h, panels: (0..<(1 + i % 3)).map { k in
                Panel(title: "panel \(k)", x: AxisSpec(label: "x"), y: AxisSpec(label: "y"), series: [series], legend: k == 1 ? .upperRight : .best)
            })
            let scene = renderer.scene(for: fig)
            assertTextInsideAndApart(scene, fonts: fonts, context: "figure \(i) (\(series.kind))")
        }
    }
}
