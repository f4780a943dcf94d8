/// A cursor over protocol-buffer wire format: varints, fixed 32/64-bit values and
/// length-delimited fields, with skipping of everything else.
///
/// Only what `Event` decoding needs (https://protobuf.dev/programming-guides/encoding/). Every
/// read is bounds-checked; a malformed message makes the read return nil, never trap.
struct ProtoReader {
    /// The next byte to read.
    var position: UnsafePointer<UInt8>
    /// One past the last byte of the message.
    let end: UnsafePointer<UInt8>

    /// A reader over `count` bytes at `start`.
    init(_ start: UnsafePointer<UInt8>, count: Int) {
        position = start
        end = start + count
    }

    /// True when every byte was read.
    var isAtEnd: Bool { position >= end }

    /// The next varint (at most 10 bytes), or nil when it runs past the end.
    @inline(__always)
    mutating func varint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < end {
            let byte = position.pointee
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            if shift >= 70 { return nil }
        }
        return nil
    }

    /// The next field's number and wire type, or nil at a malformed key.
    @inline(__always)
    mutating func key() -> (field: UInt64, wire: UInt64)? {
        guard let k = varint() else { return nil }
        return (k >> 3, k & 7)
    }

    /// The next 8 bytes as a little-endian double, or nil past the end.
    @inline(__always)
    mutating func double() -> Double? {
        guard end - position >= 8 else { return nil }
        let bits = UInt64(littleEndian: UnsafeRawPointer(position).loadUnaligned(as: UInt64.self))
        position += 8
        return Double(bitPattern: bits)
    }

    /// The next 4 bytes as a little-endian float, or nil past the end.
    @inline(__always)
    mutating func float() -> Float? {
        guard end - position >= 4 else { return nil }
        let bits = UInt32(littleEndian: UnsafeRawPointer(position).loadUnaligned(as: UInt32.self))
        position += 4
        return Float(bitPattern: bits)
    }

    /// The next length-delimited field's bytes (start, count), or nil when they run past the end.
    @inline(__always)
    mutating func bytes() -> (UnsafePointer<UInt8>, Int)? {
        guard let n = varint(), n <= UInt64(end - position) else { return nil }
        let start = position
        position += Int(n)
        return (start, Int(n))
    }

    /// Skips a field of this wire type; false when the type is unknown or the field runs past the end.
    @inline(__always)
    mutating func skip(wire: UInt64) -> Bool {
        switch wire {
        case 0: return varint() != nil
        case 1: guard end - position >= 8 else { return false }; position += 8; return true
        case 2: return bytes() != nil
        case 5: guard end - position >= 4 else { return false }; position += 4; return true
        default: return false
        }
    }
}
