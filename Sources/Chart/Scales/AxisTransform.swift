import Geometry

/// An axis's data → position rule, matplotlib's `transData` along one axis: the scale's
/// transform (identity, log10, symlog), then one affine map of the view onto 0...1 (flipped when
/// the axis is drawn high-to-low), then onto a span of pixels.
///
/// `AxisModel.transform` hands it out; everything that places data along an axis goes through
/// it: `AxisModel.fraction`, the painter's points (`SeriesPainter.px`, `py`), ticks, grid lines
/// and the colorbar's ticks (`PanelPainter`), and the pixel columns of `M4Decimator`
/// (`value(atPixel:on:)`, the inverse). A degenerate view (its ends
/// equal or not finite in scale space) puts every value in the middle, and every pixel reads
/// back as `low`.
///
/// Built once per axis, it spares the two transforms of the view's ends per value, and on a
/// linear axis it calls `LinearScale` directly (inlined) instead of through `any Scale`: mapping
/// W4's 10⁵ scatter points made three dynamic calls per coordinate, about 7% of its profile.
public struct AxisTransform: Sendable {
    /// A stretch of pixels along an axis: where the view's low end lands (`start`, or the high
    /// end on an inverted axis) and the signed length to the other end (negative for a y axis
    /// growing upwards, whose low end is at the bottom).
    public struct Span: Sendable, Equatable {
        public var start: Double
        public var length: Double

        /// The span from `start`, `length` pixels long (signed).
        public init(start: Double, length: Double) {
            self.start = start
            self.length = length
        }

        /// The span from pixel `start` to pixel `end`.
        public init(from start: Double, to end: Double) {
            self.init(start: start, length: end - start)
        }

        /// A frame's horizontal span: rightwards from its left edge.
        public static func x(of frame: Rect) -> Span {
            Span(start: frame.minX, length: frame.width)
        }

        /// A frame's vertical span: upwards from its bottom edge (device y grows downwards).
        public static func y(of frame: Rect) -> Span {
            Span(start: frame.maxY, length: -frame.height)
        }

        /// The lower and upper pixel coordinates, whichever end they are.
        public var bounds: (lower: Double, upper: Double) {
            let end = start + length
            return (Swift.min(start, end), Swift.max(start, end))
        }
    }

    /// The scale applied before the affine map.
    public let scale: any Scale
    /// The view's ends in data units.
    public let low: Double
    public let high: Double
    /// Drawn high-to-low: `high` at the span's start.
    public let inverted: Bool
    /// The axis's scale is a `LinearScale` (static calls, no existential dispatch).
    let linear: Bool
    /// The view's low and high ends in scale space.
    let s0: Double
    let s1: Double
    /// The view is degenerate (see the type's summary).
    let centred: Bool

    /// The rule of the view [low, high] on `scale`, drawn high-to-low when `inverted`.
    public init(scale: any Scale, low: Double, high: Double, inverted: Bool = false) {
        self.scale = scale
        self.low = low
        self.high = high
        self.inverted = inverted
        linear = scale is LinearScale
        s0 = scale.transform(low)
        s1 = scale.transform(high)
        centred = !(s0.isFinite && s1.isFinite && s0 != s1)
    }

    /// The scale's transform of `v`.
    @inline(__always)
    public func transform(_ v: Double) -> Double {
        linear ? LinearScale().transform(v) : scale.transform(v)
    }

    /// True when the scale can show `v`.
    @inline(__always)
    public func isValid(_ v: Double) -> Bool {
        linear ? LinearScale().isValid(v) : scale.isValid(v)
    }

    /// Position 0...1 along the axis of data value `v` (outside 0...1 beyond the view).
    @inline(__always)
    public func fraction(_ v: Double) -> Double {
        if centred { return 0.5 }
        let f = (transform(v) - s0) / (s1 - s0)
        return inverted ? 1 - f : f
    }

    /// The data value at position `f` along the axis (the inverse of `fraction`).
    public func value(atFraction f: Double) -> Double {
        if centred { return low }
        let g = inverted ? 1 - f : f
        return linear ? LinearScale().inverse(s0 + g * (s1 - s0)) : scale.inverse(s0 + g * (s1 - s0))
    }

    /// The pixel coordinate of data value `v` on `span` (NaN or ±inf for values invalid on the
    /// scale).
    @inline(__always)
    public func pixel(_ v: Double, on span: Span) -> Double {
        span.start + fraction(v) * span.length
    }

    /// The data value at pixel coordinate `p` on `span` (the inverse of `pixel`); `low` on an
    /// empty span.
    public func value(atPixel p: Double, on span: Span) -> Double {
        guard span.length != 0 else { return low }
        return value(atFraction: (p - span.start) / span.length)
    }

    /// True when data values grow towards lower pixel coordinates on `span`.
    public func runsBackwards(on span: Span) -> Bool {
        (span.length < 0) != inverted
    }
}
