import Foundation
import Serve
import XCTest

/// Path safety: what a URL path may reach under the served folder.
final class ServedPathTests: XCTestCase {
    var root = ""
    var outside = ""

    override func setUp() {
        let base = serveTemporaryFolder()
        root = base + "/root"
        outside = base + "/outside"
        writeText(root + "/a.png", "png a")
        writeText(root + "/sub/b.png.json", "{}")
        writeText(root + "/sub/b.png", "png b")
        writeText(root + "/data.csv", "x,y\n1,2\n")
        writeText(root + "/.hidden.png", "hidden")
        writeText(root + "/folder.png/inner.png", "a folder named like a figure")
        writeText(outside + "/secret.png", "secret")
        let fm = FileManager.default
        try? fm.createSymbolicLink(atPath: root + "/escape.png", withDestinationPath: outside + "/secret.png")
        try? fm.createSymbolicLink(atPath: root + "/linkdir", withDestinationPath: outside)
        try? fm.createSymbolicLink(atPath: root + "/relative-escape.png", withDestinationPath: "../outside/secret.png")
        try? fm.createSymbolicLink(atPath: root + "/inside.png", withDestinationPath: "sub/b.png")
        try? fm.createSymbolicLink(atPath: root + "/csv.png", withDestinationPath: "data.csv")
    }

    func status(_ path: String) -> Int {
        do { _ = try ServedPath(path, root: root); return 200 } catch { return error.status }
    }

    func testAllowedFiles() throws {
        let a = try ServedPath("/a.png", root: root)
        XCTAssertEqual(a.relative, "a.png")
        XCTAssertEqual(a.absolute, root + "/a.png")
        XCTAssertEqual(try ServedPath("/sub/b.png.json", root: root).absolute, root + "/sub/b.png.json")
        XCTAssertEqual(try ServedPath("/s%75b/b.png", root: root).relative, "sub/b.png", "escapes are decoded")
        let link = try ServedPath("/inside.png", root: root)
        XCTAssertEqual(link.relative, "inside.png")
        XCTAssertEqual(link.absolute, root + "/sub/b.png", "a symlink inside the root is followed")
    }

    func testRefusedPaths() {
        let cases: [(String, Int)] = [
            ("/../outside/secret.png", 403),
            ("/sub/../a.png", 403),
            ("/%2e%2e/outside/secret.png", 403),
            ("/%2E%2E/outside/secret.png", 403),
            ("/sub/%2e%2e/%2e%2e/outside/secret.png", 403),
            ("/sub%2f..%2f..%2foutside%2fsecret.png", 403),  // encoded slashes
            ("/./a.png", 403),
            ("//etc/passwd.png", 403),  // absolute path smuggled as an empty segment
            ("/%2fetc%2fpasswd.png", 403),
            ("/a.png%00.png", 403),
            ("/..%5coutside%5csecret.png", 403),  // backslash
            ("/escape.png", 403),  // symlink to a file outside
            ("/relative-escape.png", 403),
            ("/linkdir/secret.png", 403),  // symlinked folder outside
            ("/csv.png", 403),  // symlink inside, to a type that is not served
            ("/data.csv", 404),
            ("/missing.png", 404),
            ("/.hidden.png", 404),
            ("/sub", 404),
            ("/folder.png", 404),  // a folder, not a file
            ("/a.png%zz", 400),
            ("/a.png%4", 400),
            ("/%ff%fe.png", 400),  // not UTF-8
        ]
        for (path, expected) in cases {
            XCTAssertEqual(status(path), expected, path)
        }
    }
}
