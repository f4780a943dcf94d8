#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a `FontLibrary` could not be created.
public enum FontLibraryError: Error, Equatable, CustomStringConvertible {
    /// No folder holding `DejaVuSans.ttf` was found; `searched` lists every place looked at, in order.
    case fontsNotFound(searched: [String])
    /// A FreeType call failed (`code` is FreeType's error code).
    case freeType(operation: String, code: Int32)

    public var description: String {
        switch self {
        case .fontsNotFound(let searched):
            let list = searched.map { "  - \($0)" }.joined(separator: "\n")
            return """
                no fonts folder with \(FontFace.sans.fileName) found; searched, in order:
                \(list)
                Pass FontLibrary(fontsDirectory:), set PLOTLINE_FONTS, or install the bundled Fonts \
                folder next to the executable.
                """
        case .freeType(let operation, let code):
            return "FreeType error \(code) in \(operation)"
        }
    }
}

/// Finds the folder of bundled fonts, in a fixed and documented order.
///
/// The order is: the folder passed by the caller; `Fonts` next to the executable and
/// `../share/plotline/Fonts` relative to it (an installed layout); the `PLOTLINE_FONTS`
/// environment variable; and last the package's own `Fonts` folder, found from this source
/// file's path, which is what tests and `swift run` use. A folder counts when it holds a
/// readable `DejaVuSans.ttf`.
enum FontLocator {
    /// The environment variable naming a fonts folder.
    static let environmentVariable = "PLOTLINE_FONTS"

    /// Every candidate folder, in search order, with explanations for the error message.
    static func candidates(explicit: String?) -> [(path: String, origin: String)] {
        var out: [(String, String)] = []
        if let explicit { out.append((explicit, "argument")) }
        if let exeDir = executableDirectory() {
            out.append((exeDir + "/Fonts", "next to the executable"))
            out.append((exeDir + "/../share/plotline/Fonts", "installed share folder"))
        }
        if let env = getenv(environmentVariable), let value = String(validatingCString: env), !value.isEmpty {
            out.append((value, "$\(environmentVariable)"))
        } else {
            out.append(("$\(environmentVariable)", "unset"))
        }
        out.append((sourceTreeFonts(), "package source tree"))
        return out
    }

    /// The first candidate folder that holds `DejaVuSans.ttf`, or the error listing them all.
    static func locate(explicit: String?) throws -> String {
        let all = candidates(explicit: explicit)
        for (path, origin) in all where origin != "unset" {
            if access(path + "/" + FontFace.sans.fileName, R_OK) == 0 { return path }
        }
        throw FontLibraryError.fontsNotFound(searched: all.map { "\($0.path) (\($0.origin))" })
    }

    /// The folder of the running executable, from `/proc/self/exe` (nil where unavailable).
    static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// `<repo>/Fonts`, three folders up from this file (`<repo>/Sources/Text/FontLocator.swift`).
    static func sourceTreeFonts(file: String = #filePath) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(min(3, parts.count))
        return parts.joined(separator: "/") + "/Fonts"
    }
}
