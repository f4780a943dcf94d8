// Geometry: the value types every drawing module shares — points, rectangles, affine transforms,
// vector paths — and the path algorithms that turn a path into what the scan converter fills:
// flattening curves to polylines, stroking a polyline into an outline, cutting dashes, marker
// shapes. It imports nothing of Plotline and knows nothing of pixels' storage or colour.
//
// Design. Everything is a `Sendable` value in double precision; nothing is rounded to whole
// pixels unless a caller snaps on purpose (`Rect.snapped`). A `Path` is two flat arrays (verbs
// and points, as Skia and tiny-skia store them), cheap to copy and walk. `PathFlattener`
// splits each Bézier into a uniform number of steps from Wang's formula (Blend2D, tiny-skia),
// branch-free and never recursive; non-finite points are dropped there, where they would do
// harm. `Stroker` walks each flattened sub-path once, building the left and right offsets and
// routing the inner side of each turn through the pivot, so the outline is a union of
// same-oriented pieces that the nonzero rule fills without gaps or holes (after Skia's
// SkStroke and tiny-skia's stroker). `Dasher` follows SVG's `stroke-dasharray` and bails out
// to the solid path above `Dasher.maxDashes`, as Skia does. Each type's own comment gives the
// details and the sources.
