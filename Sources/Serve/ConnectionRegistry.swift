import NIOConcurrencyHelpers
import NIOCore

/// The figure server's open connections, what each is doing and since when: the table that
/// admission, eviction and `stop` consult.
///
/// Handlers run on the event loop; `admit` runs in the child channel initializer and `closeAll`
/// on the stopping thread, so the table sits behind a lock.
final class ConnectionRegistry: Sendable {
    /// What a connection is doing.
    enum Phase: Sendable {
        /// Waiting for the first byte of a request (new, or kept alive after a response).
        case idle
        /// A request head has started to arrive and is not complete.
        case receiving
        /// A request is being answered (file read, or response bytes not yet taken).
        case responding
    }

    /// The result of admitting a new connection.
    enum Admission: Sendable {
        /// Admitted; `evicted` is a connection closed to make room, if one was.
        case admitted(evicted: (any Channel)?)
        /// Every connection is mid-response; the new one gets a 503.
        case full
        /// The server is stopping.
        case stopping
    }

    private struct Entry {
        var channel: any Channel
        var phase: Phase
        var since: NIODeadline
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var stopping = false
        var bytesInFlight = 0
        var evictions = 0
    }

    private let state = NIOLockedValueBox(State())
    private let limit: Int
    private let byteLimit: Int

    /// A registry admitting at most `limit` connections and `byteLimit` response bytes in flight.
    init(limit: Int, byteLimit: Int) {
        self.limit = max(1, limit)
        self.byteLimit = byteLimit
    }

    /// Admits `channel`; when the table is full, closes the connection that has been idle or
    /// receiving the longest to make room.
    func admit(_ channel: any Channel) -> Admission {
        state.withLockedValue { s -> Admission in
            if s.stopping { return .stopping }
            var evicted: (any Channel)?
            if s.entries.count >= limit {
                let victim = s.entries.filter { $0.value.phase != .responding }.min { $0.value.since < $1.value.since }
                guard let victim else { return .full }
                s.entries[victim.key] = nil
                s.evictions += 1
                evicted = victim.value.channel
            }
            s.entries[ObjectIdentifier(channel)] = Entry(channel: channel, phase: .idle, since: .now())
            return .admitted(evicted: evicted)
        }
    }

    /// Records that `channel` is now in `phase`.
    func set(_ channel: any Channel, _ phase: Phase) {
        state.withLockedValue { s in
            guard var entry = s.entries[ObjectIdentifier(channel)] else { return }
            entry.phase = phase
            entry.since = .now()
            s.entries[ObjectIdentifier(channel)] = entry
        }
    }

    /// Forgets `channel` (it closed).
    func remove(_ channel: any Channel) {
        state.withLockedValue { s in s.entries[ObjectIdentifier(channel)] = nil }
    }

    /// Reserves `bytes` of response in flight; false when that would pass the limit (a response
    /// larger than the whole limit is still allowed when nothing else is in flight).
    func reserve(_ bytes: Int) -> Bool {
        state.withLockedValue { s in
            guard s.bytesInFlight == 0 || s.bytesInFlight + bytes <= byteLimit else { return false }
            s.bytesInFlight += bytes
            return true
        }
    }

    /// Releases bytes reserved by `reserve` once the client took them (or left).
    func release(_ bytes: Int) {
        state.withLockedValue { s in s.bytesInFlight -= bytes }
    }

    /// Response bytes written and not yet taken by their clients.
    var bytesInFlight: Int { state.withLockedValue { $0.bytesInFlight } }

    /// Connections open now.
    var count: Int { state.withLockedValue { $0.entries.count } }

    /// Connections open now that wait for a request (and so could be closed to make room).
    var idleCount: Int { state.withLockedValue { s in s.entries.values.filter { $0.phase == .idle }.count } }

    /// Connections closed so far to make room for new ones.
    var evictions: Int { state.withLockedValue { $0.evictions } }

    /// Refuses further connections and returns the open ones (to be closed by the caller).
    func stop() -> [any Channel] {
        state.withLockedValue { s in
            s.stopping = true
            return s.entries.values.map(\.channel)
        }
    }
}
