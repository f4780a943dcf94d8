import Table
import TestSupport
import XCTest

/// Random bytes and mutated inputs: every call returns or throws a DataError, never traps.
final class FuzzTests: XCTestCase {
    private let alphabet = Array("0123456789.,;|\t\n\r\"-+eEnaifINF x{}[]:\u{FEFF}é".utf8) + [0xFF, 0x00, 0xC3]

    private func exercise(_ bytes: [UInt8]) {
        _ = try? CSVReader.parse(bytes: bytes, source: "fuzz.csv")
        _ = try? JSONTableReader.parse(bytes: bytes, source: "fuzz.json")
        _ = try? TableReader.parse(bytes: bytes, source: "fuzz")
        var reader = IncrementalTableReader(source: "fuzz.csv", format: .csv(CSVOptions()))
        var lines = IncrementalTableReader(source: "fuzz.jsonl", format: .jsonLines)
        var start = 0
        while start < bytes.count {
            let stop = min(bytes.count, start + 7)
            _ = try? reader.append(bytes[start..<stop])
            _ = try? lines.append(bytes[start..<stop])
            start = stop
        }
        if let table = try? CSVReader.parse(bytes: bytes, source: "fuzz.csv") {
            for name in table.columnNames { _ = try? table.numbers(named: name) }
        }
    }

    func testRandomBytes() {
        var random = SeededRandom(seed: 1)
        for _ in 0..<1_500 {
            let count = Int.random(in: 0...80, using: &random)
            exercise((0..<count).map { _ in
                Bool.random(using: &random) ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            })
        }
    }

    func testMutatedFiles() throws {
        var random = SeededRandom(seed: 2)
        let seeds = ["tips.csv", "stocks.csv", "github.csv"].map { name -> [UInt8] in
            let data = FileManager.default.contents(atPath: sharedDataPath(name)) ?? Data()
            return Array(data.prefix(600))
        } + [Array("{\"step\": 1, \"loss\": 0.5, \"eval\": {\"acc\": 1}}\n{\"step\": 2, \"loss\": null}\n".utf8)]
        for _ in 0..<1_500 {
            var bytes = seeds.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...6, using: &random) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random)!
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                default: bytes.removeSubrange(at...)
                }
            }
            exercise(bytes)
        }
    }
}
