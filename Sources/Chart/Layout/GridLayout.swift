import Geometry

/// Where a figure's panels go: the plot frames of its grid, aligned as matplotlib's constrained
/// layout aligns them.
///
/// Every frame of the grid is as wide as every other and as tall as every other, whatever text
/// its panel carries: the room around the frames comes from each grid column's widest margins
/// (left, right) and each row's (top, bottom), and what is left is shared out equally. So an
/// outside legend or a long y label in one panel narrows all plot areas alike instead of one.
/// When the last row has fewer panels than the grid has columns (3 panels in 2 × 2, 5 in
/// 3 × 2), its panels share that row's whole width (`spreadsLastRow`): no empty cell; its outer
/// frame edges line up with the grid's.
struct GridLayout {
    /// The plot frames, one per panel, in panel order.
    private(set) var frames: [Rect] = []
    /// Each panel's cell: its frame with the room its row and column leave around it.
    private(set) var cells: [Rect] = []

    /// Lays out `margins.count` panels over `rows × columns` cells in the canvas area
    /// `width × (height - top)` below `top`, `gap` pixels apart.
    init(width: Double, height: Double, top: Double, rows: Int, columns cols: Int, gap: Double,
         margins: [Margins], spreadsLastRow spread: Bool) {
        let n = margins.count
        guard n > 0 else { return }
        let regularCount = spread ? (rows - 1) * cols : n
        // Column margins over the regular rows; row margins over every row.
        var colM = [Margins](repeating: Margins(), count: cols), rowM = [Margins](repeating: Margins(), count: rows)
        for i in 0..<n {
            if i < regularCount { colM[i % cols] = colM[i % cols].union(margins[i]) }
            rowM[min(rows - 1, i / cols)] = rowM[min(rows - 1, i / cols)].union(margins[i])
        }
        let horizontal = colM.reduce(0) { $0 + $1.left + $1.right }
        let frameW = max(10, (width - Double(cols - 1) * gap - horizontal) / Double(cols))
        let vertical = rowM.reduce(0) { $0 + $1.top + $1.bottom }
        let frameH = max(10, (height - top - Double(rows - 1) * gap - vertical) / Double(rows))
        var colX: [Double] = [], x = 0.0
        for m in colM { colX.append(x + m.left); x += m.left + frameW + m.right + gap }
        var rowY: [Double] = [], y = top
        for m in rowM { rowY.append(y + m.top); y += m.top + frameH + m.bottom + gap }
        for i in 0..<regularCount {
            let c = i % cols, r = i / cols
            let f = Rect(x: colX[c], y: rowY[r], width: frameW, height: frameH)
            frames.append(f.snapped)
            cells.append(Rect(x: f.minX - colM[c].left, y: f.minY - rowM[r].top, width: colM[c].left + frameW + colM[c].right,
                              height: rowM[r].top + frameH + rowM[r].bottom))
        }
        guard regularCount < n else { return }
        // The spread last row: k equal frames between the grid's outer frame edges.
        let k = n - regularCount, r = rows - 1
        var rowMargins = Margins()
        for i in regularCount..<n { rowMargins = rowMargins.union(margins[i]) }
        let left = max(colM[0].left, rowMargins.left), right = max(colM[cols - 1].right, rowMargins.right)
        let inner = Double(k - 1) * (rowMargins.right + gap + rowMargins.left)
        let w = max(10, (width - left - right - inner) / Double(k))
        for j in 0..<k {
            let fx = left + Double(j) * (w + rowMargins.right + gap + rowMargins.left)
            let f = Rect(x: fx, y: rowY[r], width: w, height: frameH)
            frames.append(f.snapped)
            let cl = j == 0 ? left : rowMargins.left, cr = j == k - 1 ? right : rowMargins.right
            cells.append(Rect(x: fx - cl, y: f.minY - rowM[r].top, width: cl + w + cr, height: rowM[r].top + frameH + rowM[r].bottom))
        }
    }
}
