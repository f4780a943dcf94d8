/// One of the bundled typefaces in `Fonts/`.
public enum FontFace: String, Hashable, Sendable, CaseIterable {
    case sans, sansBold, sansOblique, mono

    /// The file name of the face inside the fonts folder.
    public var fileName: String {
        switch self {
        case .sans: return "DejaVuSans.ttf"
        case .sansBold: return "DejaVuSans-Bold.ttf"
        case .sansOblique: return "DejaVuSans-Oblique.ttf"
        case .mono: return "DejaVuSansMono.ttf"
        }
    }
}

/// A face at a size in device pixels (the em size: 13.89 px is matplotlib's 10 pt at 100 dpi).
public struct Font: Hashable, Sendable, CustomStringConvertible {
    public var face: FontFace
    public var size: Double

    public init(face: FontFace = .sans, size: Double) {
        self.face = face
        self.size = size
    }

    /// The size for `points` at `dpi` dots per inch (1 pt = 1/72 inch).
    public init(face: FontFace = .sans, points: Double, dpi: Double) {
        self.init(face: face, size: points * dpi / 72)
    }

    public var description: String {
        var s = String(size)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return "\(face.rawValue) \(s)px"
    }
}
