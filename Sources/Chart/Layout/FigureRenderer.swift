// Chart: figures, panels and series, laid out into a Scene.
//
// Design: the model (Figure → Panel grid → Series) knows nothing of pixels; `FigureRenderer`
// turns it into a `Scene` on the render thread, where text can be measured. Layout follows
// matplotlib's constrained layout in spirit: the room around each plot frame comes from the
// tick labels, axis labels and titles that are actually there, frames line up across a grid
// row and column and all have one size (`GridLayout`; a last row with fewer panels spreads
// over the row instead of leaving empty cells), and ticks are chosen for the frame's real
// length so labels never overlap (category names slanted 45° when they would collide, thinned
// as a last resort). Legends of more than 8 entries (or placed `below`) go below their panel in
// columns; every legend, title and axis label is ellipsized to the room it has, so no text
// leaves the canvas; cells too small for their text draw the whole style smaller (`LayoutScale`)
// and omit whole what still collides, legend first (`TextArbitration`)
// (`LayoutPropertyTests` checks this on random figures of every size and dpi). Scales, locators and formatters are the pure
// functions of Chart/Scales and Chart/Ticks (after matplotlib's ticker.py: locators apart from
// formatters); the non-linear scale is applied to data first, then one affine map takes it to
// pixels (matplotlib's transScale + transLimits + transAxes). Series kinds follow matplotlib's
// defaults: `hist` (adjacent edgeless bars, numpy's bin rules, one set of bins per panel, or per facet grid),
// `bar`/`barh` with `bottom=` stacking, `errorbar` (with small caps where matplotlib 2.0 has none), `imshow` + `colorbar`
// (its 256-entry perceptual maps), `boxplot` (`cbook.boxplot_stats`) and `pie` (autopct
// "%1.1f%%"). `PreparedSeries` bins, stacks and summarises once per figure, so the axes and
// the painter see the same bars and boxes. Axes follow matplotlib too: the grid per axis and
// the minor grid (`AutoMinorLocator`, 0.6 × the width at half opacity), a right-hand y axis
// (`twinx`: its own limits and ticks, margins measured from its labels, one legend for both),
// and shared axes (`sharex="col"`, `sharey="row"`: limits from the union of the panels' data
// with the margins applied once, tick labels only on the outer panels, as `label_outer`; a
// facet grid shares both across all panels, as `sharex=True, sharey=True`). Log axes label
// 2 and 5 × 10ⁿ under three decades and draw minor ticks (`LogAxisLabels`); scatters may be
// coloured by value through a `ColorMap` with a colour bar (`plt.scatter(c=…)` + `colorbar`;
// one bar right of a facet grid, `SharedColorbar`, as `fig.colorbar(sc, ax=axs)`), and dense ones shrink and fade their markers (`ScatterDensity`).

import Geometry
import Raster
import Scene
import Text

/// Lays out figures into Scenes; owns a font library for measuring, so it lives on one thread.
public final class FigureRenderer {
    public let fonts: FontLibrary

    public init(fonts: FontLibrary) { self.fonts = fonts }

    /// The figure as a display list in device pixels (`layout(for:)` without its note).
    public func scene(for figure: Figure) -> Scene { layout(for: figure).scene }

    /// The figure as a display list in device pixels, and a note for the user when text had to
    /// be left out (`TextArbitration.note`: "left out for lack of room: 2 legends").
    ///
    /// Drawn at its size first; when text then collides (cells too small for text at its size)
    /// and its cells are under `LayoutScale.comfortableCell`, drawn again with the whole style
    /// scaled down (`LayoutScale.factor`). What still collides is omitted (`TextArbitration`).
    public func layout(for figure: Figure) -> (scene: Scene, omitted: String?) {
        let drawn = scene(for: figure, scale: 1)
        let factor = LayoutScale.factor(figure)
        guard !drawn.omitted.isEmpty, factor < 1 else { return (drawn.scene, TextArbitration.note(drawn.omitted)) }
        let scaled = scene(for: figure, scale: factor)
        return (scaled.scene, TextArbitration.note(scaled.omitted))
    }

    /// The figure with its style scaled by `scale`, and what had to be omitted.
    func scene(for figure: Figure, scale: Double) -> (scene: Scene, omitted: [TextArbitration.Priority]) {
        let style = ResolvedStyle(theme: figure.theme, dpi: figure.dpi * scale, fonts: fonts)
        var scene = Scene(width: figure.width, height: figure.height, background: figure.theme.background)
        var texts = TextArbitration()
        let W = Double(figure.width), H = Double(figure.height)
        var top = 0.0
        if let t = figure.title, !t.isEmpty {
            let h = style.figureTitleMetrics.ascent + style.figureTitleMetrics.descent
            texts.mark(.figureTitle, in: &scene) {
                $0.text(TextRun(fit(t, font: style.figureTitleFont, width: W - 2 * style.outerPad), font: style.figureTitleFont, color: style.theme.text,
                                at: Point((W / 2).rounded(), (style.outerPad + style.figureTitleMetrics.ascent).rounded()),
                                horizontal: .center, vertical: .baseline))
            }
            top = style.outerPad + h + style.titlePad
        }
        let rows = figure.rows, cols = figure.columns
        let gap = 8 * style.ppp
        // A facet grid's histograms share one set of bins across its panels, so they compare.
        let panels = Array(figure.panels.prefix(rows * cols))
        let sharedBins = figure.sharedGrid ? PreparedSeries.histogramEdges(of: panels) : nil
        var layouts = panels.map { PanelLayout(panel: $0, style: style, histogramEdges: sharedBins) }
        FigureRenderer.shareAxes(&layouts, figure: figure)
        // A facet grid of scatters on one colour scale: one colour bar right of the grid, which
        // is laid out that much narrower.
        var sharedBar = SharedColorbar.take(from: &layouts, figure: figure, style: style, fonts: fonts,
                                            height: max(10, H - top - 2 * style.outerPad))
        let spread = figure.spreadsLastRow
        func grid(_ margins: [Margins]) -> GridLayout {
            GridLayout(width: W - (sharedBar?.reserve ?? 0), height: H, top: top, rows: rows, columns: cols, gap: gap,
                       margins: margins, spreadsLastRow: spread)
        }
        // Cells before any text is measured: the room each panel's legend may take.
        let bare = grid([Margins](repeating: Margins(), count: layouts.count))
        for i in layouts.indices {
            layouts[i].legend = legend(for: layouts[i].panel, style: style)
            arrangeLegend(&layouts[i], cell: bare.frames[i], style: style)
        }

        // Two passes: margins from a first guess of the frame, then from the real frame (tick
        // counts depend on the frame's length, and labels on the ticks); a third if a legend
        // had to move outside.
        var margins = [Margins](repeating: Margins(), count: layouts.count)
        var placed = bare
        for pass in 0..<3 {
            for i in layouts.indices {
                let c = bare.frames[i]
                layouts[i].cellHeight = c.height
                let frameW = pass == 0 ? c.width - 60 * style.ppp - 10 : layouts[i].frame.width
                let frameH = pass == 0 ? c.height - 20 - 40 * style.ppp : layouts[i].frame.height
                margins[i] = layouts[i].measure(frameWidth: max(10, frameW), frameHeight: max(10, frameH), fonts: fonts)
            }
            // Align frames: equal sizes, one left/right margin per column, one top/bottom per row.
            placed = grid(margins)
            for i in layouts.indices { layouts[i].frame = placed.frames[i] }
            // A legend below the panel keeps to its cell as laid out (equal frames make some
            // cells narrower), and below a frame squeezed under three font sizes gives up rows
            // ("+N more").
            var shrunk = false
            let least = 3 * style.tickFont.size
            for i in layouts.indices where layouts[i].frame.height < least {
                // Squeezed under three font sizes (a short figure whose row carries slanted
                // labels and legends below): slanted labels get shorter, and a legend below of
                // one row, which has no rows to give up, moves right of the frame, where it may
                // be as tall as its cell below the frame's top.
                if !layouts[i].squeezed { layouts[i].squeezed = true; shrunk = true }
                guard var l = layouts[i].legend, l.below, l.rows == 1 else { continue }
                let cell = placed.cells[i]
                l.below = false
                l.outside = true
                l.arrange(maxWidth: min(cell.width - 2 * style.outerPad, max(8 * style.legendFont.size, 0.35 * cell.width)),
                          maxHeight: max(0, cell.maxY - layouts[i].frame.minY - style.outerPad))
                layouts[i].legend = l
                shrunk = true
            }
            for i in layouts.indices {
                guard var l = layouts[i].legend, l.below else { continue }
                let room = placed.cells[i].width - 2 * style.outerPad
                let starved = layouts[i].frame.height < least && l.rows > 1
                guard l.size.width > room + 0.5 || starved else { continue }
                let height = starved ? l.size.height - (least - layouts[i].frame.height) : l.size.height
                l.arrange(maxWidth: min(l.widthLimit, room), maxHeight: height, manyColumns: true)
                layouts[i].legend = l
                shrunk = true
            }
            if shrunk && pass < 2 { continue }
            if pass == 1 {
                var moved = false
                for i in layouts.indices {
                    guard var l = layouts[i].legend, !l.outside, !l.below else { continue }
                    l.fitInside(layouts[i].frame)
                    l.place(layouts[i].panel.legend, frame: layouts[i].frame,
                            lines: layouts[i].footprints, gap: style.legendGap + layouts[i].rightExtent)
                    if l.outside && layouts[i].frame.width - l.size.width - style.legendGap < 4 * style.tickFont.size {
                        // Moving out would squeeze the frame too much: stay inside, least in the way.
                        l.outside = false
                        l.fitInside(layouts[i].frame)
                        l.place(layouts[i].panel.legend == .outside ? .best : layouts[i].panel.legend, frame: layouts[i].frame,
                                lines: layouts[i].footprints, gap: style.legendGap + layouts[i].rightExtent, allowOutside: false)
                    }
                    moved = moved || l.outside
                    layouts[i].legend = l
                }
                if !moved { break }
            }
        }
        // Ticks for the final frames (a legend that moved outside narrowed them). Labels on the
        // final frames may need more room than the frames were given (other ticks, slanted
        // labels): then the grid is laid out again with the larger margins.
        var used = margins
        for round in 0..<4 {
            var grew = false
            if var b = sharedBar, let bar = b.bar(beside: layouts.map(\.frame)) {
                // Ticks for the bar's real height; wider labels take more of the width.
                let before = b.reserve
                b.measure(height: bar.height, frameWidth: layouts[0].frame.width, fonts: fonts)
                sharedBar = b
                grew = b.reserve > before + 0.5
            }
            for i in layouts.indices {
                let m = layouts[i].measure(frameWidth: layouts[i].frame.width, frameHeight: layouts[i].frame.height, fonts: fonts)
                if m.left > used[i].left + 0.5 || m.right > used[i].right + 0.5 || m.top > used[i].top + 0.5 || m.bottom > used[i].bottom + 0.5 {
                    used[i] = used[i].union(m)
                    grew = true
                }
            }
            if !grew || round == 3 { break }
            placed = grid(used)
            for i in layouts.indices { layouts[i].frame = placed.frames[i] }
        }
        for i in layouts.indices {
            // Final legend spots on the final frames (an outside legend stays outside).
            if var l = layouts[i].legend {
                let f = layouts[i].frame
                if l.below {
                    // Centred under the cell, below the x tick labels and axis label.
                    let cell = placed.cells[i]
                    let x = min(max(cell.center.x - l.size.width / 2, style.outerPad), W - style.outerPad - l.size.width)
                    l.origin = Point(x.rounded(), (f.maxY + layouts[i].bottomTextExtent + style.legendGap).rounded())
                } else if l.outside {
                    // As tall as the room below the frame's top allows.
                    let room = H - f.minY - style.outerPad
                    if l.size.height > room { l.arrange(maxWidth: l.size.width, maxHeight: room) }
                    l.origin = Point(layouts[i].outsideLegendX, f.minY)
                } else {
                    // An `outside` legend that had no room stays inside, where it hides least.
                    let placement = layouts[i].panel.legend == .outside ? .best : layouts[i].panel.legend
                    l.fitInside(f)
                    l.place(placement, frame: f, lines: layouts[i].footprints, gap: style.legendGap + layouts[i].rightExtent, allowOutside: false)
                }
                layouts[i].legend = l
            }
            draw(layouts[i], style: style, into: &scene, texts: &texts)
        }
        if let b = sharedBar, let bar = b.bar(beside: layouts.map(\.frame)) {
            drawColorbar(b.axis, map: b.map, bar: bar, style: style, into: &scene, texts: &texts)
        }
        // What still collides where the cells ran out of room gives way (`TextArbitration`).
        let omitted = texts.resolve(&scene, fonts: fonts)
        return (scene, omitted)
    }

    /// Sizes a panel's legend for the room its cell gives: a `below` legend, and a `best` legend
    /// of many entries, goes below the panel in columns across the cell, at most 40% of the
    /// cell's height; others take one column at most 35% of the cell's width (at least 8 font
    /// sizes) and its height.
    func arrangeLegend(_ layout: inout PanelLayout, cell: Rect, style: ResolvedStyle) {
        guard var l = layout.legend else { return }
        let fs = style.legendFont.size
        let many = layout.panel.legend == .best && !layout.panel.isPie && l.entries.count > LegendLayout.belowThreshold
        if many || layout.panel.legend == .below {
            l.below = true
            l.arrange(maxWidth: cell.width - 2 * style.outerPad, maxHeight: 0.4 * cell.height, manyColumns: true)
        } else {
            l.arrange(maxWidth: min(cell.width - 2 * style.outerPad, max(8 * fs, 0.35 * cell.width)),
                      maxHeight: cell.height - 2 * style.outerPad)
        }
        layout.legend = l
    }

    /// Shared axes (matplotlib's `sharex="col"`, `sharey="row"`): one x view per column and
    /// one y view per row over the panels with axes (pies and heat maps keep their own), and
    /// tick labels only on the outer panels: the lowest of a column, the leftmost of a row.
    /// When the last row spreads over the grid's width, x is shared by all columns at once.
    static func shareAxes(_ layouts: inout [PanelLayout], figure: Figure) {
        let cols = figure.columns
        func sharing(_ i: Int) -> Bool { !layouts[i].panel.isPie && layouts[i].colorbar == nil }
        if figure.sharedGrid {
            // A facet grid shares across colour bars too (scatters coloured by value); only
            // heat maps, whose axes are their cells, keep their own.
            let members = layouts.indices.filter { !layouts[$0].panel.isPie && !layouts[$0].panel.series.contains { $0.kind == .heatmap } }
            guard members.count > 1 else { return }
            if let x = AxisModel.shared(members.map { layouts[$0].x }), let y = AxisModel.shared(members.map { layouts[$0].y }) {
                for i in members {
                    layouts[i].x.share(x)
                    layouts[i].y.share(y)
                    // label_outer: x labels where no panel lies below, y labels in the first column.
                    layouts[i].showsXLabels = i + cols >= layouts.count
                    layouts[i].showsYLabels = i % cols == 0
                }
            }
            return
        }
        if figure.sharedX && figure.spreadsLastRow {
            // The last row's panels span several columns: one x view for all, and tick labels
            // on every panel with no panel of its own width below it (the last two rows).
            let members = layouts.indices.filter(sharing)
            if members.count > 1, let shared = AxisModel.shared(members.map { layouts[$0].x }) {
                for i in members {
                    layouts[i].x.share(shared)
                    layouts[i].showsXLabels = i / cols >= figure.rows - 2
                }
            }
        } else if figure.sharedX {
            for c in 0..<cols {
                let members = layouts.indices.filter { $0 % cols == c && sharing($0) }
                guard members.count > 1, let shared = AxisModel.shared(members.map { layouts[$0].x }) else { continue }
                for i in members {
                    layouts[i].x.share(shared)
                    layouts[i].showsXLabels = i == members.last
                }
            }
        }
        if figure.sharedY {
            for r in 0..<figure.rows {
                let members = layouts.indices.filter { $0 / cols == r && sharing($0) }
                guard members.count > 1, let shared = AxisModel.shared(members.map { layouts[$0].y }) else { continue }
                for i in members {
                    layouts[i].y.share(shared)
                    layouts[i].showsYLabels = i == members.first
                }
            }
        }
    }

    /// The legend entries of a panel: shown when at least two series are named. Heat maps
    /// have none (their colour bar is the key); a pie panel lists its wedges only when a
    /// placement other than `best` is asked for (its labels already name them).
    func legend(for panel: Panel, style: ResolvedStyle) -> LegendLayout? {
        guard panel.showsLegend else { return nil }
        if panel.isPie {
            guard let pie = panel.series.first else { return nil }
            let angles = FigureRenderer.pieAngles(pie.y)
            let entries = pie.labels.enumerated().compactMap { k, label -> LegendLayout.Entry? in
                guard k < angles.count, angles[k] != nil, !label.isEmpty else { return nil }
                return LegendLayout.Entry(label: label, kind: .pie, color: style.theme.color(k).withOpacity(pie.alpha),
                                          stroke: StrokeStyle(width: style.lineWidth), marker: nil, hasError: false)
            }
            return LegendLayout(entries: entries, style: style, fonts: fonts)
        }
        let named = panel.series.enumerated().filter { !$0.element.name.isEmpty && $0.element.kind != .heatmap && $0.element.kind != .pie }
        let entries = named.map { i, s -> LegendLayout.Entry in
            let lw = (s.lineWidth.map { $0 * style.ppp }) ?? style.lineWidth
            return LegendLayout.Entry(
                label: s.name, kind: s.kind, color: (s.color ?? (s.kind == .box ? style.theme.text : style.theme.color(i))).withOpacity(s.alpha),
                stroke: StrokeStyle(width: lw, cap: .butt, join: .round, dash: s.dash.flatMap { DashPattern($0.map { $0 * lw }) }),
                marker: s.marker, markerSize: s.markerSize.flatMap { $0 > 0 && $0.isFinite ? $0 * style.ppp : nil },
                hasError: s.yError != nil && s.kind != .bar)
        }
        return LegendLayout(entries: entries, style: style, fonts: fonts)
    }
}
