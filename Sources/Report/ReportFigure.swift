import FigureSpec
import Vector

/// One figure of a report: its name, section, output file and where its figure comes from.
public struct ReportFigure: Sendable, Equatable {
    /// Where a figure comes from.
    public enum Source: Sendable, Equatable {
        /// A figure spec file (`*.plot.json`), relative to the report's folder.
        case spec(String)
        /// Data files (relative to the report's folder; several are runs, overlaid) drawn as
        /// `plotline render` draws them, with these options.
        case data([String], RenderOptions)
        /// A figure spec written inside the report spec: its exact JSON bytes and key path.
        case inline(bytes: [UInt8], keyPath: String)
    }

    /// The position in the whole report (all sections, spec order), from 0; shards select by it.
    public var index: Int
    /// The name shown in the index.
    public var name: String
    /// The section's title.
    public var section: String
    /// The PNG's file name in the output folder: derived from the name, unique in the report.
    public var output: String
    /// What to draw.
    public var source: Source
    /// The levels of the format rule known from the report spec: the figure entry's
    /// `"formats"` and the report-wide list. The figure spec's own `"formats"` sit between them
    /// and are read when the figure renders; `OutputFormats` decides, and the PNG is always written.
    public var formats: OutputFormats

    /// Creates a figure entry.
    public init(index: Int, name: String, section: String, output: String, source: Source, formats: OutputFormats = OutputFormats()) {
        self.index = index; self.name = name; self.section = section; self.output = output; self.source = source
        self.formats = formats
    }

    /// A file name stem from a figure name: letters, digits, `.`, `_` and `-` kept, every other
    /// run of characters one `-`; never empty, never hidden.
    public static func slug(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            if keep { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasPrefix("-") || out.hasPrefix(".") { out.removeFirst() }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return out.isEmpty ? "figure" : String(out.prefix(100))
    }

    /// Unique `.png` names for figure names, in order: a repeated slug (compared without case,
    /// for case-insensitive file systems) gets `-2`, `-3`, ...
    public static func outputNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            let stem = slug(name)
            var candidate = stem, n = 1
            while used.contains(candidate.lowercased()) { n += 1; candidate = "\(stem)-\(n)" }
            used.insert(candidate.lowercased())
            return candidate + ".png"
        }
    }
}
