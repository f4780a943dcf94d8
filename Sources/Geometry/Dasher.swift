/// Cuts a path into the "on" intervals of a dash pattern, as open polylines ready to stroke.
///
/// Follows SVG's `stroke-dasharray` (and Skia's SkDashPath, tiny-skia's dash.rs): lengths are
/// measured along the flattened path in the path's own units; the pattern starts `phase` into
/// itself at the start of EVERY sub-path (SVG, Skia and matplotlib all restart it there) and
/// runs on across the corners of a sub-path and across the closing segment of a closed one.
/// On a closed sub-path that begins and ends inside an "on" interval, the last dash and the first
/// are merged into one polyline, so the start point gets a join instead of two caps; a closed
/// sub-path that lies entirely inside one dash comes back closed. A zero-length "on" interval
/// gives a single-point sub-path, which the stroker draws as a dot for round and square caps.
///
/// Guard: a pattern so short that the path would need more than `maxDashes` dashes (a 0.001 px
/// pattern on a long line would make millions) is not applied; the path is returned undashed,
/// i.e. drawn as a solid line, which is what such a pattern looks like anyway. Skia bails out
/// the same way, at the same bound.
public enum Dasher {
    /// The most dashes one call will produce before falling back to the solid path.
    public static let maxDashes = 1_000_000

    /// The dashes of `path` as open polylines (move and line verbs), in the path's own space.
    ///
    /// `transform` is used only to pick the flattening tolerance (`tolerance` device pixels divided
    /// by `transform.maxScale`), so curves come out as fine as the device needs; the result is not
    /// mapped by it. See the type's documentation for restart, closed-path and guard rules.
    public static func dash(_ path: Path, pattern: DashPattern, transform: Transform = .identity,
                            tolerance: Double = PathFlattener.defaultTolerance) -> Path {
        let scale = transform.maxScale
        let deviceTolerance = tolerance > 0 && tolerance.isFinite ? tolerance : PathFlattener.defaultTolerance
        let tol = scale > 0 && scale.isFinite ? deviceTolerance / scale : deviceTolerance
        let intervals = pattern.intervals
        let patternLength = intervals.reduce(0, +)
        guard !intervals.isEmpty, patternLength > 0, patternLength.isFinite else { return path }

        // Pass 1: how many dashes would this make?
        var estimate = 0.0
        var totalPoints = 0
        PolylineCollector.forEach(path, tolerance: tol) { pts, closed in
            estimate += (polylineLength(pts, closed: closed) / patternLength + 1) * Double(intervals.count / 2)
            totalPoints += pts.count
        }
        guard estimate <= Double(maxDashes) else { return path }

        // The pattern state at the start of every sub-path, from the phase.
        var phase = pattern.phase.truncatingRemainder(dividingBy: patternLength)
        if phase < 0 { phase += patternLength }
        var startIndex = 0
        while phase >= intervals[startIndex] && phase > 0 {
            phase -= intervals[startIndex]
            startIndex = (startIndex + 1) % intervals.count
        }
        let startRemaining = intervals[startIndex] - phase

        var out = DashWriter()
        out.verbs.reserveCapacity(Int(estimate) * 2 + 16)
        out.points.reserveCapacity(Int(estimate) * 2 + totalPoints + 16)
        PolylineCollector.forEach(path, tolerance: tol) { pts, closed in
            out.dashSubpath(pts, closed: closed, intervals: intervals,
                            startIndex: startIndex, startRemaining: startRemaining)
        }
        return Path(uncheckedVerbs: out.verbs, points: out.points)
    }

    /// The length of a polyline, with its closing segment when `closed`.
    static func polylineLength(_ pts: [Point], closed: Bool) -> Double {
        guard pts.count > 1 else { return 0 }
        var sum = 0.0
        for i in 1..<pts.count { sum += pts[i].distance(to: pts[i - 1]) }
        if closed { sum += pts[pts.count - 1].distance(to: pts[0]) }
        return sum
    }
}

/// Output state of the dasher: the dashes so far, and the held-back first dash of a closed loop.
struct DashWriter {
    var verbs: [Path.Verb] = []
    var points: [Point] = []
    var head: [Point] = []       // first dash of a closed sub-path, emitted at its end
    var inHead = false

    mutating func begin(_ p: Point) {
        if inHead { head.append(p) } else { verbs.append(.move); points.append(p) }
    }
    mutating func extend(_ p: Point) {
        if inHead { head.append(p) } else { verbs.append(.line); points.append(p) }
    }

    mutating func dashSubpath(_ pts: [Point], closed: Bool, intervals: [Double],
                              startIndex: Int, startRemaining: Double) {
        guard let first = pts.first else { return }
        var index = startIndex
        var remaining = startRemaining
        var on = index % 2 == 0
        head.removeAll(keepingCapacity: true)
        let holdHead = closed && on && pts.count > 1
        inHead = holdHead
        if on { begin(first) }
        let segmentCount = closed ? pts.count : pts.count - 1
        for i in 0..<segmentCount {
            let a = pts[i], b = i + 1 < pts.count ? pts[i + 1] : first
            let length = a.distance(to: b)
            var t = 0.0
            // Strictly less: a change of state exactly at b is handled at the start of the next
            // segment, so no zero-length dash is begun at the very end of an open sub-path.
            while remaining < length - t {
                t += remaining
                let q = a.lerp(b, t / length)
                if on { extend(q); inHead = false } else { begin(q) }
                on.toggle()
                index = index + 1 == intervals.count ? 0 : index + 1
                remaining = intervals[index]
            }
            remaining -= length - t
            if on { extend(b) }
        }
        guard holdHead else { return }
        if inHead {
            // The whole loop is one dash: give it back closed (drop the repeated start point).
            inHead = false
            if head.count > 1 && head[head.count - 1] == head[0] { head.removeLast() }
            verbs.append(.move); points.append(head[0])
            for p in head.dropFirst() { verbs.append(.line); points.append(p) }
            verbs.append(.close)
        } else if on {
            // The last dash runs into the first: continue it with the first dash's points.
            for p in head.dropFirst() { verbs.append(.line); points.append(p) }
        } else {
            verbs.append(.move); points.append(head[0])
            for p in head.dropFirst() { verbs.append(.line); points.append(p) }
        }
    }
}
