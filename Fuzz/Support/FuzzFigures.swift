import Chart
import FigureSpec
import Foundation
import Table
import Text

/// Builds figures the way `render` and `watch` do and lays them out into a Scene (text metrics,
/// ticks, histograms, category axes), which is where numbers from a table turn into positions.
enum FuzzFigures {
    /// One renderer per process (fonts load once; the fuzzer calls the target on one thread).
    nonisolated(unsafe) static let renderer: FigureRenderer? = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fonts").path
        return (try? FontLibrary(fontsDirectory: here)).map { FigureRenderer(fonts: $0) }
    }()

    /// The default figure of `table` with the series kind chosen by `choice`, laid out.
    static func drawDefault(_ table: DataTable, choice: UInt8) {
        var options = RenderOptions()
        let kinds: [SeriesKind?] = [nil, .scatter, .bar, .histogram, .box, .step, .area]
        options.kind = kinds[Int(choice) % kinds.count]
        options.logY = choice & 0x80 != 0
        options.width = 400
        options.height = 300
        guard let figure = try? DefaultFigure.make(table, options: options) else { return }
        lay(figure)
    }

    /// Lays `figure` out (no pixels: the Scene is the model's last step).
    static func lay(_ figure: Figure) {
        var figure = figure
        figure.width = min(figure.width, 640)
        figure.height = min(figure.height, 480)
        _ = renderer?.scene(for: figure)
    }

    /// Touches every value the way messages and labels do.
    static func exercise(_ table: DataTable) {
        for column in table.columns {
            for row in 0..<min(column.count, 64) { _ = column.text(at: row) }
            if case .number(let values) = column.storage { _ = Histogram(values) }
        }
    }
}
