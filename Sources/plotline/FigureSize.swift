import ArgumentParser
import Chart

/// A figure size in pixels parsed from `WIDTHxHEIGHT` (for example `1200x800`), in the range of
/// `Canvas` (the one rule for sizes and dpi: each side 16...16384, at most 64 Mi pixels).
struct FigureSize: ExpressibleByArgument, Equatable, CustomStringConvertible {
    let width: Int
    let height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `WxH` (an `X` or `×` also separates); nil for anything else or a size out of range.
    init?(argument: String) {
        guard let size = try? FigureSize.parse(argument) else { return nil }
        self = size
    }

    /// Parses like `init?(argument:)`, but says what is wrong (for `@Option(transform:)`).
    static func parse(_ argument: String) throws -> FigureSize {
        guard let (w, h) = Canvas.parseSize(argument) else {
            throw ValidationError("expected WIDTHxHEIGHT in pixels, for example 1200x800")
        }
        do throws(Canvas.Error) { try Canvas.check(width: w, height: h) } catch {
            throw ValidationError("\(w)x\(h) is out of range: \(Canvas.sizeRange)")
        }
        return FigureSize(width: w, height: h)
    }

    var description: String { "\(width)x\(height)" }

    static var defaultCompletionKind: CompletionKind { .list(["1200x800", "800x600", "1600x900"]) }
}
