import Foundation
import TestSupport
import XCTest

/// Runs the Python helper's pytest suite (python/tests) against the `plotline` binary built here.
///
/// The suite includes real notebooks executed through ipykernel, the seed notebook in JupyterLab
/// and Notebook 7 in headless Chromium, and the wheel built, installed into a fresh venv and run
/// from there. Its packages live in a virtual environment, never in the system Python: the
/// interpreter is `$PLOTLINE_PYTHON`, else the checkout's `.venv/bin/python`, which
/// `bash .ci/setup-tests` creates from python/requirements-test.txt. A missing package, browser
/// or skipped test fails this test rather than passing it, so CI cannot pass without running
/// the Python side whole.
final class PythonHelperTests: XCTestCase {
    func testPytestSuitePasses() throws {
        let binary = try PlotlineBinary.require()
        let root = packageRoot()
        let python = Self.python(root: root)
        let check = try run([python, "-c", "import pytest, nbclient, ipykernel, ipywidgets, nbformat, jupyterlab, selenium, build, numpy"],
                            in: root, binary: binary)
        guard check.status == 0 else {
            XCTFail("the Python test packages are missing from \(python) (run `bash .ci/setup-tests`):\n\(check.output)")
            return
        }
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: tool) {
            XCTFail("\(tool) is missing (run `bash .ci/setup-tests`: apt chromium chromium-driver)")
            return
        }
        let result = try run([python, "-m", "pytest", "-q", "-rs", "--durations=25", "-p", "no:cacheprovider", "python/tests"], in: root, binary: binary)
        // pytest's summary and its 25 slowest steps go into the test log, pass or fail.
        print(result.output.split(separator: "\n").suffix(60).joined(separator: "\n"))
        XCTAssertEqual(result.status, 0, "pytest python/tests failed:\n\(result.output)")
        XCTAssertTrue(result.output.contains(" passed"), result.output)
        XCTAssertFalse(result.output.contains(" skipped"), "no Python test may be skipped:\n\(result.output)")
    }

    /// The Python that runs the suite: `$PLOTLINE_PYTHON`, else `<root>/.venv/bin/python`, else `python3`.
    static func python(root: String) -> String {
        if let given = ProcessInfo.processInfo.environment["PLOTLINE_PYTHON"], !given.isEmpty { return given }
        let venv = root + "/.venv/bin/python"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    struct Outcome { var status: Int32; var output: String }

    func run(_ args: [String], in directory: String, binary: String) throws -> Outcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["PLOTLINE_BIN"] = binary
        environment["PLOTLINE_FONTS"] = directory + "/Fonts"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        p.environment = environment
        let pipe = Pipe()
        p.standardOutput = pipe; p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
