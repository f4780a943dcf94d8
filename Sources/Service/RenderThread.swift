#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX thread of our own, outside Swift's cooperative pool, that can be joined.
///
/// Foundation's `Thread` cannot be joined, and a render that blocks a cooperative-pool thread
/// for tens of milliseconds starves every task in the process; a pthread avoids both.
struct RenderThread: Sendable {
    /// The started thread.
    let id: pthread_t

    /// Starts a thread named `name` (at most 15 bytes show in `top`/`gdb`) running `body`.
    static func start(name: String, body: @escaping @Sendable () -> Void) throws(RenderThreadError) -> RenderThread {
        final class Start {
            let name: String
            let body: @Sendable () -> Void
            init(name: String, body: @escaping @Sendable () -> Void) { self.name = name; self.body = body }
        }
        let context = Unmanaged.passRetained(Start(name: name, body: body)).toOpaque()
        var id = pthread_t()
        let code = pthread_create(&id, nil, { raw in
            let start = Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue()
            setCurrentThreadName(start.name)
            start.body()
            return nil
        }, context)
        guard code == 0 else {
            Unmanaged<Start>.fromOpaque(context).release()
            throw RenderThreadError(code: code)
        }
        #if os(Linux)
        return RenderThread(id: id)
        #else
        return RenderThread(id: id!)
        #endif
    }

    /// Waits for the thread to end. Call once, from another thread.
    func join() {
        _ = pthread_join(id, nil)
    }

    /// Lets the thread end on its own, releasing its resources then. Call once, instead of join.
    func detach() {
        _ = pthread_detach(id)
    }

    /// True on the thread itself.
    var isCurrent: Bool { pthread_equal(id, pthread_self()) != 0 }
}

/// Names the calling thread for `top -H`, `ps -L` and debuggers (Linux: through
/// /proc/thread-self/comm, since Glibc's module does not export the GNU `pthread_setname_np`).
private func setCurrentThreadName(_ name: String) {
    #if os(Linux)
    let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    let bytes = Array(name.utf8.prefix(15))
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    _ = close(fd)
    #endif
}

/// The system refused to create the render thread.
public struct RenderThreadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `pthread_create` error number.
    public var code: Int32
    /// One line naming the reason.
    public var description: String { "cannot start the render thread: \(String(cString: strerror(code)))" }
}
