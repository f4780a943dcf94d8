import Foundation
import FigureSpec
import Table
import TestSupport
import XCTest

/// `plotline render FILE --print-spec`: the default figure as the spec that draws it, and the
/// round trip through `--spec` byte for byte.
final class PrintSpecCommandTests: XCTestCase {
    func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-print-spec-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The shared datasets (`<package root>/../shared/data`), every table file there.
    var sharedData: String { packageRoot() + "/../shared/data" }

    /// Renders `inputs` with `flags`, prints the spec into `dir`, renders the spec and checks
    /// that the two PNGs are the same bytes.
    func assertRoundTrip(_ name: String, _ inputs: [String], _ flags: [String] = [], allowRead: [String],
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try temp()
        let direct = try PlotlineBinary.run(["render"] + inputs + flags + ["-o", dir + "/direct.png"])
        XCTAssertEqual(direct.status, 0, "\(name): \(direct.stderr)", file: file, line: line)
        let spec = dir + "/\(name).plot.json"
        let printed = try PlotlineBinary.run(["render"] + inputs + flags + ["--print-spec", spec])
        XCTAssertEqual(printed.status, 0, "\(name): \(printed.stderr)", file: file, line: line)
        XCTAssertEqual(printed.stdout, "", "\(name): the spec goes to the file", file: file, line: line)
        let again = try PlotlineBinary.run(["render"] + inputs + flags + ["--print-spec"])
        XCTAssertEqual(again.stdout, String(decoding: try bytes(spec), as: UTF8.self), "\(name): same text on standard output",
                       file: file, line: line)
        let viaSpec = try PlotlineBinary.run(["render", "--spec", spec, "-o", dir + "/spec.png"]
                                             + allowRead.flatMap { ["--allow-read", $0] })
        XCTAssertEqual(viaSpec.status, 0, "\(name): \(viaSpec.stderr)", file: file, line: line)
        XCTAssertEqual(try bytes(dir + "/direct.png"), try bytes(dir + "/spec.png"),
                       "\(name): the printed spec draws the default figure byte for byte (\(dir))", file: file, line: line)
    }

    func testEverySharedDatasetRoundTripsByteIdentically() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: sharedData).sorted()
            .filter { ["csv", "tsv", "json", "jsonl"].contains(($0 as NSString).pathExtension) }
        XCTAssertGreaterThanOrEqual(names.count, 10, "the shared datasets are there")
        for name in names {
            try assertRoundTrip(name, [sharedData + "/" + name], allowRead: [sharedData])
        }
    }

    func testFlagsAndRunFoldersRoundTrip() throws {
        let fixtures = packageRoot() + "/Tests/RunLogsTests/Fixtures"
        let example = packageRoot() + "/examples/metrics.csv"
        try assertRoundTrip("tb", [fixtures + "/tb/logs"], ["--smooth", "0.9"], allowRead: [fixtures])
        try assertRoundTrip("mlflow", [fixtures + "/mlruns/0"], allowRead: [fixtures])
        try assertRoundTrip("runs", [example, fixtures + "/tb/logs/run_a"], ["--smooth", "0.6", "--title", "Two runs"],
                            allowRead: [fixtures, packageRoot() + "/examples"])
        try assertRoundTrip("metrics", [example], ["--no-subplots", "--logy", "--size", "1000x700", "--dpi", "120", "--theme", "dark"],
                            allowRead: [packageRoot() + "/examples"])
        try assertRoundTrip("tips-box", [sharedData + "/tips.csv"], ["--x", "day", "--y", "total_bill", "--kind", "box", "--by", "sex"],
                            allowRead: [sharedData])
        try assertRoundTrip("tips-bars", [sharedData + "/tips.csv"], ["--x", "day", "--y", "total_bill,tip", "--by", "sex", "--no-subplots"],
                            allowRead: [sharedData])
        try assertRoundTrip("tips-hist", [sharedData + "/tips.csv"], ["--y", "tip", "--kind", "histogram", "--by", "day", "--bins", "20"],
                            allowRead: [sharedData])
    }

    /// Relative data paths are written relative to the spec's folder, so the spec reads the same
    /// file from wherever it is saved; a file outside that folder gets a note naming --allow-read.
    func testRelativePathsAreRelativeToTheSpecsFolder() throws {
        let dir = try temp()
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/specs", withIntermediateDirectories: true)
        try "step,loss\n1,0.9\n2,0.5\n3,0.4\n".write(toFile: dir + "/data/m.csv", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PlotlineBinary.require())
        process.arguments = ["render", "data/m.csv", "--print-spec", "specs/m.plot.json"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.environment = PlotlineBinary.environment()
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, stderr)
        let text = String(decoding: try bytes(dir + "/specs/m.plot.json"), as: UTF8.self)
        XCTAssertTrue(text.contains("\"data\": \"../data/m.csv\""), text)
        XCTAssertTrue(stderr.contains("--allow-read"), "names the way to read it: \(stderr)")
        let r = try PlotlineBinary.run(["render", "--spec", dir + "/specs/m.plot.json", "-o", dir + "/m.png", "--allow-read", dir + "/data"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// grammar's and aggregate's flags that a spec key carries: colour by a column, the palette,
    /// facets, the error bars of bars of category means.
    func testColorPaletteFacetAndBandRoundTrip() throws {
        try assertRoundTrip("iris-color", [sharedData + "/iris.csv"], ["--color", "petal_width"], allowRead: [sharedData])
        try assertRoundTrip("iris-color-map", [sharedData + "/iris.csv"], ["--x", "sepal_length", "--y", "sepal_width",
                                                                           "--color", "petal_length", "--colormap", "plasma"],
                            allowRead: [sharedData])
        try assertRoundTrip("tips-tab20", [sharedData + "/tips.csv"], ["--x", "total_bill", "--y", "tip", "--by", "day",
                                                                       "--palette", "tab20"], allowRead: [sharedData])
        try assertRoundTrip("penguins-ci95", [sharedData + "/penguins.json"], ["--x", "Species", "--y", "Body Mass (g)",
                                                                              "--band", "ci95"], allowRead: [sharedData])
        try assertRoundTrip("penguins-facet", [sharedData + "/penguins.json"], ["--facet", "Island"], allowRead: [sharedData])
        try assertRoundTrip("iris-facet-color", [sharedData + "/iris.csv"], ["--facet", "species", "--color", "petal_width"],
                            allowRead: [sharedData])
        let text = try PlotlineBinary.run(["render", sharedData + "/iris.csv", "--color", "petal_width", "--print-spec"]).stdout
        XCTAssertTrue(text.contains("\"field\": \"petal_width\""), text)
    }

    /// A flag no spec key draws yet is a usage error naming it, never a spec of another figure.
    func testFlagsWithoutASpecKeyAreUsageErrors() throws {
        for (flags, named) in [(["--aggregate", "mean"], "--aggregate"),
                               (["--by", "param.lr"], "--by param.lr")] {
            let r = try PlotlineBinary.run(["render", sharedData + "/penguins.json"] + flags + ["--print-spec"])
            XCTAssertEqual(r.status, 64, "\(flags): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(named), r.stderr)
            XCTAssertEqual(r.stdout, "", "no spec is printed")
        }
    }

    func testUsageErrors() throws {
        let csv = packageRoot() + "/examples/metrics.csv"
        let notJSON = try PlotlineBinary.run(["render", csv, "--print-spec", packageRoot() + "/examples/other.csv"])
        XCTAssertEqual(notJSON.status, 64, "a data file after a bare --print-spec is never overwritten")
        XCTAssertTrue(notJSON.stderr.contains("ending in .json"), notJSON.stderr)
        let both = try PlotlineBinary.run(["render", csv, "--print-spec", "-o", "out.png"])
        XCTAssertEqual(both.status, 64, "a figure asked for is never silently left unwritten")
        XCTAssertTrue(both.stderr.contains("not both"), both.stderr)
        let stdin = try PlotlineBinary.run(["render", "-", "--print-spec"], stdin: "x,y\n1,2\n")
        XCTAssertEqual(stdin.status, 64)
        XCTAssertTrue(stdin.stderr.contains("standard input"), stdin.stderr)
    }

    func testReadFlagsBecomeTheSameSpecKeys() throws {
        let dir = try temp()
        try Data(Array("step;v\n% a comment\n1;1.234,5\n2;k.A.\n3;2.000,25\n".utf8)).write(to: URL(fileURLWithPath: dir + "/d.csv"))
        let flags = ["--decimal", ",", "--thousands", ".", "--comment", "%", "--na-values", "k.A.,-", "--encoding", "latin-1"]
        let printed = try PlotlineBinary.run(["render", dir + "/d.csv", "--print-spec", dir + "/d.plot.json"] + flags)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        // The flags set what the spec's keys set: one decoder (CSVReadSetting) for both.
        let spec = try FigureSpec.load(path: dir + "/d.plot.json")
        var expected = CSVOptions()
        for (setting, text) in [(CSVReadSetting.decimal, ","), (.thousands, "."), (.comment, "%"), (.naValues, "k.A.,-"), (.encoding, "latin-1")] {
            XCTAssertTrue(setting.apply(setting.values(fromFlag: text), to: &expected))
        }
        var written = spec.data[0].options
        written.delimiter = nil  // the printed spec also fixes the detected delimiter
        written.header = .detect
        XCTAssertEqual(written, expected)
        let text = String(decoding: try bytes(dir + "/d.plot.json"), as: UTF8.self)
        XCTAssertTrue(text.contains(#""na_values": ["#), text)
        let viaSpec = try PlotlineBinary.run(["render", "--spec", dir + "/d.plot.json", "-o", dir + "/d.png"])
        XCTAssertEqual(viaSpec.status, 0, viaSpec.stderr)
        XCTAssertTrue(viaSpec.stdout.contains("3 rows read"), viaSpec.stdout)
    }
}
