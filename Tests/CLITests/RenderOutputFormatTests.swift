import Foundation
import PNG
import TestSupport
import XCTest

/// `plotline render -o`: the extension picks the format, `-` is PNG on standard output, and
/// targets that are not regular files are written into, never replaced.
final class RenderOutputFormatTests: XCTestCase {
    let example = packageRoot() + "/examples/metrics.csv"

    func temp() throws -> String {
        let dir = NSTemporaryDirectory() + "plotline-format-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func testExtensionPicksTheFormat() throws {
        let dir = try temp()
        for (name, magic) in [("f.svg", "<?xml"), ("f.pdf", "%PDF-1.4"), ("f.PNG", "\u{89}PNG")] {
            let r = try PlotlineBinary.run(["render", example, "-o", dir + "/" + name])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("wrote \(dir)/\(name)"), r.stdout)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
            XCTAssertTrue(bytes.starts(with: Array(magic.unicodeScalars.map { UInt8($0.value) })), "\(name) starts with \(magic)")
        }
    }

    /// `--rasterize` overrides the spec's `"rasterize"`: a scatter of a few hundred points is an
    /// image with `always`, vector marks with the spec's `never` alone, and a bad mode is a usage error.
    func testRasterizeFlagOverridesTheSpecsKey() throws {
        let dir = try temp()
        let rows = (0..<300).map { "\($0),\(Double(($0 * 37) % 101) / 10)" }.joined(separator: "\n")
        try ("x,y\n" + rows + "\n").write(toFile: dir + "/p.csv", atomically: true, encoding: .utf8)
        try """
            {"version": 1, "rasterize": "never", "data": {"p": "p.csv"}, "panels": [{"series": [{"kind": "scatter", "x": "x", "y": "y"}]}]}
            """.write(toFile: dir + "/s.plot.json", atomically: true, encoding: .utf8)
        let never = try PlotlineBinary.run(["render", "--spec", dir + "/s.plot.json", "-o", dir + "/never.svg"])
        XCTAssertEqual(never.status, 0, never.stderr)
        let always = try PlotlineBinary.run(["render", "--spec", dir + "/s.plot.json", "-o", dir + "/always.svg", "--rasterize", "always"])
        XCTAssertEqual(always.status, 0, always.stderr)
        let a = try String(contentsOfFile: dir + "/always.svg", encoding: .utf8), n = try String(contentsOfFile: dir + "/never.svg", encoding: .utf8)
        XCTAssertTrue(a.contains("<image") && !a.contains("<use xlink:href=\"#m"), "always: the series is an image")
        XCTAssertTrue(!n.contains("<image") && n.contains("<use xlink:href=\"#m"), "the spec's never: vector markers")
        let bad = try PlotlineBinary.run(["render", dir + "/p.csv", "-o", dir + "/bad.svg", "--rasterize", "sometimes"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("--rasterize must be one of auto, always, never"), bad.stderr)
    }

    func testUnknownExtensionIsAUsageErrorListingTheFormats() throws {
        let dir = try temp()
        for name in ["f.jpg", "f", "f.svgz"] {
            let r = try PlotlineBinary.run(["render", example, "-o", dir + "/" + name])
            XCTAssertEqual(r.status, 64, "\(name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(".png, .svg or .pdf"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/" + name), "nothing written for \(name)")
        }
    }

    func testDashWritesPNGToStandardOutput() throws {
        let (p, out, err) = try PlotlineBinary.launch(["render", example, "-o", "-"])
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, errors)
        let image = try PNG.decode(Array(bytes))
        XCTAssertEqual(image.width, 1200)
        XCTAssertTrue(errors.contains("wrote standard output"), "the log line goes to standard error: \(errors)")
    }

    func testSeveralSpecsWriteEveryFormatAskedFor() throws {
        let dir = try temp()
        try FileManager.default.copyItem(atPath: example, toPath: dir + "/metrics.csv")
        for (name, y) in [("loss", "loss"), ("acc", "accuracy")] {
            try """
                {"version": 1, "data": {"m": "metrics.csv"}, "panels": [{"series": [{"x": "epoch", "y": "\(y)"}]}]}
                """.write(toFile: dir + "/\(name).plot.json", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let r = try PlotlineBinary.run(["render", "--spec", dir + "/loss.plot.json", "--spec", dir + "/acc.plot.json",
                                        "-o", dir + "/out", "--format", "png,svg,pdf"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted(),
                       ["acc.pdf", "acc.png", "acc.svg", "loss.pdf", "loss.png", "loss.svg"])
        let lines = r.stdout.split(separator: "\n").map { String($0.split(separator: " ")[1]) }
        XCTAssertEqual(lines.map { ($0 as NSString).lastPathComponent },
                       ["loss.png", "loss.svg", "loss.pdf", "acc.png", "acc.svg", "acc.pdf"], "in order: \(r.stdout)")
        // One figure: -o's extension names the main file, --format the files beside it.
        let one = try PlotlineBinary.run(["render", "--spec", dir + "/loss.plot.json", "-o", dir + "/x.png", "--format", "svg"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/x.png") && FileManager.default.fileExists(atPath: dir + "/x.svg"))
    }

    func testSymlinkTargetIsReplacedWhereItPointsAndStaysALink() throws {
        let dir = try temp()
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/real.svg"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.svg", withDestinationPath: "real.svg")
        let r = try PlotlineBinary.run(["render", example, "-o", dir + "/link.svg"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.svg"), "real.svg")
        let written = try Data(contentsOf: URL(fileURLWithPath: dir + "/real.svg"))
        XCTAssertTrue(written.starts(with: Array("<?xml".utf8)))
    }

    func testFIFOIsWrittenIntoNotReplaced() throws {
        let dir = try temp()
        let fifo = dir + "/pipe.pdf"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let box = FIFOContents()
        let t = Thread {
            // Plain open/read: Foundation's file readers refuse a FIFO instead of opening it.
            let fd = open(fifo, O_RDONLY)
            guard fd >= 0 else { box.data = Data(); return }
            var data = Data()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                data.append(contentsOf: chunk[0..<n])
            }
            close(fd)
            box.data = data
        }
        t.start()
        let w = try PlotlineBinary.run(["render", example, "-o", fifo])
        XCTAssertEqual(w.status, 0, w.stderr)
        for _ in 0..<200 where box.data == nil { usleep(10_000) }
        XCTAssertTrue(box.data?.starts(with: Array("%PDF".utf8)) ?? false, "the PDF went through the FIFO")
        var st = stat()
        XCTAssertEqual(lstat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
    }
}

/// What the FIFO's reader thread read.
final class FIFOContents: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?
    var data: Data? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// `plotline watch --format`: SVG and PDF beside each PNG.
final class WatchFormatTests: XCTestCase {
    func testWatchOnceWritesEveryFormat() throws {
        let dir = NSTemporaryDirectory() + "plotline-watch-format-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot() + "/examples/metrics.csv", toPath: dir + "/metrics.csv")
        let r = try PlotlineBinary.run(["watch", dir, "--once", "--format", "png,svg,pdf"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for ext in ["png", "svg", "pdf"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/metrics." + ext), "metrics.\(ext)")
        }
        XCTAssertTrue(String(decoding: FileManager.default.contents(atPath: dir + "/metrics.svg") ?? Data(), as: UTF8.self).hasPrefix("<?xml"))
        let bad = try PlotlineBinary.run(["watch", dir, "--once", "--format", "png,gif"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("gif"), bad.stderr)
    }
}
