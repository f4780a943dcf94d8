import Foundation

/// The values matplotlib and numpy computed (Expected/expected.json, from make_expected.py).
struct ExpectedValues: Decodable {
    struct Linear: Decodable {
        let vmin: Double, vmax: Double, nbins: Int
        let ticks: [Double], labels: [String], offset: String
    }
    struct Minor: Decodable {
        let vmin: Double, vmax: Double, nbins: Int
        let major: [Double], minor: [Double]
    }
    struct Log: Decodable {
        let vmin: Double, vmax: Double, numticks: Int
        let major: [Double], minor: [Double], labels: [String]
    }
    struct Symlog: Decodable {
        let vmin: Double, vmax: Double, linthresh: Double, numticks: Int
        let ticks: [Double]
    }
    struct Dates: Decodable {
        let name: String, start: Double, end: Double, maxticks: Int?
        let ticks: [Double], labels: [String], offset: String
    }
    struct Autoscale: Decodable {
        let scale: String, data: [Double], limits: [Double]
    }
    struct HistogramCase: Decodable {
        let name: String, data: [Double], rule: Rule
        let edges: [Double], counts: [Int]

        enum Rule: Decodable {
            case name(String), count(Int)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let n = try? c.decode(Int.self) { self = .count(n) } else { self = .name(try c.decode(String.self)) }
            }
        }
    }

    let matplotlib: String
    let linear: [Linear]
    let minor: [Minor]
    let log: [Log]
    let symlog: [Symlog]
    let dates: [Dates]
    let autoscale: [Autoscale]
    let histogram: [HistogramCase]

    /// Loaded once from beside this file.
    static let shared: ExpectedValues = {
        let here = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        let url = here.appendingPathComponent("Expected/expected.json")
        do {
            return try JSONDecoder().decode(ExpectedValues.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

/// True when a and b agree to a relative 1e-12 (or absolutely within `absolute`).
func nearlyEqual(_ a: [Double], _ b: [Double], relative: Double = 1e-12, absolute: Double = 0) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { x, y in
        x == y || abs(x - y) <= Swift.max(absolute, relative * Swift.max(abs(x), abs(y)))
    }
}
