/// What happened to one figure between the baseline and the new output.
public enum ComparisonStatus: String, Sendable, Codable {
    /// Both exist and agree within the tolerance.
    case unchanged
    /// Both exist and differ beyond the tolerance (or the sizes differ, or the baseline cannot
    /// be read).
    case changed
    /// The new output has the figure; the baseline does not.
    case added
    /// The baseline has the figure; the new output does not.
    case removed
}

/// The comparison of one figure with its baseline.
public struct ComparisonEntry: Sendable, Equatable, Codable {
    /// The PNG's path relative to the output folder (and to the baseline folder), with `/`.
    public var figure: String
    /// Unchanged, changed, added or removed.
    public var status: ComparisonStatus
    /// Pixels differing beyond the channel tolerance, plus those in only one image when the
    /// sizes differ; 0 for added, removed and byte-identical figures.
    public var differingPixels: Int
    /// The largest difference of one straight-alpha channel (0...255) over the shared pixels,
    /// tolerated or not.
    public var maxChannelDifference: Int
    /// The diff image, relative to the output folder (absolute when the diff folder lies
    /// outside it); nil unless the figure changed and a diff image could be made.
    public var diffImage: String?
    /// The changed pixels' bounding box in the new image's coordinates, nil when none changed.
    public var changedBounds: ChangedBounds?
    /// Why the figure counts as changed without a pixel comparison, such as an unreadable
    /// baseline file; nil otherwise.
    public var note: String?

    /// An entry with every field given.
    public init(figure: String, status: ComparisonStatus, differingPixels: Int = 0, maxChannelDifference: Int = 0,
                diffImage: String? = nil, changedBounds: ChangedBounds? = nil, note: String? = nil) {
        self.figure = figure; self.status = status
        self.differingPixels = differingPixels; self.maxChannelDifference = maxChannelDifference
        self.diffImage = diffImage; self.changedBounds = changedBounds; self.note = note
    }

    /// A rectangle of whole pixels (`x ..< x + width`, `y ..< y + height`), as stored in reports.
    public struct ChangedBounds: Sendable, Equatable, Codable {
        /// The top-left pixel and the size, in pixels.
        public var x: Int, y: Int, width: Int, height: Int
        /// A rectangle from its corner and size.
        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x; self.y = y; self.width = width; self.height = height
        }
    }
}
