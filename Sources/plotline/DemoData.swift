import FoundationEssentials
import Glibc
import Geometry

/// Deterministic synthetic data for the demo figure: a training run and two point clouds.
enum DemoData {
    /// Per-epoch training and validation loss of a made-up run: exponential decay with noise,
    /// and a validation loss that turns up again once the model starts to overfit.
    static func trainingRun(epochs: Int = 100, seed: UInt64 = 2024) -> (loss: [Double], valLoss: [Double]) {
        var rng = SplitMix64(seed: seed)
        var loss: [Double] = [], val: [Double] = []
        loss.reserveCapacity(epochs); val.reserveCapacity(epochs)
        for e in 0..<epochs {
            let t = Double(e)
            let base = 2.1 * exp(-t / 14) + 0.22 + 0.12 * exp(-t / 60)
            loss.append(base * (1 + 0.025 * rng.normal()))
            let overfit = 0.00012 * pow(max(0, t - 38), 2)
            val.append((base + 0.12 + overfit) * (1 + 0.045 * rng.normal()))
        }
        return (loss, val)
    }

    /// Two correlated Gaussian clouds of `count` points each, in data units.
    static func clouds(count: Int = 1000, seed: UInt64 = 7) -> (a: [Point], b: [Point]) {
        var rng = SplitMix64(seed: seed)
        func cloud(mean: Point, sx: Double, sy: Double, rho: Double) -> [Point] {
            (0..<count).map { _ in
                let u = rng.normal(), v = rng.normal()
                return Point(mean.x + sx * u, mean.y + sy * (rho * u + (1 - rho * rho).squareRoot() * v))
            }
        }
        let a = cloud(mean: Point(-1.2, -0.6), sx: 1.0, sy: 0.8, rho: 0.6)
        let b = cloud(mean: Point(1.4, 1.1), sx: 0.9, sy: 1.1, rho: -0.35)
        return (a, b)
    }
}

/// SplitMix64: a tiny seeded generator, so the demo is byte-identical on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(unit(), 1e-300), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
