// plotline-serve-bench: what `/figures.json` costs the --serve page's server with many figures,
// beside what the previous per-request walk cost (every sidecar read and decoded per request).
//
//     swift run -c release plotline-serve-bench [FIGURES] [REQUESTS]   # default 20000 200
//
// Makes FIGURES sidecars (and as many small PNG files) in 200 subfolders of a temporary folder,
// then times, in this process: the index's seeding walk; a 304 poll (the page's steady state,
// `If-None-Match` with the current ETag); a 200 poll after one figure changed (re-encoding the
// list); and the old way, one walk plus a read and decode of every sidecar. Requests go over
// one keep-alive loopback connection; CPU is this process's user+system time (server threads
// included) per request. Medians of REQUESTS runs [min-max].
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Serve

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let figures = arguments.first ?? 20_000
let requests = arguments.dropFirst().first ?? 200

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func cpu() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
}

func summary(_ values: [Double]) -> String {
    let sorted = values.sorted()
    return String(format: "%.3f [%.3f-%.3f] ms", sorted[sorted.count / 2] * 1e3, sorted.first! * 1e3, sorted.last! * 1e3)
}

/// One keep-alive connection to the server.
final class Client {
    let fd: Int32
    var buffer: [UInt8] = []

    init(port: UInt16) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let code = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(code == 0, "connect failed")
    }

    /// Sends a GET and reads the response; returns (status, etag).
    func get(_ path: String, etag: String?) -> (Int, String) {
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (etag.map { "If-None-Match: \($0)\r\n" } ?? "") + "\r\n"
        _ = request.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, 0) }
        var headEnd: Int?
        while true {
            if let end = find() { headEnd = end; break }
            fill()
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        let lines = head.components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1])!
        var length = 0, tag = ""
        for line in lines.dropFirst() {
            let lower = line.lowercased()
            if lower.hasPrefix("content-length:") { length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))! }
            if lower.hasPrefix("etag:") { tag = String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
        }
        if status == 304 { length = 0 }
        while buffer.count < length { fill() }
        buffer.removeFirst(length)
        return (status, tag)
    }

    private func find() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
        return nil
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        precondition(n > 0, "connection closed")
        buffer += chunk[..<n]
    }
}

let root = FileManager.default.temporaryDirectory.path + "/plotline-serve-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: root) }
for i in 0..<figures {
    let folder = root + "/run\(i % 200)"
    if i < 200 { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    let sidecar = #"{"error":null,"hash":"0123456789abcdef","input":"\#(folder)/m\#(i).csv","ms":12.5,"ok":true,"rows":\#(i),"version":\#(i % 7 + 1)}"# + "\n"
    _ = FileManager.default.createFile(atPath: folder + "/m\(i).png", contents: Data("png".utf8))
    _ = FileManager.default.createFile(atPath: folder + "/m\(i).png.json", contents: Data(sidecar.utf8))
}

print("plotline-serve-bench: \(figures) figures, \(requests) requests, \(ProcessInfo.processInfo.activeProcessorCount) cores")
var seeds: [Double] = []
for _ in 0..<5 {
    let start = now()
    _ = FigureIndex(root: root)
    seeds.append(now() - start)
}
print("index seeding walk (once at start): \(summary(seeds))")

let server = try FigureServer(root: root, address: ServeAddress(host: "127.0.0.1", port: 0))
let client = Client(port: server.address.port)
var (_, etag) = client.get("/figures.json", etag: nil)

func timed(_ count: Int, _ body: () -> Void) -> (wall: [Double], cpu: Double) {
    var walls: [Double] = []
    let cpuStart = cpu()
    for _ in 0..<count {
        let start = now()
        body()
        walls.append(now() - start)
    }
    return (walls, (cpu() - cpuStart) / Double(count))
}

let notModified = timed(requests) {
    let (status, _) = client.get("/figures.json", etag: etag)
    precondition(status == 304)
}
print(String(format: "poll, nothing changed (304): %@, CPU %.3f ms a request", summary(notModified.wall), notModified.cpu * 1e3))

var version = 1000
let changed = timed(requests) {
    version += 1
    server.index.record(output: root + "/run0/m0.png", version: version, ok: true, error: nil, rows: 1)
    let (status, tag) = client.get("/figures.json", etag: etag)
    precondition(status == 200)
    etag = tag
}
print(String(format: "poll after one figure changed (200, list re-encoded): %@, CPU %.3f ms a request", summary(changed.wall), changed.cpu * 1e3))

// The previous server's cost per request: walk the tree, read and decode every sidecar.
struct Sidecar: Decodable { var version: Int; var ok: Bool; var error: String?; var rows: Int }
let oldWay = timed(max(5, requests / 20)) {
    var count = 0
    for sub in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + sub)) ?? [] where name.hasSuffix(".png.json") {
            if let data = FileManager.default.contents(atPath: root + "/" + sub + "/" + name),
               (try? JSONDecoder().decode(Sidecar.self, from: data)) != nil { count += 1 }
        }
    }
    precondition(count == figures)
}
print(String(format: "previous server's per-request walk + sidecar reads: %@, CPU %.3f ms a request", summary(oldWay.wall), oldWay.cpu * 1e3))
server.stop()
