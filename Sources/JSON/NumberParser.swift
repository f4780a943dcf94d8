#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal text to `Double`, straight from bytes, correctly rounded.
///
/// Digits accumulate into a 64-bit integer (exact up to 19 significant digits). When that integer is
/// at most 2^53 and the power of ten is exact in a double (10^0 ... 10^22), one IEEE multiply or
/// divide of two exact values gives the correctly rounded result (Clinger's fast path, as in
/// "How to read floating point numbers accurately", 1990, and fast_float's first step).
/// Everything else (more digits, big exponents) goes to the C library's `strtod`, which is
/// correctly rounded on glibc, from a small stack copy of the bytes.
///
/// In the JSON module because `JSONParser` reads numbers with it; the CSV readers (Table) use
/// the same scanner, inlined into their loops (`scan` is transparent across the module boundary).
public enum NumberParser {
    /// 10^`exponent` for 0 ... 22, the powers of ten exact in a double (callers ask for no
    /// other). A switch rather than a stored array: `scan` is inlined into Table's CSV loops,
    /// where a global array of this module costs its lazy-initialization check per number
    /// (measured, release: CSV parse of the 16 MB bench file 25.4 -> 31.6 ms with the array
    /// across the module boundary, 27.0 ms with the switch, within noise of before the move).
    @inlinable @inline(__always)
    static func exactPowerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// Scans a number starting at `start`: sign, digits, `.`, exponent, or `nan` / `inf` / `infinity`.
    ///
    /// Returns the value and the index just after the number, or nil when no number starts
    /// there. The caller decides whether what follows ends the field.
    @inlinable @inline(__always)
    public static func scan(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (value: Double, end: Int)? {
        var value = 0.0
        let stop = scan(base, start, end, &value)
        return stop < 0 ? nil : (value, stop)
    }

    /// The scanner proper: stores the value in `value` and returns the index after the number, or -1.
    ///
    /// Digits go into a wrapping 64-bit mantissa without per-digit bookkeeping; only when more
    /// than 19 digit characters were seen are leading zeros discounted to decide whether the
    /// mantissa is exact.
    ///
    /// `terminated` says that a byte no number contains (a line break) comes before `end`: every
    /// loop then stops at it, and the bounds checks go (`CSVTableParser.numericRows`).
    @_transparent
    public static func scan(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ value: inout Double, terminated: Bool = false
    ) -> Int {
        var i = start
        var negative = false
        if terminated || i < end, base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") {
            negative = base[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        let integerStart = i
        while terminated || i < end {
            let d = base[i] &- 48
            if d >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
        var digitCount = i - integerStart
        var exponent = 0
        if terminated || i < end, base[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while terminated || i < end {
                let d = base[i] &- 48
                if d >= 10 { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            exponent = fractionStart - i
            digitCount += i - fractionStart
        }
        if digitCount == 0 {
            // `nan` / `inf` right after the sign; a point before them (YAML's `.inf`) is no number.
            guard i == integerStart else { return -1 }
            return special(base, start: i, end: end, negative: negative, &value)
        }
        if terminated || i < end, base[i] | 0x20 == UInt8(ascii: "e") {
            var j = i + 1
            var exponentNegative = false
            if terminated || j < end, base[j] == UInt8(ascii: "-") || base[j] == UInt8(ascii: "+") {
                exponentNegative = base[j] == UInt8(ascii: "-")
                j += 1
            }
            var e = 0
            let exponentStart = j
            while terminated || j < end {
                let d = base[j] &- 48
                if d >= 10 { break }
                if e < 100_000 { e = e * 10 + Int(d) }
                j += 1
            }
            if j > exponentStart {
                exponent += exponentNegative ? -e : e
                i = j
            }
        }
        if digitCount > 19 {
            // Leading zeros (and the point) do not count; more than 19 significant digits do.
            var k = integerStart, zeros = 0
            while k < i, base[k] == UInt8(ascii: "0") || base[k] == UInt8(ascii: ".") {
                if base[k] == UInt8(ascii: "0") { zeros += 1 }
                k += 1
            }
            if digitCount - zeros > 19 {
                value = slow(base, start, i)
                return i
            }
        }
        if mantissa == 0 {
            value = negative ? -0.0 : 0.0
            return i
        }
        if mantissa <= 1 << 53 {
            var result = Double(mantissa)
            if exponent >= 0, exponent <= 22 {
                result *= exactPowerOfTen(exponent)
                value = negative ? -result : result
                return i
            }
            if exponent < 0, exponent >= -22 {
                result /= exactPowerOfTen(-exponent)
                value = negative ? -result : result
                return i
            }
            if exponent > 22, exponent <= 22 + 15 {
                // Move the excess power into the mantissa while it stays exact.
                let shifted = result * exactPowerOfTen(exponent - 22)
                if shifted <= 9_007_199_254_740_992 {
                    result = shifted * 1e22
                    value = negative ? -result : result
                    return i
                }
            }
        }
        value = slow(base, start, i)
        return i
    }

    /// Whether `scan` may read `byte` as part of a number: a digit, sign, point, exponent mark,
    /// or a letter of `inf`, `infinity`, `nan`.
    public static func canContinueNumber(_ byte: UInt8) -> Bool {
        if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { return true }
        return Array("+-.eEiInNfFtTyYaA".utf8).contains(byte)
    }

    /// Parses all of `bytes` as one number; nil when anything else is there (inlined into the
    /// CSV readers' cell loop, as it was when this type lived in Table).
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        guard let (value, end) = scan(base, 0, bytes.count), end == bytes.count else { return nil }
        return value
    }

    /// Parses all of `text` as one number; nil when anything else is there.
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// `nan`, `inf`, `infinity` in any letter case, after an optional sign.
    @usableFromInline static func special(
        _ base: UnsafePointer<UInt8>, start: Int, end: Int, negative: Bool, _ value: inout Double
    ) -> Int {
        func matches(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard end - start >= count else { return false }
            let letters = word.utf8Start
            for k in 0..<count where base[start + k] | 0x20 != letters[k] { return false }
            return true
        }
        if matches("infinity") {
            value = negative ? -.infinity : .infinity
            return start + 8
        }
        if matches("inf") {
            value = negative ? -.infinity : .infinity
            return start + 3
        }
        if matches("nan") {
            value = .explicitNaN
            return start + 3
        }
        return -1
    }

    /// `strtod` on a NUL-terminated copy (correctly rounded on glibc).
    @usableFromInline static func slow(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double {
        let count = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for k in 0..<count { buffer[k] = CChar(bitPattern: base[start + k]) }
            buffer[count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }
}
