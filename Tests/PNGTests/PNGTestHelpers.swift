import Foundation
import Raster
import TestSupport

/// A random valid premultiplied pixmap (every channel ≤ alpha); `opaque` forces alpha 255,
/// otherwise a quarter of the pixels are transparent, a quarter opaque, the rest partial.
func randomPixmap(width: Int, height: Int, seed: UInt64, opaque: Bool = false) throws -> Pixmap {
    var rng = SeededRandom(seed: seed)
    var p = try Pixmap(width: width, height: height)
    for y in 0..<height {
        for x in 0..<width {
            let a: UInt8
            if opaque {
                a = 255
            } else {
                switch UInt8.random(in: 0...3, using: &rng) {
                case 0: a = 0
                case 1: a = 255
                default: a = UInt8.random(in: 1...254, using: &rng)
                }
            }
            func channel() -> UInt8 { a == 0 ? 0 : UInt8.random(in: 0...a, using: &rng) }
            p.setPixel(x: x, y: y, PremultipliedColor(r: channel(), g: channel(), b: channel(), a: a))
        }
    }
    return p
}

/// The chunk types of a PNG file in order (no CRC check: the decoder tests that).
func chunkTypes(_ png: [UInt8]) -> [String] {
    var types: [String] = []
    var i = 8
    while i + 8 <= png.count {
        let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
        types.append(String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self))
        i += 12 + length
    }
    return types
}

/// The byte offset of the first chunk of `type`, pointing at its length field.
func chunkOffset(_ png: [UInt8], _ type: String) -> Int? {
    var i = 8
    while i + 8 <= png.count {
        let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
        if String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self) == type { return i }
        i += 12 + length
    }
    return nil
}

/// A fresh empty temporary folder.
func makeTemporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "plotline-png-tests-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
