/// Why a pixmap could not be created.
public enum PixmapError: Error, Equatable, CustomStringConvertible {
    case invalidSize(width: Int, height: Int)
    public var description: String {
        switch self {
        case .invalidSize(let w, let h):
            return "invalid pixmap size \(w)×\(h): each side must be 1...\(Pixmap.maxSide) and the area at most \(Pixmap.maxArea) pixels"
        }
    }
}

/// A premultiplied RGBA8 image in row-major order, 4 bytes a pixel, no row padding.
///
/// The size is checked once at creation, so everything that draws into a pixmap may rely on
/// `width`, `height` ≥ 1 and on `width × height × 4` fitting comfortably in memory.
public struct Pixmap: Sendable, Equatable {
    /// The largest side accepted (about 4 × an 8K display).
    public static let maxSide = 32_768
    /// The largest area accepted: 268 megapixels, 1 GiB of RGBA.
    public static let maxArea = 1 << 28

    public let width: Int
    public let height: Int
    /// Premultiplied R, G, B, A bytes, `width * 4` a row.
    public var data: [UInt8]

    /// A transparent pixmap; throws for a zero, negative or absurd size.
    public init(width: Int, height: Int) throws {
        guard width >= 1, height >= 1, width <= Pixmap.maxSide, height <= Pixmap.maxSide,
              width * height <= Pixmap.maxArea
        else { throw PixmapError.invalidSize(width: width, height: height) }
        self.width = width
        self.height = height
        self.data = [UInt8](repeating: 0, count: width * height * 4)
    }

    /// A pixmap whose bytes are set by `fill` right after (one pass over the memory instead of
    /// zeroing it first).
    private init(width: Int, height: Int, uninitialized: ()) throws {
        guard width >= 1, height >= 1, width <= Pixmap.maxSide, height <= Pixmap.maxSide,
              width * height <= Pixmap.maxArea
        else { throw PixmapError.invalidSize(width: width, height: height) }
        self.width = width
        self.height = height
        let count = width * height * 4
        self.data = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { HugePages.advise(base, count: count) }  // before the first write
            initialized = count
        }
    }

    /// A pixmap filled with one colour.
    public init(width: Int, height: Int, fill: Color) throws {
        try self.init(width: width, height: height, uninitialized: ())
        self.fill(fill)
    }

    /// A pixmap over existing premultiplied bytes (`width * height * 4` of them).
    public init(width: Int, height: Int, premultipliedData: [UInt8]) throws {
        try self.init(width: width, height: height)
        guard premultipliedData.count == width * height * 4 else {
            throw PixmapError.invalidSize(width: width, height: height)
        }
        self.data = premultipliedData
    }

    /// The pixmap's rectangle in device pixels.
    public var bounds: IntRect { IntRect(x: 0, y: 0, width: width, height: height) }

    /// Sets every pixel to `color` (no blending).
    public mutating func fill(_ color: Color) {
        let p = color.premultiplied
        data.withUnsafeMutableBytes { raw in
            let px = raw.bindMemory(to: UInt32.self)
            let v = PremultipliedColor.pack(p)
            for i in px.indices { px[i] = v }
        }
    }

    /// The premultiplied pixel at (x, y); the coordinates must be inside.
    public func pixel(x: Int, y: Int) -> PremultipliedColor {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height)")
        let i = (y * width + x) * 4
        return PremultipliedColor(r: data[i], g: data[i + 1], b: data[i + 2], a: data[i + 3])
    }

    public mutating func setPixel(x: Int, y: Int, _ c: PremultipliedColor) {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height)")
        let i = (y * width + x) * 4
        data[i] = c.r; data[i + 1] = c.g; data[i + 2] = c.b; data[i + 3] = c.a
    }

    /// True when every pixel is fully opaque (PNG can then drop the alpha channel).
    public var isOpaque: Bool {
        var i = 3
        while i < data.count { if data[i] != 255 { return false }; i += 4 }
        return true
    }
}

extension PremultipliedColor {
    /// The colour as a native-endian `UInt32` whose bytes in memory are R, G, B, A.
    @inlinable public static func pack(_ c: PremultipliedColor) -> UInt32 {
        UInt32(c.r) | UInt32(c.g) << 8 | UInt32(c.b) << 16 | UInt32(c.a) << 24
    }
}

/// An integer rectangle of whole pixels (half-open: `x ..< x + width`).
public struct IntRect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public func intersection(_ o: IntRect) -> IntRect? {
        let x0 = max(x, o.x), y0 = max(y, o.y), x1 = min(maxX, o.maxX), y1 = min(maxY, o.maxY)
        guard x1 > x0, y1 > y0 else { return nil }
        return IntRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
    public var description: String { "[\(x) \(y) \(width)x\(height)]" }
}
