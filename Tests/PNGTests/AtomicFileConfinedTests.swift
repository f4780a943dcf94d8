#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PNG
import TestSupport
import XCTest

/// `AtomicFile.write(_:to:under:)`: only below the root, through no link (issue 12, item 4),
/// and temporary names within NAME_MAX.
final class AtomicFileConfinedTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws { folder = try makeTemporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func testWritesBelowTheRootAndKeepsTheMode() throws {
        try FileManager.default.createDirectory(atPath: folder + "/root/a/b", withIntermediateDirectories: true)
        let path = folder + "/root/a/b/f.png"
        try AtomicFile.write([1, 2, 3], to: path, under: folder + "/root")
        XCTAssertEqual(chmod(path, 0o640), 0)
        try AtomicFile.write([4, 5], to: path, under: folder + "/root")
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data([4, 5]))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/root/a/b"), ["f.png"])
    }

    func testALinkedFolderOrAPathOutsideIsRefused() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/root", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: folder + "/outside", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: folder + "/root/x", withDestinationPath: folder + "/outside")
        XCTAssertThrowsError(try AtomicFile.write([1], to: folder + "/root/x/f.png", under: folder + "/root")) {
            XCTAssertTrue([ELOOP, ENOTDIR].contains(($0 as? FileError)?.code ?? 0), "\($0)")
            XCTAssertTrue("\($0)".contains("x is not a folder (a symbolic link is not followed)"), "\($0)")
        }
        XCTAssertThrowsError(try AtomicFile.write([1], to: folder + "/outside/f.png", under: folder + "/root")) {
            XCTAssertEqual(($0 as? FileError)?.code, EXDEV)
        }
        XCTAssertThrowsError(try AtomicFile.write([1], to: folder + "/root/../outside/f.png", under: folder + "/root"))
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: folder + "/outside"), [], "nothing written outside")
    }

    func testALinkAtTheTargetIsReplacedNotFollowed() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/root", withIntermediateDirectories: true)
        fm.createFile(atPath: folder + "/secret", contents: Data("keep".utf8))
        try fm.createSymbolicLink(atPath: folder + "/root/f.png", withDestinationPath: folder + "/secret")
        try AtomicFile.write([9], to: folder + "/root/f.png", under: folder + "/root")
        XCTAssertEqual(fm.contents(atPath: folder + "/secret"), Data("keep".utf8))
        XCTAssertEqual(try fm.attributesOfItem(atPath: folder + "/root/f.png")[.type] as? FileAttributeType, .typeRegular)
    }

    func testTemporaryNamesStayWithinNameMax() throws {
        // 245 bytes of two-byte characters: the name is cut at a character, not inside one.
        let temp = AtomicFile.temporaryName(for: String(repeating: "é", count: 120) + ".png", suffix: "abc123def456")
        XCTAssertLessThanOrEqual(temp.utf8.count, 255)
        XCTAssertNotNil(String(validating: Array(temp.utf8), as: UTF8.self))
        XCTAssertEqual(AtomicFile.temporaryOwner(of: temp), getpid())
        let long = String(repeating: "m", count: 230) + ".png"
        try AtomicFile.write([1], to: folder + "/" + long)
        try AtomicFile.write([2], to: folder + "/" + long + ".json")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), [long, long + ".json"])
        XCTAssertNil(AtomicFile.temporaryOwner(of: ".notes.tmp"))
        XCTAssertNil(AtomicFile.temporaryOwner(of: "a.png.12.x.tmp"))
        XCTAssertEqual(AtomicFile.temporaryOwner(of: ".a.b.png.77.zz9.tmp"), 77)
    }
}
