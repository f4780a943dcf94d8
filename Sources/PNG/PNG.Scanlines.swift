import CDeflate
import Raster

extension PNG {
    /// A pixmap's PNG scanlines: per row, a filter-type byte and the filtered 8-bit samples.
    ///
    /// Opaque pixmaps become RGB (3 bytes a pixel), others straight-alpha RGBA rounded as
    /// `PNG.demultiplied`. Filters follow the PNG specification (section 9): `.all` picks, per
    /// row, the filter whose bytes have the smallest sum of absolute values taken as signed,
    /// the heuristic libpng uses. The first row filters against a row of zeros.
    struct Scanlines {
        var colorType: ColorType
        /// `height` rows of `1 + width × bytesPerPixel` bytes.
        var bytes: [UInt8]

        init(_ pixmap: Pixmap, filter: PNG.Filter) {
            if filter == .none, let rgb = Scanlines.packedIfOpaque(pixmap) {
                colorType = .rgb
                bytes = rgb
                return
            }
            let opaque = pixmap.data.withUnsafeBytes(Scanlines.allOpaque)
            let bpp = opaque ? 3 : 4
            let width = pixmap.width, height = pixmap.height
            let rowBytes = width * bpp, stride = rowBytes + 1
            colorType = opaque ? .rgb : .rgba
            let source = opaque ? pixmap.data : PNG.demultiplied(pixmap.data)
            bytes = [UInt8](unsafeUninitializedCapacity: stride * height) { out, count in
                source.withUnsafeBufferPointer { src in
                    let s = src.baseAddress!, o = out.baseAddress!
                    if filter == .none {
                        for y in 0..<height {
                            o[y * stride] = 0
                            Scanlines.pack(s + y * width * 4, into: o + y * stride + 1, width: width, opaque: opaque)
                        }
                    } else {
                        Scanlines.filterRows(s, into: o, width: width, height: height, opaque: opaque, filter: filter)
                    }
                }
                count = stride * height
            }
        }

        /// Whether every alpha byte of RGBA pixels is 255: `Pixmap.isOpaque`, a word at a time
        /// (the pixel loop with a branch per byte cost about 1 ms a 1200×800 figure).
        static func allOpaque(_ bytes: UnsafeRawBufferPointer) -> Bool {
            guard let base = bytes.baseAddress, bytes.count >= 4 else { return true }
            var alpha: UInt32 = 0  // the alpha byte's bits in a native-endian pixel word
            withUnsafeMutableBytes(of: &alpha) { $0[3] = 0xff }
            let words = bytes.count / 4
            var all = UInt32.max, i = 0
            while i < words {
                // Blocks of 4,096 pixels without a branch (vectorized), then one test.
                let stop = min(words, i + 4096)
                while i < stop {
                    all &= base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
                    i += 1
                }
                if all & alpha != alpha { return false }
            }
            return true
        }

        /// The unfiltered RGB scanlines when every pixel is opaque, else nil: the opacity test
        /// made while packing (one pass over the pixels instead of two; a row with a translucent
        /// pixel stops it), as figures are almost always opaque.
        static func packedIfOpaque(_ pixmap: Pixmap) -> [UInt8]? {
            let width = pixmap.width, height = pixmap.height, stride = width * 3 + 1
            guard width > 0, height > 0 else { return nil }
            var alpha: UInt32 = 0  // the alpha byte's bits in a native-endian pixel word
            withUnsafeMutableBytes(of: &alpha) { $0[3] = 0xff }
            var opaque = true
            let bytes = [UInt8](unsafeUninitializedCapacity: stride * height) { out, count in
                pixmap.data.withUnsafeBytes { src in
                    let s = src.baseAddress!, o = UnsafeMutableRawPointer(out.baseAddress!)
                    HugePages.advise(o, count: stride * height)  // before the first write
                    for y in 0..<height {
                        let row = s + y * width * 4, dst = o + y * stride
                        dst.storeBytes(of: 0, as: UInt8.self)
                        var all = UInt32.max, i = 0, at = 1
                        // 4-byte stores 3 bytes apart (each 4th byte is overwritten by the next
                        // pixel), the last pixel by bytes: nothing is written past the row.
                        for _ in 0..<(width - 1) {
                            let word = row.loadUnaligned(fromByteOffset: i, as: UInt32.self)
                            all &= word
                            dst.storeBytes(of: word, toByteOffset: at, as: UInt32.self)
                            i += 4; at += 3
                        }
                        let last = row.loadUnaligned(fromByteOffset: i, as: UInt32.self)
                        all &= last
                        withUnsafeBytes(of: last) { (dst + at).copyMemory(from: $0.baseAddress!, byteCount: 3) }
                        if all & alpha != alpha { opaque = false; break }
                    }
                }
                count = opaque ? stride * height : 0
            }
            return opaque ? bytes : nil
        }

        /// Packs an opaque pixmap's RGBA rows (`width × height` at `base`) into its RGB
        /// scanlines with filter type 0, in the same memory, and returns their Adler-32 (zlib's
        /// checksum, taken row by row while each is in the scratch buffer: no second pass over
        /// 2.9 MB for the deflate stream); nil (the memory as it was) when a pixel is translucent.
        ///
        /// Each row is packed into a row-sized scratch buffer (kept in L1 cache) with its opacity
        /// test folded in, then moved to its place: row y's scanline starts at y·(3w + 1), at or
        /// before its pixels at 4w·y, so it only overwrites pixels already packed. Packing
        /// straight into place was twice as slow (the stores chase the loads through the same
        /// lines). At a translucent row the rows already packed are expanded back.
        static func packInPlace(_ base: UnsafeMutableRawPointer, width: Int, height: Int) -> UInt32? {
            guard width > 0, height > 0 else { return nil }
            let stride = width * 3 + 1, rowBytes = width * 4
            var alpha: UInt32 = 0  // the alpha byte's bits in a native-endian pixel word
            withUnsafeMutableBytes(of: &alpha) { $0[3] = 0xff }
            let scratch = UnsafeMutableRawPointer.allocate(byteCount: stride + 4, alignment: 16)
            defer { scratch.deallocate() }
            var adler = libdeflate_adler32(1, nil, 0)
            for y in 0..<height {
                let row = UnsafeRawPointer(base + y * rowBytes)
                scratch.storeBytes(of: 0, as: UInt8.self)
                // 4-byte stores 3 bytes apart, the last one past the row into the scratch's slack.
                var all = UInt32.max, i = 0, at = 1
                for _ in 0..<width {
                    let word = row.loadUnaligned(fromByteOffset: i, as: UInt32.self)
                    all &= word
                    scratch.storeBytes(of: word, toByteOffset: at, as: UInt32.self)
                    i += 4; at += 3
                }
                if all & alpha != alpha {
                    unpack(base, rows: y, width: width)
                    return nil
                }
                adler = libdeflate_adler32(adler, scratch, stride)
                (base + y * stride).copyMemory(from: scratch, byteCount: stride)
            }
            return UInt32(adler)
        }

        /// Undoes `packInPlace` for its first `rows` rows: RGB scanlines back to RGBA pixels of
        /// alpha 255, last row first and each right to left, so no byte is written before it is read.
        static func unpack(_ base: UnsafeMutableRawPointer, rows: Int, width: Int) {
            let stride = width * 3 + 1, rowBytes = width * 4
            var y = rows - 1
            while y >= 0 {
                let src = UnsafeRawPointer(base + y * stride + 1), dst = base + y * rowBytes
                var x = width - 1
                while x >= 0 {
                    let r = src.load(fromByteOffset: x * 3, as: UInt8.self)
                    let g = src.load(fromByteOffset: x * 3 + 1, as: UInt8.self)
                    let b = src.load(fromByteOffset: x * 3 + 2, as: UInt8.self)
                    dst.storeBytes(of: r, toByteOffset: x * 4, as: UInt8.self)
                    dst.storeBytes(of: g, toByteOffset: x * 4 + 1, as: UInt8.self)
                    dst.storeBytes(of: b, toByteOffset: x * 4 + 2, as: UInt8.self)
                    dst.storeBytes(of: 255, toByteOffset: x * 4 + 3, as: UInt8.self)
                    x -= 1
                }
                y -= 1
            }
        }

        /// Copies one row of 4-byte pixels as RGB (opaque) or RGBA.
        @inline(__always)
        static func pack(_ src: UnsafePointer<UInt8>, into dst: UnsafeMutablePointer<UInt8>, width: Int, opaque: Bool) {
            if opaque {
                guard width > 0 else { return }
                // Whole 4-byte pixels stored 3 bytes apart: each store's 4th byte is overwritten
                // by the next pixel's; the last pixel is copied byte by byte, so nothing is
                // written past the row.
                let s = UnsafeRawPointer(src), d = UnsafeMutableRawPointer(dst)
                var i = 0, o = 0
                for _ in 0..<(width - 1) {
                    d.storeBytes(of: s.loadUnaligned(fromByteOffset: i, as: UInt32.self), toByteOffset: o, as: UInt32.self)
                    i += 4; o += 3
                }
                dst[o] = src[i]; dst[o + 1] = src[i + 1]; dst[o + 2] = src[i + 2]
            } else {
                dst.update(from: src, count: width * 4)
            }
        }

        static func filterRows(_ s: UnsafePointer<UInt8>, into o: UnsafeMutablePointer<UInt8>, width: Int, height: Int,
                               opaque: Bool, filter: PNG.Filter) {
            let bpp = opaque ? 3 : 4, rowBytes = width * bpp, stride = rowBytes + 1
            // Two raw rows (previous, current), plus one scratch row per candidate for `.all`.
            let rows = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * rowBytes)
            let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: filter == .all ? 5 * rowBytes : 0)
            defer { rows.deallocate(); scratch.deallocate() }
            var prev = rows, cur = rows + rowBytes
            prev.initialize(repeating: 0, count: rowBytes)
            let fixedType: UInt8 = filter.typeByte
            for y in 0..<height {
                pack(s + y * width * 4, into: cur, width: width, opaque: opaque)
                let dst = o + y * stride
                if filter == .all {
                    var best: UInt8 = 0, bestSum = Int.max
                    for t in UInt8(0)...4 {
                        let candidate = scratch + Int(t) * rowBytes
                        apply(t, cur, prev, candidate, rowBytes, bpp)
                        var sum = 0
                        for i in 0..<rowBytes {
                            let v = Int(candidate[i]); sum &+= v < 128 ? v : 256 - v
                        }
                        if sum < bestSum { bestSum = sum; best = t }
                    }
                    dst[0] = best
                    (dst + 1).update(from: scratch + Int(best) * rowBytes, count: rowBytes)
                } else {
                    dst[0] = fixedType
                    apply(fixedType, cur, prev, dst + 1, rowBytes, bpp)
                }
                swap(&prev, &cur)
            }
        }

        /// Filters one row with PNG filter type `t` (0 none ... 4 Paeth) into `out`.
        @inline(__always)
        static func apply(_ t: UInt8, _ cur: UnsafePointer<UInt8>, _ prev: UnsafePointer<UInt8>,
                          _ out: UnsafeMutablePointer<UInt8>, _ n: Int, _ bpp: Int) {
            switch t {
            case 0:
                out.update(from: cur, count: n)
            case 1:
                for i in 0..<min(bpp, n) { out[i] = cur[i] }
                for i in bpp..<max(bpp, n) { out[i] = cur[i] &- cur[i - bpp] }
            case 2:
                for i in 0..<n { out[i] = cur[i] &- prev[i] }
            case 3:
                for i in 0..<min(bpp, n) { out[i] = cur[i] &- prev[i] / 2 }
                for i in bpp..<max(bpp, n) { out[i] = cur[i] &- UInt8((Int(cur[i - bpp]) + Int(prev[i])) / 2) }
            default:
                for i in 0..<min(bpp, n) { out[i] = cur[i] &- prev[i] }  // Paeth with a = c = 0 picks b
                for i in bpp..<max(bpp, n) {
                    let a = Int(cur[i - bpp]), b = Int(prev[i]), c = Int(prev[i - bpp])
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    let predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                    out[i] = cur[i] &- UInt8(predictor)
                }
            }
        }
    }
}
