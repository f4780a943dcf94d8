import FoundationEssentials
import Glibc

/// Ticks on a base-10 log axis, after matplotlib 3.11's `LogLocator.tick_values`.
///
/// Major ticks (`subs: .decades`) sit on powers of ten, every k-th decade when there are more
/// decades than fit. Minor ticks (`.auto`) are 2…9 × 10ⁿ while every decade is ticked and the
/// view spans fewer than 10 decades; when a view holds at most one tick in all, matplotlib
/// switches to linear nice ticks (`MaxNLocator`) and so does this.
public struct LogLocator: TickLocator, Hashable {
    /// Which multiples of each decade are ticked.
    public enum Subs: Sendable, Hashable {
        /// 1 × 10ⁿ only: major ticks.
        case decades
        /// 2…9 × 10ⁿ when at most 9 decades are visible, none otherwise: minor ticks.
        case auto
        /// 1…9 × 10ⁿ when at most 9 decades are visible, decades otherwise.
        case all
        /// The given multiples of each decade.
        case multiples([Double])
    }

    /// The multiples ticked in each decade.
    public let subs: Subs

    /// Creates a log locator (`.decades` for major ticks, `.auto` for minor ones).
    public init(subs: Subs = .decades) {
        self.subs = subs
    }

    /// Ticks for the view; `maxCount` (clipped to 2…9) is the most decade ticks wanted.
    ///
    /// matplotlib: non-positive limits raise an error; here a view with max ≤ 0 has no ticks
    /// and a min ≤ 0 is replaced by max / 10⁹ (callers should pass the smallest positive datum).
    public func ticks(min vmin: Double, max vmax: Double, maxCount: Int) -> [Double] {
        guard vmin.isFinite, vmax.isFinite else { return [] }
        var lo = Swift.min(vmin, vmax)
        let hi = Swift.max(vmin, vmax)
        guard hi > 0 else { return [] }
        if lo <= 0 { lo = hi / 1e9 }
        if lo <= 0 { lo = .leastNonzeroMagnitude }  // hi / 10⁹ underflowed (a subnormal hi): log10(0) is -inf (fuzz npy)
        var nRequest = Swift.min(Swift.max(maxCount, 2), 9)
        let efmin = log10(lo)
        let efmax = log10(hi)
        let emin = Int(ceil(efmin))
        let emax = Int(floor(efmax))
        let nAvail = emax - emin + 1

        let multiples: [Double]
        switch subs {
        case .decades:
            multiples = [1]
        case .multiples(let m):
            multiples = m.isEmpty ? [1] : m
        case .auto, .all:
            if nAvail >= 10 {
                if subs == .auto { return [] }
                multiples = [1]
            } else {
                multiples = subs == .auto ? [2, 3, 4, 5, 6, 7, 8, 9] : [1, 2, 3, 4, 5, 6, 7, 8, 9]
            }
        }

        var stride = nAvail / (nRequest + 1) + 1
        let nr = (nAvail + stride - 1) / stride
        if nr <= nRequest { nRequest = nr }
        var decades: [Int]
        if nRequest == 0 {
            decades = [emin - 1, emax + 1]
            stride = decades[1] - decades[0]
        } else if nRequest == 1 {
            let mid = Int(((efmin + efmax) / 2).rounded(.toNearestOrEven))
            stride = Swift.max(mid - (emin - 1), (emax + 1) - mid)
            decades = [mid - stride, mid, mid + stride]
        } else {
            stride = (nAvail - 1) / (nRequest - 1)
            if Double(stride) < Double(nAvail) / Double(nRequest) { stride = nAvail / nRequest }
            let olo = Swift.max(nAvail - stride * nRequest, 0)
            let ohi = Swift.min(nAvail - stride * (nRequest - 1), stride)
            var offset = ((-emin) % stride + stride) % stride
            if !(olo <= offset && offset < ohi) { offset = olo }
            decades = Array(Swift.stride(from: emin + offset - stride, through: emax + stride, by: stride))
        }

        let isMinor = multiples.count > 1 || (multiples.count == 1 && multiples[0] != 1)
        var result: [Double] = []
        if isMinor {
            if stride == 1 || nAvail <= 1 {
                for decade in (emin - 1)...emax {
                    let p = pow(10.0, Double(decade))
                    result.append(contentsOf: multiples.map { $0 * p })
                }
            }
        } else {
            result = decades.map { pow(10.0, Double($0)) }
        }
        if multiples.count > 1 && stride == 1 {
            let inView = result.reduce(0) { $0 + (lo <= $1 && $1 <= hi ? 1 : 0) }
            if decades.count - 2 + inView <= 1 {
                return MaxNLocator().ticks(min: lo, max: hi, maxCount: 9)
            }
        }
        return result
    }
}
