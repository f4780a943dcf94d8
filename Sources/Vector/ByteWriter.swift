/// An append-only byte buffer with the compact, deterministic number formatting that SVG path
/// data and PDF content streams are made of.
///
/// Numbers are written with at most `decimals` fractional digits (trailing zeros dropped, no
/// exponent, "-0" written as "0"), by integer arithmetic: no `String(format:)`, no locale, and
/// the same bytes on every machine. Formatting is most of a vector writer's time on dense data.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func ascii(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// A whole number.
    mutating func int(_ v: Int) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        if m < 10 { bytes.append(48 + UInt8(m)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while m > 0 { d[n] = 48 + UInt8(m % 10); m /= 10; n += 1 }
            while n > 0 { n -= 1; bytes.append(d[n]) }
        }
    }

    /// `v` rounded to `decimals` fractional digits (0...9). Non-finite values write 0; values
    /// beyond ±1e9 are clamped (no coordinate of a figure comes near).
    mutating func number(_ v: Double, decimals: Int = 2) {
        let scale = ByteWriter.powers[decimals]
        guard v.isFinite else { bytes.append(48); return }
        let clamped = min(max(v, -1e9), 1e9)
        let scaled = Int((clamped * Double(scale)).rounded())
        if scaled == 0 { bytes.append(48); return }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let m = scaled.magnitude
        int(Int(m / UInt(scale)))
        var frac = m % UInt(scale)
        if frac == 0 { return }
        var width = decimals
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        bytes.append(UInt8(ascii: "."))
        var divisor = UInt(ByteWriter.powers[width - 1])
        while divisor > 0 {
            bytes.append(48 + UInt8(frac / divisor % 10))
            divisor /= 10
        }
    }

    static let powers = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]

    /// Two lowercase hex digits.
    mutating func hex2(_ v: UInt8) {
        bytes.append(ByteWriter.hexDigits[Int(v >> 4)])
        bytes.append(ByteWriter.hexDigits[Int(v & 15)])
    }

    /// Four uppercase hex digits (PDF strings and CMaps).
    mutating func hex4(_ v: Int) {
        for shift in [12, 8, 4, 0] { bytes.append(ByteWriter.upperHexDigits[(v >> shift) & 15]) }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
    static let upperHexDigits = Array("0123456789ABCDEF".utf8)
}
