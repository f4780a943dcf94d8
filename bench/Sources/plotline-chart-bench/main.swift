// plotline-chart-bench: times M4Decimator on 10⁷ points into 1,200 pixel columns.
//
//   swift build -c release --product plotline-chart-bench
//   .build/release/plotline-chart-bench [points] [columns] [repeats] [NaN per million]
//
// The series is a random walk with x = 0, 1, 2, … (sorted) and 0.1% NaN gaps (1000 per million; pass 0 for none). Reported: the
// median and best of `repeats` runs, with the sortedness check (the default) and without it
// (`assumeSorted: true`, for x that is a row counter). Target (issue 4): ≤ 5 ms;
// tsdownsample's MinMax takes 2.6 ms for 10⁷ points.
//
// Measured on the 2-core AMD EPYC dev machine, release build (medians of 21, best in brackets):
//   command                                   checked x          assumeSorted
//   10000000 1200 21 0   (no NaN)   before    17.4 ms            13.5 ms
//                                   after      7.1 ms (6.7)       4.0 ms (3.8)
//   10000000 1200 21     (0.1% NaN) before    40.6 ms            36.5 ms
//                                   after     10.6 ms (9.5)       7.0 ms (6.9)
//   two halves on two threads (2026-11-25 18:38 UTC, idle VM):
//   10000000 1200 21 0   (no NaN)             3.46 ms (3.24)      1.98 ms (1.83)
//   10000000 1200 21     (0.1% NaN)           5.34 ms (5.08)      3.98 ms (3.88)
// A plain SIMD sum over the same 80 MB of y takes 2.7 ms here; the x check reads another 80 MB.
// Target (issue 4) ≤ 5 ms: met except with 0.1% NaN and the x check (5.3 ms).
import Chart
import Foundation

func run() {
    let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
    let n = arguments.count > 0 ? arguments[0] : 10_000_000
    let columns = arguments.count > 1 ? arguments[1] : 1_200
    let repeats = arguments.count > 2 ? arguments[2] : 21
    let nanFraction = arguments.count > 3 ? Double(arguments[3]) / 1e6 : 0.001

    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func nextUnit(_ state: inout UInt64) -> Double {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Double(state >> 11) / Double(1 << 53)
    }
    let x = (0..<n).map(Double.init)
    var walk = 0.0
    let y = (0..<n).map { _ -> Double in
        walk += nextUnit(&state) - 0.5
        return nextUnit(&state) < nanFraction ? .nan : walk
    }

    let decimator = M4Decimator(axis: AxisTransform(scale: LinearScale(), low: 0, high: Double(n - 1)),
                                pixels: .init(start: 0, length: Double(columns)))
    var output = ReducedSeries()

    func time(assumeSorted: Bool, into output: inout ReducedSeries) -> [Double] {
        var times: [Double] = []
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                for _ in 0..<repeats {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    decimator.reduce(x: xb, y: yb, into: &output, assumeSorted: assumeSorted)
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
                }
            }
        }
        return times.sorted()
    }

    for assumeSorted in [false, true] {
        let times = time(assumeSorted: assumeSorted, into: &output)
        let label = assumeSorted ? "assumeSorted" : "checked x"
        print(String(format: "M4 %@: %d points -> %d columns: median %.2f ms, best %.2f ms (%d points out, reduced: %@)",
                     label, n, columns, times[times.count / 2], times[0], output.count,
                     output.isReduced ? "yes" : "no"))
    }
}

run()
