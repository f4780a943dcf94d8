/// How far two images may differ and still count as equal.
///
/// Two thresholds, as in pixelmatch and Playwright's `toHaveScreenshot` (a per-pixel colour
/// threshold and a number of pixels allowed to exceed it), rather than matplotlib's single RMS
/// figure: an RMS lets one badly wrong pixel hide in a large image, while a count of differing
/// pixels says exactly how much moved and can be zero.
///
/// A pixel differs when any of its R, G, B, A channels (straight alpha, 0...255) differs by more
/// than `channel`; a figure is changed when more than `pixels` pixels differ, or the sizes
/// differ. The default (2, 0) absorbs the last-bit noise of anti-aliasing and demultiplying a
/// translucent pixel, and flags any pixel that really moved.
public struct ImageTolerance: Sendable, Equatable {
    /// The largest per-channel difference (0...255) that still counts as the same pixel.
    public var channel: Int
    /// The largest number of differing pixels that still counts as the same image.
    public var pixels: Int

    /// A tolerance; negative values are treated as 0 (exact).
    public init(channel: Int = 2, pixels: Int = 0) {
        self.channel = max(0, channel)
        self.pixels = max(0, pixels)
    }

    /// No difference allowed at all: every channel of every pixel must match.
    public static let exact = ImageTolerance(channel: 0, pixels: 0)
}
