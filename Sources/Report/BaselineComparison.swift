// Visual regression: a report's new PNGs against a baseline folder (an earlier report).
//
// Design: the comparison is pixel by pixel with two thresholds (`ImageTolerance`: how much a
// channel may move, how many pixels may move), the way pixelmatch and Playwright count
// differing pixels, rather than pytest-mpl / matplotlib.testing.compare's single RMS, which
// lets one wrong pixel vanish in a large figure. A changed figure gets a diff image
// (`ImageDiff`: faded baseline, changes in magenta/blue, an outlined box and edge bars) that
// a reviewer can open beside the two versions, as matplotlib's `-failed-diff.png`.
//
// Trade-offs: plotline's output is deterministic, so most figures of a re-run are
// byte-identical; those are settled by comparing file bytes, without decoding (a 1200×800
// figure's decode costs ~10 ms, the byte check ~0.1 ms). Only figures whose bytes differ are
// decoded and compared, and only changed ones pay for a diff image and its PNG encode: about
// 45 ms of CPU for a changed 1200×800 figure, most of it the two decodes. Figures are
// independent, so they are compared on up to 8 threads (`concurrentMap`): 40 figures, half
// changed, took 0.84 s on one thread and 0.46 s on this machine's 2 cores (best medians; the
// machine was shared with other builds, runs ranged up to 0.82 s).
//
// Errors: an unreadable or corrupt baseline PNG is a `changed` entry with a `note` naming the
// file and the reason (so one bad file in an old artifact does not hide every other result,
// and the run still fails the CI job); a missing baseline folder, or a new figure that cannot
// be read or decoded (the report's own output), is a thrown `FileError` / `PNGError` naming
// the file.
//
// Credits: pixelmatch (mapbox) for the diff picture and the counted-pixels threshold;
// matplotlib.testing.compare / pytest-mpl for the baseline-folder workflow and diff files
// named after the figure.
#if canImport(Glibc)
import Glibc
import Service
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import FoundationEssentials
import Platform
import PNG
import Raster

/// Compares a report's figures with those of a baseline folder and writes diff images.
public enum BaselineComparison {
    /// Compares the new `figures` under `outputDirectory` with every PNG under
    /// `baselineDirectory`, writing a diff image for each changed figure.
    ///
    /// - `figures`: the PNGs the new report wrote, relative to `outputDirectory`.
    /// - The baseline's figures are all `*.png` files under `baselineDirectory`, at any depth,
    ///   except hidden files and folders and the baseline's own diff folder (the folder at
    ///   `diffDirectory`'s place relative to `outputDirectory`, when it lies inside it).
    /// - A figure on both sides is `unchanged` or `changed` under `tolerance`; one only in the
    ///   new output is `added`, one only in the baseline `removed`.
    /// - A changed figure's diff image is written atomically to
    ///   `<diffDirectory>/<figure without .png>-diff.png` (subfolders kept, created as needed);
    ///   for every other figure a diff image left there by an earlier run is removed.
    ///
    /// Throws `FileError` when `baselineDirectory` is missing or not a folder, or a new figure
    /// cannot be read, and `PNGError.fileDecodeFailed` when a new figure is not a PNG; a bad
    /// baseline file is a `changed` entry with a `note` instead.
    public static func run(outputDirectory: String, figures: [String], baselineDirectory: String,
                           tolerance: ImageTolerance, diffDirectory: String) throws -> ComparisonReport {
        let baselineRoot = trimmed(baselineDirectory)
        try requireFolder(baselineRoot)
        let output = trimmed(outputDirectory)
        let current = Set(figures.map(normalized))
        // A diff file never replaces or removes a new figure (a diff folder equal to the output
        // folder and figures named `x.png` and `x-diff.png`).
        let layout = Layout(output: output, diff: trimmed(diffDirectory),
                            figurePaths: Set(current.map { absolute(output + "/" + $0) }))
        let baseline = Set(try baselineFigures(in: baselineRoot, excluding: layout.diffFolderInOutput))
        let all = baseline.union(current).sorted()
        let entries = try concurrentMap(all) { figure -> ComparisonEntry in
            let entry: ComparisonEntry
            switch (current.contains(figure), baseline.contains(figure)) {
            case (true, true):
                entry = try compare(figure, baselineRoot: baselineRoot, layout: layout, tolerance: tolerance)
            case (true, false):
                entry = ComparisonEntry(figure: figure, status: .added)
            default:
                entry = ComparisonEntry(figure: figure, status: .removed)
            }
            let diffPath = layout.diffPath(for: figure)
            if entry.diffImage == nil && !layout.figurePaths.contains(absolute(diffPath)) { _ = unlink(diffPath) }
            return entry
        }
        return ComparisonReport(entries: entries)
    }

    /// `transform` applied to every element by up to `maxWorkers` threads (decoding, comparing
    /// and encoding are independent per figure; each worker holds up to four decoded images, so
    /// the count is capped), results in input order. When several throw, the error of the first
    /// such element is rethrown, so the outcome does not depend on scheduling.
    static func concurrentMap<T: Sendable, R: Sendable>(
        _ items: [T], maxWorkers: Int = 8, _ transform: @Sendable (T) throws -> R
    ) throws -> [R] {
        let workers = max(1, min(items.count, maxWorkers, ProcessInfo.processInfo.activeProcessorCount))
        let state = Locked((next: 0, results: [Result<R, any Error>?](repeating: nil, count: items.count)))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = state.withLock { s -> Int in defer { s.next += 1 }; return s.next }
                guard i < items.count else { return }
                let result = Result { try transform(items[i]) }
                state.withLock { $0.results[i] = result }
            }
        }
        return try state.withLock { $0.results }.map { try $0!.get() }
    }

    /// The entry of a figure present on both sides.
    static func compare(_ figure: String, baselineRoot: String, layout: Layout,
                        tolerance: ImageTolerance) throws -> ComparisonEntry {
        let currentPath = layout.output + "/" + figure, baselinePath = baselineRoot + "/" + figure
        let currentBytes = try readBytes(currentPath)
        let baselineBytes: [UInt8]
        do {
            baselineBytes = try readBytes(baselinePath)
        } catch {
            return ComparisonEntry(figure: figure, status: .changed, note: "baseline unreadable: \(error)")
        }
        if currentBytes == baselineBytes { return ComparisonEntry(figure: figure, status: .unchanged) }

        let current = try decode(currentBytes, path: currentPath)
        let baselineImage: Pixmap
        do {
            baselineImage = try decode(baselineBytes, path: baselinePath)
        } catch {
            return ComparisonEntry(figure: figure, status: .changed, note: "baseline unreadable: \(error)")
        }
        let comparison = ImageComparison(baseline: baselineImage, current: current, tolerance: tolerance)
        var entry = ComparisonEntry(
            figure: figure, status: comparison.isChanged ? .changed : .unchanged,
            differingPixels: comparison.differingPixels, maxChannelDifference: comparison.maxChannelDifference,
            changedBounds: comparison.changedBounds.map {
                ComparisonEntry.ChangedBounds(x: $0.x, y: $0.y, width: $0.width, height: $0.height)
            })
        guard comparison.isChanged else { return entry }
        let path = layout.diffPath(for: figure)
        guard !layout.figurePaths.contains(absolute(path)) else {
            entry.note = "no diff image: \(path) is one of the new figures"
            return entry
        }
        do {
            let diff = try ImageDiff.image(baseline: baselineImage, current: current, comparison: comparison)
            try createFolder(containing: path)
            try PNG.write(diff, to: path)
            entry.diffImage = layout.reference(to: path)
        } catch let error as PixmapError {
            entry.note = "no diff image: \(error)"
        }
        return entry
    }

    /// Where the output and diff folders are, and how diff files are named.
    struct Layout {
        var output: String
        var diff: String
        /// The new figures' absolute paths, which diff files must leave alone.
        var figurePaths: Set<String> = []

        /// The diff folder relative to the output folder, when it lies inside it.
        var diffFolderInOutput: String? { relative(diff, to: output) }

        /// `<diff>/<figure without .png>-diff.png`.
        func diffPath(for figure: String) -> String {
            let stem = figure.hasSuffix(".png") ? String(figure.dropLast(4)) : figure
            return diff + "/" + stem + "-diff.png"
        }

        /// `path` relative to the output folder, or as given when it lies outside.
        func reference(to path: String) -> String { relative(path, to: output) ?? path }
    }

    /// `path` relative to `folder` when it lies strictly inside it, comparing both as absolute,
    /// standardized paths (relative ones against the current folder; symlinks not resolved).
    static func relative(_ path: String, to folder: String) -> String? {
        let p = absolute(path), f = absolute(folder)
        let prefix = f == "/" ? "/" : f + "/"
        guard p.hasPrefix(prefix), p.count > prefix.count else { return nil }
        return String(p.dropFirst(prefix.count))
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Every PNG under `root` (relative paths), skipping hidden entries and `excluded`.
    static func baselineFigures(in root: String, excluding excluded: String?) throws -> [String] {
        var found: [String] = []
        let listed = DirectoryWalk.walk(root) { entry in
            if entry.name.hasPrefix(".") || entry.relative == excluded { return false }
            if entry.name.lowercased().hasSuffix(".png"), isRegularFile(root + "/" + entry.relative) { found.append(entry.relative) }
            return true
        }
        guard listed else { throw FileError(path: root, action: "read", step: "list the baseline folder", code: EACCES) }
        return found
    }

    /// Throws unless `path` is an existing folder.
    static func requireFolder(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw FileError(path: path, action: "read", step: "open the baseline folder", code: errno)
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw FileError(path: path, action: "read", step: "open the baseline folder", code: ENOTDIR)
        }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Creates the folder that will hold `path`, with its parents. Safe when several threads
    /// create the same folders at once: an existing folder is not an error.
    static func createFolder(containing path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        var prefix = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o777) == 0 || errno == EEXIST { continue }
            throw FileError(path: path, action: "write", step: "create the folder \(prefix)", code: errno)
        }
        guard isFolder(folder.isEmpty ? "/" : folder) else {
            throw FileError(path: path, action: "write", step: "create the folder \(folder)", code: ENOTDIR)
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Decodes PNG bytes, naming `path` in the error.
    static func decode(_ bytes: [UInt8], path: String) throws -> Pixmap {
        do {
            return try PNG.decode(bytes)
        } catch PNGError.decodeFailed(let message) {
            throw PNGError.fileDecodeFailed(path: path, message: message)
        }
    }

    /// The whole contents of the regular file at `path`.
    static func readBytes(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, action: "read", step: "open", code: errno) }
        defer { _ = close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError(path: path, action: "read", step: "stat", code: errno) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw FileError(path: path, action: "read", step: "open", code: EISDIR)
        }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var got = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while got < buffer.count {
                let n = read(fd, buffer.baseAddress! + got, buffer.count - got)
                if n > 0 { got += n } else if n == 0 { break } else if errno != EINTR {
                    throw FileError(path: path, action: "read", step: "read", code: errno)
                }
            }
        }
        if got < bytes.count { bytes.removeSubrange(got...) }
        return bytes
    }

    /// A folder path without trailing slashes ("" becomes ".").
    static func trimmed(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return p.isEmpty ? "." : String(p)
    }

    /// A figure path without a leading "./" or doubled slashes.
    static func normalized(_ figure: String) -> String {
        figure.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.joined(separator: "/")
    }
}
