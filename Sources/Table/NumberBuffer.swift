#if canImport(Glibc)
import Glibc
#endif

/// Fixed-capacity storage for one numeric column in the CSV hot loop, written without checks.
///
/// `Array.append` costs a uniqueness check and a capacity check per value; here the capacity is
/// an upper bound on the row count known before the loop (line breaks + 1), so `append` is one
/// store. The memory belongs to an `Array` being initialized (see `NumberBuffer.arrays`), so
/// the finished column needs no copy: copying and re-faulting 8 MB per million rows was a
/// quarter of the parse time of an all-numeric file.
struct NumberBuffer {
    private(set) var base: UnsafeMutablePointer<Double>
    private(set) var count = 0
    let capacity: Int

    init(base: UnsafeMutablePointer<Double>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Appends a value; values beyond the capacity are dropped (the capacity is an upper bound).
    @inline(__always)
    mutating func append(_ value: Double) {
        if count < capacity {
            (base + count).initialize(to: value)
            count += 1
        }
    }

    /// Takes `newCount` values as written: `base[count..<newCount]` were stored directly
    /// (`CSVTableParser.numericRows`); `newCount` is at most the capacity.
    mutating func setCount(_ newCount: Int) {
        precondition(newCount <= capacity)
        count = newCount
    }

    /// Drops values from `newCount` on.
    mutating func truncate(to newCount: Int) {
        if newCount < count { count = newCount }
    }

    /// Empties the buffer.
    mutating func removeAll() { count = 0 }

    /// `count` arrays of up to `capacity` doubles, filled by `body` through raw buffers.
    ///
    /// `body` gets one buffer per array and returns how many values each holds. The arrays are
    /// opened one inside another (`Array(unsafeUninitializedCapacity:)` per level), so the
    /// values are written in place; past 128 columns the rest use separate memory and a copy.
    static func arrays(
        count: Int, capacity: Int, _ body: (inout [NumberBuffer]) -> Void
    ) -> [[Double]] {
        var buffers: [NumberBuffer] = []
        buffers.reserveCapacity(count)
        var result: [[Double]] = []
        open(level: 0, count: count, capacity: capacity, buffers: &buffers, result: &result, body)
        return result
    }

    private static func open(
        level: Int, count: Int, capacity: Int, buffers: inout [NumberBuffer], result: inout [[Double]],
        _ body: (inout [NumberBuffer]) -> Void
    ) {
        if level == count {
            body(&buffers)
            result = Array(repeating: [], count: count)
            return
        }
        if level >= 128 {
            // Deep nesting would cost stack; wide tables are small per column anyway.
            let owned = (level..<count).map { _ in UnsafeMutablePointer<Double>.allocate(capacity: capacity) }
            defer { owned.forEach { $0.deallocate() } }
            for pointer in owned { buffers.append(NumberBuffer(base: pointer, capacity: capacity)) }
            body(&buffers)
            result = Array(repeating: [], count: count)
            for index in level..<count {
                result[index] = Array(UnsafeBufferPointer(start: buffers[index].base, count: buffers[index].count))
            }
            return
        }
        let array = [Double](unsafeUninitializedCapacity: capacity) { storage, initialized in
            adviseHugePages(storage.baseAddress!, bytes: capacity * MemoryLayout<Double>.stride)
            buffers.append(NumberBuffer(base: storage.baseAddress!, capacity: capacity))
            open(level: level + 1, count: count, capacity: capacity, buffers: &buffers, result: &result, body)
            initialized = buffers[level].count
        }
        result[level] = array
    }

    /// Asks Linux for transparent huge pages on a big buffer: 2 MB page faults instead of 4 KB
    /// ones. Faulting in fresh 4 KB pages was about 20% of the parse time of a 16 MB file.
    private static func adviseHugePages(_ pointer: UnsafeMutablePointer<Double>, bytes: Int) {
        #if canImport(Glibc)
        let huge = 2 << 20
        guard bytes >= 2 * huge else { return }
        let start = (Int(bitPattern: pointer) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: pointer) + bytes) & ~(huge - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }
}
