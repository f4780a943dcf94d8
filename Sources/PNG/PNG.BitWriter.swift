extension PNG {
    /// Writes deflate's LSB-first bit stream into a buffer the caller sized.
    ///
    /// Bits gather in a 64-bit word and leave four bytes at a time; `capacity` must leave 8
    /// bytes of slack past the last byte written (the 4-byte store may run ahead of `count`).
    struct BitWriter {
        private let base: UnsafeMutablePointer<UInt8>
        private let capacity: Int
        /// Whole bytes written so far (not counting bits still in the word).
        private(set) var count = 0
        private var word: UInt64 = 0
        private var bits = 0

        init(_ base: UnsafeMutablePointer<UInt8>, capacity: Int) {
            self.base = base
            self.capacity = capacity
        }

        /// Appends the low `n` bits of `value` (n ≤ 32).
        @inline(__always)
        mutating func put(_ value: UInt32, _ n: Int) {
            word |= UInt64(value) << UInt64(bits)
            bits &+= n
            if bits >= 32 {
                precondition(count + 8 <= capacity, "deflate output past its bound")
                UnsafeMutableRawPointer(base + count).storeBytes(of: UInt32(truncatingIfNeeded: word).littleEndian, as: UInt32.self)
                count &+= 4
                word >>= 32
                bits &-= 32
            }
        }

        /// Appends the low `n` bits of `value` without writing anything out: the caller keeps
        /// the pending bits at most 64 (after `flushWholeBytes` fewer than 8 are pending, so up
        /// to 56 bits may follow before the next flush).
        @inline(__always)
        mutating func add(_ value: UInt64, _ n: Int) {
            word |= value &<< UInt64(bits)
            bits &+= n
        }

        /// Writes out every whole byte of the pending bits with one 8-byte store (the bytes past
        /// them are overwritten later), leaving fewer than 8 bits pending.
        @inline(__always)
        mutating func flushWholeBytes() {
            precondition(count + 8 <= capacity, "deflate output past its bound")
            UnsafeMutableRawPointer(base + count).storeBytes(of: word.littleEndian, as: UInt64.self)
            let whole = bits >> 3
            count &+= whole
            word = whole == 8 ? 0 : word &>> UInt64(whole &<< 3)
            bits &= 7
        }

        /// Pads with zero bits to a byte boundary and writes out every whole byte.
        mutating func alignToByte() {
            while bits > 0 {
                precondition(count + 8 <= capacity, "deflate output past its bound")
                base[count] = UInt8(truncatingIfNeeded: word)
                count += 1
                word >>= 8
                bits = max(0, bits - 8)
            }
        }

        /// Copies bytes after `alignToByte()`.
        mutating func copy(_ source: UnsafePointer<UInt8>, count n: Int) {
            precondition(bits == 0 && count + n + 8 <= capacity, "deflate output past its bound")
            (base + count).update(from: source, count: n)
            count += n
        }
    }
}
