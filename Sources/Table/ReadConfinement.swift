#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials
import Platform

/// The folders a spec's data paths may lead to: its own folder (the watched root for `watch`,
/// the report's folder for `report`) and whatever the user opted into with `--allow-read`.
///
/// A path is checked after resolving every symbolic link in it (`realpath`), so neither `../`,
/// an absolute path, `~/` nor a link inside the folder that points out of it gets through. The
/// real path is then opened once relative to the root it lies in, every folder on the way and
/// the file with `O_NOFOLLOW` (`ConfinedOpen`), and read from that descriptor, so a link
/// swapped in after the check (for the file or any folder on the way) is refused too. A file
/// that does not exist yet is checked by its nearest existing folder.
public struct ReadConfinement: Sendable, Equatable {
    /// The real paths reads may lie under (the root first).
    public let roots: [String]

    /// How messages name the root (`the report's folder`; nil: its real path).
    public let rootName: String?

    /// Reads confined to `root` and to each of `allowed` (files or folders; relative ones
    /// against the current folder); messages call the root `rootName` when given.
    public init(root: String, allowed: [String] = [], rootName: String? = nil) {
        roots = ([root] + allowed).map(ReadConfinement.realPath)
        self.rootName = rootName
    }

    /// No confinement: every path is allowed (library callers that read their own specs).
    public static let unconfined = ReadConfinement(roots: ["/"])

    private init(roots: [String]) {
        self.roots = roots
        rootName = nil
    }

    /// The real path of `path` when it lies under one of the roots; otherwise an error that
    /// names the path as the spec wrote it (`shownAs`) and the way to allow it.
    public func check(_ path: String, shownAs: String, source: String) throws(DataError) -> String {
        let real = ReadConfinement.realPath(path)
        if roots.contains(where: { ReadConfinement.isInside(real, $0) }) { return real }
        throw DataError(
            .outsideRoot("\"\(shownAs)\" is outside \(rootName ?? roots[0]) (after resolving links); pass --allow-read PATH to read it"),
            at: DataLocation(source: source))
    }

    /// The bytes of the file at `path`, checked (`check`) and then read through a descriptor
    /// opened without following links (`bytes(ofChecked:)`). Errors name the spec (`source`)
    /// for a path outside the roots, the data file (`path`) when it cannot be read.
    public func read(_ path: String, shownAs: String, source: String) throws(DataError) -> Data {
        let real = try check(path, shownAs: shownAs, source: source)
        switch bytes(ofChecked: real) {
        case .success(let data): return data
        case .failure(let failure): throw DataError(.unreadable(failure.reason), at: DataLocation(source: path))
        }
    }

    /// The bytes of `real`, a path `check` returned, opened relative to the root it lies in
    /// without following any link below that root (`ConfinedOpen`): a folder or the file
    /// swapped for a link since the check is refused, not followed.
    public func bytes(ofChecked real: String) -> Result<Data, ConfinedOpen.Failure> {
        // The deepest root holding it; a root that is the file itself (`--allow-read FILE`) is
        // opened from its folder, which `realpath` resolved.
        guard let root = roots.filter({ ReadConfinement.isInside(real, $0) }).max(by: { $0.count < $1.count }) else {
            return .failure(.outside)
        }
        return ConfinedOpen.read(real, under: root == real ? PathName.deletingLastComponent(real) : root)
    }

    /// Whether `path` is `folder` or lies below it (both real, absolute paths).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        if folder == "/" { return true }
        return path == folder || path.hasPrefix(folder + "/")
    }

    /// `path` made absolute with every link resolved, as the kernel would (a `..` after a link
    /// leaves the link's target). A missing tail is appended to the real path of its nearest
    /// existing ancestor; a missing tail with `..` in it resolves to an impossible path.
    static func realPath(_ path: String) -> String {
        var absolute = path
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { absolute = home + path.dropFirst() }
        if !absolute.hasPrefix("/") { absolute = FileManager.default.currentDirectoryPath + "/" + absolute }
        var head = absolute, tail: [String] = []
        while true {
            if let resolved = realpath(head, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                if tail.contains("..") { return "/\u{0}unresolvable" }
                return tail.isEmpty ? base : (base == "/" ? "" : base) + "/" + tail.reversed().joined(separator: "/")
            }
            guard head != "/", !head.isEmpty else { return absolute }
            tail.append(PathName.lastComponent(head))
            head = PathName.deletingLastComponent(head)
        }
    }
}
