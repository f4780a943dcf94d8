import Chart
import PNG
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// Image goldens: one 600×400 figure per series kind (`KindFigures`), with the text tolerance.
final class KindGoldenTests: XCTestCase {
    func testEveryKindMatchesItsGolden() throws {
        let fonts = try FontLibrary()
        let renderer = FigureRenderer(fonts: fonts), player = ScenePlayer(fonts: fonts)
        for (name, figure) in KindFigures.cases {
            let image = try player.render(renderer.scene(for: figure))
            assertMatchesGolden(image, named: name, goldens: goldensDirectory(), tolerance: .text())
        }
    }
}
