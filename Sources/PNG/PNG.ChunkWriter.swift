import CDeflate

extension PNG {
    /// Appends PNG chunks (length, type, data, CRC-32) after the 8-byte PNG signature.
    ///
    /// The CRC covers the type and the data, computed with libdeflate's CRC-32 (the same
    /// polynomial as zlib's `crc32`, which the PNG specification defines).
    struct ChunkWriter {
        /// The PNG signature and every chunk appended so far.
        private(set) var bytes: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

        init(capacity: Int) {
            bytes.reserveCapacity(capacity + 8)
        }

        /// Appends one chunk of `type` (four ASCII letters) holding `data`.
        mutating func append(_ type: StaticString, _ data: UnsafeRawBufferPointer) {
            precondition(type.utf8CodeUnitCount == 4, "a PNG chunk type has four letters")
            precondition(data.count <= Int(Int32.max), "a PNG chunk holds at most 2^31-1 bytes")
            appendBigEndian(UInt32(data.count))
            let typeBytes = UnsafeRawBufferPointer(start: type.utf8Start, count: 4)
            bytes.append(contentsOf: typeBytes)
            bytes.append(contentsOf: data)
            var crc = libdeflate_crc32(0, typeBytes.baseAddress, 4)
            if let base = data.baseAddress { crc = libdeflate_crc32(crc, base, data.count) }
            appendBigEndian(crc)
        }

        /// Appends one chunk of `type` holding `data`.
        mutating func append(_ type: StaticString, _ data: [UInt8]) {
            data.withUnsafeBytes { append(type, $0) }
        }

        private mutating func appendBigEndian(_ v: UInt32) {
            bytes.append(UInt8(v >> 24)); bytes.append(UInt8((v >> 16) & 0xff))
            bytes.append(UInt8((v >> 8) & 0xff)); bytes.append(UInt8(v & 0xff))
        }
    }
}
