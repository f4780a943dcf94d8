// Report: `plotline report` — a report spec (a JSON file, docs/report-spec.md, or a folder) names
// figures (figure specs, data files, run-log folders) and sections; the runner renders them all
// into PNGs, an HTML and a Markdown index and a manifest, and can compare the images against a
// baseline report (`--baseline`) with a per-pixel tolerance and diff images.
//
// Design. The report is a client of the lower modules, never a part of them: it reads tables
// through Table, figure specs through FigureSpec, renders on Service's `RenderQueue` (one render
// thread, as `watch` and `render` use) and learns what a folder holds through Service's public
// `FolderInputs`, not the watcher's internals. `ReportRunner` says how the work is spread over
// the two cores (one drawer, two background writers); `ReportSpec` and `ReportSpecNode` how a spec
// is read with located errors; `ImageComparison` and `BaselineComparison` how images are
// compared. Nothing else in Plotline imports Report except the command-line tool.
