import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Service
import Spec

/// `plotline watch`: keeps a PNG figure up to date for every table and spec in a folder tree.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",  // explicit: the default costs a runtime type-name lookup at every start
        abstract: "Watch a folder and keep a PNG figure up to date for every table and spec in it.",
        discussion: """
            Every CSV, TSV, JSON Lines or JSON file gets a default figure (as plotline render \
            draws it) and every *.plot.json spec draws its figure, re-rendered when the spec or \
            its data change. Each <name>.png gets a sidecar <name>.png.json: {"version", "hash", \
            "ok", "error", "rows", "ms"}. A bad input keeps the last good PNG and records the error. \
            A spec named like a data file (metrics.plot.json beside metrics.csv) replaces that \
            file's default figure; data files sharing a name (metrics.csv, metrics.jsonl) draw \
            metrics.csv.png and metrics.jsonl.png.

            Examples:
              plotline watch runs/
              plotline watch runs/ -o figures/ --quiet
              plotline watch runs/ --once
              plotline watch runs/ --serve                 (page at http://127.0.0.1:8765/)
              plotline watch runs/ --serve 127.0.0.1:0     (a free port; the URL is printed)
            """)

    @Argument(help: ArgumentHelp("The folder to watch (with its subfolders).", valueName: "dir"))
    var directory: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder for the PNGs (default: beside each input).", valueName: "dir"))
    var output: String?

    @Flag(help: "Render everything once and exit (status 1 when a figure failed).") var once = false
    @Flag(help: "Poll for changes instead of using inotify.") var poll = false
    @Flag(help: "Print errors only, not one line per render.") var quiet = false

    @Option(help: ArgumentHelp("Quiet period before a change renders, in milliseconds (default: 150).", valueName: "ms"))
    var debounce: Int = 150

    @Option(help: ArgumentHelp("Polling interval in milliseconds (default: 250).", valueName: "ms"))
    var interval: Int = 250

    @Option(name: .customLong("allow-read"), help: ArgumentHelp("Let specs read data under PATH too (a file or folder; repeatable). Without it a spec reads only inside the watched folder, after resolving links.", valueName: "path"))
    var allowRead: [String] = []

    @Flag(help: "Serve a live page of the figures in the browser (the output folder; loopback only unless an address says otherwise).")
    var serve = false

    // An optional value after --serve: ArgumentParser has no option with an optional value, so
    // the address is a second positional argument that only --serve accepts.
    @Argument(help: ArgumentHelp("With --serve: HOST:PORT to listen on (default 127.0.0.1:8765; port 0 picks a free one).", valueName: "address"))
    var address: String?

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(directory) is not a folder.")
        }
        if !(0...10_000).contains(debounce) { throw ValidationError("--debounce must be 0...10000 ms.") }
        if !(10...60_000).contains(interval) { throw ValidationError("--interval must be 10...60000 ms.") }
        if let address {
            guard serve else { throw ValidationError("Unexpected argument '\(address)' (an address needs --serve: plotline watch DIR --serve \(address)).") }
            do { _ = try ServeAddress(parsing: address) } catch { throw ValidationError("--serve: \(error)") }
        }
        if serve && once { throw ValidationError("--serve keeps running; it cannot be combined with --once.") }
    }

    /// Starts the figure server on the output folder and prints its URL (even with --quiet:
    /// with port 0 the URL is the only way to learn the port).
    func startServer() throws -> FigureServer {
        let folder = output ?? directory
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bindAddress = try address.map { try ServeAddress(parsing: $0) } ?? .default
        let server: FigureServer
        do { server = try FigureServer(root: folder, address: bindAddress) } catch { throw CLIError("--serve: \(error)") }
        if !bindAddress.isLoopback {
            FileHandle.standardError.write(Data("warning: serving on \(bindAddress.host): other machines can read the figures\n".utf8))
        }
        FileHandle.standardOutput.write(Data("serving \(server.url)\n".utf8))
        return server
    }

    func run() throws {
        // Block the stop signals before any thread starts (threads inherit the mask); the main
        // thread then waits for them with sigwait and shuts down in order.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        // The server only reads the output folder; it starts first so a taken port fails fast.
        let server = serve ? try startServer() : nil

        let queue: RenderQueue
        do { queue = try RenderQueue() } catch { throw CLIError("cannot start the renderer: \(error)") }
        var options = WatchSession.Options()
        options.outputDirectory = output
        options.allowRead = allowRead
        let quiet = quiet
        options.log = { line in if !quiet { FileHandle.standardOutput.write(Data((line + "\n").utf8)) } }
        let session = WatchSession(root: directory, queue: queue, options: options)

        if once {
            session.renderAll()
            queue.shutdownAndJoin(mode: .finishQueued)
            if session.failures > 0 { throw ExitCode(1) }
            return
        }
        var watchOptions = FolderWatcher.Options()
        watchOptions.poll = poll
        watchOptions.quietPeriod = Double(debounce) / 1000
        watchOptions.pollInterval = Double(interval) / 1000
        let watcher: FolderWatcher
        do {
            // Start watching before the first full pass, so nothing written meanwhile is missed.
            watcher = try FolderWatcher(root: directory, options: watchOptions,
                                        onMessage: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
                                        onBatch: { session.handle($0) })
        } catch {
            throw CLIError("\(error)")
        }
        session.renderAll()
        if !quiet { FileHandle.standardOutput.write(Data("watching \(session.root)\(watcher.usesPolling ? " (polling)" : "")\n".utf8)) }
        var received: Int32 = 0
        sigwait(&signals, &received)
        server?.stop()
        watcher.stop()
        queue.shutdownAndJoin(mode: .finishQueued)
        if !quiet { FileHandle.standardOutput.write(Data("stopped (\(received == SIGINT ? "SIGINT" : "SIGTERM"))\n".utf8)) }
    }
}
