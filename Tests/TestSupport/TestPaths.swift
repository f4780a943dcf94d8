import Foundation

/// The `Goldens` folder beside the calling test file (`Tests/RasterTests/Goldens`).
public func goldensDirectory(_ filePath: StaticString = #filePath) -> String {
    let path = "\(filePath)"
    guard let slash = path.lastIndex(of: "/") else { return "Goldens" }
    return String(path[..<slash]) + "/Goldens"
}

/// The package root: the nearest folder above this source file holding Package.swift.
public func packageRoot() -> String {
    var url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            return url.path
        }
        url.deleteLastPathComponent()
    }
    return FileManager.default.currentDirectoryPath
}

/// `<package root>/.build/test-output`, created if needed: for images people should look at
/// (gallery sheets) that are not goldens.
public func testOutputDirectory() -> String {
    let path = packageRoot() + "/.build/test-output"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
