import Foundation
import PNG
import TestSupport
import XCTest

/// `plotline render --aggregate/--band/--by param.NAME`: run CSVs on different step grids, a
/// TensorBoard log directory and an MLflow store with parameters, end to end.
final class RenderAggregateCommandTests: XCTestCase {
    let fixtures = packageRoot() + "/Tests/RunLogsTests/Fixtures"

    func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-cli-aggregate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `seed<k>/metrics.csv`: five noisy loss curves; seeds 3 and 4 log every 15 steps, the
    /// others every 10 (so the runs are binned on a common grid).
    func writeSeeds(_ dir: String) throws -> [String] {
        var paths: [String] = []
        for k in 0..<5 {
            let folder = dir + "/seed\(k)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var text = "step,loss\n"
            let every = k >= 3 ? 15 : 10
            var s = 0
            while s <= 600 {
                let noise = 0.06 * sin(Double(s) * 0.37 + Double(k) * 1.7)
                text += "\(s),\(2 * exp(-Double(s) / 150) + 0.3 + noise)\n"
                s += every
            }
            try text.write(toFile: folder + "/metrics.csv", atomically: true, encoding: .utf8)
            paths.append(folder + "/metrics.csv")
        }
        return paths
    }

    func testSeedsOnDifferentGridsAggregateToOneLineWithABand() throws {
        let dir = try temp()
        let r = try PlotlineBinary.run(["render"] + writeSeeds(dir) + ["-o", dir + "/seeds.png", "--aggregate", "mean", "--band", "std"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1 panel"), r.stdout)
        XCTAssertEqual(try PNG.read(path: dir + "/seeds.png").width, 1200)
        try? FileManager.default.copyItem(atPath: dir + "/seeds.png", toPath: testOutputDirectory() + "/aggregate-seeds.png")
    }

    func testTensorBoardLogDirAggregates() throws {
        let dir = try temp()
        let r = try PlotlineBinary.run(["render", fixtures + "/tb/logs", "-o", dir + "/tb.png", "--aggregate", "median", "--band", "minmax"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("3 panels"), r.stdout)
        try? FileManager.default.copyItem(atPath: dir + "/tb.png", toPath: testOutputDirectory() + "/aggregate-tensorboard.png")
    }

    /// An MLflow store of four runs, two per learning rate.
    func writeMLflowStore(_ dir: String) throws -> String {
        let experiment = dir + "/mlruns/1"
        try FileManager.default.createDirectory(atPath: experiment, withIntermediateDirectories: true)
        try "experiment_id: '1'\nlifecycle_stage: active\nname: sweep\n".write(toFile: experiment + "/meta.yaml", atomically: true, encoding: .utf8)
        for (i, lr) in ["0.1", "0.01", "0.1", "0.01"].enumerated() {
            let run = experiment + "/run\(i)"
            for sub in ["metrics", "params", "tags"] {
                try FileManager.default.createDirectory(atPath: run + "/" + sub, withIntermediateDirectories: true)
            }
            try "run_id: run\(i)\nlifecycle_stage: active\n".write(toFile: run + "/meta.yaml", atomically: true, encoding: .utf8)
            try lr.write(toFile: run + "/params/lr", atomically: true, encoding: .utf8)
            try "r\(i)".write(toFile: run + "/tags/mlflow.runName", atomically: true, encoding: .utf8)
            let rate = Double(lr)! * 10
            let lines = (0..<40).map { s in
                "\(1_700_000_000_000 + s * 1000) \(exp(-Double(s) * rate / 10) + 0.02 * Double(i)) \(s)"
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: run + "/metrics/loss", atomically: true, encoding: .utf8)
        }
        return experiment
    }

    func testMLflowRunsGroupedByAParam() throws {
        let dir = try temp()
        let store = try writeMLflowStore(dir)
        let r = try PlotlineBinary.run(["render", store, "-o", dir + "/lr.png", "--by", "param.lr", "--aggregate", "mean"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try? FileManager.default.copyItem(atPath: dir + "/lr.png", toPath: testOutputDirectory() + "/aggregate-mlflow-lr.png")
        let overlay = try PlotlineBinary.run(["render", store, "-o", dir + "/lr-runs.png", "--by", "param.lr"])
        XCTAssertEqual(overlay.status, 0, overlay.stderr)
        let missing = try PlotlineBinary.run(["render", store, "-o", dir + "/x.png", "--by", "param.momentum"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no run has the parameter 'momentum' (parameters: param.lr)"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.png"))
    }

    func testWatchAggregatesAnExperimentsRuns() throws {
        let dir = try temp()
        _ = try writeMLflowStore(dir)
        let r = try PlotlineBinary.run(["watch", dir + "/mlruns", "--once", "-o", dir + "/out", "--aggregate", "mean", "--band", "minmax"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let sidecar = try String(contentsOfFile: dir + "/out/1.png.json", encoding: .utf8)
        XCTAssertTrue(sidecar.contains("\"ok\": true") || sidecar.contains("\"ok\":true"), sidecar)
        try? FileManager.default.copyItem(atPath: dir + "/out/1.png", toPath: testOutputDirectory() + "/aggregate-watch-mlflow.png")
        // --band without --aggregate: the figure flags are render's (`FigureFlags`), so watch
        // draws what render draws, and a band with no statistic to go around is that figure's
        // error (in its sidecar, status 1 with --once), as `render` reports it.
        let band = try PlotlineBinary.run(["watch", dir + "/mlruns", "--once", "--band", "std", "-o", dir + "/band"])
        XCTAssertEqual(band.status, 1, band.stdout + band.stderr)
        XCTAssertTrue(band.stderr.contains("--band is the spread around a drawn statistic"), band.stderr)
        let rendered = try PlotlineBinary.run(["render", dir + "/mlruns/1", "--band", "std", "-o", dir + "/band.png"])
        XCTAssertEqual(rendered.status, 1, rendered.stderr)
        XCTAssertTrue(rendered.stderr.contains("--band is the spread around a drawn statistic"), rendered.stderr)
    }

    func testBadValuesAreUsageErrors() throws {
        let dir = try temp()
        let seeds = try writeSeeds(dir)
        let stat = try PlotlineBinary.run(["render", seeds[0], "-o", dir + "/x.png", "--aggregate", "max"])
        XCTAssertEqual(stat.status, 64)
        XCTAssertTrue(stat.stderr.contains("--aggregate must be mean or median, not max."), stat.stderr)
        let band = try PlotlineBinary.run(["render", seeds[0], "-o", dir + "/x.png", "--band", "iqr"])
        XCTAssertEqual(band.status, 64)
        XCTAssertTrue(band.stderr.contains("--band must be one of std, minmax, ci95, none, not iqr."), band.stderr)
    }
}
