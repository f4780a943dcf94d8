import CommandSyntax
import Chart
import FigureSpec
import FoundationEssentials
import PNG
import Table
import Platform

/// `plotline render FILE... --print-spec [FILE]`: the default figure as the figure spec that
/// draws it, so a user can start from it, edit it and render it back with `--spec`.
///
/// The spec's data paths are the files as given on the command line, rewritten relative to the
/// folder the spec is written to (the current folder for standard output), since `--spec`
/// resolves them against the spec's own folder. A data file outside that folder is read back
/// only with `--allow-read` (`ReadConfinement`); a note on standard error says which.
enum PrintSpec {
    /// Standard output: what a bare `--print-spec` writes to (`Render.Options.printSpec`).
    static let standardOutput = "-"

    /// Checks a `--print-spec` destination: `-`, or a file ending in `.json` (so that a data
    /// file after a bare `--print-spec` is never overwritten by a spec).
    static func validate(_ destination: String) throws {
        guard destination == standardOutput || destination.hasSuffix(".json") else {
            throw UsageError("--print-spec writes a JSON spec: give a file ending in .json, or no value for standard output, not \(destination).")
        }
    }

    /// The folder the spec's relative data paths are read against.
    static func folder(of destination: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        guard destination != standardOutput else { return cwd }
        return URL(fileURLWithPath: destination, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true))
            .standardizedFileURL.deletingLastPathComponent().path
    }

    /// `path` as a spec in `folder` writes it: absolute paths and `~/` stay as given; a relative
    /// path (given against the current folder) becomes relative to `folder`.
    static func specPath(_ path: String, folder: String) -> String {
        if path.hasPrefix("/") || path.hasPrefix("~/") { return path }
        let cwd = FileManager.default.currentDirectoryPath
        if URL(fileURLWithPath: folder).standardizedFileURL.path == URL(fileURLWithPath: cwd).standardizedFileURL.path {
            return path
        }
        let target = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL.path
        let from = folder.split(separator: "/").map(String.init), to = target.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// Writes `spec`'s text to `destination` (standard output for `-`, else atomically) and
    /// notes on standard error each data path the spec could not read back without `--allow-read`.
    static func write(_ spec: FigureSpec, to destination: String) throws {
        let confinement = ReadConfinement(root: spec.directory)
        for source in spec.data {
            do { _ = try confinement.check(source.resolvedPath, shownAs: source.path, source: destination) } catch {
                let outside = PathName.deletingLastComponent(source.resolvedPath)
                StandardStream.error.write(
                    "note: \(source.path) is outside the spec's folder: render it with --allow-read \(outside)\n")
            }
        }
        let bytes = Array(spec.jsonText().utf8)
        if destination == standardOutput {
            StandardStream.output.write(bytes: bytes)
        } else {
            do { try AtomicFile.write(bytes, to: destination) } catch let error as FileError {
                throw CLIError("\(error)")  // "cannot write PATH: why (step)"
            }
            StandardStream.error.write("wrote \(destination) (figure spec, \(spec.panels.count) panel\(spec.panels.count == 1 ? "" : "s"))\n")
        }
    }
}
