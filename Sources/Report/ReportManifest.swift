import FoundationEssentials
import JSON
import Table

/// `manifest.json`: what a report rendered, from which inputs, with content hashes.
///
/// It holds nothing that varies between runs of the same input (no times, no absolute paths,
/// no host names): paths are relative to the report's folder, keys are sorted, figures are in
/// report order, so two runs write the same bytes. Render times go to `timings.json` instead
/// (`ReportTimings`). A shard's manifest lists only its figures and records the shard; the
/// title, sections and figure count are always the whole report's, so `ReportMerge` can check
/// that the shards fit together and rebuild exactly the manifest of a single run.
public struct ReportManifest: Sendable, Equatable {
    /// The manifest format version.
    public static let currentVersion = 1

    /// One input file and its content hash.
    public struct Input: Sendable, Equatable {
        /// The path relative to the report's folder.
        public var path: String
        /// The SHA-256 of its bytes (lowercase hex); nil when it could not be read.
        public var sha256: String?

        /// Creates an input entry.
        public init(path: String, sha256: String?) { self.path = path; self.sha256 = sha256 }
    }

    /// One figure: what it was drawn from and what was written, or why it failed.
    public struct Figure: Sendable, Equatable {
        /// The figure's position in the whole report.
        public var index: Int
        /// Its name.
        public var name: String
        /// Its section's title.
        public var section: String
        /// The PNG's file name in the output folder (written only when `error` is nil).
        public var output: String
        /// The inputs read, in reading order.
        public var inputs: [Input]
        /// The PNG's SHA-256, byte count, width and height; nil when the figure failed.
        public var sha256: String?, bytes: Int?, width: Int?, height: Int?
        /// Why the figure failed (file, line or key path, and what was wrong); nil when it rendered.
        public var error: String?
        /// The vector files written beside the PNG (`fig.svg`, `fig.pdf`), in the spec's order.
        public var also: [String] = []
        /// What reading its data noticed, one line each (`ReadWarnings.lines`: values drawn as
        /// missing, then read notes); written only when there is some.
        public var warnings: [String] = []

        /// Creates a figure entry.
        public init(index: Int, name: String, section: String, output: String, inputs: [Input] = [],
                    sha256: String? = nil, bytes: Int? = nil, width: Int? = nil, height: Int? = nil, error: String? = nil) {
            self.index = index; self.name = name; self.section = section; self.output = output; self.inputs = inputs
            self.sha256 = sha256; self.bytes = bytes; self.width = width; self.height = height; self.error = error
        }
    }

    /// The report's title.
    public var title: String
    /// The report's section titles, in order.
    public var sections: [String]
    /// The number of figures in the whole report (in every shard together).
    public var figureCount: Int
    /// The shard this manifest covers; nil for a whole report.
    public var shard: ReportShard?
    /// The figures rendered (or failed) here, in report order.
    public var figures: [Figure]

    /// Creates a manifest.
    public init(title: String, sections: [String], figureCount: Int, shard: ReportShard?, figures: [Figure]) {
        self.title = title; self.sections = sections; self.figureCount = figureCount; self.shard = shard; self.figures = figures
    }

    /// The figures that failed.
    public var failures: [Figure] { figures.filter { $0.error != nil } }

    // MARK: - JSON

    /// The manifest as pretty-printed JSON with sorted keys and a final newline.
    public func json() -> [UInt8] {
        typealias J = ReportJSONText
        let figures: [JSONValue] = self.figures.map { f in
            var entry: [String: JSONValue] = [
                "index": J.number(f.index), "name": .string(f.name), "section": .string(f.section), "output": .string(f.output),
                "inputs": .array(f.inputs.map { J.object(["path": .string($0.path), "sha256": J.string($0.sha256)]) }),
                "sha256": J.string(f.sha256), "bytes": J.number(f.bytes), "width": J.number(f.width),
                "height": J.number(f.height), "error": J.string(f.error),
            ]
            if !f.also.isEmpty { entry["also"] = J.strings(f.also) }
            if !f.warnings.isEmpty { entry["warnings"] = J.strings(f.warnings) }
            return J.object(entry)
        }
        let shard = self.shard.map { J.object(["index": J.number($0.index), "count": J.number($0.count)]) } ?? .null
        let root = J.object([
            "version": J.number(ReportManifest.currentVersion), "title": .string(title), "sections": J.strings(sections),
            "figureCount": J.number(figureCount), "shard": shard, "figures": .array(figures),
        ])
        return J.encode(root)
    }

    /// Reads a manifest that `json()` wrote (a shard's, for merging).
    public static func parse(bytes: [UInt8], source: String) throws(ReportSpecError) -> ReportManifest {
        let root: JSONDocument.Node
        do { root = try JSONDocument(bytes: bytes).root } catch {
            throw ReportSpecError(source: source, line: error.line, message: "invalid JSON: \(error.message)")
        }
        let top = ReportSpecNode(root, source: source)
        let o = try top.object(keys: ["version", "title", "sections", "figureCount", "shard", "figures"])
        let version = try o.required("version")
        guard try version.integer() == currentVersion else { throw version.error("unsupported manifest version \(version.found)") }
        var sections: [String] = []
        for node in try o.required("sections").array() { sections.append(try node.string()) }
        var shard: ReportShard?
        if let s = o["shard"] {
            let so = try s.object(keys: ["index", "count"])
            guard let i = so["index"], let c = so["count"] else { throw s.error("expected an object with index and count") }
            shard = try ReportShard(index: try i.integer(), count: try c.integer(), source: s)
        }
        var manifest = ReportManifest(title: try o.required("title").string(), sections: sections,
                                      figureCount: try o.required("figureCount").integer(), shard: shard, figures: [])
        for node in try o.required("figures").array() {
            let f = try node.object(keys: ["index", "name", "section", "output", "inputs", "sha256", "bytes", "width", "height", "error", "also", "warnings"])
            var inputs: [Input] = []
            for inputNode in try f.required("inputs").array() {
                let i = try inputNode.object(keys: ["path", "sha256"])
                let path = try i.required("path")
                inputs.append(Input(path: try path.string(), sha256: try i["sha256"]?.string()))
            }
            var figure = Figure(
                index: try f.required("index").integer(), name: try f.required("name").string(), section: try f.required("section").string(),
                output: try f.required("output").string(), inputs: inputs, sha256: try f["sha256"]?.string(),
                bytes: try f["bytes"]?.integer(), width: try f["width"]?.integer(), height: try f["height"]?.integer(),
                error: try f["error"]?.string())
            figure.also = try f["also"]?.strings() ?? []
            figure.warnings = try f["warnings"]?.strings() ?? []
            manifest.figures.append(figure)
        }
        return manifest
    }
}
