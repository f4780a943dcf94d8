import ArgumentParser
import Chart
import Foundation
import PNG
import Raster
import Scene
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

    @Option(help: ArgumentHelp("The image size in pixels, WIDTHxHEIGHT, each side 320...8000 (default: 1200x800).", valueName: "WxH"),
            transform: FigureSize.parse)
    var size: FigureSize = FigureSize(width: 1200, height: 800)

    func validate() throws {
        if output.isEmpty { throw ValidationError("The output path is empty.") }
        if output.hasSuffix("/") { throw ValidationError("The output path \(output) names a folder, not a file.") }
    }

    func run() throws {
        let fonts: FontLibrary
        do {
            fonts = try FontLibrary()
        } catch {
            throw CLIError("cannot load the fonts: \(error)")
        }
        let scene = FigureRenderer(fonts: fonts).scene(for: DemoFigure.figure(width: size.width, height: size.height))
        let pixmap: Pixmap
        do {
            pixmap = try ScenePlayer(fonts: fonts).render(scene)
        } catch {
            throw CLIError("cannot render a \(size) figure: \(error)")
        }
        try OutputFile.write(pixmap, to: output)
        print("wrote \(output) (\(size))")
    }
}
