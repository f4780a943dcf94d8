import PNG
import Raster

/// The PNG encoders: the input's pixels become a premultiplied pixmap, written with the run
/// deflater (`PNG.Options.default`'s compressor) and with libdeflate level 1, and decoded again
/// by libpng; any difference in pixels traps. Control bytes: width − 1 (1...256 px), which of
/// the two (or both), whether to repeat each row a few times (the run deflater's row matches),
/// and the row filter. The remaining bytes are RGBA pixels, each channel clamped to its alpha.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNGEncode(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(data, count)
    let width = Int(input.take()) + 1
    let which = input.take(), repeats = Int(input.take() % 4), filterByte = input.take()
    let filter = PNG.Filter.allCases[Int(filterByte) % PNG.Filter.allCases.count]
    let pixels = input.bytes.count / 4
    guard pixels >= 1 else { return 0 }
    let height = max(1, (pixels + width - 1) / width) * (repeats + 1)
    var rgba = [UInt8](repeating: 0, count: width * height * 4)
    for y in 0..<height {
        for x in 0..<width {
            let i = ((y / (repeats + 1)) * width + x) % pixels * 4
            let a = input.bytes[i + 3]
            let o = (y * width + x) * 4
            rgba[o] = min(input.bytes[i], a); rgba[o + 1] = min(input.bytes[i + 1], a)
            rgba[o + 2] = min(input.bytes[i + 2], a); rgba[o + 3] = a
        }
    }
    guard let pixmap = try? Pixmap(width: width, height: height, premultipliedData: rgba) else { return 0 }
    var options: [PNG.Options] = []
    if which % 3 != 1 { options.append(PNG.Options(compressionLevel: 1, filter: filter, compressor: .runs)) }
    if which % 3 != 0 { options.append(PNG.Options(compressionLevel: 1, filter: filter, compressor: .libdeflate)) }
    for o in options {
        guard let png = try? PNG.encode(pixmap, options: o) else { fatalError("encode failed: \(o)") }
        guard let back = try? PNG.decode(png), back == pixmap else { fatalError("round trip differs: \(o)") }
    }
    return 0
}
