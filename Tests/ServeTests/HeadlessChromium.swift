import Foundation
import XCTest

/// Headless Chromium (the Debian `chromium` package) run as a screenshot tool.
struct HeadlessChromium {
    /// The binary's path.
    let path: String

    /// The installed browser, or a test failure telling how to install it (CI installs it with
    /// `.ci/setup`, so a missing browser is a broken machine, not a reason to skip).
    static func find(file: StaticString = #filePath, line: UInt = #line) -> HeadlessChromium? {
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return HeadlessChromium(path: candidate)
        }
        XCTFail("chromium is not installed: run bash .ci/setup (it installs the Debian chromium package)", file: file, line: line)
        return nil
    }

    /// Loads `url` in a 1280×1000 window, lets the page run for `budgetMs` of virtual time, and
    /// writes a PNG screenshot to `output`.
    func screenshot(_ url: String, to output: String, budgetMs: Int = 3000) throws {
        try? FileManager.default.removeItem(atPath: output)
        let profile = FileManager.default.temporaryDirectory.path + "/plotline-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                       "--user-data-dir=\(profile)", "--screenshot=\(output)", "--window-size=1280,1000",
                       "--virtual-time-budget=\(budgetMs)", url]
        let log = Pipe()
        p.standardOutput = log
        p.standardError = log
        try p.run()
        let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0, FileManager.default.fileExists(atPath: output) else {
            throw NSError(domain: "chromium", code: Int(p.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "chromium exited \(p.terminationStatus) without a screenshot:\n\(text.suffix(2000))"])
        }
    }
}
