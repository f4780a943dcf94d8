// Platform: the operating system's edges that Plotline once took from Foundation proper
// (swift-corelibs-foundation), written over the standard library and POSIX.
//
// Design: every other module imports `FoundationEssentials` (Data, URL, FileManager, JSON
// coders, Date) and never `Foundation`, so the static binary links no corelibs Foundation, no
// FoundationInternationalization and no ICU data: 6,607 → 4,811 protocol conformance records for
// the Swift runtime to scan on each first type check (swift-argument-parser makes many at start-
// up), 90,768 → 54,216 relocations for the loader, 104 → 55 MB of binary, 1.5 ms less start-up
// (bench/README.md, "Without Foundation proper"). What Plotline used of Foundation proper is
// here, each piece as small as its callers need: path names by NSString's rules (`PathName`,
// following swift-corelibs-foundation's NSPathUtilities, but without its bugs and following
// every symbolic link), the standard streams (`StandardStream`), printf-style number text
// (`CFormat`, C's own `vsnprintf`, as `String(format:)` used underneath), whitespace trimming, a
// backwards search, a file read by descriptor (`FileReader`) and a sorted directory walk
// (`DirectoryWalk`). `.ci/check-imports` refuses `import Foundation` in Sources so it stays so.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Path names as text, by NSString's rules: `/` separates, repeated slashes count as one, a
/// trailing slash is ignored, and an extension is what follows the last dot of the last component
/// (never a leading dot).
public enum PathName {
    /// The last component: `"a/b.csv"` → `"b.csv"`, `"/"` → `"/"`, `""` → `""`.
    public static func lastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        guard fixed.utf8.count > 1 else { return fixed }
        return String(fixed[startOfLastComponent(fixed)...])
    }

    /// The path without its last component: `"a/b"` → `"a"`, `"b"` → `""`, `"/b"` → `"/"`.
    public static func deletingLastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed == "/" || fixed.isEmpty { return fixed }
        let start = startOfLastComponent(fixed)
        if start == fixed.startIndex { return "" }
        if start == fixed.index(after: fixed.startIndex) { return "/" }
        return String(fixed[..<fixed.index(before: start)])
    }

    /// The extension of the last component without its dot (`""` when there is none).
    public static func pathExtension(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        guard fixed.utf8.count > 1, let start = startOfExtension(fixed) else { return "" }
        return String(fixed[start...])
    }

    /// The path without the extension of its last component: `"a/b.csv"` → `"a/b"`.
    public static func deletingExtension(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        guard fixed.utf8.count > 1, let start = startOfExtension(fixed) else { return fixed }
        return String(fixed[..<fixed.index(before: start)])
    }

    /// `component` appended with one slash between: `"a"` + `"b"` → `"a/b"`, `""` + `"b"` → `"b"`.
    public static func appending(_ path: String, _ component: String) -> String {
        if component.isEmpty { return path }
        if path.isEmpty { return component }
        return path.hasSuffix("/") ? path + component : path + "/" + component
    }

    /// The path with `~` expanded, `.` and empty components dropped, `..` taken back in an
    /// absolute path, and each symbolic link met on the way replaced by its destination, itself
    /// standardized (as realpath(3) does for the parts that exist). NSString's
    /// `standardizingPath`, which this replaces, followed only links with an absolute destination.
    public static func standardized(_ path: String) -> String {
        standardized(path, links: 0)
    }

    /// `standardized` with `links` symbolic links already followed (at most 32, as the kernel's
    /// own limit of 40 nested links; a longer chain stays where it is).
    static func standardized(_ path: String, links: Int) -> String {
        let expanded = expandingTilde(path)
        var components = pathComponents(expanded)
        guard !components.isEmpty else { return expanded }
        if components.count > 1, components.last == "/" { components.removeLast() }
        let absolute = expanded.hasPrefix("/")
        var resolved = components.removeFirst()
        for component in components {
            switch component {
            case "", ".": continue
            case ".." where absolute: resolved = deletingLastComponent(resolved)
            default:
                resolved = appending(resolved, component)
                if links < 32, let target = readLink(resolved) {
                    let joined = target.hasPrefix("/") ? target : appending(deletingLastComponent(resolved), target)
                    resolved = standardized(joined, links: links + 1)
                }
            }
        }
        return resolved
    }

    /// An absolute, standardized path: relative paths are taken from the working directory.
    public static func absoluteStandardized(_ path: String) -> String {
        standardized(path.hasPrefix("/") ? path : currentDirectory() + "/" + path)
    }

    /// The process's working directory (`"/"` when it cannot be read).
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return CFormat.text(buffer)
    }

    // MARK: - NSPathUtilities' helpers

    /// Repeated slashes compressed to one and a trailing slash dropped (`"/"` stays).
    static func fixingSlashes(_ path: String) -> String {
        if path == "/" { return path }
        var out = ""
        out.reserveCapacity(path.utf8.count)
        var previousSlash = false
        for c in path {
            if c == "/" {
                if previousSlash { continue }
                previousSlash = true
            } else {
                previousSlash = false
            }
            out.append(c)
        }
        if out.hasSuffix("/") { out.removeLast() }
        return out
    }

    /// Where the last component of a slash-fixed path starts.
    static func startOfLastComponent(_ fixed: String) -> String.Index {
        var i = fixed.endIndex
        while i > fixed.startIndex {
            let previous = fixed.index(before: i)
            if fixed[previous] == "/" { break }
            i = previous
        }
        return i
    }

    /// Where the extension of a slash-fixed path starts (after its dot), nil for none.
    static func startOfExtension(_ fixed: String) -> String.Index? {
        let componentStart = startOfLastComponent(fixed)
        var i = fixed.endIndex
        while i > componentStart {
            let previous = fixed.index(before: i)
            if fixed[previous] == "." {
                if previous == componentStart { return nil }
                // ".." as the whole component has no extension.
                let beforeDot = fixed.index(before: previous)
                if previous == fixed.index(before: fixed.endIndex), beforeDot == componentStart, fixed[beforeDot] == "." {
                    return nil
                }
                return i
            }
            i = previous
        }
        return nil
    }

    /// NSString's `pathComponents`: a leading `/` is a component, then the names between slashes,
    /// and a trailing `/` when the path ends with one.
    static func pathComponents(_ path: String) -> [String] {
        guard !path.isEmpty else { return [] }
        var result: [String] = []
        if path.hasPrefix("/") { result.append("/") }
        result += path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if path.count > 1, path.hasSuffix("/") { result.append("/") }
        return result
    }

    /// `~` and `~user` at the start replaced by the home folder (unchanged when there is none).
    static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let end = path.firstIndex(of: "/") ?? path.endIndex
        let user = String(path[path.index(after: path.startIndex)..<end])
        let home: String?
        if user.isEmpty, let env = getenv("HOME") {
            home = String(cString: env)
        } else if let entry = user.isEmpty ? getpwuid(getuid()) : getpwnam(user), let dir = entry.pointee.pw_dir {
            home = String(cString: dir)
        } else {
            home = nil
        }
        guard let home else { return path }
        var result = home + path[end...]
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// `readlink(2)` of `path`, nil when it is not a symbolic link.
    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
