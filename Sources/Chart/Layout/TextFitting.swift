import FoundationEssentials
import Text
import Platform

extension FontLibrary {
    /// `text`, or its longest prefix that fits `width` pixels with an ellipsis ("…"), so a
    /// label longer than its room never runs into a neighbour or off the canvas; empty when not
    /// even one character fits.
    func fitted(_ text: String, font: Font, width: Double) -> String {
        if measure(text, font: font).advance <= width { return text }
        let chars = Array(text)
        var lo = 0, hi = chars.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if measure(String(chars[..<mid]) + "…", font: font).advance <= width { lo = mid } else { hi = mid - 1 }
        }
        return lo == 0 ? "" : String(chars[..<lo]).trimmingWhitespace + "…"
    }
}
