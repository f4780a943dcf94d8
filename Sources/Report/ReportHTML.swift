/// `index.html`: a self-contained page of a report (inline CSS, no scripts, no external assets;
/// only the report's own PNGs, by relative link), with failures and baseline differences on
/// top and each section's figures in a responsive grid.
///
/// The grid is CSS `grid-template-columns: repeat(auto-fill, minmax(420px, 1fr))`: as many
/// columns as fit, one on a phone. Colours follow the viewer's light or dark preference.
public enum ReportHTML {
    /// The page (UTF-8, ending in a newline).
    public static func page(_ manifest: ReportManifest, comparison: ComparisonReport?) -> String {
        var h: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(manifest.title))</title>",
            "<style>",
            css,
            "</style>",
            "</head>",
            "<body>",
            "<h1>\(escape(manifest.title))</h1>",
            "<p class=\"summary\">\(escape(ReportIndex.summary(manifest)))</p>",
        ]
        let failures = manifest.failures
        if !failures.isEmpty {
            h.append("<section class=\"alert\"><h2>Failed figures</h2><ul>")
            for f in failures {
                h.append("<li><a href=\"#\(anchor(f))\"><b>\(escape(f.name))</b></a> (\(escape(f.section))): <code>\(escape(f.error ?? ""))</code></li>")
            }
            h.append("</ul></section>")
        }
        if let comparison {
            let differing = comparison.entries.filter { $0.status != .unchanged }
            h.append("<section class=\"\(differing.isEmpty ? "same" : "alert")\"><h2>Changes against the baseline</h2>")
            if differing.isEmpty {
                h.append("<p>All \(comparison.entries.count) figures match the baseline.</p>")
            } else {
                h.append("<p>\(differing.count) of \(comparison.entries.count) figures differ from the baseline.</p>")
                h.append("<table><thead><tr><th>figure</th><th>status</th><th>differing pixels</th><th>max channel difference</th><th>diff</th></tr></thead><tbody>")
                for e in differing {
                    let figure = e.status == .removed ? escape(e.figure) : "<a href=\"\(escape(e.figure))\">\(escape(e.figure))</a>"
                    let diff = e.diffImage.map { "<a href=\"\(escape($0))\"><img class=\"thumb\" src=\"\(escape($0))\" alt=\"diff of \(escape(e.figure))\"></a>" } ?? ""
                    h.append("<tr><td>\(figure)</td><td class=\"\(e.status.rawValue)\">\(e.status.rawValue)</td><td>\(e.differingPixels)</td><td>\(e.maxChannelDifference)</td><td>\(diff)</td></tr>")
                }
                h.append("</tbody></table>")
            }
            h.append("</section>")
        }
        let bySection = Dictionary(grouping: manifest.figures, by: \.section)
        let sections = manifest.sections.enumerated().filter { bySection[$0.element] != nil }
        h.append("<nav><h2>Contents</h2><ol>")
        for (i, section) in sections {
            let n = bySection[section]!.count
            h.append("<li><a href=\"#section-\(i + 1)\">\(escape(section))</a> <span class=\"count\">(\(n) figure\(n == 1 ? "" : "s"))</span></li>")
        }
        h.append("</ol></nav>")
        for (i, section) in sections {
            h.append("<section id=\"section-\(i + 1)\"><h2>\(escape(section))</h2><div class=\"grid\">")
            for f in bySection[section]! {
                h.append("<figure id=\"\(anchor(f))\">")
                if let error = f.error {
                    h.append("<div class=\"failed\"><b>Failed</b><code>\(escape(error))</code></div>")
                } else {
                    let size = f.width.flatMap { w in f.height.map { " width=\"\(w)\" height=\"\($0)\"" } } ?? ""
                    h.append("<a href=\"\(escape(f.output))\"><img src=\"\(escape(f.output))\" alt=\"\(escape(f.name))\"\(size) loading=\"lazy\"></a>")
                }
                let links = f.also.map { " <a href=\"\(escape($0))\">\(escape(String($0.split(separator: ".").last ?? "").uppercased()))</a>" }.joined()
                h.append("<figcaption>\(escape(f.name))\(links)</figcaption></figure>")
            }
            h.append("</div></section>")
        }
        h.append("</body>")
        h.append("</html>")
        return h.joined(separator: "\n") + "\n"
    }

    /// The figure's element id: `fig-` and its report index (stable, unique, always valid).
    static func anchor(_ f: ReportManifest.Figure) -> String { "fig-\(f.index)" }

    /// Text safe in HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static let css = """
        :root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0;
          --card: #f6f8fa; --bad: #cf222e; --bad-bg: #ffebe9; --ok: #1a7f37; --ok-bg: #dafbe1; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1;
          --line: #3d444d; --card: #151b23; --bad: #ff7b72; --bad-bg: #3c1618; --ok: #3fb950; --ok-bg: #12261e; } }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1800px; padding: 24px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
          color: var(--fg); background: var(--bg); }
        h1 { margin: 0 0 4px; font-size: 28px; }
        h2 { font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .summary, .count { color: var(--muted); }
        .alert { border: 1px solid var(--bad); background: var(--bad-bg); border-radius: 6px; padding: 0 16px 8px; margin: 16px 0; }
        .same { border: 1px solid var(--ok); background: var(--ok-bg); border-radius: 6px; padding: 0 16px 8px; margin: 16px 0; }
        .alert h2, .same h2 { border: 0; }
        code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: middle; }
        td.changed, td.removed { color: var(--bad); font-weight: 600; }
        img.thumb { width: 240px; height: auto; display: block; }
        a { color: inherit; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 16px; }
        @media (max-width: 480px) { .grid { grid-template-columns: 1fr; } body { padding: 12px; } }
        figure { margin: 0; padding: 8px; background: var(--card); border: 1px solid var(--line); border-radius: 6px; }
        figure img { width: 100%; height: auto; display: block; background: #fff; }
        figcaption { margin-top: 6px; font-weight: 600; overflow-wrap: anywhere; }
        .failed { border: 1px solid var(--bad); background: var(--bad-bg); border-radius: 4px; padding: 12px; min-height: 120px; }
        .failed b { display: block; color: var(--bad); margin-bottom: 6px; }
        """
}
