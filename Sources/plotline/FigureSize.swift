import ArgumentParser

/// A figure size in pixels parsed from `WIDTHxHEIGHT` (for example `1200x800`).
struct FigureSize: ExpressibleByArgument, Equatable, CustomStringConvertible {
    /// The smallest side accepted: below it ticks and labels cannot fit.
    static let minSide = 320
    /// The largest side accepted (a 64-megapixel canvas at most).
    static let maxSide = 8000

    let width: Int
    let height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `WxH` (an `X` or `×` also separates); nil for anything else or a side out of range.
    init?(argument: String) {
        let parts = argument.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (Self.minSide...Self.maxSide).contains(w), (Self.minSide...Self.maxSide).contains(h)
        else { return nil }
        self.init(width: w, height: h)
    }

    /// Parses like `init?(argument:)`, but says what is wrong (for `@Option(transform:)`).
    static func parse(_ argument: String) throws -> FigureSize {
        let parts = argument.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw ValidationError("expected WIDTHxHEIGHT in pixels, for example 1200x800")
        }
        guard let size = FigureSize(argument: argument) else {
            throw ValidationError("\(w)x\(h) is out of range: each side must be \(minSide)...\(maxSide) pixels")
        }
        return size
    }

    var description: String { "\(width)x\(height)" }

    static var defaultCompletionKind: CompletionKind { .list(["1200x800", "800x600", "1600x900"]) }
}
