import FigureSpec
import Foundation
import Service
import Table
import TestSupport
import XCTest
@testable import plotline

/// `plotline watch DIR FLAGS` draws each data file's default figure from the spec that
/// `plotline render FILE FLAGS --print-spec` prints: both commands read one `FigureFlags`.
final class WatchDefaultSpecTests: XCTestCase {
    /// Flag sets over the shared datasets: every figure flag at least once.
    static let cases: [(file: String, flags: [String])] = [
        ("iris.csv", []),
        ("iris.csv", ["--y", "sepal_length,petal_length", "--logy", "--kind", "step", "--size", "800x500"]),
        ("iris.csv", ["--facet", "species", "--rasterize", "always"]),
        ("iris.csv", ["--y", "sepal_width", "--color", "petal_length", "--colormap", "magma", "--logx"]),
        ("tips.csv", ["--x", "day", "--y", "total_bill", "--kind", "box", "--by", "sex"]),
        ("tips.csv", ["--y", "total_bill,tip", "--kind", "histogram", "--bins", "30", "--no-subplots",
                      "--xlabel", "dollars", "--ylabel", "count"]),
        ("tips.csv", ["--x", "day", "--y", "tip", "--kind", "bar", "--band", "ci95"]),
        ("seattle-weather.csv", ["--x", "date", "--y", "temp_max,temp_min", "--title", "Seattle", "--theme", "dark",
                                 "--dpi", "120", "--palette", "tab20", "--robust"]),
        ("stocks.csv", ["--by", "symbol", "--logy", "--smooth", "0.6", "--subplots"]),
        ("penguins.json", ["--kind", "scatter", "--decimal", "."]),
        ("flights.csv", ["--size", "1000x700"]),
    ]

    func testWatchDrawsTheSpecRenderPrintsForTheSameFlags() throws {
        let queue = try RenderQueue()
        defer { queue.shutdownAndJoin() }
        for (file, flags) in Self.cases {
            let dir = NSTemporaryDirectory() + "plotline-watch-spec-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try FileManager.default.copyItem(atPath: sharedDataPath(file), toPath: dir + "/" + file)

            // render, run in the data file's folder as a user would: the spec on standard output.
            let printed = try run(["render", file] + flags + ["--print-spec"], in: dir)
            XCTAssertEqual(printed.status, 0, "\(file) \(flags): \(printed.stderr)")
            XCTAssertTrue(printed.stdout.contains("\"panels\""), "\(file) \(flags): a spec was printed")

            // watch, parsed from the same flags, builds its session's default spec for the file.
            let watch = try Watch.parse([dir] + flags)
            let session = WatchSession(root: dir, queue: queue, options: try watch.sessionOptions())
            let spec = try XCTUnwrap(try session.defaultSpec(dir + "/" + file), "\(file) \(flags): watch draws a spec")
            XCTAssertEqual(spec.jsonText(), printed.stdout, "\(file) \(flags): watch and render build the same spec")
        }
    }

    func testWatchDrawsTheSpecRenderPrintsForRunFolders() throws {
        let fixtures = packageRoot() + "/Tests/RunLogsTests/Fixtures"
        let queue = try RenderQueue()
        defer { queue.shutdownAndJoin() }
        let cases: [(parent: String, folder: String, source: (String) -> RunLogFollower.Source, flags: [String])] = [
            (fixtures + "/tb/logs", "run_a", { .events($0) }, []),
            (fixtures + "/tb/logs", "run_a", { .events($0) }, ["--smooth", "0.9", "--logy", "--title", "TB"]),
            (fixtures + "/mlruns", "0", { .mlflowExperiment($0) }, []),
            (fixtures + "/mlruns", "0", { .mlflowExperiment($0) }, ["--kind", "step", "--size", "800x500", "--theme", "dark"]),
        ]
        for (parent, folder, source, flags) in cases {
            let printed = try run(["render", folder] + flags + ["--print-spec"], in: parent)
            XCTAssertEqual(printed.status, 0, "\(folder) \(flags): \(printed.stderr)")
            let watch = try Watch.parse([parent] + flags)
            let session = WatchSession(root: parent, queue: queue, options: try watch.sessionOptions())
            let spec = try XCTUnwrap(try session.defaultSpec(runsOf: source(parent + "/" + folder)), "\(folder) \(flags)")
            XCTAssertEqual(spec.jsonText(), printed.stdout, "\(folder) \(flags): watch and render build the same spec")
        }
    }

    func testFigureFlagsAreValidatedForWatchAsForRender() throws {
        for bad in [["--kind", "pie"], ["--logy", "--dpi", "5"], ["--colormap", "magma"], ["--band", "wide"], ["--size", "10x10"]] {
            XCTAssertThrowsError(try Watch.parse([NSTemporaryDirectory()] + bad), "watch \(bad)")
            XCTAssertThrowsError(try Render.parse(["x.csv"] + bad), "render \(bad)")
        }
        let watch = try Watch.parse([NSTemporaryDirectory(), "--y", "loss", "--logy", "--kind", "step", "--size", "800x500"])
        let options = try watch.sessionOptions().renderOptions
        XCTAssertEqual(options.y, ["loss"])
        XCTAssertTrue(options.logY)
        XCTAssertEqual(options.kind, .step)
        XCTAssertEqual([options.width, options.height], [800, 500])
    }

    /// Runs `plotline args…` with `folder` as the current folder.
    private func run(_ args: [String], in folder: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try PlotlineBinary.require())
        p.arguments = args
        p.environment = PlotlineBinary.environment()
        p.currentDirectoryURL = URL(fileURLWithPath: folder, isDirectory: true)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-err-\(UUID().uuidString)")
        XCTAssertTrue(FileManager.default.createFile(atPath: out.path, contents: nil))
        XCTAssertTrue(FileManager.default.createFile(atPath: err.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
                String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
