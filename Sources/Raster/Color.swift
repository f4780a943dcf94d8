/// A straight-alpha sRGB colour with 8-bit channels, as users write it (`#1f77b4`, alpha 0.3).
public struct Color: Hashable, Sendable, CustomStringConvertible {
    public var r: UInt8, g: UInt8, b: UInt8, a: UInt8

    public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// A colour from `0xRRGGBB` and an alpha in 0...1.
    public init(rgb: UInt32, alpha: Double = 1) {
        self.init(r: UInt8((rgb >> 16) & 0xff), g: UInt8((rgb >> 8) & 0xff), b: UInt8(rgb & 0xff),
                  a: Color.unitToByte(alpha))
    }

    /// Parses `#rgb`, `#rrggbb` or `#rrggbbaa`; nil for anything else.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.allSatisfy(\.isHexDigit) else { return nil }
        switch s.count {
        case 3:
            guard let v = UInt32(s, radix: 16) else { return nil }
            let r = UInt8((v >> 8) & 0xf), g = UInt8((v >> 4) & 0xf), b = UInt8(v & 0xf)
            self.init(r: r * 17, g: g * 17, b: b * 17)
        case 6:
            guard let v = UInt32(s, radix: 16) else { return nil }
            self.init(rgb: v)
        case 8:
            guard let v = UInt32(s, radix: 16) else { return nil }
            self.init(r: UInt8(v >> 24), g: UInt8((v >> 16) & 0xff), b: UInt8((v >> 8) & 0xff), a: UInt8(v & 0xff))
        default: return nil
        }
    }

    /// The same colour with its alpha multiplied by `opacity` (0...1).
    public func withOpacity(_ opacity: Double) -> Color {
        var c = self
        c.a = Color.unitToByte(Double(a) / 255 * opacity)
        return c
    }

    public var premultiplied: PremultipliedColor {
        PremultipliedColor(r: mul255(r, a), g: mul255(g, a), b: mul255(b, a), a: a)
    }

    public static func unitToByte(_ v: Double) -> UInt8 {
        guard v.isFinite else { return v > 0 ? 255 : 0 }
        return UInt8(max(0, min(255, (v * 255).rounded())))
    }

    public var description: String {
        let hex = [r, g, b].map { String($0, radix: 16).leftPadded(2) }.joined()
        return a == 255 ? "#\(hex)" : "#\(hex)\(String(a, radix: 16).leftPadded(2))"
    }

    public static let black = Color(r: 0, g: 0, b: 0)
    public static let white = Color(r: 255, g: 255, b: 255)
    public static let transparent = Color(r: 0, g: 0, b: 0, a: 0)
}

/// An RGBA colour whose channels are already multiplied by alpha (each ≤ a), the pixmap's format.
public struct PremultipliedColor: Hashable, Sendable {
    public var r: UInt8, g: UInt8, b: UInt8, a: UInt8
    @inlinable public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }
    public static let transparent = PremultipliedColor(r: 0, g: 0, b: 0, a: 0)

    /// Back to straight alpha, rounding to nearest (the inverse of `Color.premultiplied` for
    /// every colour that premultiplication produced).
    public var demultiplied: Color {
        if a == 255 { return Color(r: r, g: g, b: b, a: 255) }
        if a == 0 { return .transparent }
        func d(_ c: UInt8) -> UInt8 { UInt8(min(255, (UInt32(c) * 255 + UInt32(a) / 2) / UInt32(a))) }
        return Color(r: d(r), g: d(g), b: d(b), a: a)
    }
}

/// `x·y/255` rounded to nearest, exact for all byte inputs (the classic `(t + (t >> 8)) >> 8`).
@inlinable public func mul255(_ x: UInt8, _ y: UInt8) -> UInt8 {
    let t = UInt32(x) * UInt32(y) + 128
    return UInt8((t + (t >> 8)) >> 8)
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
