import Chart
import CommandSyntax

/// A figure size in pixels parsed from `WIDTHxHEIGHT` (for example `1200x800`), in the range of
/// `Canvas` (the one rule for sizes and dpi: each side 16...16384, at most 64 Mi pixels).
struct FigureSize: Equatable, CustomStringConvertible {
    let width: Int
    let height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The size `--size` gives when it is not given.
    static let standard = FigureSize(width: 1200, height: 800)

    /// The `--size` option of `render`, `watch` and `demo`.
    static let option = OptionDefinition.value(
        "size", valueName: "WxH", help: "The image size in pixels, WIDTHxHEIGHT, \(Canvas.sizeRange) (default: 1200x800).")

    /// Parses `WxH` (an `X` or `×` also separates), saying what is wrong with anything else.
    static func parse(_ argument: String) throws(UsageError) -> FigureSize {
        guard let (w, h) = Canvas.parseSize(argument) else {
            throw UsageError("expected WIDTHxHEIGHT in pixels, for example 1200x800")
        }
        do throws(Canvas.Error) { try Canvas.check(width: w, height: h) } catch {
            throw UsageError("\(w)x\(h) is out of range: \(Canvas.sizeRange)")
        }
        return FigureSize(width: w, height: h)
    }

    /// The `--size` given, or the standard size.
    init(_ arguments: ParsedArguments) throws(UsageError) {
        self = try arguments.value(FigureSize.option, as: FigureSize.parse) ?? .standard
    }

    var description: String { "\(width)x\(height)" }
}
