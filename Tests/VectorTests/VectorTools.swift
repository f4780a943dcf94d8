import Foundation
import Geometry
import PNG
import Raster
import Scene
import TestSupport
import Text
import XCTest

/// The Debian tools the vector tests check output with (`.ci/setup` installs them): xmllint
/// (libxml2-utils), qpdf, pdftotext, pdftoppm and pdffonts (poppler-utils), rsvg-convert (librsvg2-bin).
enum VectorTools {
    struct ToolError: Error, CustomStringConvertible {
        var description: String
    }

    static let packages = ["xmllint": "libxml2-utils", "qpdf": "qpdf", "pdftotext": "poppler-utils",
                           "pdftoppm": "poppler-utils", "pdffonts": "poppler-utils", "rsvg-convert": "librsvg2-bin"]

    /// Runs `tool` with `args`; throws with its output when it is missing or exits non-zero.
    @discardableResult
    static func run(_ tool: String, _ args: [String]) throws -> (stdout: Data, stderr: String) {
        guard let path = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map({ $0 + tool })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            throw ToolError(description: "\(tool) is not installed: apt-get install \(packages[tool] ?? tool) (.ci/setup does)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw ToolError(description: "\(tool) \(args.joined(separator: " ")) exited \(p.terminationStatus): \(stderr)")
        }
        return (stdout, stderr)
    }

    /// A scratch folder for one test's files, under `.build/test-output/vector`.
    static func folder(_ name: String) -> String {
        let path = testOutputDirectory() + "/vector/" + name
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `svg` drawn back to pixels by librsvg, at the scene's size.
    static func rasterizeSVG(_ svg: [UInt8], in dir: String, name: String) throws -> Pixmap {
        let input = dir + "/" + name + ".svg", output = dir + "/" + name + ".svg.png"
        try Data(svg).write(to: URL(fileURLWithPath: input))
        try run("rsvg-convert", [input, "-o", output])
        return try PNG.read(path: output)
    }

    /// `pdf` drawn back to pixels by poppler at `width`×`height`.
    static func rasterizePDF(_ pdf: [UInt8], in dir: String, name: String, width: Int, height: Int) throws -> Pixmap {
        let input = dir + "/" + name + ".pdf", stem = dir + "/" + name + ".pdf"
        try Data(pdf).write(to: URL(fileURLWithPath: input))
        try run("pdftoppm", ["-png", "-singlefile", "-scale-to-x", String(width), "-scale-to-y", String(height), input, stem])
        return try PNG.read(path: stem + ".png")
    }

    /// The text pdftotext extracts.
    static func pdfText(_ pdf: [UInt8], in dir: String, name: String, raw: Bool = false) throws -> String {
        let input = dir + "/" + name + ".pdf"
        try Data(pdf).write(to: URL(fileURLWithPath: input))
        return String(decoding: try run("pdftotext", ["-enc", "UTF-8"] + (raw ? ["-raw"] : []) + [input, "-"]).stdout, as: UTF8.self)
    }

    /// Checks well-formedness: xmllint for SVG, qpdf --check for PDF.
    static func checkSVG(_ svg: [UInt8], in dir: String, name: String) throws {
        let input = dir + "/" + name + ".svg"
        try Data(svg).write(to: URL(fileURLWithPath: input))
        try run("xmllint", ["--noout", input])
    }

    static func checkPDF(_ pdf: [UInt8], in dir: String, name: String) throws {
        let input = dir + "/" + name + ".pdf"
        try Data(pdf).write(to: URL(fileURLWithPath: input))
        try run("qpdf", ["--check", input])
    }

    /// The text runs of a scene (every label a figure draws).
    static func textRuns(_ scene: Scene) -> [TextRun] {
        scene.commands.compactMap { if case .text(let r) = $0 { return r } else { return nil } }
    }
}

/// How a vector file drawn back to pixels differs from Plotline's own PNG, text aside.
struct RasterComparison: CustomStringConvertible {
    var compared = 0
    /// Pixels whose largest channel difference exceeds 96 (a different colour, not an edge's
    /// anti-aliasing), as a fraction of the compared pixels.
    var strongFraction = 0.0
    var meanDelta = 0.0

    /// Compares `a` and `b` outside the text runs' boxes (grown by 3 px): renderers place and
    /// hint glyphs differently, which is not what this checks.
    init(_ a: Pixmap, _ b: Pixmap, scene: Scene, fonts: FontLibrary) {
        guard a.width == b.width, a.height == b.height else { strongFraction = 1; return }
        var skip = [Bool](repeating: false, count: a.width * a.height)
        for run in VectorTools.textRuns(scene) {
            let r = fonts.runBounds(run)
            guard r.isFinite else { continue }
            let x0 = max(0, Int(r.minX) - 3), x1 = min(a.width, Int(r.maxX) + 4)
            let y0 = max(0, Int(r.minY) - 3), y1 = min(a.height, Int(r.maxY) + 4)
            if x0 >= x1 || y0 >= y1 { continue }
            for y in y0..<y1 { for x in x0..<x1 { skip[y * a.width + x] = true } }
        }
        var strong = 0, total = 0
        for y in 0..<a.height {
            for x in 0..<a.width where !skip[y * a.width + x] {
                let p = a.pixel(x: x, y: y), q = b.pixel(x: x, y: y)
                let d = max(abs(Int(p.r) - Int(q.r)), abs(Int(p.g) - Int(q.g)), abs(Int(p.b) - Int(q.b)), abs(Int(p.a) - Int(q.a)))
                if d > 96 { strong += 1 }
                total += d
                compared += 1
            }
        }
        strongFraction = compared > 0 ? Double(strong) / Double(compared) : 0
        meanDelta = compared > 0 ? Double(total) / Double(compared) : 0
    }

    var description: String {
        "\(compared) pixels compared, \(String(format: "%.3f", strongFraction * 100))% differ by more than 96, mean max-channel delta \(String(format: "%.3f", meanDelta))"
    }
}
