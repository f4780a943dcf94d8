import Foundation
import PNG
import Raster
import TestSupport
import XCTest

final class AtomicFileTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws { folder = try makeTemporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    func testWriteLeavesExactlyTheTarget() throws {
        let path = folder + "/out.png"
        let p = try randomPixmap(width: 30, height: 20, seed: 41)
        try PNG.write(p, to: path)
        XCTAssertEqual(try listing(), ["out.png"])
        XCTAssertEqual(try PNG.read(path: path), p)
        XCTAssertEqual(try Array(Data(contentsOf: URL(fileURLWithPath: path))), try PNG.encode(p))
    }

    func testOverwriteReplacesTheWholeFileAndKeepsItsMode() throws {
        let path = folder + "/data.bin"
        try AtomicFile.write([UInt8](repeating: 7, count: 100_000), to: path)
        XCTAssertEqual(chmod(path, 0o640), 0)
        try AtomicFile.write([1, 2, 3], to: path)
        XCTAssertEqual(try Array(Data(contentsOf: URL(fileURLWithPath: path))), [1, 2, 3])
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o640)
        XCTAssertEqual(try listing(), ["data.bin"])
    }

    func testANonDurableWriteStillReplacesWholeAndLeavesNoTemporaryFile() throws {
        let path = folder + "/live.bin"
        try AtomicFile.write([UInt8](repeating: 7, count: 100_000), to: path, durable: false)
        try AtomicFile.write([4, 5, 6], to: path, durable: false)
        XCTAssertEqual(try Array(Data(contentsOf: URL(fileURLWithPath: path))), [4, 5, 6])
        XCTAssertEqual(try listing(), ["live.bin"])
        XCTAssertThrowsError(try AtomicFile.write([1], to: folder + "/no/such/folder.bin", durable: false))
    }

    func testMissingFolderThrowsNamingThePath() throws {
        let path = folder + "/no/such/folder/out.png"
        XCTAssertThrowsError(try PNG.write(Pixmap(width: 2, height: 2), to: path)) { e in
            let error = e as? FileError
            XCTAssertEqual(error?.code, ENOENT)
            XCTAssertTrue("\(e)".contains(path), "\(e)")
            XCTAssertTrue("\(e)".contains("No such file or directory"), "\(e)")
        }
        XCTAssertEqual(try listing(), [])
    }

    func testTargetIsADirectoryThrowsAndLeavesNoTemporaryFile() throws {
        let path = folder + "/taken"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFile.write([1, 2, 3], to: path)) { e in
            XCTAssertEqual((e as? FileError)?.code, EISDIR)
            XCTAssertTrue("\(e)".contains(path), "\(e)")
            XCTAssertTrue("\(e)".contains("Is a directory"), "\(e)")
        }
        XCTAssertEqual(try listing(), ["taken"])
        XCTAssertThrowsError(try AtomicFile.write([1], to: folder + "/")) { XCTAssertEqual(($0 as? FileError)?.code, EISDIR) }
    }

    func testReadOfMissingFileNamesThePath() {
        let path = folder + "/absent.png"
        XCTAssertThrowsError(try PNG.read(path: path)) {
            XCTAssertEqual(($0 as? FileError)?.code, ENOENT)
            XCTAssertTrue("\($0)".contains(path))
        }
    }

    func testReadOfNonPNGNamesThePath() throws {
        let path = folder + "/fake.png"
        try AtomicFile.write(Array("hello".utf8), to: path)
        XCTAssertThrowsError(try PNG.read(path: path)) {
            guard case .fileDecodeFailed(let p, _) = $0 as? PNGError else { return XCTFail("\($0)") }
            XCTAssertEqual(p, path)
        }
    }

    func testConcurrentReaderNeverSeesAPartialFile() throws {
        let path = folder + "/live.png"
        // Two images of different sizes, so a torn file could not pass as either.
        let images = [try randomPixmap(width: 300, height: 200, seed: 1), try randomPixmap(width: 160, height: 90, seed: 2)]
        try PNG.write(images[0], to: path)
        let reader = PollingReader(path: path, expected: images)
        let thread = Thread { reader.run() }
        thread.start()
        for i in 0..<200 { try PNG.write(images[i % 2], to: path) }
        let (reads, failures) = reader.stop()
        XCTAssertEqual(failures.count, 0, "the reader saw \(failures.count) partial or wrong files, e.g. \(failures.prefix(3))")
        XCTAssertGreaterThan(reads, 0)
        XCTAssertEqual(try listing(), ["live.png"])
    }
}

/// Reads and decodes a file in a loop on its own thread until stopped.
private final class PollingReader: @unchecked Sendable {
    let path: String
    let expected: [Pixmap]
    private let lock = NSCondition()
    private var stopping = false, finished = false
    private var reads = 0
    private var failures: [String] = []

    init(path: String, expected: [Pixmap]) { self.path = path; self.expected = expected }

    func run() {
        while true {
            lock.lock(); let stop = stopping; lock.unlock()
            if stop { break }
            var failure: String?
            do {
                let p = try PNG.read(path: path)
                if !expected.contains(p) { failure = "decoded an image that was never written" }
            } catch {
                failure = "\(error)"
            }
            lock.lock(); reads += 1; if let failure { failures.append(failure) }; lock.unlock()
        }
        lock.lock(); finished = true; lock.broadcast(); lock.unlock()
    }

    func stop() -> (Int, [String]) {
        lock.lock()
        stopping = true
        while !finished { lock.wait() }
        defer { lock.unlock() }
        return (reads, failures)
    }
}
