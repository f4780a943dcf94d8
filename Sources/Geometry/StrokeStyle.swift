/// How the ends of open sub-paths (and of dashes) are drawn.
public enum LineCap: String, Hashable, Sendable, CaseIterable { case butt, round, square }

/// How two segments of a stroke meet.
public enum LineJoin: String, Hashable, Sendable, CaseIterable { case miter, round, bevel }

/// A dash pattern: alternating on and off lengths, starting `phase` into the pattern.
public struct DashPattern: Hashable, Sendable {
    public var intervals: [Double]
    public var phase: Double
    /// Nil when the pattern cannot be drawn (empty, negative, non-finite or summing to zero);
    /// an odd count is repeated twice, as SVG specifies.
    public init?(_ intervals: [Double], phase: Double = 0) {
        guard !intervals.isEmpty, intervals.allSatisfy({ $0 >= 0 && $0.isFinite }), phase.isFinite else { return nil }
        let iv = intervals.count % 2 == 1 ? intervals + intervals : intervals
        guard iv.reduce(0, +) > 0 else { return nil }
        self.intervals = iv
        self.phase = phase
    }
}

/// Everything about a stroke except its colour: width in the path's units, caps, joins, dashes.
public struct StrokeStyle: Hashable, Sendable {
    public var width: Double
    public var cap: LineCap
    public var join: LineJoin
    /// The longest miter allowed, as in SVG: the ratio of miter length to stroke width; a join
    /// whose miter would be longer is drawn as a bevel.
    public var miterLimit: Double
    public var dash: DashPattern?

    public init(width: Double = 1, cap: LineCap = .butt, join: LineJoin = .miter,
                miterLimit: Double = 4, dash: DashPattern? = nil) {
        self.width = width; self.cap = cap; self.join = join; self.miterLimit = miterLimit; self.dash = dash
    }
}
