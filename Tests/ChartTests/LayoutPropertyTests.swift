import Chart
import Foundation
import Geometry
import PNG
import Scene
import TestSupport
import Text
import XCTest

/// The layout property of issue 13: random figures (kinds, label lengths, 1–24 series, 1–5
/// panels, sizes 300×200…4000×3000, dpi 50…300) drawn to a Scene have no two overlapping text
/// boxes and every text box inside the canvas.
///
/// Seeded (`SeededRandom`), so a failure repeats: its message names the seed, the case and the
/// figure. `PLOTLINE_LAYOUT_SEED=<n>` runs another seed, `PLOTLINE_LAYOUT_CASES=<n>` more cases,
/// `PLOTLINE_LAYOUT_PNG=<folder>` writes each case's image there to look at.
///
/// The whole range: text is sized in points, so a small canvas at a high dpi (300 × 200 px at
/// 300 dpi is 1 × 0.67 in) has cells smaller than its text. `LayoutScale` decides once what gives
/// way there: the style scales down with the cell (to a 6 px floor), and text that still has no
/// room is omitted whole, legend first (`TextArbitration`). So the test draws sizes and dpi from
/// the whole range with no lower bound on the cell (seed 99's 1966 × 209 px figure at 100 dpi,
/// five panels in a row with slanted labels and a legend below, used to overlap), and
/// `testTinyFigures` looks at the smallest corner on purpose.
/// Seed 2 case 73 (3944 × 346 px at 150 dpi, five panels in one row 2.3 in tall, 17–20 series
/// each, slanted category labels) used to squeeze the frames to 10 px, so inside legends of one
/// row covered the tick labels and legends below left the canvas; a frame squeezed under three
/// font sizes now cuts its slanted labels shorter and moves a one-row legend below to its right
/// (`testSeed2Case73`, always run; drawn as it was found, when draws of cells under
/// `LayoutScale.comfortableCell` were drawn again).
final class LayoutPropertyTests: XCTestCase {
    var fonts: FontLibrary { sharedFonts() }

    static let kinds: [SeriesKind] = [.line, .scatter, .step, .area, .bar, .histogram, .box]

    /// A random word list of `length` characters (words of 1–12 letters).
    static func label(_ length: Int, _ rng: inout SeededRandom) -> String {
        var s = ""
        while s.count < length {
            if !s.isEmpty { s += Bool.random(using: &rng) ? " " : "_" }
            let n = Int.random(in: 1...12, using: &rng)
            s += String((0..<n).map { _ in "abcdefghijklmnopqrstuvwxyzABCDE0123456789".randomElement(using: &rng)! })
        }
        return String(s.prefix(length))
    }

    /// One random figure, described for a failure message. `comfortable` draws the size again
    /// until every cell is at least `LayoutScale.comfortableCell` (how the earlier seeds' cases
    /// were found); otherwise any size and dpi of the range.
    static func figure(_ rng: inout SeededRandom, comfortable: Bool = false) -> (Figure, String) {
        let dpi = [50.0, 72, 100, 100, 150, 200, 300].randomElement(using: &rng)!
        var width = 0, height = 0, panelCount = 0
        // A third of the draws (not `comfortable`) come from the small corner, 300 × 200 up to
        // 1200 × 800, where cells are smallest at a high dpi.
        let corner = !comfortable && Int.random(in: 0..<3, using: &rng) == 0
        repeat {
            width = Int.random(in: 300...(corner ? 1200 : 4000), using: &rng)
            height = Int.random(in: 200...(corner ? 800 : 3000), using: &rng)
            panelCount = Int.random(in: 1...5, using: &rng)
            let grid = Figure(width: width, height: height, panels: [Panel](repeating: Panel(), count: panelCount))
            let cellW = Double(width) / Double(grid.columns) / dpi, cellH = Double(height) / Double(grid.rows) / dpi
            if !comfortable || (cellW >= LayoutScale.comfortableCell.width && cellH >= LayoutScale.comfortableCell.height) { break }
        } while true
        var description = "\(width)x\(height) @\(dpi) dpi, \(panelCount) panels:"
        var panels: [Panel] = []
        for _ in 0..<panelCount {
            let kind = kinds.randomElement(using: &rng)!
            let n = Int.random(in: 1...24, using: &rng)
            let labelLength = [1, 4, 10, 25, 60].randomElement(using: &rng)!
            let points = Int.random(in: 2...200, using: &rng)
            let magnitude = pow(10, Double.random(in: -6...9, using: &rng))
            let categories = kind == .bar && Bool.random(using: &rng)
                ? (0..<Int.random(in: 2...30, using: &rng)).map { _ in label(Int.random(in: 1...30, using: &rng), &rng) } : nil
            var xs: [Double] = []
            for j in 0..<(categories?.count ?? points) { xs.append(categories == nil ? Double(j) * magnitude / 10 : Double(j)) }
            var series: [Series] = []
            for k in 0..<n {
                var ys: [Double] = []
                for _ in xs {
                    let u: Double = Double.random(in: 0...1, using: &rng)
                    ys.append(u * magnitude + Double(k) * magnitude / 10)
                }
                let name = label(labelLength, &rng)
                series.append(kind == .histogram ? .histogram(name, values: ys) : Series(name, kind: kind, x: xs, y: ys))
            }
            let xLabel = Bool.random(using: &rng) ? label([3, 20, 80].randomElement(using: &rng)!, &rng) : nil
            let yLabel = Bool.random(using: &rng) ? label([3, 20, 80].randomElement(using: &rng)!, &rng) : nil
            let title = Bool.random(using: &rng) ? label([5, 30, 90].randomElement(using: &rng)!, &rng) : nil
            let log = kind == .line && Int.random(in: 0..<4, using: &rng) == 0
            let legend: LegendPlacement = [.best, .best, .best, .outside, .upperRight].randomElement(using: &rng)!
            panels.append(Panel(title: title, x: AxisSpec(label: xLabel, scale: categories.map { .category($0) } ?? .linear),
                                y: AxisSpec(label: yLabel, scale: log ? .log : .linear), series: series, legend: legend))
            description += " [\(kind) ×\(n), labels \(labelLength), \(categories.map { "\($0.count) categories" } ?? "\(points) points"), "
                + "legend \(legend)\(log ? ", log y" : "")]"
        }
        let title = Bool.random(using: &rng) ? label(Int.random(in: 3...120, using: &rng), &rng) : nil
        let sharedX = Int.random(in: 0..<3, using: &rng) == 0
        if sharedX { description += " sharedX" }
        return (Figure(width: width, height: height, dpi: dpi, title: title, panels: panels, sharedX: sharedX), description)
    }

    /// The squeezed row of seed 2 case 73: every text inside the canvas and apart, and the
    /// legends that would not fit below their panels beside them instead.
    func testSeed2Case73() {
        var rng = SeededRandom(seed: 2)
        for _ in 0..<73 { _ = LayoutPropertyTests.figure(&rng, comfortable: true) }
        let (figure, description) = LayoutPropertyTests.figure(&rng, comfortable: true)
        XCTAssertEqual(figure.width, 3944, "the case as documented: \(description)")
        XCTAssertEqual(figure.height, 346)
        let scene = FigureRenderer(fonts: fonts).scene(for: figure)
        let boxes = assertTextInsideAndApart(scene, fonts: fonts, context: "seed 2 case 73: \(description)")
        XCTAssertFalse(boxes.isEmpty)
        let frames = scene.commands.compactMap { c -> Rect? in
            if case .fillRect(let r, let color) = c, color == Theme.light.axesBackground { return r } else { return nil }
        }
        XCTAssertEqual(frames.count, 5)
        for f in frames { XCTAssertGreaterThanOrEqual(f.height, 3 * 10 * 150 / 72, "no frame squeezed under three font sizes") }
    }

    /// The smallest corner of the range: 300 × 200 px at 300 dpi (1 × 0.67 in) with five panels
    /// of every kind, titles, axis labels and legends; at 50 dpi; and seed 99's short row. Every
    /// text inside and apart, some text still drawn, no text under the 6 px floor, and the
    /// degradation's order: legends give way before tick labels. `PLOTLINE_LAYOUT_PNG=<folder>`
    /// writes them to look at.
    func testTinyFigures() throws {
        let env = ProcessInfo.processInfo.environment
        func panel(_ kind: SeriesKind, _ k: Int) -> Panel {
            let xs = (0..<30).map(Double.init)
            let series = (0..<3).map { j -> Series in
                let ys = xs.map { sin($0 / 4 + Double(j)) * 10 + Double(j) * 3 + 20 }
                return kind == .histogram ? .histogram("series_\(j)", values: ys) : Series("series_\(j)", kind: kind, x: xs, y: ys)
            }
            return Panel(title: "panel \(k) title", x: AxisSpec(label: "time (s)"), y: AxisSpec(label: "value of \(kind)"), series: series)
        }
        let five = [SeriesKind.line, .scatter, .bar, .histogram, .box].enumerated().map { panel($1, $0) }
        let cases: [(String, Figure)] = [
            ("300x200-300dpi-5", Figure(width: 300, height: 200, dpi: 300, title: "A figure title", panels: five)),
            ("300x200-300dpi-1", Figure(width: 300, height: 200, dpi: 300, title: "A figure title", panels: [five[0]])),
            ("300x200-50dpi-5", Figure(width: 300, height: 200, dpi: 50, title: "A figure title", panels: five)),
            ("1966x209-100dpi-5row", Figure(width: 1966, height: 209, dpi: 100, title: "A figure title", panels: five, rows: 1)),
            ("600x300-200dpi-4", Figure(width: 600, height: 300, dpi: 200, panels: Array(five.prefix(4)))),
        ]
        let renderer = FigureRenderer(fonts: fonts)
        for (name, figure) in cases {
            let (scene, omitted) = renderer.layout(for: figure)
            // What was left out is said: a panel whose legend is gone is named in the note.
            func legends(_ s: Scene) -> Int {
                s.commands.filter { if case .text(let r) = $0 { return r.text == "series_0" } else { return false } }.count
            }
            let roomy = renderer.scene(for: Figure(width: 2400, height: 1600, dpi: 100, panels: figure.panels))
            let panelsWithLegends = legends(roomy)
            if legends(scene) < panelsWithLegends {
                XCTAssertTrue(omitted?.contains("legend") == true, "\(name): \(legends(scene)) of \(panelsWithLegends) legends drawn, note: \(omitted ?? "none")")
            }
            if let folder = env["PLOTLINE_LAYOUT_PNG"] {
                try PNG.write(ScenePlayer(fonts: fonts).render(scene), to: "\(folder)/tiny-\(name).png")
            }
            let boxes = assertTextInsideAndApart(scene, fonts: fonts, context: name)
            XCTAssertGreaterThanOrEqual(boxes.count, 4, "\(name): some text is drawn")
            let runs = scene.commands.compactMap { c -> TextRun? in if case .text(let r) = c { return r } else { return nil } }
            for r in runs { XCTAssertGreaterThanOrEqual(r.font.size, LayoutScale.floorPixels - 0.01, "\(name): \"\(r.text)\" legible") }
            // Tick labels (numbers) outlast the legends (series names).
            if runs.contains(where: { $0.text.hasPrefix("series_") }) {
                XCTAssertTrue(runs.contains { Double($0.text.replacingOccurrences(of: "\u{2212}", with: "-")) != nil }, "\(name): tick labels kept before legends")
            }
        }
        // 25 panels in 300 × 200 px at 300 dpi: even at the 6 px floor not every text fits, and the
        // note says what was left out.
        let crowded = Figure(width: 300, height: 200, dpi: 300, title: "A figure title",
                             panels: (0..<25).map { panel([.line, .scatter, .bar, .histogram, .box][$0 % 5], $0) })
        let (crowdedScene, crowdedNote) = renderer.layout(for: crowded)
        assertTextInsideAndApart(crowdedScene, fonts: fonts, context: "25 panels")
        XCTAssertTrue(crowdedNote?.hasPrefix("left out for lack of room: ") == true, crowdedNote ?? "no note")
        XCTAssertNil(renderer.layout(for: Figure(width: 1200, height: 800, dpi: 100, panels: five)).omitted, "nothing left out: no note")
        // A comfortable figure is drawn at its own size: nothing scaled, nothing omitted.
        XCTAssertEqual(LayoutScale.factor(Figure(width: 1200, height: 800, dpi: 100, panels: five)), 1)
        XCTAssertEqual(LayoutScale.factor(Figure(width: 300, height: 200, dpi: 300, panels: five)), 0.144, accuracy: 0.01,
                       "300 × 200 at 300 dpi, 3 × 2 cells: scaled to the 6 px floor")
    }

    func testRandomFiguresKeepEveryTextInsideAndApart() {
        let env = ProcessInfo.processInfo.environment
        let seed = env["PLOTLINE_LAYOUT_SEED"].flatMap { UInt64($0) } ?? 2026
        let cases = env["PLOTLINE_LAYOUT_CASES"].flatMap { Int($0) } ?? 150
        var rng = SeededRandom(seed: seed)
        let renderer = FigureRenderer(fonts: fonts)
        var small = 0
        for i in 0..<cases {
            let (figure, description) = LayoutPropertyTests.figure(&rng)
            if LayoutScale.factor(figure) < 1 { small += 1 }
            let scene = renderer.scene(for: figure)
            if let folder = env["PLOTLINE_LAYOUT_PNG"] {
                try? PNG.write(ScenePlayer(fonts: fonts).render(scene), to: "\(folder)/layout-\(seed)-\(i).png")
            }
            let boxes = assertTextInsideAndApart(scene, fonts: fonts, context: "seed \(seed) case \(i): \(description)")
            XCTAssertFalse(boxes.isEmpty, "seed \(seed) case \(i): some text is drawn")
        }
        // The range below the comfortable cell is drawn, not skipped.
        print("LayoutPropertyTests: seed \(seed), \(cases) figures, \(small) with cells under \(LayoutScale.comfortableCell) in")
        XCTAssertGreaterThan(small, cases / 8, "figures with cells under the comfortable size are part of the range")
    }
}

