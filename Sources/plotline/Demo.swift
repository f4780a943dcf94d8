import ArgumentParser
import Chart
import FoundationEssentials
import PNG
import Raster
import Scene
import Service
import Text

/// `plotline demo`: renders the built-in example figure to a PNG.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",  // explicit: the default costs a runtime type-name lookup at every start
        abstract: "Render the built-in example figure (a training-loss panel and a 2,000-point scatter).",
        discussion: """
            The figure is drawn from deterministic synthetic data, so two runs give identical \
            files. The PNG is written atomically: a temporary file in the same folder, then a rename.

            Examples:
              plotline demo -o demo.png
              plotline demo -o small.png --size 800x533
            """)

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The PNG file to write.", valueName: "path"))
    var output: String

    @Option(help: ArgumentHelp("The image size in pixels, WIDTHxHEIGHT, \(Canvas.sizeRange) (default: 1200x800).", valueName: "WxH"),
            transform: FigureSize.parse)
    var size: FigureSize = FigureSize(width: 1200, height: 800)

    func validate() throws {
        if output.isEmpty { throw ValidationError("The output path is empty.") }
        if output.hasSuffix("/") { throw ValidationError("The output path \(output) names a folder, not a file.") }
    }

    func run() throws {
        let queue: RenderQueue
        do { queue = try RenderQueue() } catch { throw CLIError("cannot load the fonts: \(error)") }
        defer { queue.shutdownAndJoin() }
        let lines = WroteLines()
        let (width, height) = (size.width, size.height)
        let job = lines.job(0, output: output, describe: { figure, _ in "\(figure.width)x\(figure.height)" }) {
            (DemoFigure.figure(width: width, height: height), 0)
        }
        try lines.submit(job, index: 0, to: queue)
        queue.shutdownAndJoin()
        if let error = lines.firstError { throw error }
    }
}
