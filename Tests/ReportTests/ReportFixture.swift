import Foundation
import Report
import Service
import TestSupport

/// A report folder for tests: a copy of some shared datasets under `data/`, figure specs and a
/// report spec, in a fresh temporary folder (so the manifest's relative paths are fixed).
struct ReportFixture {
    let root: String

    /// The shared datasets (`packageRoot()/../shared/data`, beside the clone as in CI).
    static let sharedData = packageRoot() + "/../shared/data"

    init() throws {
        root = NSTemporaryDirectory() + "plotline-report-\(UUID().uuidString)"
        let files = FileManager.default
        try files.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        for name in ["seattle-weather.csv", "flights.csv", "iris.csv"] {
            try files.copyItem(atPath: ReportFixture.sharedData + "/" + name, toPath: root + "/data/" + name)
        }
        try write("specs/wind.plot.json", """
            {"version": 1, "title": "Wind", "size": [480, 320], "data": {"w": "../data/seattle-weather.csv"},
             "panels": [{"x": {"label": "date"}, "series": [{"x": "date", "y": "wind", "width": 1}]}]}
            """)
        try write("report.json", ReportFixture.reportSpec(extraFigures: ""))
    }

    /// The report spec; `extraFigures` are more figure objects (each followed by a comma) for the
    /// "Datasets" section.
    static func reportSpec(extraFigures: String) -> String {
        """
        {
          "version": 1,
          "title": "Shared datasets",
          "sections": [
            {"title": "Weather", "figures": [
              {"name": "Seattle temperatures", "data": "data/seattle-weather.csv",
               "options": {"x": "date", "y": ["temp_max", "temp_min"], "size": "480x320"}},
              {"spec": "specs/wind.plot.json"}
            ]},
            {"title": "Datasets", "figures": [
              \(extraFigures)
              {"name": "Flights", "figure": {"version": 1, "size": [480, 320], "data": {"f": "data/flights.csv"},
                "panels": [{"title": "Passengers", "series": [{"x": "year", "y": "passengers", "kind": "scatter"}]}]}},
              {"name": "Iris petals", "data": "data/iris.csv",
               "options": {"x": "petal_length", "y": "petal_width", "kind": "scatter", "size": [480, 320]}}
            ]}
          ]
        }
        """
    }

    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Renders the report spec (or folder) at `relative` into `out` (relative to the fixture),
    /// confined to the fixture and `allowRead` when that is given (as the CLI runs it).
    func run(_ relative: String = "report.json", out: String, shard: ReportShard? = nil,
             baseline: String? = nil, allowRead: [String]? = nil) throws -> ReportRunner.Outcome {
        let spec = try ReportSpec.load(path: root + "/" + relative)
        var options = ReportRunner.Options(outputDirectory: root + "/" + out)
        options.shard = shard
        options.allowRead = allowRead
        options.fontsDirectory = packageRoot() + "/Fonts"
        options.baselineDirectory = baseline.map { root + "/" + $0 }
        return try ReportRunner.run(spec, options: options)
    }

    /// The file's bytes (empty when missing).
    func bytes(_ relative: String) -> Data {
        FileManager.default.contents(atPath: root + "/" + relative) ?? Data()
    }

    /// The file's text.
    func text(_ relative: String) -> String { String(decoding: bytes(relative), as: UTF8.self) }

    /// The names in a folder, sorted.
    func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []).sorted()
    }
}
