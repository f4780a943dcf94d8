import Chart

extension FigureSpec {
    /// The annotation keys: one of the five kind keys, and the options each kind takes.
    static let annotationKinds: KeyValuePairs<String, [String]> = [
        "hline": ["color", "width", "dash"],
        "vline": ["color", "width", "dash"],
        "hspan": ["color", "alpha"],
        "vspan": ["color", "alpha"],
        "text": ["x", "y", "dx", "dy", "color", "marker"],
    ]

    /// One panel annotation: `{"hline": y}`, `{"vline": x}`, `{"hspan": [y0, y1]}`,
    /// `{"vspan": [x0, x1]}` or `{"text": "peak", "x": ..., "y": ...}`, with options.
    ///
    /// Positions are numbers in data units or date strings (on time axes), as axis limits.
    static func annotation(_ node: FigureSpecNode) throws(SpecError) -> Annotation {
        guard case .object(let members) = node.value else { throw node.wrongType("an object") }
        let kinds = annotationKinds.map(\.key)
        let given = members.map(\.key).filter { kinds.contains($0) }
        guard given.count == 1, let kind = given.first,
              let options = annotationKinds.first(where: { $0.key == kind })?.value else {
            if given.count > 1 {
                throw node.error(.conflict("an annotation takes one of hline, vline, hspan, vspan, text; found \(given.joined(separator: " and "))"))
            }
            _ = try node.object(keys: kinds + Set(annotationKinds.flatMap(\.value)).sorted())  // names an unknown key
            throw node.error(.missingKey(note: "one of hline, vline, hspan, vspan, text"))
        }
        let object = try node.object(keys: [kind] + options)
        let main = try object.required(kind)
        let color = try object.optional("color").map { n throws(SpecError) in try ColorValue.decode(n) }
        // Annotations do not know the theme; cycle colours resolve against the light one here
        // and against the figure's theme in `figure(tables:)`.
        let fixed = color.map { $0.resolved(in: .light) }
        func width() throws(SpecError) -> Double? {
            try object.optional("width")?.positive("a positive width in points (at most 100)", limit: 100)
        }
        func dash() throws(SpecError) -> [Double]? {
            try object.optional("dash").flatMap { n throws(SpecError) in try Series.decodeDash(n) }
        }
        func alpha() throws(SpecError) -> Double {
            try object.optional("alpha")?.number(in: 0...1, "a number from 0 to 1") ?? 0.25
        }
        func span() throws(SpecError) -> (Double, Double) {
            let ends = try main.array()
            guard ends.count == 2 else {
                throw main.error(.invalidValue(expected: "[from, to]", found: "\(ends.count) value\(ends.count == 1 ? "" : "s")"))
            }
            return (try Axis.limit(ends[0]), try Axis.limit(ends[1]))
        }
        switch kind {
        case "hline":
            return .horizontalLine(y: try Axis.limit(main), color: fixed, width: try width(), dash: try dash())
        case "vline":
            return .verticalLine(x: try Axis.limit(main), color: fixed, width: try width(), dash: try dash())
        case "hspan":
            let (a, b) = try span()
            return .horizontalSpan(y0: a, y1: b, color: fixed, alpha: try alpha())
        case "vspan":
            let (a, b) = try span()
            return .verticalSpan(x0: a, x1: b, color: fixed, alpha: try alpha())
        default:
            let text = try main.string()
            let x = try Axis.limit(try object.required("x")), y = try Axis.limit(try object.required("y"))
            let dx = try object.optional("dx").map { n throws(SpecError) in try n.number(in: -1000...1000, "an offset in points from -1000 to 1000") } ?? 4
            let dy = try object.optional("dy").map { n throws(SpecError) in try n.number(in: -1000...1000, "an offset in points from -1000 to 1000") } ?? 4
            return .text(text, x: x, y: y, dx: dx, dy: dy, color: fixed, marker: try object.optional("marker")?.bool() ?? true)
        }
    }
}
