// The report spec: what `plotline report` renders (format and example: docs/report-spec.md).
//
// Design. A report is a title and sections of figures; each figure is a `*.plot.json` file, data
// files drawn as `plotline render` would draw them (with its options), or a figure spec written
// inline. The report spec is decoded strictly, like a figure spec: an unknown key or a wrong type
// is an error at its key path and line, and nothing renders. What lies behind a figure (its data,
// its figure spec, an inline figure's keys) is read only when that figure renders, so one broken
// figure fails alone and the others still render. A folder is a report too: every `*.plot.json`
// and data file under it, sorted, as `plotline watch` picks them, one section per subfolder.
// Output names are fixed here, over the whole report, so every shard of a CI matrix agrees.
import Chart
import FigureSpec
import FoundationEssentials
import JSON
import Service
import Table
import Vector
import Platform

/// A decoded report: title, section titles and the figures in order, with their output names.
public struct ReportSpec: Sendable, Equatable {
    /// The spec format version this build reads.
    public static let currentVersion = 1

    /// The report spec's name as given (or the folder's), for messages.
    public var source: String
    /// The absolute folder that relative paths are resolved against and recorded relative to.
    public var directory: String
    /// The report's title.
    public var title: String
    /// The section titles, in order (a section may be empty).
    public var sections: [String]
    /// Every figure, in report order (`index` counts from 0).
    public var figures: [ReportFigure]

    /// Creates a report from decoded parts.
    public init(source: String, directory: String, title: String, sections: [String], figures: [ReportFigure]) {
        self.source = source; self.directory = directory; self.title = title; self.sections = sections; self.figures = figures
    }

    /// Reads a report spec file, or, for a folder, the report of every figure under it
    /// (leaving out the folder `excluding`, the report's own output when it lies inside).
    public static func load(path: String, excluding: String? = nil) throws(ReportSpecError) -> ReportSpec {
        var isFolder: Bool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ReportSpecError(source: path, message: "no such file or folder")
        }
        if isFolder { return folder(path, excluding: excluding) }
        let data: Data
        switch FileBytes.readWhole(path) {
        case .success(let bytes): data = bytes
        case .failure(let failure): throw ReportSpecError(source: path, message: "cannot read the file (\(failure.reason))")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        return try parse(bytes: Array(data), source: path, directory: directory)
    }

    /// The report of a folder: every `*.plot.json` and data file under it (as `plotline watch`
    /// picks them; a TensorBoard run folder or MLflow experiment is one figure of its runs),
    /// sorted by path, one section per folder (the top folder's is its own name),
    /// leaving out the folder `excluding` (the report's own output, whose JSON files are not data).
    public static func folder(_ path: String, excluding: String? = nil) -> ReportSpec {
        let root = URL(fileURLWithPath: path).standardizedFileURL.path
        let skip = excluding.map { URL(fileURLWithPath: $0).standardizedFileURL.path + "/" }
        let title = PathName.lastComponent(root)
        let inputs = FolderInputs.files(under: root)
            .filter { !(skip.map($0.path.hasPrefix) ?? false) }
            .map { (relative: String($0.path.dropFirst(root.count + 1)), kind: $0.kind) }
        var sections: [String] = []
        var parts: [(name: String, section: String, source: ReportFigure.Source)] = []
        var logFolders: Set<String> = []
        for (relative, kind) in inputs {
            // A TensorBoard run folder or an MLflow experiment is one figure of its runs, as
            // `plotline watch` draws it, not one figure per event or metric file.
            if case .runLog(let log) = kind {
                let folder = log.folder == root ? "." : String(log.folder.dropFirst(root.count + 1))
                guard logFolders.insert(folder).inserted else { continue }
                let parent = folder == "." ? "" : PathName.deletingLastComponent(folder)
                let section = parent.isEmpty ? title : parent
                if !sections.contains(section) { sections.append(section) }
                parts.append((folder == "." ? title : folder, section, .data([folder], RenderOptions())))
                continue
            }
            let folder = PathName.deletingLastComponent(relative)
            let section = folder.isEmpty ? title : folder
            if !sections.contains(section) { sections.append(section) }
            let name = FolderInput.figureName(relative)
            parts.append((name, section, kind == .figureSpec ? .spec(relative) : .data([relative], RenderOptions())))
        }
        let outputs = ReportFigure.outputNames(parts.map(\.name))
        let figures = parts.enumerated().map { i, p in
            ReportFigure(index: i, name: p.name, section: p.section, output: outputs[i], source: p.source)
        }
        return ReportSpec(source: path, directory: root, title: title, sections: sections, figures: figures)
    }

    /// Parses and checks report spec bytes; relative paths resolve against `directory`.
    public static func parse(bytes: [UInt8], source: String, directory: String) throws(ReportSpecError) -> ReportSpec {
        let root: JSONDocument.Node
        do { root = try JSONDocument(bytes: bytes, topLevel: "the spec object").root } catch {
            throw ReportSpecError(source: source, line: error.line, message: "invalid JSON: \(error.message)")
        }
        let top = ReportSpecNode(root, source: source)
        let object = try top.object(keys: ["version", "title", "formats", "sections"])
        let version = try object.required("version")
        guard try version.integer() == currentVersion else {
            throw version.error("unsupported version \(version.found) (this plotline reads version \(currentVersion))")
        }
        let title = try object["title"]?.string() ?? "Report"
        let reportFormats = try object["formats"].map { node throws(ReportSpecError) in try formats(node) }
        let sectionsNode = try object.required("sections")
        var sections: [String] = []
        var parts: [(name: String, section: String, source: ReportFigure.Source, formats: OutputFormats)] = []
        for sectionNode in try sectionsNode.array() {
            let section = try sectionNode.object(keys: ["title", "figures"])
            let titleNode = try section.required("title")
            let sectionTitle = try titleNode.nonEmptyString()
            guard !sections.contains(sectionTitle) else { throw titleNode.error("a second section titled \(titleNode.found)") }
            sections.append(sectionTitle)
            let figuresNode = try section.required("figures")
            for figureNode in try figuresNode.array() {
                let (name, source, formats) = try decodeFigure(figureNode, bytes: bytes)
                parts.append((name, sectionTitle, source, OutputFormats(entry: formats, folder: reportFormats)))
            }
        }
        guard !parts.isEmpty else { throw sectionsNode.error("expected at least one figure in the sections") }
        let outputs = ReportFigure.outputNames(parts.map(\.name))
        let figures = parts.enumerated().map { i, p in
            ReportFigure(index: i, name: p.name, section: p.section, output: outputs[i], source: p.source,
                         formats: p.formats)
        }
        return ReportSpec(source: source, directory: directory, title: title, sections: sections, figures: figures)
    }

    /// A `"formats"` list: `"png"`, `"svg"`, `"pdf"`, each at most once. The PNG is always
    /// written (the index shows it and baselines compare it); the others go beside it.
    /// The rule is `OutputFormat.list`'s, which a figure spec's `"formats"` follows too.
    static func formats(_ node: ReportSpecNode) throws(ReportSpecError) -> [OutputFormat] {
        let items = try node.array()
        var names: [String] = []
        for item in items { names.append(try item.string()) }
        switch OutputFormat.list(names) {
        case .success(let formats): return formats
        case .failure(.unknown(let i)): throw items[i].error("expected \(OutputFormat.listExpected), found \(items[i].found)")
        case .failure(.repeated(let i)): throw items[i].error("\(items[i].found) is listed twice")
        }
    }

    private static func decodeFigure(_ node: ReportSpecNode, bytes: [UInt8]) throws(ReportSpecError) -> (String, ReportFigure.Source, [OutputFormat]?) {
        let object = try node.object(keys: ["name", "spec", "data", "options", "figure", "formats"])
        let formats = try object["formats"].map { node throws(ReportSpecError) in try ReportSpec.formats(node) }
        let given = ["spec", "data", "figure"].filter { object[$0] != nil }
        guard given.count == 1 else {
            throw node.error(given.isEmpty ? "a figure needs one of \"spec\", \"data\" or \"figure\""
                             : "a figure takes only one of \"spec\", \"data\" or \"figure\", found \(given.joined(separator: " and "))")
        }
        if let options = object["options"], object["data"] == nil {
            throw options.error("\"options\" go with \"data\" (a figure spec sets its own)")
        }
        let name = try object["name"]?.nonEmptyString()
        if let spec = object["spec"] {
            let path = try spec.nonEmptyString()
            var stem = PathName.lastComponent(path)
            for suffix in [".plot.json", ".json"] where stem.hasSuffix(suffix) { stem.removeLast(suffix.count); break }
            return (name ?? stem, .spec(path), formats)
        }
        if let data = object["data"] {
            let paths = try data.strings()
            let options = try object["options"].map { node throws(ReportSpecError) in try ReportDataOptions.decode(node) } ?? RenderOptions()
            return (name ?? PathName.deletingExtension(PathName.lastComponent(paths[0])), .data(paths, options), formats)
        }
        let figure = object["figure"]!
        guard case .object = figure.value else { throw figure.wrongType("an object (a figure spec)") }
        guard let name else { throw node.error("an inline figure needs a \"name\"") }
        return (name, .inline(bytes: Array(bytes[figure.located.range]), keyPath: figure.path), formats)
    }
}
