import Geometry
import Raster

extension Series {
    /// The legend colour of a group's markers when colour shows a value: a neutral grey.
    public static let groupMarkerColor = Color(rgb: 0x555555)

    /// Makes this scatter colour its points by `values` (one per point) through `map`, with a
    /// colour bar labelled `label` (matplotlib's `scatter(c=…)` + `colorbar`).
    ///
    /// Colour then means the value, so when the scatter is group `group` of a split (`by`),
    /// groups are told apart by marker shape instead (circle, square, diamond, … in group
    /// order, as seaborn's `style=`), and their legend entries are grey, not a cycle colour
    /// that no point is drawn in. A marker the series already has is kept.
    public mutating func colorByValue(_ values: [Double], map: ColorMap, label: String, group: Int? = nil) {
        colorValues = values
        colorMap = map
        labels = [label]
        if let group {
            let shapes = MarkerShape.allCases
            marker = marker ?? shapes[((group % shapes.count) + shapes.count) % shapes.count]
            color = Series.groupMarkerColor
        }
    }
}
