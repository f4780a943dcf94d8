/// Data → pixels along one axis: the scale's transform, then one affine map.
///
/// The view [domainMin, domainMax] in data space maps to [pixel0, pixel1]; pass pixel0 > pixel1
/// for a y axis growing upwards. A degenerate view maps everything to the middle pixel.
public struct AxisMapping: Sendable {
    /// The scale applied before the affine map.
    public let scale: any Scale
    /// The view's first data value (lands on `pixel0`).
    public let domainMin: Double
    /// The view's second data value (lands on `pixel1`).
    public let domainMax: Double
    /// The pixel coordinate of `domainMin`.
    public let pixel0: Double
    /// The pixel coordinate of `domainMax`.
    public let pixel1: Double
    /// Pixels per unit of scale space (negative when pixels run against data).
    public let slope: Double
    /// The pixel coordinate of scale-space zero: pixel = slope · s + intercept.
    public let intercept: Double

    /// Creates the mapping of [domainMin, domainMax] (data) onto [pixel0, pixel1].
    public init(scale: any Scale, domain: (Double, Double), pixels: (Double, Double)) {
        self.scale = scale
        (domainMin, domainMax) = domain
        (pixel0, pixel1) = pixels
        let s0 = scale.transform(domain.0)
        let s1 = scale.transform(domain.1)
        if s0.isFinite, s1.isFinite, s1 != s0 {
            slope = (pixels.1 - pixels.0) / (s1 - s0)
            intercept = pixels.0 - slope * s0
        } else {
            slope = 0
            intercept = (pixels.0 + pixels.1) / 2
        }
    }

    /// The pixel coordinate of data value `v` (NaN or ±inf for values invalid on the scale).
    public func pixel(_ v: Double) -> Double {
        slope * scale.transform(v) + intercept
    }

    /// The data value at pixel coordinate `p` (the inverse of `pixel`).
    public func value(atPixel p: Double) -> Double {
        guard slope != 0 else { return domainMin }
        return scale.inverse((p - intercept) / slope)
    }
}
