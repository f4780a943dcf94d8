#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// The body of a `FolderWatcher`'s thread: inotify or polling, and the debounce of batches.
///
/// Lives on that thread only (a value that never leaves it).
struct WatchLoop {
    let root: String
    let options: FolderWatcher.Options
    let wakeFD: Int32
    let state: Locked<FolderWatcher.State>
    let onMessage: @Sendable (String) -> Void
    let onBatch: @Sendable ([String]) -> Void

    /// inotify's descriptor (-1 while polling) and the folder of each watch descriptor.
    var inotifyFD: Int32 = -1
    var folders: [Int32: String] = [:]
    /// The last polled (size, mtime, inode) of every file.
    var snapshot: [String: FileStamp] = [:]
    /// Paths changed and not yet delivered, with the time of the first and of the latest change.
    var pending: Set<String> = []
    var firstChange = 0.0
    var lastChange = 0.0
    /// Files reported for IN_MODIFY and not closed since: their IN_CLOSE_WRITE brings nothing
    /// new (the render the modification started reads the written bytes), so it is not
    /// reported again; one append would otherwise draw its figure twice.
    var modifiedSinceClose: Set<String> = []

    /// `IN_DONT_FOLLOW`: a folder swapped for a link before its watch is added is not watched
    /// (the watch would otherwise follow the link out of the tree).
    static let mask: UInt32 = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM
                                     | IN_DELETE | IN_DELETE_SELF | IN_Q_OVERFLOW | IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    init(root: String, options: FolderWatcher.Options, wakeFD: Int32, state: Locked<FolderWatcher.State>,
         onMessage: @escaping @Sendable (String) -> Void, onBatch: @escaping @Sendable ([String]) -> Void) {
        self.root = root; self.options = options; self.wakeFD = wakeFD; self.state = state
        self.onMessage = onMessage; self.onBatch = onBatch
    }

    /// Sets up inotify (or polling) under the root, signals `ready`, then watches until stopped.
    mutating func run(ready: StartSignal) {
        if options.poll {
            startPolling(reason: nil)
        } else {
            inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if inotifyFD < 0 {
                startPolling(reason: "inotify is unavailable (inotify_init1: \(String(cString: strerror(errno))))")
            } else if let failure = addWatches(under: root, reportFiles: false) {
                startPolling(reason: failure)
            } else {
                takeSnapshot()
            }
        }
        // Every watch exists now: a file written after the watcher's init returns is seen.
        ready.finish(nil)
        var nextPoll = now() + options.pollInterval
        while !state.withLock({ $0.stopping }) {
            let polling = inotifyFD < 0
            var timeout = pending.isEmpty ? 1.0 : max(0, deadline() - now())
            if polling { timeout = min(timeout, max(0, nextPoll - now())) }
            var fds = [pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
            if !polling { fds.append(pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0)) }
            _ = poll(&fds, nfds_t(fds.count), Int32((timeout * 1000).rounded(.up)))
            if fds[0].revents != 0 { break }
            if !polling, fds[1].revents != 0 { readEvents() }
            if inotifyFD < 0, now() >= nextPoll {
                pollOnce()
                nextPoll = now() + options.pollInterval
            }
            if !pending.isEmpty, now() >= deadline() {
                let batch = pending.sorted()
                pending.removeAll()
                if inotifyFD >= 0 { for path in batch { snapshot[path] = FileStamp(path) } }
                onBatch(batch)
            }
        }
        if inotifyFD >= 0 { close(inotifyFD) }
    }

    /// When the pending batch goes out: after the quiet period, or at the latest after the maximum delay.
    func deadline() -> Double {
        min(lastChange + options.quietPeriod, firstChange + options.maximumDelay)
    }

    mutating func note(_ path: String) {
        let t = now()
        if pending.isEmpty { firstChange = t }
        lastChange = t
        pending.insert(path)
    }

    // MARK: inotify

    /// Adds a watch to `folder` and every folder below it; reports their files when asked
    /// (a new folder's files may predate its watch). Returns why it failed, if it did.
    mutating func addWatches(under folder: String, reportFiles: Bool) -> String? {
        var stack = [folder]
        while let dir = stack.popLast() {
            let wd = inotify_add_watch(inotifyFD, dir, Self.mask)
            if wd < 0 {
                let code = errno
                if code == EACCES || code == EPERM {
                    // One unreadable folder: its files cannot be followed, the rest of the tree can.
                    onMessage("watch: cannot watch \(dir): \(String(cString: strerror(code))); its files are not followed")
                    continue
                }
                if code == ENOSPC {
                    return "inotify ran out of watches at \(dir) (raise the limit: sysctl fs.inotify.max_user_watches=524288, or write to /proc/sys/fs/inotify/max_user_watches)"
                }
                if code == ENOENT || code == ENOTDIR { continue }  // gone meanwhile
                return "inotify_add_watch \(dir): \(String(cString: strerror(code)))"
            }
            folders[wd] = dir
            for (name, isFolder) in FolderWatcher.entries(of: dir, report: onMessage) {
                if isFolder { stack.append(dir + "/" + name) } else if reportFiles { note(dir + "/" + name) }
            }
        }
        return nil
    }

    mutating func readEvents() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(inotifyFD, buffer, size)
            if n <= 0 { return }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                var name = ""
                if event.len > 0 {
                    let raw = UnsafeRawBufferPointer(start: buffer.advanced(by: nameStart), count: Int(event.len))
                    let bytes = Array(raw.prefix { $0 != 0 })
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        offset = nameStart + Int(event.len)
                        if bytes.first != UInt8(ascii: "."), event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                            let folder = folders[event.wd] ?? root
                            let shown = bytes.map { $0 < 0x80 && $0 >= 0x20 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
                            onMessage("watch: skipping \(folder)/\(shown): the file name is not UTF-8 (rename it to draw it)")
                        }
                        continue
                    }
                    name = text
                }
                offset = nameStart + Int(event.len)
                if !handle(wd: event.wd, mask: event.mask, name: name) { return }
            }
        }
    }

    /// Applies one event; false when the loop switched to polling (stop reading events).
    mutating func handle(wd: Int32, mask: UInt32, name: String) -> Bool {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch every folder again, and report exactly what differs from
            // the files known before (new, changed by size, mtime or inode, and deleted).
            onMessage("watch: the inotify event queue overflowed (events were lost); rescanning \(root)")
            for wd in folders.keys { inotify_rm_watch(inotifyFD, wd) }
            folders.removeAll()
            if let failure = addWatches(under: root, reportFiles: false) { startPolling(reason: failure); return false }
            let (changed, deleted) = rescan()
            onMessage("watch: rescan done: \(changed) new or changed, \(deleted) deleted")
            return true
        }
        if mask & UInt32(IN_IGNORED) != 0 || mask & UInt32(IN_DELETE_SELF) != 0 {
            folders[wd] = nil
            return true
        }
        guard let dir = folders[wd], !name.isEmpty, !name.hasPrefix(".") else { return true }
        let path = dir + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                if let failure = addWatches(under: path, reportFiles: true) { startPolling(reason: failure); return false }
            } else if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 {
                // The folder left: forget its watches (a move within the tree re-adds them),
                // and report its known files as gone (a move sends no event for them).
                for (wd, folder) in folders where folder == path || folder.hasPrefix(path + "/") {
                    inotify_rm_watch(inotifyFD, wd)
                    folders[wd] = nil
                }
                for file in snapshot.keys where file.hasPrefix(path + "/") { note(file) }
            }
            return true
        }
        let closed = mask & UInt32(IN_CLOSE_WRITE) != 0, modified = mask & UInt32(IN_MODIFY) != 0
        if closed, !modified, modifiedSinceClose.remove(path) != nil { return true }
        if modified, !closed { modifiedSinceClose.insert(path) } else { modifiedSinceClose.remove(path) }
        note(path)
        return true
    }

    // MARK: known files

    /// Records the (size, mtime, inode) of every file under the root.
    mutating func takeSnapshot() {
        snapshot = [:]
        for path in FolderWatcher.files(under: root) { snapshot[path] = FileStamp(path) }
    }

    /// Walks the tree and notes every file that is new, changed or gone since the snapshot;
    /// returns the counts (changed includes new).
    mutating func rescan() -> (changed: Int, deleted: Int) {
        var seen: [String: FileStamp] = [:]
        var changed = 0, deleted = 0
        for path in FolderWatcher.files(under: root) {
            guard let stamp = FileStamp(path) else { continue }
            seen[path] = stamp
            if snapshot[path] != stamp { note(path); changed += 1 }
        }
        for path in snapshot.keys where seen[path] == nil { note(path); deleted += 1 }
        snapshot = seen
        return (changed, deleted)
    }

    // MARK: polling

    mutating func startPolling(reason: String?) {
        if inotifyFD >= 0 { close(inotifyFD); inotifyFD = -1 }
        folders.removeAll()
        state.withLock { $0.usesPolling = true }
        if let reason { onMessage("watch: falling back to polling every \(options.pollInterval) s: \(reason)") }
        takeSnapshot()
    }

    mutating func pollOnce() {
        _ = rescan()
    }

    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}

/// What polling compares to notice a change: size, modification time and inode.
struct FileStamp: Equatable {
    var size: Int64
    var mtime: Int64
    var inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
