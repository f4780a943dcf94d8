import FoundationEssentials

/// `index.md`: a report as Markdown that reads well as a CI job summary (GitHub's
/// `$GITHUB_STEP_SUMMARY`, a GitLab or Gitea artifact page): title, failures and baseline
/// differences first, a table of contents, then each section's figures as image links, relative
/// to the report's folder or under its published base URL (`ReportLinks`).
///
/// Only CommonMark plus pipe tables, which GitHub, GitLab and Gitea all render; anchors follow
/// GitHub's heading ids (lowercased, punctuation dropped, spaces to `-`, repeats numbered),
/// which GitLab generates the same way for these plain headings.
public enum ReportIndex {
    /// The Markdown text of a report (ending in a newline).
    public static func markdown(_ manifest: ReportManifest, comparison: ComparisonReport?, links: ReportLinks = .relative) -> String {
        var anchors = HeadingAnchors()
        var lines: [String] = ["# " + escape(manifest.title), ""]
        _ = anchors.id(for: manifest.title)
        lines.append(summary(manifest))
        lines.append("")

        let failures = manifest.failures
        if !failures.isEmpty {
            lines.append("## Failed figures")
            _ = anchors.id(for: "Failed figures")
            lines.append("")
            for f in failures {
                lines.append("- **\(escape(f.name))** (\(escape(f.section))): `\(code(f.error ?? ""))`")
            }
            lines.append("")
        }
        if let comparison {
            lines.append("## Changes against the baseline")
            _ = anchors.id(for: "Changes against the baseline")
            lines.append("")
            let differing = comparison.entries.filter { $0.status != .unchanged }
            if differing.isEmpty {
                lines.append("All \(comparison.entries.count) figures match the baseline.")
            } else {
                lines.append("\(differing.count) of \(comparison.entries.count) figures differ from the baseline:")
                lines.append("")
                lines.append("| figure | status | differing pixels | max channel difference | diff |")
                lines.append("| --- | --- | ---: | ---: | --- |")
                for e in differing {
                    let figure = e.status == .removed ? escape(e.figure) : "[\(escape(e.figure))](\(links.link(e.figure)))"
                    let diff = e.diffImage.map { "[diff](\(links.link($0)))" } ?? ""
                    lines.append("| \(figure) | \(e.status.rawValue) | \(e.differingPixels) | \(e.maxChannelDifference) | \(diff) |")
                }
            }
            lines.append("")
        }

        let bySection = Dictionary(grouping: manifest.figures, by: \.section)
        let sections = manifest.sections.filter { bySection[$0] != nil }
        lines.append("## Contents")
        _ = anchors.id(for: "Contents")
        lines.append("")
        // Ids are assigned in heading order, so work them out before listing them.
        var ids: [String: String] = [:]
        var figureIDs: [Int: String] = [:]
        for section in sections {
            ids[section] = anchors.id(for: section)
            for f in bySection[section] ?? [] { figureIDs[f.index] = anchors.id(for: f.name) }
        }
        for section in sections {
            let figures = bySection[section] ?? []
            lines.append("- [\(escape(section))](#\(ids[section]!)) (\(figures.count) figure\(figures.count == 1 ? "" : "s"))")
            for f in figures {
                lines.append("  - [\(escape(f.name))](#\(figureIDs[f.index]!))" + (f.error == nil ? "" : " (failed)"))
            }
        }
        for section in sections {
            lines.append("")
            lines.append("## " + escape(section))
            for f in bySection[section] ?? [] {
                lines.append("")
                lines.append("### " + escape(f.name))
                lines.append("")
                if let error = f.error {
                    lines.append("> **Failed:** `\(code(error))`")
                } else {
                    let url = links.link(f.output)
                    lines.append("[![\(escape(f.name))](\(url))](\(url))")
                    if !f.also.isEmpty {
                        lines.append("")
                        lines.append("Also as " + f.also.map { "[\(String($0.split(separator: ".").last ?? "").uppercased())](\(links.link($0)))" }.joined(separator: " · "))
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `20 figures: 18 rendered, 2 failed.` (with the shard, when there is one).
    static func summary(_ manifest: ReportManifest) -> String {
        let n = manifest.figures.count, failed = manifest.failures.count
        var text = "\(n) figure\(n == 1 ? "" : "s"): \(n - failed) rendered, \(failed) failed."
        if let shard = manifest.shard { text += " Shard \(shard.description) of a report of \(manifest.figureCount) figures." }
        return text
    }

    /// Text with Markdown's special characters escaped, and no line breaks.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|!~".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }

    /// Text for a code span: backticks and pipes (tables) cannot appear raw, line breaks neither.
    static func code(_ text: String) -> String {
        text.replacing("`", with: "'").replacing("|", with: "/")
            .replacing("\n", with: " ")
    }
}

/// GitHub's heading ids: lowercase, letters, digits, `-` and `_` kept, spaces to `-`,
/// everything else dropped; a repeated id gets `-1`, `-2`, ...
struct HeadingAnchors {
    private var used: [String: Int] = [:]

    mutating func id(for heading: String) -> String {
        var base = ""
        for c in heading.lowercased() {
            if c == " " { base.append("-") } else if c.isLetter || c.isNumber || c == "-" || c == "_" { base.append(c) }
        }
        if let n = used[base] {
            used[base] = n + 1
            var candidate = "\(base)-\(n + 1)"
            while used[candidate] != nil { used[base]! += 1; candidate = "\(base)-\(used[base]!)" }
            used[candidate] = 0
            return candidate
        }
        used[base] = 0
        return base
    }
}
