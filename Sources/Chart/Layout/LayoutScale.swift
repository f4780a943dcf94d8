/// How much a figure's text, lines and padding shrink when its grid cells are smaller than text
/// sized in points can fill: the layout's one rule for figures too small for their dpi.
///
/// Text is sized in points, so the room it needs grows with the dpi while the canvas does not:
/// 300 × 200 px at 300 dpi is 1 × 0.67 in, and five panels there get cells a third of an inch
/// across, smaller than one 10 pt tick label with its axis label. The layout's other rules
/// (legends below in columns with "+N more", ellipsized titles and labels, shortened slanted
/// labels, thinned ticks) hold in a cell of at least `comfortableCell` (2.4 × 2.2 in, about three
/// quarters of a cell of matplotlib's default 6.4 × 4.8 in figure split 2 × 2; found by
/// `LayoutPropertyTests`). A figure is drawn at its size first; many with smaller cells still
/// fit (a 600 × 400 px 2 × 2 grid at 100 dpi), and are drawn as they are. Where text then
/// collides, what gives way, in this order:
///
/// 1. the whole style scales down with the cell, as if the figure were drawn at a lower dpi
///    (`factor`; `FigureRenderer.scene(for:)` draws it again): a cell of 1.2 × 1.1 in draws its
///    text, lines, ticks and padding at half their size, so the cell holds what a 2.4 × 2.2 in
///    cell holds;
/// 2. down to a floor: a tick label is never smaller than `floorPixels` (6 px, legible digits);
/// 3. below that floor, text that still has no room is omitted whole, never drawn overlapping
///    or past the canvas (`TextPriority`): the legend first, then panel titles, axis labels,
///    tick labels (thinned), colour bar labels, and the figure title last.
public enum LayoutScale {
    /// The smallest grid cell, in inches, in which text at its full size never overlaps.
    public static let comfortableCell = (width: 2.4, height: 2.2)
    /// The smallest tick label size in pixels that scaling goes down to.
    public static let floorPixels = 6.0

    /// The factor (0 < factor ≤ 1) by which `figure`'s style is scaled: 1 when its cells are at
    /// least `comfortableCell` at its dpi; else the cells' shortfall, but never so small that a
    /// tick label falls under `floorPixels` (nor larger than 1).
    public static func factor(_ figure: Figure) -> Double {
        let cellW = Double(figure.width) / Double(max(1, figure.columns)) / figure.dpi
        let cellH = Double(figure.height) / Double(max(1, figure.rows)) / figure.dpi
        let fit = min(cellW / comfortableCell.width, cellH / comfortableCell.height)
        guard fit < 1 else { return 1 }
        let tickPixels = figure.theme.tickSize * figure.dpi / 72
        let floor = tickPixels > 0 ? floorPixels / tickPixels : 1
        return min(1, max(fit, floor))
    }
}
