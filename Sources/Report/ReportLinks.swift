import FoundationEssentials
import Platform

/// How `index.md` links to a report's files: relative to the folder, or under a published base URL.
///
/// A CI job summary or a pull-request comment cannot resolve links relative to the job's
/// artifacts (and GitHub strips `data:` images there), so a report published somewhere
/// (GitHub Pages, an artifact or object store) can give its base URL and the Markdown links
/// become absolute. `index.html` travels with the files and keeps relative links. Paths are
/// percent-encoded either way, so a figure named with spaces or brackets stays one link.
public struct ReportLinks: Sendable, Equatable {
    /// The published folder's URL, ending in `/`; nil for links relative to the report's folder.
    public let base: String?

    /// Links relative to the report's folder.
    public static let relative = ReportLinks(checkedBase: nil)

    /// Links under `base` (an `http://` or `https://` URL); nil when it is not such a URL.
    public init?(base: String) {
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false, url.query == nil, url.fragment == nil else { return nil }
        self.init(checkedBase: base.hasSuffix("/") ? base : base + "/")
    }

    private init(checkedBase: String?) { self.base = checkedBase }

    /// The link to `relativePath` (a path inside the report's folder).
    public func link(_ relativePath: String) -> String {
        (base ?? "") + Self.encode(relativePath)
    }

    /// `relativePath` with every byte outside RFC 3986's unreserved set and `/` percent-encoded.
    static func encode(_ relativePath: String) -> String {
        var out = ""
        for byte in relativePath.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += CFormat.string("%%%02X", byte)
            }
        }
        return out
    }
}
