import JSON
import TestSupport
import XCTest

/// The float parser: a table of forms, and exact round trips of random doubles.
final class NumberParserTests: XCTestCase {
    func testTable() {
        let cases: [(String, Double?)] = [
            ("0", 0), ("-0", -0.0), ("1", 1), ("+1", 1), ("-12.5", -12.5), ("1.", 1), (".5", 0.5),
            ("1e3", 1000), ("1E-5", 1e-5), ("1e+2", 100), ("-2.5e-3", -0.0025), ("007", 7),
            ("0.000001", 1e-6), ("123456789012345678", 123_456_789_012_345_680),
            ("12345678901234567890123", 1.2345678901234568e22), ("0.1", 0.1), ("0.3", 0.3),
            ("9007199254740993", 9_007_199_254_740_992), ("1e23", 1e23), ("1e308", 1e308), ("1e309", .infinity),
            ("4.9e-324", .leastNonzeroMagnitude), ("1e-400", 0), ("2.2250738585072014e-308", .leastNormalMagnitude),
            ("inf", .infinity), ("-inf", -.infinity), ("Infinity", .infinity), ("-Infinity", -.infinity), ("INF", .infinity),
            ("", nil), ("-", nil), (".", nil), ("e5", nil), ("1e", nil), ("1.2.3", nil), ("abc", nil), ("1,5", nil),
            ("0x10", nil), ("1 ", nil), ("--1", nil), ("in", nil),
        ]
        for (text, expected) in cases {
            let value = NumberParser.parse(text)
            XCTAssertEqual(value?.bitPattern, expected?.bitPattern, "'\(text)' gave \(String(describing: value))")
        }
        XCTAssertTrue(NumberParser.parse("nan")?.isNaN == true)
        XCTAssertTrue(NumberParser.parse("NaN")?.isNaN == true)
    }

    func testRandomDoublesRoundTripBitExactly() {
        var random = SeededRandom(seed: 42)
        for index in 0..<10_000 {
            let value: Double
            switch index % 4 {
            case 0: value = Double(bitPattern: random.next())  // any bit pattern, incl. subnormals and huge
            case 1: value = random.double(-1000, 1000)
            case 2: value = (random.double(-1e6, 1e6) * 10_000).rounded() / 10_000  // few decimals, the common case
            default: value = random.double(0, 1) * pow(10, Double(Int.random(in: -30...30, using: &random)))
            }
            if value.isNaN { continue }
            let text = String(describing: value)
            XCTAssertEqual(NumberParser.parse(text)?.bitPattern, value.bitPattern, text)
        }
    }

    func testAgreesWithStrtodOnLongInputs() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<2_000 {
            let digits = (0..<Int.random(in: 15...30, using: &random)).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            let text = "\(digits.prefix(3)).\(digits.dropFirst(3))e\(Int.random(in: -40...40, using: &random))"
            XCTAssertEqual(NumberParser.parse(text)?.bitPattern, strtod(text, nil).bitPattern, text)
        }
    }

    /// Digit runs of every length from 0 to 21 in the integer and the fraction, followed by each
    /// kind of byte that ends a field, inside a longer buffer (so the eight-bytes-at-a-time path
    /// reads past the number): the same value as strtod and the same end.
    func testDigitRunsOfEveryLengthEndWhereTheyShould() {
        var random = SeededRandom(seed: 11)
        let followers = [",", "\n", "\r\n", ";", "\t", " ", ":", "/", "x", "\u{FF}", "e7,", "E-2\n", ""]
        var checked = 0
        for integerLength in 0...21 {
            for fractionLength in [-1] + Array(0...21) {  // -1: no point
                if integerLength == 0 && fractionLength <= 0 { continue }
                for follower in followers {
                    let integer = (0..<integerLength).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
                    let fraction = fractionLength < 0 ? "" : "." + (0..<fractionLength).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
                    let number = integer + fraction
                    var text = number + follower
                    if !follower.isEmpty, Bool.random(using: &random) { text += "123456789,0.5\n" }  // bytes beyond the field
                    let bytes = Array(text.utf8)
                    let (value, stop): (Double, Int) = bytes.withUnsafeBufferPointer { buffer in
                        var value = 0.0
                        let stop = NumberParser.scan(buffer.baseAddress!, 0, buffer.count, &value)
                        return (value, stop)
                    }
                    let exponent = follower.hasPrefix("e7") ? "e7" : follower.hasPrefix("E-2") ? "E-2" : ""
                    XCTAssertEqual(stop, number.utf8.count + exponent.utf8.count, "end of '\(text)'")
                    XCTAssertEqual(value.bitPattern, strtod(number + exponent, nil).bitPattern, "'\(text)'")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 6_000)
    }
}
