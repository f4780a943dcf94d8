import Foundation
import PNG
import Report
import Service
import TestSupport
import XCTest

/// `ReportRunner` end to end over the shared datasets: goldens, determinism, failures, shards.
final class ReportRunnerTests: XCTestCase {
    func testManifestAndIndexMatchTheirGoldens() throws {
        let f = try ReportFixture()
        let outcome = try f.run(out: "out")
        XCTAssertEqual(outcome.exitStatus, 0, "\(outcome.manifest.failures)")
        XCTAssertEqual(f.list("out"), ["Flights.png", "Iris-petals.png", "Seattle-temperatures.png", "index.html", "index.md",
                                       "manifest.json", "timings.json", "wind.png"])
        // PNG hashes and sizes change with any drawing change anywhere in the pipeline; the
        // determinism test pins them, the golden pins everything else.
        var manifest = f.text("out/manifest.json")
        for f in outcome.manifest.figures {
            manifest = manifest.replacingOccurrences(of: f.sha256!, with: "<png sha256>")
                .replacingOccurrences(of: "\"bytes\": \(f.bytes!),", with: "\"bytes\": \"<png bytes>\",")
        }
        assertMatchesSnapshot(manifest, named: "small-report-manifest.json", snapshots: goldensDirectory())
        assertMatchesSnapshot(f.text("out/index.md"), named: "small-report-index.md", snapshots: goldensDirectory())
        // The recorded hashes are the PNGs' own, and the sizes are the figures'.
        for entry in outcome.manifest.figures {
            let png = [UInt8](f.bytes("out/" + entry.output))
            XCTAssertEqual(SHA256.hex(png), entry.sha256, entry.name)
            XCTAssertEqual(png.count, entry.bytes, entry.name)
            let image = try PNG.decode(png)
            XCTAssertEqual([image.width, image.height], [480, 320], entry.name)
        }
        let html = f.text("out/index.html")
        XCTAssertTrue(html.contains("<img src=\"Seattle-temperatures.png\""), html)
        XCTAssertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://"), "self-contained, no scripts")
        let timings = ReportTimings.parse(bytes: [UInt8](f.bytes("out/timings.json")))
        XCTAssertEqual(timings.milliseconds.keys.sorted(), ["Flights.png", "Iris-petals.png", "Seattle-temperatures.png", "wind.png"])
    }

    func testTwoRunsWriteByteIdenticalFiles() throws {
        let f = try ReportFixture()
        _ = try f.run(out: "a")
        _ = try f.run(out: "b")
        let names = f.list("a")
        XCTAssertEqual(names, f.list("b"))
        XCTAssertEqual(names.filter { $0.hasSuffix(".png") }.count, 4)
        for name in names where name != "timings.json" {
            XCTAssertEqual(f.bytes("a/" + name), f.bytes("b/" + name), "\(name) differs between two runs")
        }
        XCTAssertFalse(f.text("a/manifest.json").contains(f.root), "no absolute paths in the manifest")
    }

    func testABrokenFigureFailsAloneAndIsReportedWithItsFileAndLine() throws {
        let f = try ReportFixture()
        try f.write("specs/broken.plot.json", "{\n  \"version\": 1,\n  \"data\": {\"w\": \"x.csv\"},,\n  \"panels\": []\n}\n")
        try f.write("data/ragged.csv", "a,b\n1,2\n3,4,5\n")
        try f.write("report.json", ReportFixture.reportSpec(extraFigures: """
            {"spec": "specs/broken.plot.json"},
            {"name": "Ragged", "data": "data/ragged.csv"},
            {"name": "Missing", "data": "data/missing.csv"},
            """))
        // A stale PNG of a figure that now fails must not survive.
        try f.write("out/broken.png", "stale")
        let outcome = try f.run(out: "out")
        XCTAssertEqual(outcome.exitStatus, ReportExitStatus.figuresFailed)
        let failures = outcome.manifest.failures
        XCTAssertEqual(failures.map(\.name), ["broken", "Ragged", "Missing"])
        XCTAssertTrue(failures[0].error!.hasPrefix("specs/broken.plot.json:3: invalid JSON"), failures[0].error!)
        XCTAssertTrue(failures[1].error!.hasPrefix("data/ragged.csv:3:"), failures[1].error!)
        XCTAssertEqual(failures[2].error, "data/missing.csv: no such file")
        XCTAssertEqual(failures[2].inputs, [ReportManifest.Input(path: "data/missing.csv", sha256: nil)])
        XCTAssertEqual(outcome.manifest.figures.filter { $0.error == nil }.count, 4, "the good figures still render")
        XCTAssertEqual(f.list("out").filter { $0.hasSuffix(".png") }, ["Flights.png", "Iris-petals.png", "Seattle-temperatures.png", "wind.png"])

        let index = f.text("out/index.md")
        let failed = try XCTUnwrap(index.range(of: "## Failed figures")), contents = try XCTUnwrap(index.range(of: "## Contents"))
        XCTAssertLessThan(failed.lowerBound, contents.lowerBound, "errors come first")
        XCTAssertTrue(index.contains("- **Ragged** (Datasets): `data/ragged.csv:3:"), index)
        XCTAssertTrue(f.text("out/index.html").contains("specs/broken.plot.json:3: invalid JSON"))
        XCTAssertTrue(f.text("out/manifest.json").contains("\"error\": \"data/missing.csv: no such file\""), f.text("out/manifest.json"))
    }

    func testAnInlineFigureErrorNamesItsKeyPathInTheReportSpec() throws {
        let f = try ReportFixture()
        try f.write("report.json", ReportFixture.reportSpec(extraFigures: """
            {"name": "Typo", "figure": {"version": 1, "data": {"f": "data/flights.csv"}, "panels": [{"series": [{"x": "year", "y": "pasengers"}]}]}},
            """))
        let outcome = try f.run(out: "out")
        let error = try XCTUnwrap(outcome.manifest.failures.first?.error)
        XCTAssertTrue(error.hasPrefix("report.json: sections[1].figures[0].figure.panels[0].series[0].y: no column \"pasengers\""), error)
    }

    func testADataFileASpecFileCannotReadIsNamedByTheSpecFileAndKeyPath() throws {
        // The spec file that names the data file is at fault, not the report spec that names it;
        // a refused path is shown as the spec wrote it.
        let f = try ReportFixture()
        try f.write("specs/missing.plot.json", """
            {"version": 1, "data": {"m": "../data/missing.csv"}, "panels": [{"series": [{"y": "v"}]}]}
            """)
        try f.write("specs/outside.plot.json", """
            {"version": 1, "data": {"odd name": "../../outside.csv"}, "panels": [{"series": [{"y": "v"}]}]}
            """)
        try f.write("report.json", ReportFixture.reportSpec(extraFigures: """
            {"spec": "specs/missing.plot.json"},
            {"spec": "specs/outside.plot.json"},
            {"name": "Inline", "figure": {"version": 1, "data": {"h": "../outside.csv"}, "panels": [{"series": [{"y": "v"}]}]}},
            """))
        let failures = try f.run(out: "out", allowRead: []).manifest.failures
        XCTAssertEqual(failures.map(\.name), ["missing", "outside", "Inline"])
        XCTAssertEqual(failures[0].error, "specs/missing.plot.json: data.m: data/missing.csv: no such file")
        XCTAssertEqual(failures[1].error, "specs/outside.plot.json: data[\"odd name\"]: not allowed to read: \"../../outside.csv\" is outside "
                       + "the report's folder (after resolving links); pass --allow-read PATH to read it")
        let inline = try XCTUnwrap(failures[2].error)
        XCTAssertTrue(inline.hasPrefix("report.json: sections[1].figures[2].figure.data.h: not allowed to read: \"../outside.csv\""), inline)
    }

    func testShardsMergeIntoExactlyTheSingleRun() throws {
        let f = try ReportFixture()
        _ = try f.run(out: "single")
        var shardFigures: [[Int]] = []
        for k in 1...3 {
            let outcome = try f.run(out: "shard\(k)", shard: ReportShard("\(k)/3"))
            shardFigures.append(outcome.manifest.figures.map(\.index))
        }
        XCTAssertEqual(shardFigures, [[0, 3], [1], [2]], "index % 3 == K - 1")
        XCTAssertTrue(f.text("shard2/manifest.json").contains("\"shard\": {"), "a shard's manifest records the shard")
        let merged = try ReportMerge.run(shardDirectories: (1...3).map { f.root + "/shard\($0)" }, outputDirectory: f.root + "/merged")
        XCTAssertEqual(merged.figures.count, 4)
        XCTAssertEqual(f.list("merged"), f.list("single"))
        for name in f.list("single") where name != "timings.json" {
            XCTAssertEqual(f.bytes("merged/" + name), f.bytes("single/" + name), "\(name) differs from the single run's")
        }
        XCTAssertEqual(ReportTimings.parse(bytes: [UInt8](f.bytes("merged/timings.json"))).milliseconds.count, 4)
    }

    func testMergeRefusesMissingRepeatedAndForeignShards() throws {
        let f = try ReportFixture()
        for k in 1...2 { _ = try f.run(out: "s\(k)", shard: ReportShard("\(k)/2")) }
        XCTAssertThrowsError(try ReportMerge.run(shardDirectories: [f.root + "/s1"], outputDirectory: f.root + "/m")) {
            XCTAssertEqual("\($0)", "missing shard 2/2")
        }
        XCTAssertThrowsError(try ReportMerge.run(shardDirectories: [f.root + "/s1", f.root + "/s1"], outputDirectory: f.root + "/m")) {
            XCTAssertTrue("\($0)".hasSuffix("shard 1/2 is given twice"), "\($0)")
        }
        // A folder with no manifest: the system's reason and what the folder should have been.
        XCTAssertThrowsError(try ReportMerge.run(shardDirectories: [f.root + "/s1", f.root + "/nope"], outputDirectory: f.root + "/m")) {
            XCTAssertEqual("\($0)", f.root + "/nope/manifest.json: cannot read the file (No such file or directory; is "
                           + f.root + "/nope a report shard's output folder?)")
        }
        _ = try f.run(out: "whole")
        XCTAssertThrowsError(try ReportMerge.run(shardDirectories: [f.root + "/whole"], outputDirectory: f.root + "/m")) {
            XCTAssertTrue("\($0)".contains("not a shard's manifest"), "\($0)")
        }
        // A PNG changed after its shard ran is caught by its size, and with `verify` by its hash.
        let png = f.bytes("s2/wind.png")
        try f.write("s2/wind.png", "not the png")
        XCTAssertThrowsError(try ReportMerge.run(shardDirectories: [f.root + "/s1", f.root + "/s2"], outputDirectory: f.root + "/m")) {
            XCTAssertTrue("\($0)".contains("bytes, its manifest records \(png.count)"), "\($0)")
        }
        var sameSize = png
        sameSize[sameSize.count / 2] ^= 0xFF
        try sameSize.write(to: URL(fileURLWithPath: f.root + "/s2/wind.png"))
        XCTAssertNoThrow(try ReportMerge.run(shardDirectories: [f.root + "/s1", f.root + "/s2"], outputDirectory: f.root + "/m"))
        XCTAssertThrowsError(try ReportMerge.run(shardDirectories: [f.root + "/s1", f.root + "/s2"], outputDirectory: f.root + "/m2", verify: true)) {
            XCTAssertTrue("\($0)".contains("SHA-256"), "\($0)")
        }
    }

    func testMergeLinksImagesInsteadOfCopyingThem() throws {
        let f = try ReportFixture()
        for k in 1...2 { _ = try f.run(out: "s\(k)", shard: ReportShard("\(k)/2")) }
        let merged = try ReportMerge.run(shardDirectories: [f.root + "/s1", f.root + "/s2"], outputDirectory: f.root + "/m")
        let rendered = merged.figures.filter { $0.error == nil }
        XCTAssertFalse(rendered.isEmpty)
        for figure in rendered {
            let shard = (figure.index % 2) + 1
            var a = stat(), b = stat()
            XCTAssertEqual(stat(f.root + "/s\(shard)/" + figure.output, &a), 0)
            XCTAssertEqual(stat(f.root + "/m/" + figure.output, &b), 0)
            XCTAssertEqual(a.st_ino, b.st_ino, "\(figure.output) is a hard link to the shard's file")
        }
        // Merging again over the same folder replaces the links in place and leaves no temporary file.
        _ = try ReportMerge.run(shardDirectories: [f.root + "/s1", f.root + "/s2"], outputDirectory: f.root + "/m")
        XCTAssertFalse(f.list("m").contains { $0.hasPrefix(".merge.") }, "\(f.list("m"))")
    }

    func testAFolderIsAReportOfEveryFigureUnderIt() throws {
        let f = try ReportFixture()
        try FileManager.default.removeItem(atPath: f.root + "/report.json")
        try f.write("top.csv", "step,loss\n1,0.5\n2,0.25\n")
        let spec = try ReportSpec.load(path: f.root)
        let top = (f.root as NSString).lastPathComponent
        XCTAssertEqual(spec.figures.map(\.name), ["data/flights", "data/iris", "data/seattle-weather", "specs/wind", "top"])
        XCTAssertEqual(spec.figures.map(\.section), ["data", "data", "data", "specs", top])
        XCTAssertEqual(spec.sections, ["data", "specs", top])
        XCTAssertEqual(spec.figures.map(\.output), ["data-flights.png", "data-iris.png", "data-seattle-weather.png", "specs-wind.png", "top.png"])
        XCTAssertEqual(spec.figures[3].source, .spec("specs/wind.plot.json"))
        let outcome = try f.run(".", out: "../out-\(top)")
        XCTAssertEqual(outcome.exitStatus, 0, "\(outcome.manifest.failures)")
    }
}
