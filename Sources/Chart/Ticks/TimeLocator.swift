import Dates
import FoundationEssentials
import Glibc

/// Calendar-aligned ticks on a time axis (seconds since the epoch, UTC), after matplotlib's
/// `AutoDateLocator` with `interval_multiples=True`.
///
/// The coarsest frequency giving at least 5 ticks is chosen among years, months, days, hours,
/// minutes, seconds and microseconds; then the first interval from its table (months by 1, 2,
/// 3, 4, 6; days by 1, 2, 4, 7, 14; hours by 1, 2, 3, 4, 6, 12; ...) that keeps the tick count
/// under the frequency's maximum. Ticks sit on calendar boundaries that are multiples of the
/// interval (hours 0, 6, 12, 18; days 1, 15; January of years divisible by 5).
public struct TimeLocator: TickLocator, Hashable {
    /// A tick frequency, from coarsest to finest.
    public enum Frequency: Int, Sendable, Hashable, CaseIterable {
        /// Calendar years.
        case yearly
        /// Calendar months.
        case monthly
        /// Days.
        case daily
        /// Hours.
        case hourly
        /// Minutes.
        case minutely
        /// Seconds.
        case secondly
        /// Microseconds.
        case microsecondly
    }

    /// The fewest ticks a frequency must give to be chosen (matplotlib's `minticks`).
    public let minTicks: Int

    /// Creates a locator; matplotlib's default `minticks` is 5.
    public init(minTicks: Int = 5) {
        self.minTicks = Swift.max(1, minTicks)
    }

    /// matplotlib's interval table per frequency (with days' 3 replaced by 4 for multiples).
    static let intervals: [Frequency: [Int]] = [
        .yearly: [1, 2, 4, 5, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 4000, 5000, 10000],
        .monthly: [1, 2, 3, 4, 6],
        .daily: [1, 2, 4, 7, 14],
        .hourly: [1, 2, 3, 4, 6, 12],
        .minutely: [1, 5, 10, 15, 30],
        .secondly: [1, 5, 10, 15, 30],
        .microsecondly: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000,
                         50000, 100000, 200000, 500000, 1000000],
    ]

    /// matplotlib's default most ticks per frequency.
    static let defaultMaxTicks: [Frequency: Int] = [
        .yearly: 11, .monthly: 12, .daily: 11, .hourly: 12, .minutely: 11, .secondly: 11,
        .microsecondly: 8,
    ]

    /// The frequency and interval chosen for a view (exposed for formatters and tests).
    public func choose(min lo: Double, max hi: Double, maxCount: Int) -> (frequency: Frequency, interval: Int) {
        guard let a = CivilTime(seconds: lo), let b = CivilTime(seconds: hi) else { return (.yearly, 1) }
        // dateutil's relativedelta(b, a): whole months, then the rest as days/hours/minutes.
        var months = (b.year - a.year) * 12 + (b.month - a.month)
        while months > 0 && a.addingMonths(months).seconds > hi { months -= 1 }
        let rest = hi - a.addingMonths(months).seconds
        let restHours = Int(PythonFloat.modulo(rest, 86_400) / 3600)
        let restMinutes = Int(PythonFloat.modulo(rest, 3600) / 60)
        let total = hi - lo
        let numDays = floor(total / 86_400)
        let numHours = numDays * 24 + Double(restHours)
        let nums: [Double] = [
            Double(months / 12), Double(months), numDays, numHours,
            numHours * 60 + Double(restMinutes), floor(total), floor(total * 1e6),
        ]
        for frequency in Frequency.allCases where nums[frequency.rawValue] >= Double(minTicks) {
            let maxTicks = Swift.max(2, Swift.min(TimeLocator.defaultMaxTicks[frequency]!, maxCount))
            let table = TimeLocator.intervals[frequency]!
            let interval = table.first { nums[frequency.rawValue] <= Double($0 * (maxTicks - 1)) }
                ?? table[table.count - 1]
            return (frequency, interval)
        }
        return (.microsecondly, 1)
    }

    /// Ticks for the view; `maxCount` lowers matplotlib's per-frequency maximum (11 or 12 ticks,
    /// 8 for microseconds) when fewer labels fit.
    public func ticks(min: Double, max: Double, maxCount: Int) -> [Double] {
        guard min.isFinite, max.isFinite, abs(min) < 2.5e11, abs(max) < 2.5e11 else { return [] }
        let lo = Swift.min(min, max)
        let hi = Swift.max(min, max)
        let (frequency, interval) = choose(min: lo, max: hi, maxCount: maxCount)
        switch frequency {
        case .yearly:
            return yearTicks(lo, hi, every: interval)
        case .microsecondly:
            return microsecondTicks(lo, hi, every: interval)
        case .monthly:
            let allowed = Set(Swift.stride(from: 1, through: 12, by: interval))
            var result: [Double] = []
            guard let a = CivilTime(seconds: lo) else { return [] }
            var month = CivilTime(year: a.year, month: a.month)
            while month.seconds <= hi {
                if month.seconds >= lo && allowed.contains(month.month) { result.append(month.seconds) }
                month = month.addingMonths(1)
            }
            return result.isEmpty ? [lo, hi] : result
        case .daily:
            let allowed: Set<Int>
            switch interval {
            case 14: allowed = [1, 15]
            case 7: allowed = [1, 8, 15, 22]
            default: allowed = Set(Swift.stride(from: 1, through: 31, by: interval))
            }
            return unitTicks(lo, hi, unit: 86_400) { allowed.contains(CivilTime(seconds: $0)?.day ?? 0) }
        case .hourly:
            let allowed = Set(Swift.stride(from: 0, to: 24, by: interval))
            return unitTicks(lo, hi, unit: 3600) { allowed.contains(CivilTime(seconds: $0)?.hour ?? -1) }
        case .minutely:
            let allowed = Set(Swift.stride(from: 0, to: 60, by: interval))
            return unitTicks(lo, hi, unit: 60) { allowed.contains(CivilTime(seconds: $0)?.minute ?? -1) }
        case .secondly:
            let allowed = Set(Swift.stride(from: 0, to: 60, by: interval))
            return unitTicks(lo, hi, unit: 1) { allowed.contains(CivilTime(seconds: $0)?.second ?? -1) }
        }
    }

    /// Every whole `unit` in [lo, hi] accepted by `keep`; [lo, hi] when there is none (as
    /// matplotlib's `RRuleLocator`).
    private func unitTicks(_ lo: Double, _ hi: Double, unit: Double, keep: (Double) -> Bool) -> [Double] {
        var result: [Double] = []
        var t = floor(lo / unit) * unit
        while t <= hi {
            if t >= lo && keep(t) { result.append(t) }
            t += unit
        }
        return result.isEmpty ? [lo, hi] : result
    }

    /// January 1st of years that are multiples of `base`, from the one at or before the view's
    /// first year to the one at or after its last (matplotlib's `YearLocator` reaches outside).
    private func yearTicks(_ lo: Double, _ hi: Double, every base: Int) -> [Double] {
        guard let a = CivilTime(seconds: lo), let b = CivilTime(seconds: hi) else { return [] }
        let edge = EdgeInteger(step: Double(base), offset: 0)
        let first = Swift.max(Int(edge.lessOrEqual(Double(a.year))) * base, 1)
        let last = Swift.min(Int(edge.greaterOrEqual(Double(b.year))) * base, 9999)
        guard first <= last else { return [] }
        return Swift.stride(from: first, through: last, by: base).map { CivilTime(year: $0).seconds }
    }

    /// matplotlib's `date2num`: whole seconds plus the microseconds as nanoseconds / 1e9, in days.
    static func dateNumber(_ seconds: Double) -> Double {
        let micros = Int64((seconds * 1e6).rounded())
        var whole = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 { fraction += 1_000_000; whole -= 1 }
        return (Double(whole) + Double(fraction * 1000) / 1e9) / 86_400
    }

    /// matplotlib's `MicrosecondLocator`: a `MultipleLocator` in microseconds from the first
    /// day's midnight, one tick beyond each end.
    private func microsecondTicks(_ lo: Double, _ hi: Double, every interval: Int) -> [Double] {
        // In days, as matplotlib's date numbers, so that rounding agrees with its tick count.
        let microsPerDay = 86_400e6
        let dmin = TimeLocator.dateNumber(lo)
        let dmax = TimeLocator.dateNumber(hi)
        let day = floor(dmin)
        let nmin = (dmin - day) * microsPerDay
        let nmax = (dmax - day) * microsPerDay
        let step = Double(interval)
        let edge = EdgeInteger(step: step, offset: 0)
        let first = edge.greaterOrEqual(nmin) * step
        let n = PythonFloat.floorDivide(nmax - first + 0.001 * step, step)
        guard n.isFinite, n < 10_000 else { return [] }
        return (0..<(Int(n) + 3)).map { ((first - step + Double($0) * step) / microsPerDay + day) * 86_400 }
    }
}
