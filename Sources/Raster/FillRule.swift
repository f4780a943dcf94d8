/// Which points a path encloses: winding number ≠ 0 (nonzero) or odd (even-odd), as in SVG.
public enum FillRule: String, Hashable, Sendable, CaseIterable {
    case nonZero, evenOdd
}

/// How an image is sampled when it is drawn scaled: nearest pixel (crisp heat-map cells) or
/// bilinear interpolation.
public enum ImageFilter: String, Hashable, Sendable, CaseIterable {
    case nearest, bilinear
}
