import Geometry
import Scene
import Text

/// The last of the layout's rules for figures too small for their text (`LayoutScale`): text
/// that still collides with other text, or leaves the canvas, is omitted whole (with what goes
/// with it: a legend's frame and swatches), never drawn overlapping.
///
/// What gives way first is decided here, once (`Priority`, lowest first): the legend, panel
/// titles, axis and colour bar labels, tick labels (the later of two colliding ones goes, so an
/// axis keeps its first labels and thins the rest), the figure title last. Within a priority the
/// earlier-drawn text wins. Annotation texts and pie labels are the user's and are neither
/// omitted nor obstacles. A figure laid out at a comfortable size has nothing to omit: this
/// only acts where the other rules ran out of room.
///
/// Two texts collide as `LayoutPropertyTests` defines it: their true (turned) boxes overlap by
/// more than a pixel along every separating axis; a text leaves the canvas when its box passes
/// an edge by more than half a pixel.
struct TextArbitration {
    /// What gives way first when texts collide: lower values first.
    enum Priority: Int, Comparable {
        case legend, panelTitle, axisLabel, tickLabel, figureTitle
        /// Annotation texts and pie labels: never omitted, never in the way.
        case exempt

        static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }

        /// What a thing of this priority is called in the note that says it was left out.
        var name: (one: String, many: String) {
            switch self {
            case .legend: return ("legend", "legends")
            case .panelTitle: return ("panel title", "panel titles")
            case .axisLabel: return ("axis label", "axis labels")
            case .tickLabel: return ("tick label", "tick labels")
            case .figureTitle: return ("figure title", "figure titles")
            case .exempt: return ("text", "texts")
            }
        }
    }

    /// The note that says what `removed` left out, for the user (nil when nothing was):
    /// "left out for lack of room: 2 legends, 3 tick labels (a larger size or a lower dpi shows
    /// them)", legends first.
    static func note(_ removed: [Priority]) -> String? {
        guard !removed.isEmpty else { return nil }
        let counts = Dictionary(grouping: removed, by: { $0 }).mapValues(\.count)
        let parts = counts.keys.sorted().map { p in "\(counts[p]!) \(counts[p]! == 1 ? p.name.one : p.name.many)" }
        return "left out for lack of room: " + parts.joined(separator: ", ") + " (a larger size or a lower dpi shows them)"
    }

    /// Command ranges drawn as one thing of one priority; a text outside every range is a tick
    /// label of its own.
    private var marks: [(range: Range<Int>, priority: Priority)] = []

    /// Draws with `draw` and marks what it added to `scene` as one thing of `priority`.
    mutating func mark(_ priority: Priority, in scene: inout Scene, _ draw: (inout Scene) -> Void) {
        let start = scene.commands.count
        draw(&scene)
        if scene.commands.count > start { marks.append((start..<scene.commands.count, priority)) }
    }

    /// Marks every text `scene` gained since command `start` as a thing of its own of `priority`.
    mutating func mark(_ priority: Priority, from start: Int, in scene: Scene) {
        for i in start..<scene.commands.count {
            if case .text = scene.commands[i] { marks.append((i..<(i + 1), priority)) }
        }
    }

    /// Removes from `scene` every thing whose text collides with text kept before it (higher
    /// priority, or drawn earlier at the same) or leaves the canvas; returns the priorities of
    /// the things it removed, one each.
    @discardableResult
    func resolve(_ scene: inout Scene, fonts: FontLibrary) -> [Priority] {
        // Each thing: its command indices and its texts' boxes and corners.
        struct Thing { var commands: [Int]; var priority: Priority; var order: Int; var texts: [(box: Rect, corners: [Point])] }
        var things: [Thing] = []
        var owner = [Int?](repeating: nil, count: scene.commands.count)
        for m in marks {
            for i in m.range where owner[i] == nil { owner[i] = things.count }
            things.append(Thing(commands: Array(m.range), priority: m.priority, order: m.range.lowerBound, texts: []))
        }
        for (i, c) in scene.commands.enumerated() {
            guard case .text(let run) = c else { continue }
            let t = (box: fonts.runBounds(run), corners: fonts.runCorners(run))
            if let k = owner[i] {
                things[k].texts.append(t)
            } else {
                owner[i] = things.count
                things.append(Thing(commands: [i], priority: .tickLabel, order: i, texts: [t]))
            }
        }
        let W = Double(scene.width), H = Double(scene.height)
        var kept: [(box: Rect, corners: [Point])] = []
        var removed = Set<Int>()
        var gone: [Priority] = []
        for thing in things.sorted(by: { $0.priority != $1.priority ? $0.priority > $1.priority : $0.order < $1.order }) {
            guard thing.priority != .exempt, !thing.texts.isEmpty else { continue }
            let clear = thing.texts.allSatisfy { t in
                t.box.minX >= -0.5 && t.box.minY >= -0.5 && t.box.maxX <= W + 0.5 && t.box.maxY <= H + 0.5
                    && !kept.contains { k in TextArbitration.collide(t, k) }
            }
            if clear {
                kept += thing.texts
            } else {
                removed.formUnion(thing.commands)
                gone.append(thing.priority)
            }
        }
        scene.removeCommands(at: removed)
        return gone
    }

    /// True when two texts' boxes overlap by more than a pixel each way and their turned
    /// rectangles by more than a pixel along every separating axis.
    static func collide(_ a: (box: Rect, corners: [Point]), _ b: (box: Rect, corners: [Point])) -> Bool {
        guard let o = a.box.intersection(b.box), o.width > 1, o.height > 1 else { return false }
        return ConvexOverlap.depth(a.corners, b.corners) > 1
    }
}
