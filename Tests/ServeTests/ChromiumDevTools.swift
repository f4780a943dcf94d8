#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Headless Chromium kept open and driven over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`: commands in on fd 3, replies out on fd 4, each a JSON message
/// ended by a NUL byte). Lets a test watch one page live: evaluate JavaScript, take
/// screenshots, while the page keeps polling the server in real time.
final class ChromiumDevTools {
    struct Failure: Error, CustomStringConvertible { var description: String }

    private var pid: pid_t = 0
    private let toChrome: Int32, fromChrome: Int32
    private var buffer: [UInt8] = []
    private var nextID = 1
    private var session = ""
    private let profile: String

    /// Starts `chromium` on `url` in a 1280×1000 window and attaches to its page.
    init(chromium: String, url: String) throws {
        profile = FileManager.default.temporaryDirectory.path + "/plotline-chromium-" + UUID().uuidString
        var commands: [Int32] = [0, 0], replies: [Int32] = [0, 0]
        guard pipe(&commands) == 0, pipe(&replies) == 0 else { throw Failure(description: "pipe failed") }
        for fd in commands + replies { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        toChrome = commands[1]
        fromChrome = replies[0]

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, replies[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                    "--user-data-dir=\(profile)", "--remote-debugging-pipe", "--window-size=1280,1000", url]
        var argv = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let code = posix_spawn(&pid, chromium, &actions, nil, &argv, environ)
        Glibc.close(commands[0])
        Glibc.close(replies[1])
        guard code == 0 else { throw Failure(description: "posix_spawn chromium: \(String(cString: strerror(code)))") }

        let targets = try call("Target.getTargets", inSession: false)
        let infos = (targets["targetInfos"] as? [[String: Any]]) ?? []
        guard let page = infos.first(where: { $0["type"] as? String == "page" })?["targetId"] as? String else {
            throw Failure(description: "no page target in \(infos)")
        }
        let attached = try call("Target.attachToTarget", ["targetId": page, "flatten": true], inSession: false)
        session = try (attached["sessionId"] as? String).orThrow("no sessionId")
        _ = try call("Emulation.setDeviceMetricsOverride", ["width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": false])
    }

    deinit { close() }

    /// Closes the browser and waits for it.
    func close() {
        guard pid != 0 else { return }
        _ = try? call("Browser.close", inSession: false, timeout: 3)
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            usleep(500_000)
            if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); waitpid(pid, &status, 0) }
        }
        pid = 0
        Glibc.close(toChrome)
        Glibc.close(fromChrome)
        try? FileManager.default.removeItem(atPath: profile)
    }

    /// Evaluates a JavaScript expression in the page and returns its value (JSON-compatible).
    func evaluate(_ expression: String) throws -> Any? {
        let reply = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        return (reply["result"] as? [String: Any])?["value"]
    }

    /// A PNG screenshot of the page's viewport, written to `path`.
    func screenshot(to path: String) throws {
        let reply = try call("Page.captureScreenshot", ["format": "png"])
        let data = try Data(base64Encoded: (reply["data"] as? String).orThrow("no screenshot data")).orThrow("bad base64")
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Sends one command and waits for its reply, skipping events.
    func call(_ method: String, _ params: [String: Any] = [:], inSession: Bool = true, timeout: Double = 15) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if inSession { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(toChrome, $0.baseAddress! + offset, $0.count - offset) }
            guard n > 0 else { throw Failure(description: "write to chromium failed") }
            offset += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let json = Data(buffer[..<end])
                buffer.removeFirst(end + 1)
                guard let reply = try JSONSerialization.jsonObject(with: json) as? [String: Any], reply["id"] as? Int == id else { continue }
                if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
                return (reply["result"] as? [String: Any]) ?? [:]
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "\(method): no reply in \(timeout) s") }
            var fds = pollfd(fd: fromChrome, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, Int32(left * 1000)) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 256 * 1024)
            let n = chunk.withUnsafeMutableBytes { read(fromChrome, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "\(method): chromium closed the pipe") }
            buffer += chunk[..<n]
        }
    }
}

extension Optional {
    /// The value, or a thrown failure saying what was missing.
    func orThrow(_ what: String) throws -> Wrapped {
        guard let value = self else { throw ChromiumDevTools.Failure(description: what) }
        return value
    }
}
