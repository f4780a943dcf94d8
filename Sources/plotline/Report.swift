#if canImport(Glibc)
import Glibc
#endif
import CommandSyntax
import FoundationEssentials
import PNG
import Report
import Service
import Platform

/// `plotline report`: many figures in one run, with a manifest and Markdown / HTML indexes.
enum Report {
    static let definition = CommandDefinition(
        name: "report",
        abstract: "Render a report: every figure of a report spec or a folder, with a manifest and indexes.",
        discussion: """
            SPEC_OR_DIR is a report spec (docs/report-spec.md: a title, sections, figures from \
            *.plot.json specs, data files with options, or inline figure specs) or a folder \
            (every *.plot.json and data file under it, one section per subfolder). OUTDIR gets \
            the PNGs, manifest.json (inputs and outputs with their SHA-256, errors), \
            timings.json (render times), index.md (a CI job summary) and a self-contained \
            index.html. For identical input every file but timings.json is byte-identical. \
            A figure that fails is listed at the top of the indexes; the others still render.

            Exit status: 0 all figures rendered (and match the baseline); 1 some figures \
            failed; 2 --compare found changed, added or removed figures; 64 bad usage or a bad \
            report spec (nothing rendered).

            Options of the default subcommand (plotline help report build): -o/--output DIR, \
            --shard K/N, --compare DIR, --tolerance CHANNEL[,PIXELS], --png fast|small, --quiet.

            Examples:
              plotline report report.json -o out/
              plotline report runs/ -o out/ --quiet
              plotline report report.json -o out/ --png small
              plotline report report.json -o out/ --shard 2/4
              plotline report merge out/ shard-1/ shard-2/ shard-3/ shard-4/
              plotline report report.json -o out/ --compare baseline/ --tolerance 2,10
              cat out/index.md >> "$GITHUB_STEP_SUMMARY"
            """,
        subcommands: [Build.definition, Merge.definition],
        defaultSubcommand: Build.definition.name)

    /// `--base-url` of `build` and `merge`.
    static let baseURL = OptionDefinition.value("base-url", valueName: "url", help: "The URL where the report folder is published (GitHub Pages, an artifact or object store): index.md links the figures there, so a CI job summary shows them; index.html keeps relative links.")

    /// `plotline report SPEC_OR_DIR -o OUTDIR`: the default subcommand.
    struct Build: Command {
        static let definition = CommandDefinition(
            name: "build",
            abstract: "Render a report (the default: `plotline report SPEC -o OUT` runs this).",
            positionals: [Options.input],
            groups: [OptionGroup([
                Options.output, Options.shard, Options.compare, Options.tolerance, Options.quiet, Options.fsync, Options.png,
                Report.baseURL, Options.allowRead,
            ])])

        /// The arguments and options of `report build`.
        enum Options {
            static let input = PositionalDefinition("spec-or-dir", .one, help: "A report spec (JSON) or a folder of *.plot.json and data files.")
            static let output = OptionDefinition.value("output", short: "o", valueName: "dir", help: "The output folder (created if needed).")
            static let shard = OptionDefinition.value("shard", valueName: "K/N", help: "Render only shard K of N (figures whose index i has i % N == K-1); join the shards with `plotline report merge`.")
            static let compare = OptionDefinition.value("compare", valueName: "dir", help: "Compare the new PNGs with a baseline report folder; diff images go to OUTDIR/diff.")
            static let tolerance = OptionDefinition.value("tolerance", valueName: "channel[,pixels]", help: "With --compare: the largest channel difference (0-255) that counts as equal, and optionally how many pixels may differ (default: 2,0).")
            static let quiet = OptionDefinition.flag("quiet", help: "No progress and no summary; failures are still printed.")
            static let fsync = OptionDefinition.flag("fsync", help: "fsync every figure, index and manifest before exiting, so a power loss right after cannot lose them (default: each file replaces the old one atomically, as render writes; 1,250 fsyncs of a CI shard wait for the disk).")
            static let png = OptionDefinition.value("png", valueName: "fast|small", help: "PNG compression: fast (the default, as render and watch) or small (about 20% smaller files for stored CI artifacts, about 5× the encode time; bench/README.md).")
            static let allowRead = OptionDefinition.repeated("allow-read", valueName: "path", help: "Let figures read data under PATH too (a file or folder; repeatable). Without it they read only inside the report's folder, after resolving links.")
        }

        let input: String
        let output: String
        let shard: String?
        let compare: String?
        let tolerance: String?
        let quiet: Bool
        let fsync: Bool
        let png: String
        let baseURL: String?
        let allowRead: [String]

        init(_ arguments: ParsedArguments) throws {
            input = arguments.positional(Options.input) ?? ""
            output = try arguments.required(Options.output)
            shard = arguments.value(Options.shard)
            compare = arguments.value(Options.compare)
            tolerance = arguments.value(Options.tolerance)
            quiet = arguments.isSet(Options.quiet)
            fsync = arguments.isSet(Options.fsync)
            png = arguments.value(Options.png) ?? "fast"
            baseURL = arguments.value(Report.baseURL)
            allowRead = arguments.values(Options.allowRead)
            try validate()
        }

        private func validate() throws {
            _ = try Report.links(baseURL)
            if let shard, ReportShard(shard) == nil { throw UsageError("--shard must be K/N with 1 ≤ K ≤ N, such as 2/4, not \(shard).") }
            if tolerance != nil && compare == nil { throw UsageError("--tolerance goes with --compare.") }
            if let tolerance, Build.parseTolerance(tolerance) == nil {
                throw UsageError("--tolerance must be CHANNEL or CHANNEL,PIXELS (0-255, ≥ 0), such as 2 or 2,10, not \(tolerance).")
            }
        }

        static func parseTolerance(_ text: String) -> ImageTolerance? {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let channel = Int(parts[0]), (0...255).contains(channel) else { return nil }
            let pixels = parts.count == 2 ? Int(parts[1]) : 0
            guard let pixels, pixels >= 0 else { return nil }
            return ImageTolerance(channel: channel, pixels: pixels)
        }

        func run() throws {
            guard let preset = PNG.Preset(rawValue: png) else {
                Report.printError("error: --png takes \(PNG.Preset.allCases.map(\.rawValue).joined(separator: " or ")), not \"\(png)\"")
                throw ExitStatus(ReportExitStatus.usage)
            }
            let spec: ReportSpec
            do { spec = try ReportSpec.load(path: input, excluding: output) } catch {
                Report.printError("error: \(error)")
                throw ExitStatus(ReportExitStatus.usage)
            }
            var options = ReportRunner.Options(outputDirectory: output)
            options.png = preset.options
            options.durable = fsync
            options.shard = shard.flatMap(ReportShard.init)
            options.baselineDirectory = compare
            options.links = try Report.links(baseURL)
            options.allowRead = allowRead
            options.tolerance = tolerance.flatMap(Build.parseTolerance) ?? ImageTolerance()
            let display = ReportProgressDisplay(quiet: quiet, terminal: isatty(2) != 0)
            options.progress = { display.show($0) }
            let clock = ContinuousClock(), start = clock.now
            let outcome: ReportRunner.Outcome
            do { outcome = try ReportRunner.run(spec, options: options) } catch {
                display.end()
                throw CLIError("\(error)")
            }
            display.end()
            let m = outcome.manifest
            if !quiet {
                let seconds = Double((clock.now - start).components.attoseconds) * 1e-18 + Double((clock.now - start).components.seconds)
                var line = "wrote \(output): \(m.figures.count) figure\(m.figures.count == 1 ? "" : "s"), \(m.failures.count) failed"
                if let c = outcome.comparison { line += ", \(c.entries.filter { $0.status != .unchanged }.count) differ from the baseline" }
                print(line + CFormat.string(" (%.2f s)", seconds))
            }
            let status = outcome.exitStatus
            if status != 0 { throw ExitStatus(status) }
        }
    }

    /// `plotline report merge OUT SHARD_DIR...`.
    struct Merge: Command {
        static let definition = CommandDefinition(
            name: "merge",
            abstract: "Join the output folders of a report's shards into one report folder.",
            discussion: """
                The merged manifest.json, index.md and index.html are byte-identical to those of \
                a single run without --shard. Every shard 1/N ... N/N must be given once.
                Exit status: 0 merged, all figures rendered; 1 some figures failed in a shard; \
                64 bad usage or shards that do not fit together.

                Example:
                  plotline report merge out/ shard-1/ shard-2/
                """,
            positionals: [Options.output, Options.shards],
            groups: [OptionGroup([Options.verify, Report.baseURL])])

        /// The arguments and options of `report merge`.
        enum Options {
            static let output = PositionalDefinition("out", .one, help: "The merged report's folder.")
            static let shards = PositionalDefinition("shard-dir", .many, help: "The shards' output folders.")
            static let verify = OptionDefinition.flag("verify", help: "Re-hash every PNG and compare it with its shard's manifest (reads every byte; by default sizes are compared and PNGs are hard-linked, not copied).")
        }

        let output: String
        let shards: [String]
        let verify: Bool
        let baseURL: String?

        init(_ arguments: ParsedArguments) throws {
            output = arguments.positional(Options.output) ?? ""
            shards = arguments.positionals(Options.shards)
            verify = arguments.isSet(Options.verify)
            baseURL = arguments.value(Report.baseURL)
            try validate()
        }

        private func validate() throws {
            if shards.isEmpty { throw UsageError("Give the shards' output folders after the output folder.") }
            _ = try Report.links(baseURL)
        }

        func run() throws {
            let manifest: ReportManifest
            do { manifest = try ReportMerge.run(shardDirectories: shards, outputDirectory: output, verify: verify, links: try Report.links(baseURL)) } catch let error as ReportMergeError {
                Report.printError("error: \(error)")
                throw ExitStatus(ReportExitStatus.usage)
            } catch let error as ReportSpecError {
                Report.printError("error: \(error)")
                throw ExitStatus(ReportExitStatus.usage)
            } catch {
                throw CLIError("\(error)")
            }
            for f in manifest.failures { Report.printError("failed: \(f.name): \(f.error ?? "")") }
            print("merged \(shards.count) shard\(shards.count == 1 ? "" : "s") into \(output): \(manifest.figures.count) figures, \(manifest.failures.count) failed")
            if !manifest.failures.isEmpty { throw ExitStatus(ReportExitStatus.figuresFailed) }
        }
    }

    /// The links `index.md` uses for `--base-url` (relative without it).
    static func links(_ baseURL: String?) throws -> ReportLinks {
        guard let baseURL else { return .relative }
        guard let links = ReportLinks(base: baseURL) else {
            throw UsageError("--base-url must be an http:// or https:// URL without a query or fragment, such as https://example.org/reports/42/, not \(baseURL).")
        }
        return links
    }

    static func printError(_ line: String) {
        StandardStream.error.write(line + "\n")
    }
}
