import Chart
import FigureSpec
import FoundationEssentials
import JSON
import Service
import Table
import Vector
import Platform

/// Builds a report figure's `Chart.Figure` from its inputs, reading each input file once: its
/// bytes are hashed for the manifest and parsed from memory.
///
/// Every message names files relative to the report's folder (never absolute paths), so a
/// failure reads the same on every machine and the manifest stays byte-identical.
///
/// Files and parsed tables are cached for the run: CI reports draw many figures from one
/// metrics file, which is then read, hashed and parsed once (the 500-figure benchmark draws
/// from 8 tables; bench/README.md). The run also sees one snapshot of each file, even if a
/// file changes while the report renders.
struct ReportInputs {
    /// The report's folder (absolute).
    let directory: String
    /// The report spec's name relative to its folder, for errors in inline figures.
    let specName: String
    /// Where inputs may be read: the report's folder and `--allow-read` paths, links resolved.
    var confinement = ReadConfinement.unconfined
    /// Files and tables read so far in this run (used on the render thread only).
    let cache = Cache()

    final class Cache {
        var files: [String: (bytes: [UInt8], sha256: String)] = [:]
        var tables: [String: DataTable] = [:]
    }

    /// The figure, with the inputs read so far appended to `inputs` (also when it throws) and
    /// what reading its tables noticed in `warnings` (for the manifest), and its figure spec's
    /// own `"formats"` (nil for data files, or a spec without the key).
    func figure(for figure: ReportFigure, inputs: inout [ReportManifest.Input], warnings: inout ReadWarnings) throws
        -> (figure: Figure, specFormats: [OutputFormat]?) {
        switch figure.source {
        case .spec(let path):
            let absolute = resolve(path, from: directory)
            let bytes = try read(absolute, inputs: &inputs)
            let spec = try FigureSpec.parse(bytes: bytes, source: relative(absolute),
                                            directory: PathName.deletingLastComponent(absolute))
            let loaded = try tables(spec, namedIn: relative(absolute), at: "", inputs: &inputs)
            warnings = ReadWarnings(tables: spec.data.compactMap { loaded[$0.name] })
            return (try spec.figure(tables: loaded), spec.formats)
        case .inline(let bytes, let keyPath):
            let spec: FigureSpec
            do { spec = try FigureSpec.parse(bytes: bytes, source: specName, directory: directory) } catch {
                var e = error
                e.line = nil  // a line inside the fragment; the key path says where
                e.keyPath = keyPath + e.keyPath.map { $0.hasPrefix("[") ? $0 : "." + $0 }.orEmpty
                throw e
            }
            do {
                let loaded = try tables(spec, namedIn: specName, at: keyPath, inputs: &inputs)
                warnings = ReadWarnings(tables: spec.data.compactMap { loaded[$0.name] })
                return (try spec.figure(tables: loaded), spec.formats)
            } catch let error as SpecError {
                var e = error
                e.keyPath = keyPath + e.keyPath.map { $0.hasPrefix("[") ? $0 : "." + $0 }.orEmpty
                throw e
            }
        case .data(let paths, let options):
            var runs: [(name: String, table: DataTable)] = []
            var notes: [String] = []
            let names = RunInputs.runNames(paths)
            for (path, name) in zip(paths, names) {
                let absolute = resolve(path, from: directory)
                if RunInputs.isFolder(absolute) {
                    runs += try logRuns(absolute, inputs: &inputs, notes: &notes)
                        .map { (paths.count == 1 ? $0.name : name + "/" + $0.name, $0.table) }
                } else {
                    runs.append((name, try table(absolute, options: options.read.forPath(absolute), inputs: &inputs)))
                }
            }
            warnings = ReadWarnings(tables: runs.map(\.table), notes: notes)
            if runs.count == 1 { return (try DefaultFigure.make(runs[0].table, options: options), nil) }
            return (try DefaultFigure.make(runs: runs, options: options), nil)
        }
    }

    /// The tables of a figure spec's data sources, read and hashed. A file that may not or
    /// cannot be read is an error naming the spec file `specFile` and the source's key path
    /// (`data.d`, under `keyPath` for an inline figure), as `plotline render --spec` names them.
    private func tables(_ spec: FigureSpec, namedIn specFile: String, at keyPath: String,
                        inputs: inout [ReportManifest.Input]) throws -> [String: DataTable] {
        var tables: [String: DataTable] = [:]
        for source in spec.data {
            var options = source.options
            if options.delimiter == nil { options.delimiter = csvOptions(source.resolvedPath).delimiter }
            let origin = Origin(source: specFile, keyPath: JSONNode<SpecError>.path(JSONNode<SpecError>.path(keyPath, member: "data"), member: source.name),
                                written: source.path)
            tables[source.name] = try table(source.resolvedPath, options: options, inputs: &inputs, origin: origin)
        }
        return tables
    }

    /// The file and key path that named a file read: a figure spec's data source.
    struct Origin {
        /// The spec file, relative to the report's folder (the report spec for an inline figure).
        var source: String
        /// The data source's key path in it, such as `data.d`.
        var keyPath: String
        /// The path as the spec wrote it (`~/x.csv`, `/proc/self/environ`), for a refusal.
        var written: String
    }

    /// The runs of a log folder (TensorBoard event files, an MLflow store, tables), read as
    /// `plotline render FOLDER` reads them; every log file under it is hashed into `inputs`, in
    /// path order, so the manifest changes when any of them does. The notes `render` prints
    /// (runs left out, summaries skipped) go to `notes`, with paths relative to the report.
    private func logRuns(_ absolute: String, inputs: inout [ReportManifest.Input], notes: inout [String]) throws -> [RunInputs.Run] {
        _ = try confinement.check(absolute, shownAs: relative(absolute), source: specName)
        for (file, kind) in FolderInputs.files(under: absolute) where kind != .figureSpec {
            _ = try read(file, inputs: &inputs)
        }
        var said: [String] = []
        defer { notes += said.map(relativeText) }
        do { return try RunInputs.read([absolute], notes: { said.append($0) }) } catch {
            var e = error
            if e.location.source.hasPrefix("/") { e.location.source = relative(e.location.source) }
            throw e
        }
    }

    /// A message with the report's folder left out of the paths in it (`/ci/r/logs/a: ...` → `logs/a: ...`).
    private func relativeText(_ text: String) -> String {
        text.replacing(directory.hasSuffix("/") ? directory : directory + "/", with: "")
    }

    /// A data file's table, parsed once per run and options.
    private func table(_ absolute: String, options: CSVOptions, inputs: inout [ReportManifest.Input], origin: Origin? = nil) throws -> DataTable {
        let bytes = try read(absolute, inputs: &inputs, origin: origin)
        let key = absolute + "\u{0}" + String(describing: options)
        if let table = cache.tables[key] { return table }
        let table = try TableReader.parse(bytes: bytes, source: relative(absolute), options: options)
        cache.tables[key] = table
        return table
    }

    /// A `.tsv` / `.tab` file is tab-delimited (what `TableReader.read` decides from the name).
    private func csvOptions(_ path: String) -> CSVOptions {
        let lower = path.lowercased()
        return CSVOptions(delimiter: lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") ? UInt8(ascii: "\t") : nil)
    }

    /// Reads a file and records it (with its hash, or without one when unreadable). A refusal
    /// or a missing file names `origin` (the spec and key path that named the file) when given,
    /// else the report spec.
    private func read(_ absolute: String, inputs: inout [ReportManifest.Input], origin: Origin? = nil) throws -> [UInt8] {
        if let file = cache.files[absolute] {
            inputs.append(.init(path: relative(absolute), sha256: file.sha256))
            return file.bytes
        }
        let real: String
        do { real = try confinement.check(absolute, shownAs: origin?.written ?? relative(absolute), source: origin?.source ?? specName) } catch {
            var e = error
            e.location.keyPath = origin?.keyPath
            throw e
        }
        // Opened once below its root through no link (a link swapped in since the check is refused).
        guard case .success(let data) = confinement.bytes(ofChecked: real) else {
            inputs.append(.init(path: relative(absolute), sha256: nil))
            let exists = FileManager.default.fileExists(atPath: absolute)
            let named = origin.map { "\($0.source): \($0.keyPath): " } ?? ""
            throw ReportFigureError(description: named + "\(relative(absolute)): " + (exists ? "cannot read the file" : "no such file"))
        }
        let bytes = Array(data), hash = SHA256.hex(bytes)
        cache.files[absolute] = (bytes, hash)
        inputs.append(.init(path: relative(absolute), sha256: hash))
        return bytes
    }

    /// `path` relative to the report's folder (with `../` when outside it).
    func relative(_ absolute: String) -> String { ReportInputs.relative(absolute, to: directory) }

    /// `path` resolved against `folder` and standardized (`..` and `.` removed).
    static func resolve(_ path: String, from folder: String) -> String {
        let joined = path.hasPrefix("/") ? path : folder + "/" + path
        return PathName.standardized(joined)
    }

    private func resolve(_ path: String, from folder: String) -> String { ReportInputs.resolve(path, from: folder) }

    /// `absolute` relative to the folder `base`, with `../` steps when it lies outside.
    static func relative(_ absolute: String, to base: String) -> String {
        let a = PathName.standardized(absolute).split(separator: "/"), b = base.split(separator: "/")
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: b.count - common)
        return (up + a[common...].map(String.init)).joined(separator: "/")
    }
}

/// A report figure's own failure that is not a data or spec error (an unreadable input file).
struct ReportFigureError: Error, CustomStringConvertible {
    let description: String
}

private extension Optional where Wrapped == String {
    var orEmpty: String { self ?? "" }
}
