import Foundation
import PNG
import Raster
import Serve
import Service
import TestSupport
import XCTest

/// The page as a browser shows it: `plotline watch DIR --serve 127.0.0.1:0` on two real
/// datasets, screenshots from headless Chromium, then again after rows are appended.
final class BrowserPageTests: XCTestCase {
    /// tab10 blue #1f77b4 has hue 205°, orange #ff7f0e 28°; the browser scales the figures down,
    /// so thin lines blend with white: they keep their hue, not their exact colour.
    static let blueHue = 195.0..<215.0, orangeHue = 20.0..<36.0
    static let pageBackground = (0xee, 0xf1, 0xf5)

    func testThePageShowsTheFiguresAndFollowsAnAppend() throws {
        guard let chromium = HeadlessChromium.find() else { return }
        let (dir, url, watch) = try startWatch()
        defer { if watch.isRunning { watch.terminate(); watch.waitUntilExit() } }

        let first = testOutputDirectory() + "/serve-page-1.png"
        try chromium.screenshot(url, to: first)
        let before = try PNG.read(path: first)
        XCTAssertEqual(before.width, 1280)
        XCTAssertEqual(before.height, 1000)
        let area = before.width * before.height
        let blue = count(before, hue: Self.blueHue), orange = count(before, hue: Self.orangeHue)
        let background = count(before, near: Self.pageBackground, tolerance: 2)
        XCTAssertGreaterThan(blue, 2000, "the figures' tab10 blue lines are on the page")
        XCTAssertGreaterThan(orange, 2000, "the figures' tab10 orange lines are on the page")
        XCTAssertGreaterThan(background, area / 5, "the page background surrounds the cards")
        XCTAssertLessThan(background, area * 9 / 10, "the page is not blank")
        // Both cards: figure colours in the left and in the right half.
        XCTAssertGreaterThan(count(before, hue: Self.blueHue, x: 0..<640), 1000, "left card (seattle-weather)")
        XCTAssertGreaterThan(count(before, hue: Self.blueHue, x: 640..<1280), 300, "right card (stocks)")

        // A month of much hotter, wetter days: the seattle-weather figure changes, stocks does not.
        var rows = ""
        for day in 1...28 { rows += "2016-01-\(day < 10 ? "0" : "")\(day),60.0,45.0,30.0,12.0,rain\n" }
        try append(dir + "/seattle-weather.csv", rows)
        XCTAssertNotNil(wait(20) { self.version(dir + "/seattle-weather.png") == 2 ? true : nil }, "the append renders")

        let second = testOutputDirectory() + "/serve-page-2.png"
        try chromium.screenshot(url, to: second)
        let after = try PNG.read(path: second)
        let leftChanged = changed(before, after, x: 0..<640, y: 60..<1000)
        let rightChanged = changed(before, after, x: 640..<1280, y: 60..<1000)
        XCTAssertGreaterThan(leftChanged, 2000, "the appended rows show in the seattle-weather figure")
        XCTAssertLessThan(rightChanged, 200, "the stocks figure did not change")

        // SIGTERM stops the server with the watcher, and the process exits by itself.
        watch.terminate()
        watch.waitUntilExit()
        XCTAssertEqual(watch.terminationReason, .exit)
        XCTAssertEqual(watch.terminationStatus, 0)
        XCTAssertTrue(((try? String(contentsOfFile: dir + "/.watch.log", encoding: .utf8)) ?? "").hasSuffix("stopped (SIGTERM)\n"))
        XCTAssertThrowsError(try RawHTTPClient(port: UInt16(url.split(separator: ":").last!.dropLast())!), "the port is closed")
    }

    /// One page kept open while figures render, change, fail, appear and disappear: the page's
    /// own polling must follow (a fresh load for each check would not test the script).
    func testTheOpenPageFollowsRendersLive() throws {
        guard let chromium = HeadlessChromium.find() else { return }
        let (dir, url, watch) = try startWatch()
        defer { watch.terminate(); watch.waitUntilExit() }
        let browser = try ChromiumDevTools(chromium: chromium.path, url: url)
        defer { browser.close() }

        var cards = try XCTUnwrap(waitForCards(browser) { $0.count == 2 && $0.allSatisfy(\.loaded) }, "two figures load")
        XCTAssertEqual(cards.map(\.name), ["seattle-weather.png", "stocks.png"])
        XCTAssertEqual(cards.map(\.version), ["v1", "v1"])
        let first = testOutputDirectory() + "/serve-live-1.png"
        try browser.screenshot(to: first)

        // Appended rows: the open page swaps in the new version.
        try append(dir + "/seattle-weather.csv", (1...28).map { "2016-01-\($0 < 10 ? "0" : "")\($0),60.0,45.0,30.0,12.0,rain\n" }.joined())
        cards = try XCTUnwrap(waitForCards(browser) { $0.first?.src.hasSuffix("/seattle-weather.png?v=2") == true && $0[0].loaded },
                              "the page loads version 2")
        XCTAssertTrue(cards[1].src.hasSuffix("/stocks.png?v=1"), "the unchanged figure is not reloaded")
        let second = testOutputDirectory() + "/serve-live-2.png"
        try browser.screenshot(to: second)
        let before = try PNG.read(path: first), after = try PNG.read(path: second)
        XCTAssertGreaterThan(changed(before, after, x: 0..<640, y: 60..<1000), 2000, "the open page shows the appended rows")
        XCTAssertLessThan(changed(before, after, x: 640..<1280, y: 60..<1000), 200, "the other figure stays as it was")

        // A malformed row: an error line under the last good image.
        try append(dir + "/seattle-weather.csv", "2016-02-01,1.0\n")
        cards = try XCTUnwrap(waitForCards(browser) { $0.first?.failed == true }, "the failure shows")
        XCTAssertTrue(cards[0].error.hasPrefix("seattle-weather.csv:1491:"), "shortened to the served folder: \(cards[0].error)")
        XCTAssertTrue(cards[0].loaded, "the last good image stays")
        try browser.screenshot(to: testOutputDirectory() + "/serve-live-3-error.png")

        // A new figure appears in path order; a deleted one disappears.
        try FileManager.default.copyItem(atPath: packageRoot() + "/../shared/data/iowa-electricity.csv", toPath: dir + "/iowa-electricity.csv")
        cards = try XCTUnwrap(waitForCards(browser) { $0.count == 3 && $0.allSatisfy(\.loaded) }, "a new figure appears")
        XCTAssertEqual(cards.map(\.name), ["iowa-electricity.png", "seattle-weather.png", "stocks.png"])
        for name in ["stocks.csv", "stocks.png", "stocks.png.json"] { try? FileManager.default.removeItem(atPath: dir + "/" + name) }
        cards = try XCTUnwrap(waitForCards(browser) { $0.count == 2 }, "a deleted figure disappears")
        XCTAssertEqual(cards.map(\.name), ["iowa-electricity.png", "seattle-weather.png"])
    }

    // MARK: - Helpers

    /// A folder with two real datasets and `plotline watch DIR --serve 127.0.0.1:0` running on
    /// it, both figures rendered; returns the folder, the page URL and the process.
    func startWatch(_ name: String = #function) throws -> (String, String, Process) {
        let dir = serveTemporaryFolder(name)
        let data = packageRoot() + "/../shared/data"
        for name in ["seattle-weather.csv", "stocks.csv"] {
            try FileManager.default.copyItem(atPath: data + "/" + name, toPath: dir + "/" + name)
        }
        let log = dir + "/.watch.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try PlotlineBinary.require())
        p.arguments = ["watch", dir, "--serve", "127.0.0.1:0"]
        p.environment = ["PLOTLINE_FONTS": packageRoot() + "/Fonts"]
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        p.standardError = p.standardOutput
        try p.run()
        guard let url = wait(10, { self.servingURL(log) }) else {
            p.terminate()
            throw ChromiumDevTools.Failure(description: "no 'serving' line:\n" + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
        }
        XCTAssertTrue(url.hasPrefix("http://127.0.0.1:") && !url.hasSuffix(":0/"), url)
        XCTAssertNotNil(wait(20) { self.version(dir + "/seattle-weather.png") == 1 && self.version(dir + "/stocks.png") == 1 ? true : nil },
                        "both figures render")
        return (dir, url, p)
    }

    func append(_ path: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    /// What the page shows for one figure card.
    struct Card: Decodable {
        var name: String, version: String, src: String, loaded: Bool, failed: Bool, error: String
    }

    static let cardsScript = """
        JSON.stringify([...document.querySelectorAll('.card')].map(c => {
          const img = c.querySelector('img');
          return { name: c.querySelector('.name').textContent,
                   version: c.querySelector('.meta').textContent.split(' ').pop(),
                   src: img ? img.getAttribute('src') : '', loaded: !!(img && img.complete && img.naturalWidth > 0),
                   failed: c.classList.contains('failed'), error: c.querySelector('.error').textContent };
        }))
        """

    /// Polls the open page's cards until `done` holds (20 s at most).
    func waitForCards(_ browser: ChromiumDevTools, _ done: ([Card]) -> Bool) throws -> [Card]? {
        var last: [Card] = []
        let found = wait(20) { () -> [Card]? in
            guard let json = try? browser.evaluate(Self.cardsScript) as? String,
                  let cards = try? JSONDecoder().decode([Card].self, from: Data(json.utf8)) else { return nil }
            last = cards
            return done(cards) ? cards : nil
        }
        if found == nil { XCTFail("page state: \(last)") }
        return found
    }

    func wait<T>(_ seconds: Double, _ probe: () -> T?) -> T? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = probe() { return value }
            usleep(50_000)
        }
        return probe()
    }

    func servingURL(_ log: String) -> String? {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("serving ") }.map { String($0.dropFirst("serving ".count)) }
    }

    func version(_ png: String) -> Int? {
        guard let status = WatchStatus.read(for: png), status.ok else { return nil }
        return status.version
    }

    /// Saturated pixels (not grey, not near white) whose hue lies in `hue` (degrees).
    func count(_ image: Pixmap, hue: Range<Double>, x: Range<Int>? = nil) -> Int {
        var n = 0
        for py in 0..<image.height {
            for px in x ?? 0..<image.width {
                let i = (py * image.width + px) * 4
                let r = Double(image.data[i]), g = Double(image.data[i + 1]), b = Double(image.data[i + 2])
                let hi = max(r, g, b), lo = min(r, g, b)
                guard hi - lo > 40, (hi - lo) / hi > 0.25 else { continue }
                var h: Double
                if hi == r { h = 60 * (g - b) / (hi - lo) } else if hi == g { h = 60 * (b - r) / (hi - lo) + 120 } else { h = 60 * (r - g) / (hi - lo) + 240 }
                if h < 0 { h += 360 }
                if hue.contains(h) { n += 1 }
            }
        }
        return n
    }

    /// Pixels within `tolerance` per channel of `color` (the screenshot is opaque).
    func count(_ image: Pixmap, near color: (Int, Int, Int), tolerance: Int = 12, x: Range<Int>? = nil) -> Int {
        let xs = x ?? 0..<image.width
        var n = 0
        for py in 0..<image.height {
            for px in xs {
                let i = (py * image.width + px) * 4
                if abs(Int(image.data[i]) - color.0) <= tolerance && abs(Int(image.data[i + 1]) - color.1) <= tolerance
                    && abs(Int(image.data[i + 2]) - color.2) <= tolerance { n += 1 }
            }
        }
        return n
    }

    /// Pixels in the region whose colour differs noticeably between two same-size screenshots.
    func changed(_ a: Pixmap, _ b: Pixmap, x: Range<Int>, y: Range<Int>) -> Int {
        guard a.width == b.width, a.height == b.height else { return Int.max }
        var n = 0
        for py in y {
            for px in x {
                let i = (py * a.width + px) * 4
                if (0..<3).contains(where: { abs(Int(a.data[i + $0]) - Int(b.data[i + $0])) > 24 }) { n += 1 }
            }
        }
        return n
    }
}
