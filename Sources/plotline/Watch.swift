#if canImport(Glibc)
import Glibc
#endif
import CommandSyntax
import Dispatch
import FoundationEssentials
import Serve
import Service
import Table
import Vector
import Platform

/// `plotline watch`: keeps a PNG figure up to date for every table and spec in a folder tree.
struct Watch: Command {
    static let definition = CommandDefinition(
        name: "watch",
        abstract: "Watch a folder and keep a PNG figure up to date for every table and spec in it.",
        discussion: """
            Every CSV, TSV, JSON Lines or JSON file gets a default figure, the figure plotline render \
            draws with the same figure flags (--x, --y, --kind, --logy, --size, --aggregate, ...: \
            the spec render --print-spec writes beside the file), and every *.plot.json spec draws its figure, re-rendered when the spec or \
            its data change. Each <name>.png gets a sidecar <name>.png.json: {"version", "hash", \
            "ok", "error", "rows", "ms", "warnings", "warningCount", "notes", "also"}. A bad input keeps the last good PNG \
            and records the error. A figure renders as soon as its input changes; changes that \
            arrive during its render go into one more render, started as soon as that one ends \
            (so under a steady stream of appends it is never more than one render behind). \
            A spec named like a data file (metrics.plot.json beside metrics.csv) replaces that \
            file's default figure; data files sharing a name (metrics.csv, metrics.jsonl) draw \
            metrics.csv.png and metrics.jsonl.png. A TensorBoard run folder (events.out.tfevents.*) \
            draws <run>.png beside it and an MLflow experiment (mlruns/<id>) draws <id>.png, its \
            runs overlaid; both are followed record by record. An input with nothing to draw yet \
            (a header without rows, no scalar yet) records "waiting" in the sidecar, not an error. \
            A data file is followed up to 512 MiB (see "Limits" in docs/figure-spec.md); past \
            that its sidecar records the error and the watcher lets go of its rows.

            On SIGTERM or SIGINT the render in progress finishes and queued figures are dropped \
            (--drain draws them first); a second signal exits at once. Temporary files that a \
            killed plotline left (.NAME.PID.RAND.tmp) are removed at start.

            Examples:
              plotline watch runs/
              plotline watch runs/ -o figures/ --quiet
              plotline watch runs/ --once
              plotline watch logs/                         (TensorBoard: logs/<run>.png per run)
              plotline watch mlruns/                       (MLflow: mlruns/<experiment>.png)
              plotline watch mlruns/ --aggregate mean      (each experiment: mean of its runs ± std)
              plotline watch runs/ --y loss --logy --kind step   (each file as render draws it)
              plotline watch runs/ --max-rate 10           (10 renders a second at most)
              plotline watch runs/ --serve                 (page at http://127.0.0.1:8765/)
              plotline watch runs/ --serve 127.0.0.1:0     (a free port; the URL is printed)
            """,
        positionals: [Options.directory, Options.address],
        groups: [
            OptionGroup([Options.output, Options.format, Options.once, Options.poll, Options.quiet, Options.drain]),
            OptionGroup("Default figures of data files and log folders (as plotline render draws them; a *.plot.json spec draws itself)", FigureFlags.Options.all),
            OptionGroup([Options.debounce, Options.maxRate, Options.interval, Options.allowRead]),
            OptionGroup("Reading data files (as plotline render; a spec's data sources bring their own)", CSVReadFlags.options),
            OptionGroup([Options.serve, Options.token]),
        ])

    /// The arguments and options of `watch` alone (the figure and read flags are shared with `render`).
    enum Options {
        static let directory = PositionalDefinition("dir", .one, help: "The folder to watch (with its subfolders).")
        static let output = OptionDefinition.value("output", short: "o", valueName: "dir", help: "The folder for the PNGs (default: beside each input).")
        static let format = OptionDefinition.value("format", valueName: "list", help: "Formats to write, comma-separated: png, svg, pdf (default: png). The PNG is always written (the status sidecar and --serve follow it); svg and pdf go beside it with the same name. A spec's own \"formats\" replace this list for its figure; when a figure's formats shrink (its spec edited or deleted), the files of the dropped formats that watch wrote (listed in the sidecar's \"also\") are removed.")
        static let once = OptionDefinition.flag("once", help: "Render everything once and exit (status 1 when a figure failed).")
        static let poll = OptionDefinition.flag("poll", help: "Poll for changes instead of using inotify.")
        static let quiet = OptionDefinition.flag("quiet", help: "Print errors only, not one line per render.")
        static let drain = OptionDefinition.flag("drain", help: "On SIGTERM or SIGINT, draw the figures already queued before stopping (default: finish the render in progress, drop the rest).")
        static let debounce = OptionDefinition.value("debounce", valueName: "ms", help: "Merge a burst of changes that reaches an idle figure for this long, in milliseconds (default: 0, the first change renders at once). Changes during a render always go into the next render, which starts when it ends.")
        static let maxRate = OptionDefinition.value("max-rate", valueName: "n", help: "At most this many renders per second of each figure (default: as fast as it renders).")
        static let interval = OptionDefinition.value("interval", valueName: "ms", help: "Polling interval in milliseconds (default: 250).")
        static let allowRead = OptionDefinition.repeated("allow-read", valueName: "path", help: "Let specs read data under PATH too (a file or folder; repeatable). Without it a spec reads only inside the watched folder, after resolving links.")
        static let serve = OptionDefinition.flag("serve", help: "Serve a live page of the figures in the browser (the output folder; loopback only unless an address says otherwise).")
        // An optional value after --serve would take the folder for an address, so the address
        // is a second positional that only --serve accepts.
        static let address = PositionalDefinition("address", .optional, help: "With --serve: HOST:PORT to listen on (default 127.0.0.1:8765; port 0 picks a free one).")
        static let token = OptionDefinition.value("token", valueName: "token", help: "With --serve: the token every request must carry (default: a random one on a non-loopback address, none on loopback).")
    }

    let directory: String
    let output: String?
    let format: String
    let once: Bool
    let poll: Bool
    let quiet: Bool
    let drain: Bool
    let figure: FigureFlags
    let debounce: Int
    let maxRate: Double?
    let interval: Int
    let allowRead: [String]
    let read: CSVReadFlags
    let serve: Bool
    let address: String?
    let token: String?

    init(_ arguments: ParsedArguments) throws {
        directory = arguments.positional(Options.directory) ?? ""
        output = arguments.value(Options.output)
        format = arguments.value(Options.format) ?? "png"
        once = arguments.isSet(Options.once)
        poll = arguments.isSet(Options.poll)
        quiet = arguments.isSet(Options.quiet)
        drain = arguments.isSet(Options.drain)
        figure = try FigureFlags(arguments)
        debounce = try arguments.int(Options.debounce) ?? 0
        maxRate = try arguments.double(Options.maxRate)
        interval = try arguments.int(Options.interval) ?? 250
        allowRead = arguments.values(Options.allowRead)
        read = try CSVReadFlags(arguments)
        serve = arguments.isSet(Options.serve)
        address = arguments.positional(Options.address)
        token = arguments.value(Options.token)
        try validate()
    }

    private func validate() throws {
        var isFolder: Bool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder else {
            throw UsageError("\(directory) is not a folder.")
        }
        if !(0...10_000).contains(debounce) { throw UsageError("--debounce must be 0...10000 ms.") }
        if let maxRate, !(maxRate >= 0.01 && maxRate <= 1_000) { throw UsageError("--max-rate must be 0.01...1000 renders per second.") }
        _ = try Watch.formats(format)
        if !(10...60_000).contains(interval) { throw UsageError("--interval must be 10...60000 ms.") }
        if let address {
            guard serve else { throw UsageError("Unexpected argument '\(address)' (an address needs --serve: plotline watch DIR --serve \(address)).") }
            do { _ = try ServeAddress(parsing: address) } catch { throw UsageError("--serve: \(error)") }
        }
        if let token {
            guard serve else { throw UsageError("--token needs --serve.") }
            guard token.count >= 16, token.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "&") }) else {
                throw UsageError("--token must be at least 16 printable ASCII characters without spaces, ';' or '&'.")
            }
        }
        if serve && once { throw UsageError("--serve keeps running; it cannot be combined with --once.") }
    }

    /// What the session draws and where: the output folder, the formats, the figure flags
    /// (`FigureFlags`, as `render` reads them) with the read flags, the folders specs may read.
    func sessionOptions() throws -> WatchSession.Options {
        var options = WatchSession.Options()
        options.outputDirectory = output
        options.alsoWrite = try Watch.formats(format).filter { $0 != .png }
        options.renderOptions = figure.renderOptions(read: read.csvOptions)
        options.allowRead = allowRead
        return options
    }

    /// Starts the figure server on the output folder and prints its URL (even with --quiet:
    /// with port 0 the URL is the only way to learn the port, and it carries the token).
    func startServer() throws -> FigureServer {
        let folder = output ?? directory
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bindAddress = try address.map { try ServeAddress(parsing: $0) } ?? .default
        // A few hundred idle browser or attacker sockets must not run the process out of
        // descriptors before the server's own connection cap applies.
        raiseDescriptorLimit(to: 4096)
        let server: FigureServer
        do { server = try FigureServer(root: folder, address: bindAddress, token: token, hiding: [directory, folder]) } catch { throw CLIError("--serve: \(error)") }
        if !bindAddress.isLoopback {
            StandardStream.error.write("warning: serving on \(bindAddress.host): other machines can reach the page; every request needs the token in the URL below\n")
        }
        StandardStream.output.write("serving \(server.url)\n")
        return server
    }

    func run() throws {
        // Block the stop signals before any thread starts (threads inherit the mask); the main
        // thread then waits for them with sigwait and shuts down in order. With --once the
        // default action stays: a signal ends the run at once (every write is atomic).
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        if !once { pthread_sigmask(SIG_BLOCK, &signals, nil) }
        // The server only reads the output folder; it starts first so a taken port fails fast.
        let server = serve ? try startServer() : nil

        let queue: RenderQueue
        do { queue = try RenderQueue() } catch { throw CLIError("cannot start the renderer: \(error)") }
        var options = try sessionOptions()
        let quiet = quiet
        options.log = { line in if !quiet { StandardStream.output.write(line + "\n") } }
        if !once {
            options.quietPeriod = Double(debounce) / 1000
            options.maximumRate = maxRate
            options.durableWrites = false  // live figures: atomic, not fsynced (redrawn at start)
        }
        if let index = server?.index {
            options.onStatus = { output, status in
                if let status {
                    index.record(output: output, version: status.version, ok: status.ok,
                                 error: status.error ?? status.waiting.map { "waiting for data: " + $0 }, rows: status.rows)
                } else {
                    index.remove(output: output)
                }
            }
        }
        let session = WatchSession(root: directory, queue: queue, options: options)
        // Temporary files of a plotline killed mid-write (kill -9) are ours to clean up.
        let stale = StaleTemporaryFiles.remove(under: output ?? directory)
        if !stale.isEmpty && !quiet {
            StandardStream.output.write("removed \(stale.count) stale temporary file\(stale.count == 1 ? "" : "s") (.NAME.PID.RAND.tmp) of an earlier run\n")
        }

        if once {
            session.renderAll()
            queue.shutdownAndJoin(mode: .finishQueued)
            if session.failures > 0 { throw ExitStatus(1) }
            return
        }
        var watchOptions = FolderWatcher.Options()
        watchOptions.poll = poll
        // The watcher hands every change over at once; the session's cadence decides when each
        // figure renders (at once when free, right after its render when busy; --debounce, --max-rate).
        watchOptions.quietPeriod = 0
        watchOptions.pollInterval = Double(interval) / 1000
        let watcher: FolderWatcher
        do {
            // Start watching before the first full pass, so nothing written meanwhile is missed.
            watcher = try FolderWatcher(root: directory, options: watchOptions,
                                        onMessage: { StandardStream.error.write($0 + "\n") },
                                        onBatch: { session.handle($0) })
        } catch {
            throw CLIError("\(error)")
        }
        session.renderAll()
        if !quiet { StandardStream.output.write("watching \(session.root)\(watcher.usesPolling ? " (polling)" : "")\n") }
        var received: Int32 = 0
        sigwait(&signals, &received)
        // A second signal while shutting down means "now": exit without waiting (the render in
        // progress writes atomically, so no file is left half-written).
        let stopSignals = signals
        DispatchQueue.global().async {
            var again: Int32 = 0
            var blocked = stopSignals
            sigwait(&blocked, &again)
            StandardStream.error.write("stopped at once (second \(again == SIGINT ? "SIGINT" : "SIGTERM"))\n")
            _exit(128 + again)
        }
        server?.stop()
        watcher.stop()
        queue.shutdownAndJoin(mode: drain ? .finishQueued : .cancelQueued)
        let name = received == SIGINT ? "SIGINT" : "SIGTERM"
        if !quiet { StandardStream.output.write("stopped (\(name)\(drain ? ", queue drained" : ""))\n") }
    }
}

/// Raises the soft limit on open descriptors to `wanted` (or the hard limit, if lower).
func raiseDescriptorLimit(to wanted: rlim_t) {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < wanted else { return }
    limit.rlim_cur = min(wanted, limit.rlim_max)
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
}

extension Watch {
    /// The formats of `--format`: names from `OutputFormat`, comma-separated, each once.
    static func formats(_ list: String) throws -> [OutputFormat] {
        var out: [OutputFormat] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingWhitespace
            guard let f = OutputFormat(name: name) else {
                throw UsageError("--format takes png, svg and pdf, comma-separated, not \"\(name)\".")
            }
            if !out.contains(f) { out.append(f) }
        }
        return out
    }
}
