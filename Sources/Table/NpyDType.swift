/// The element type of a `.npy` array: numpy's `descr` string (`'<f8'`, `'|u1'`, `'|b1'`).
///
/// Plotline reads the plain numeric types, floats of 4 and 8 bytes, signed and unsigned integers
/// of 1, 2, 4 and 8 bytes, and booleans, in either byte order (`<` little, `>` big, `|` not
/// applicable, `=` native, which is little on every machine Plotline builds for). Every other
/// type (complex, float16, strings, objects, dates, structured records) is an error naming it.
struct NpyDType: Sendable, Equatable {
    /// What the bytes of one element mean.
    enum Kind: Sendable, Equatable {
        case float, signed, unsigned, bool
    }

    /// What the bytes mean.
    let kind: Kind
    /// The bytes per element: 1, 2, 4 or 8.
    let size: Int
    /// True when the element bytes are stored most significant first.
    let bigEndian: Bool

    /// The descriptions Plotline reads, for error messages.
    static let supported = "f4, f8, i1, i2, i4, i8, u1, u2, u4, u8, b1 (bool)"

    /// Parses a `descr` string, or returns nil when it names a type Plotline does not read.
    init?(descr: String) {
        var text = Substring(descr)
        var big = false
        if let first = text.first, "<>|=".contains(first) {
            big = first == ">"
            text = text.dropFirst()
        }
        if text == "?" { text = "b1" }
        guard let code = text.first, let size = Int(text.dropFirst()) else { return nil }
        switch (code, size) {
        case ("f", 4), ("f", 8): kind = .float
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): kind = .signed
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): kind = .unsigned
        case ("b", 1): kind = .bool
        default: return nil
        }
        self.size = size
        self.bigEndian = big && size > 1
    }

    /// The element at byte `offset` of `raw` as a Double (integers above 2^53 round).
    @inline(__always)
    func value(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Double {
        switch (kind, size) {
        case (.float, 4): return Double(Float(bitPattern: load(UInt32.self, raw, offset)))
        case (.float, _): return Double(bitPattern: load(UInt64.self, raw, offset))
        case (.signed, 1): return Double(Int8(bitPattern: raw[offset]))
        case (.signed, 2): return Double(Int16(bitPattern: load(UInt16.self, raw, offset)))
        case (.signed, 4): return Double(Int32(bitPattern: load(UInt32.self, raw, offset)))
        case (.signed, _): return Double(Int64(bitPattern: load(UInt64.self, raw, offset)))
        case (.unsigned, 1): return Double(raw[offset])
        case (.unsigned, 2): return Double(load(UInt16.self, raw, offset))
        case (.unsigned, 4): return Double(load(UInt32.self, raw, offset))
        case (.unsigned, _): return Double(load(UInt64.self, raw, offset))
        case (.bool, _): return raw[offset] == 0 ? 0 : 1
        }
    }

    @inline(__always)
    private func load<T: FixedWidthInteger>(_ type: T.Type, _ raw: UnsafeRawBufferPointer, _ offset: Int) -> T {
        let stored = raw.loadUnaligned(fromByteOffset: offset, as: T.self)
        return bigEndian ? T(bigEndian: stored) : T(littleEndian: stored)
    }
}
