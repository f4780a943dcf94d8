import FoundationEssentials
import PNG
import Table

/// Joins the output folders of a report's shards (`--shard 1/N` ... `N/N`) into one folder
/// whose `manifest.json`, `index.md` and `index.html` are byte for byte those of a single run.
///
/// Each shard's manifest carries the whole report's title, sections and figure count, so the
/// merge can check that the shards belong together, that none is missing or repeated, and that
/// every PNG it places has the size its manifest recorded (and, with `verify`, the SHA-256).
/// PNGs are hard-linked into the merged folder where the file system allows it (`ReportFileLink`),
/// so a merge costs metadata writes rather than a copy of every image.
public enum ReportMerge {
    /// Merges `shardDirectories` into `outputDirectory` (created if needed) and returns the manifest.
    ///
    /// - Parameter verify: also re-hash every PNG and compare it with its manifest's SHA-256
    ///   (reads every byte; without it, sizes are compared).
    /// - Parameter links: how `index.md` links to the figures.
    public static func run(shardDirectories: [String], outputDirectory: String, verify: Bool = false, links: ReportLinks = .relative) throws -> ReportManifest {
        guard !shardDirectories.isEmpty else { throw ReportMergeError("no shard folders given") }
        var manifests: [(folder: String, manifest: ReportManifest)] = []
        var timings = ReportTimings()
        for folder in shardDirectories {
            let path = folder + "/manifest.json"
            let data: Data
            switch FileBytes.readWhole(path) {
            case .success(let bytes): data = bytes
            case .failure(let failure):
                throw ReportMergeError("\(path): cannot read the file (\(failure.reason); is \(folder) a report shard's output folder?)")
            }
            manifests.append((folder, try ReportManifest.parse(bytes: Array(data), source: path)))
            if case .success(let t) = FileBytes.readWhole(folder + "/timings.json") {
                timings.milliseconds.merge(ReportTimings.parse(bytes: Array(t)).milliseconds) { a, _ in a }
            }
        }
        let first = manifests[0].manifest
        guard let count = first.shard?.count else {
            throw ReportMergeError("\(manifests[0].folder)/manifest.json: not a shard's manifest (it has no \"shard\")")
        }
        var seenShards: Set<Int> = []
        for (folder, m) in manifests {
            guard let shard = m.shard, shard.count == count else {
                throw ReportMergeError("\(folder)/manifest.json: expected a shard of \(count), found \(m.shard.map { "shard \($0.description)" } ?? "a whole report")")
            }
            guard m.title == first.title, m.sections == first.sections, m.figureCount == first.figureCount else {
                throw ReportMergeError("\(folder)/manifest.json: shard \(shard.description) is of another report (title, sections or figure count differ)")
            }
            guard seenShards.insert(shard.index).inserted else {
                throw ReportMergeError("\(folder)/manifest.json: shard \(shard.description) is given twice")
            }
        }
        let missing = (1...count).filter { !seenShards.contains($0) }
        guard missing.isEmpty else {
            throw ReportMergeError("missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))")
        }
        var figures: [(folder: String, figure: ReportManifest.Figure)] = manifests.flatMap { m in m.manifest.figures.map { (m.folder, $0) } }
        figures.sort { $0.figure.index < $1.figure.index }
        guard figures.map(\.figure.index) == Array(0..<first.figureCount) else {
            throw ReportMergeError("the shards hold \(figures.count) figures, the report has \(first.figureCount)")
        }

        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        for (folder, f) in figures {
            let target = outputDirectory + "/" + f.output
            guard f.error == nil, let hash = f.sha256 else {
                try? FileManager.default.removeItem(atPath: target)
                continue
            }
            let source = folder + "/" + f.output
            guard let size = ReportFileLink.size(of: source) else { throw ReportMergeError("\(source): cannot read the file") }
            if let expected = f.bytes, expected != size {
                throw ReportMergeError("\(source): \(size) bytes, its manifest records \(expected) (changed after the shard ran?)")
            }
            if verify {
                let data: Data
                switch FileBytes.readWhole(source) {
                case .success(let bytes): data = bytes
                case .failure(let failure): throw ReportMergeError("\(source): cannot read the file (\(failure.reason))")
                }
                guard SHA256.hex(Array(data)) == hash else {
                    throw ReportMergeError("\(source): its SHA-256 is not the one its manifest records (changed after the shard ran?)")
                }
            }
            _ = try ReportFileLink.place(source, at: target)
            for name in f.also {
                let from = folder + "/" + name
                guard ReportFileLink.size(of: from) != nil else { throw ReportMergeError("\(from): cannot read the file") }
                _ = try ReportFileLink.place(from, at: outputDirectory + "/" + name)
            }
        }
        let manifest = ReportManifest(title: first.title, sections: first.sections, figureCount: first.figureCount,
                                      shard: nil, figures: figures.map(\.figure))
        try ReportOutput.write(manifest: manifest, timings: timings, comparison: nil, links: links, to: outputDirectory)
        return manifest
    }
}

/// Shards that cannot be merged: missing, repeated, of different reports, or damaged.
public struct ReportMergeError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the folder or file.
    public var description: String

    init(_ description: String) { self.description = description }
}
