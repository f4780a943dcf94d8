#if canImport(Glibc)
import Glibc
#endif

/// The scalar series of one run: per tag its steps, wall times and values in the order read,
/// and a count of the summaries that were not scalars.
///
/// Tags are looked up by their bytes (a last-hit cache, then a short linear scan, then a
/// dictionary), so a scalar-only file makes no String per record.
public struct ScalarLog: Sendable, Equatable {
    /// One tag's points, in the order they were read.
    public struct Series: Sendable, Equatable {
        /// The tag (`train/loss`) or MLflow metric key.
        public var tag: String
        /// The step of each point.
        public var steps: [Int64] = []
        /// Seconds since the Unix epoch of each point.
        public var wallTimes: [Double] = []
        /// The value of each point.
        public var values: [Double] = []

        /// An empty series for `tag`.
        public init(tag: String) { self.tag = tag }

        /// The number of points.
        public var count: Int { values.count }

        /// Appends one point.
        @inline(__always)
        public mutating func append(step: Int64, wallTime: Double, value: Double) {
            steps.append(step)
            wallTimes.append(wallTime)
            values.append(value)
        }
    }

    /// What a tag holds, learned from its values and its summary metadata.
    enum TagKind: Sendable, Equatable {
        /// Not yet known (a tensor seen before its metadata, or nothing yet).
        case unknown
        /// Scalars (`simple_value`, or tensors with the scalars plugin's metadata).
        case scalar
        /// Another plugin's data (histograms, images, text, ...), named for the skip count.
        case other(String)
    }

    struct Tag: Sendable, Equatable {
        var bytes: [UInt8]
        var kind: TagKind
        var series: Series
    }

    private(set) var tags: [Tag] = []
    private var index: [[UInt8]: Int] = [:]
    private var lastHit = -1

    /// Summary values that are not scalars, by kind (`histogram`, `image`, `text`, ...).
    public internal(set) var skipped: [String: Int] = [:]
    /// Records (TFRecord events or metric lines) read.
    public internal(set) var records = 0

    /// An empty log.
    public init() {}

    /// The scalar series, in order of their tags' first appearance (tags with no point left out).
    public var series: [Series] {
        tags.compactMap { $0.kind == .scalar && $0.series.count > 0 ? $0.series : nil }
    }

    /// The number of scalar points.
    public var pointCount: Int { tags.reduce(0) { $0 + ($1.kind == .scalar ? $1.series.count : 0) } }

    /// `3 histogram, 2 text values skipped`, or nil when nothing was skipped.
    public var skippedSummary: String? {
        guard !skipped.isEmpty else { return nil }
        let parts = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        return parts.joined(separator: ", ") + " value\(skipped.values.reduce(0, +) == 1 ? "" : "s") skipped (not scalars)"
    }

    /// The index of the tag with these bytes, adding it when new.
    @inline(__always)
    mutating func tagIndex(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int {
        if lastHit >= 0, matches(tags[lastHit].bytes, start, count) { return lastHit }
        if tags.count <= 16 {
            for i in tags.indices where matches(tags[i].bytes, start, count) {
                lastHit = i
                return i
            }
        } else {
            let key = Array(UnsafeBufferPointer(start: start, count: count))
            if let i = index[key] {
                lastHit = i
                return i
            }
        }
        let bytes = Array(UnsafeBufferPointer(start: start, count: count))
        let name = String(decoding: bytes, as: UTF8.self)
        tags.append(Tag(bytes: bytes, kind: .unknown, series: Series(tag: name)))
        index[bytes] = tags.count - 1
        lastHit = tags.count - 1
        return lastHit
    }

    /// The index of the tag named `name`, adding it when new.
    public mutating func tagIndex(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { tagIndex($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }

    @inline(__always)
    private func matches(_ bytes: [UInt8], _ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        bytes.count == count && bytes.withUnsafeBufferPointer { b in
            count == 0 || memcmp(b.baseAddress!, start, count) == 0
        }
    }

    /// The kind of tag `i`.
    func kind(_ i: Int) -> TagKind { tags[i].kind }

    /// Sets the kind of tag `i` (from metadata, or from the first value).
    mutating func setKind(_ i: Int, _ kind: TagKind) { tags[i].kind = kind }

    /// Appends a scalar point to tag `i`.
    @inline(__always)
    mutating func append(_ i: Int, step: Int64, wallTime: Double, value: Double) {
        tags[i].series.append(step: step, wallTime: wallTime, value: value)
    }

    /// Counts one skipped summary value of this kind.
    mutating func skip(_ kind: String) { skipped[kind, default: 0] += 1 }
}
