import FigureSpec
import Foundation
import Table
import TestSupport
import XCTest

/// A spec reads data only inside its folder unless the user allows more (issue 12, item 2):
/// absolute paths, `../`, `~/` and links out of the folder used to read any file.
final class ReadConfinementTests: XCTestCase {
    private var base = "", folder = "", outside = ""
    /// A value no temporary path can contain (paths hold only hex digits and letters), unlike "42".
    private let secretValue = 0.000731

    override func setUpWithError() throws {
        base = NSTemporaryDirectory() + "plotline-confine-\(UUID().uuidString)"
        folder = base + "/specs"
        outside = base + "/outside"
        for dir in [folder + "/sub", outside] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try "step,loss\n1,0.5\n2,0.4\n".write(toFile: folder + "/sub/in.csv", atomically: true, encoding: .utf8)
        try "step,secret\n1,\(secretValue)\n".write(toFile: outside + "/secret.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: outside + "/secret.csv")
        try FileManager.default.createSymbolicLink(atPath: folder + "/dirlink", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: folder + "/inside-link.csv", withDestinationPath: "sub/in.csv")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: base)
    }

    private func spec(_ path: String) throws -> FigureSpec {
        let text = "{\"version\": 1, \"data\": {\"d\": \"\(path)\"}, \"panels\": [{\"series\": [{\"x\": \"step\", \"y\": \"loss\"}]}]}"
        try text.write(toFile: folder + "/f.plot.json", atomically: true, encoding: .utf8)
        return try FigureSpec.load(path: folder + "/f.plot.json")
    }

    private func confined(_ spec: FigureSpec, allowed: [String] = []) -> ReadConfinement {
        ReadConfinement(root: spec.directory, allowed: allowed)
    }

    func testPathsInsideTheFolderRead() throws {
        for path in ["sub/in.csv", "./sub/../sub/in.csv", folder + "/sub/in.csv", "inside-link.csv"] {
            let s = try spec(path)
            XCTAssertEqual(try s.readTables(confinement: confined(s))["d"]?.rowCount, 2, path)
        }
    }

    func testPathsLeadingOutAreRefusedWithoutReadingThem() throws {
        let real = ReadConfinement(root: folder).roots[0]
        for path in ["../outside/secret.csv", outside + "/secret.csv", "link.csv", "dirlink/secret.csv", "/proc/self/environ",
                     "sub/../../outside/secret.csv"] {
            let s = try spec(path)
            let message = errorText { try s.readTables(confinement: confined(s)) }
            XCTAssertEqual(message, "\(folder)/f.plot.json: not allowed to read: \"\(path)\" is outside \(real) "
                           + "(after resolving links); pass --allow-read PATH to read it", path)
            XCTAssertFalse(message.contains(String(secretValue)), "the refused file's contents leak into the message")
        }
    }

    func testDotDotAfterALinkIsResolvedAsTextAndStaysInside() throws {
        // Spec paths lose their `..` as text (specs/outside/secret.csv), which is what is checked and read.
        let s = try spec("dirlink/../outside/secret.csv")
        XCTAssertEqual(errorText { try s.readTables(confinement: confined(s)) },
                       "\(folder)/outside/secret.csv: cannot read the file (No such file or directory)")
    }

    func testHomeRelativePathIsConfinedToo() throws {
        let s = try spec("~/.bashrc")
        XCTAssertTrue(errorText { try s.readTables(confinement: confined(s)) }.contains("not allowed to read: \"~/.bashrc\""))
    }

    func testAllowReadOptsIn() throws {
        let s = try spec("link.csv")
        XCTAssertEqual(try s.readTables(confinement: confined(s, allowed: [outside]))["d"]?.rowCount, 1)
        XCTAssertEqual(try s.readTables(confinement: confined(s, allowed: [outside + "/secret.csv"]))["d"]?.rowCount, 1)
        XCTAssertTrue(errorText { try s.readTables(confinement: confined(s, allowed: [outside + "/other.csv"])) }
            .contains("not allowed to read"))
    }

    func testAMissingFileInsideIsAnOrdinaryError() throws {
        let s = try spec("sub/none.csv")
        XCTAssertEqual(errorText { try s.readTables(confinement: confined(s)) },
                       "\(folder)/sub/none.csv: cannot read the file (No such file or directory)")
    }

    func testUnconfinedReadsAnywhere() throws {
        let s = try spec("../outside/secret.csv")
        XCTAssertEqual(try s.readTables()["d"]?.rowCount, 1, "library callers keep the old behaviour")
    }
}
