import Foundation
import PNG
import Vector
import XCTest

/// The output format comes from the extension, and output paths that are links, devices or
/// FIFOs are written where they lead, never replaced.
final class OutputFormatTests: XCTestCase {
    func testExtensionPicksTheFormat() throws {
        XCTAssertEqual(try OutputFormat(path: "fig.png"), .png)
        XCTAssertEqual(try OutputFormat(path: "out/fig.SVG"), .svg)
        XCTAssertEqual(try OutputFormat(path: "a.b/fig.pdf"), .pdf)
        XCTAssertEqual(try OutputFormat(path: "-"), .png, "standard output is PNG")
        XCTAssertEqual(OutputFormat(name: ".pdf"), .pdf)
        XCTAssertNil(OutputFormat(name: "jpg"))
    }

    func testOtherExtensionsAreErrorsListingTheFormats() {
        for (path, ext) in [("fig.jpg", "jpg"), ("fig.svgz", "svgz"), ("a.png/fig", nil), (".pdf", nil), ("dir/", nil)] as [(String, String?)] {
            XCTAssertThrowsError(try OutputFormat(path: path), path) { error in
                let e = error as? OutputFormatError
                XCTAssertEqual(e?.fileExtension, ext, path)
                XCTAssertTrue("\(error)".contains(".png, .svg or .pdf"), "\(error)")
                XCTAssertTrue("\(error)".contains(path), "\(error)")
            }
        }
    }

    func testTargetsFollowLinksAndWriteDevicesDirectly() throws {
        let dir = NSTemporaryDirectory() + "plotline-target-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        XCTAssertEqual(AtomicFile.target(for: dir + "/new.png"), .atomic(dir + "/new.png"))
        XCTAssertEqual(AtomicFile.target(for: "/dev/null"), .direct("/dev/null"))
        // A chain of links, relative and absolute, to a file that does not exist yet.
        try FileManager.default.createSymbolicLink(atPath: dir + "/b.png", withDestinationPath: dir + "/real.png")
        try FileManager.default.createSymbolicLink(atPath: dir + "/a.png", withDestinationPath: "b.png")
        XCTAssertEqual(AtomicFile.target(for: dir + "/a.png"), .atomic(dir + "/real.png"))
        try AtomicFile.write([1, 2, 3], to: dir + "/a.png")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/a.png"), "b.png")
        XCTAssertEqual(FileManager.default.contents(atPath: dir + "/real.png"), Data([1, 2, 3]))
        // A link to a character device is written through, and the device stays a device.
        try FileManager.default.createSymbolicLink(atPath: dir + "/null.svg", withDestinationPath: "/dev/null")
        XCTAssertEqual(AtomicFile.target(for: dir + "/null.svg"), .direct("/dev/null"))
        try AtomicFile.write([1, 2, 3], to: dir + "/null.svg")
        var st = stat()
        XCTAssertEqual(lstat("/dev/null", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR)
        // A loop of links is an error, not a hang.
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop1.png", withDestinationPath: "loop2.png")
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop2.png", withDestinationPath: "loop1.png")
        XCTAssertThrowsError(try AtomicFile.write([1], to: dir + "/loop1.png"))
    }
}
