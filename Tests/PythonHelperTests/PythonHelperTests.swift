import Foundation
import TestSupport
import XCTest

/// Runs the Python helper's pytest suite (python/tests) against the `plotline` binary built here.
///
/// The suite includes real notebooks executed through ipykernel, so it needs pytest, nbclient,
/// ipykernel, ipywidgets and nbformat, and numpy (the seed notebook of python/README.md uses it):
/// `bash .ci/setup` installs them. Their absence fails
/// this test rather than skipping it, so CI cannot pass without running the Python side.
final class PythonHelperTests: XCTestCase {
    func testPytestSuitePasses() throws {
        let binary = try PlotlineBinary.require()
        let root = packageRoot()
        let check = try run(["python3", "-c", "import pytest, nbclient, ipykernel, ipywidgets, nbformat, numpy"], in: root, binary: binary)
        guard check.status == 0 else {
            XCTFail("the Python test packages are missing (run `bash .ci/setup`):\n\(check.output)")
            return
        }
        let result = try run(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "python/tests"], in: root, binary: binary)
        XCTAssertEqual(result.status, 0, "pytest python/tests failed:\n\(result.output)")
        XCTAssertTrue(result.output.contains(" passed"), result.output)
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
