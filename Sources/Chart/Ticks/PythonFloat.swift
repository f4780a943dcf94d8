import FoundationEssentials
import Glibc

/// Python's float arithmetic where it differs from the obvious Swift, so that the locators
/// reproduce matplotlib's ticks to the last bit.
enum PythonFloat {
    /// Python's `divmod(x, y)` for floats (CPython `float_divmod`): floor division and the
    /// remainder with the divisor's sign, rounded the way CPython rounds them.
    static func divmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 {
            if (y < 0) != (mod < 0) {
                mod += y
                div -= 1
            }
        } else {
            mod = copysign(0, y)
        }
        var floorDiv: Double
        if div != 0 {
            floorDiv = floor(div)
            if div - floorDiv > 0.5 { floorDiv += 1 }
        } else {
            floorDiv = copysign(0, x / y)
        }
        return (floorDiv, mod)
    }

    /// Python's `x // y` for floats.
    static func floorDivide(_ x: Double, _ y: Double) -> Double { divmod(x, y).quotient }

    /// Python's `x % y` for floats (result has the sign of y).
    static func modulo(_ x: Double, _ y: Double) -> Double { divmod(x, y).remainder }

    /// numpy's `round(x, decimals)`: scale, round half to even, unscale.
    static func round(_ x: Double, decimals: Int) -> Double {
        if decimals >= 0 {
            let f = pow(10.0, Double(decimals))
            return (x * f).rounded(.toNearestOrEven) / f
        }
        let f = pow(10.0, Double(-decimals))
        return (x / f).rounded(.toNearestOrEven) * f
    }

    /// `math.isclose(a, b)` with its default relative tolerance 1e-9.
    static func isClose(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 0) -> Bool {
        if a == b { return true }
        let d = abs(a - b)
        return d <= Swift.max(relative * Swift.max(abs(a), abs(b)), absolute)
    }
}

/// matplotlib's `ticker._Edge_integer`: floor/ceil of multiples of `step` with a tolerance that
/// grows with the offset, so that ticks near the view's edges are kept despite rounding.
struct EdgeInteger {
    let step: Double
    let offset: Double

    init(step: Double, offset: Double) {
        self.step = step
        self.offset = abs(offset)
    }

    func isClose(_ ms: Double, _ edge: Double) -> Bool {
        var tolerance = 1e-10
        if offset > 0 {
            let digits = log10(offset / step)
            tolerance = Swift.min(0.4999, Swift.max(1e-10, pow(10, digits - 12)))
        }
        return abs(ms - edge) < tolerance
    }

    /// The largest n with n·step ≤ x (within tolerance).
    func lessOrEqual(_ x: Double) -> Double {
        let (d, m) = PythonFloat.divmod(x, step)
        return isClose(m / step, 1) ? d + 1 : d
    }

    /// The smallest n with n·step ≥ x (within tolerance).
    func greaterOrEqual(_ x: Double) -> Double {
        let (d, m) = PythonFloat.divmod(x, step)
        return isClose(m / step, 0) ? d : d + 1
    }
}
