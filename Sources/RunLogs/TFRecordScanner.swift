/// Walks TFRecord framing in a buffer, checks both masked CRC32Cs of every record, and hands
/// each payload to the `Event` decoder.
///
/// A record is `uint64 length`, `uint32 masked_crc32c(length)`, `length` bytes of payload,
/// `uint32 masked_crc32c(payload)`, all little-endian (tensorflow/core/lib/io/record_writer.cc).
/// A record cut short at the end of the buffer is a file still being written: the scan stops
/// before it and reports how far it got, so the next read starts there.
public enum TFRecordScanner {
    /// The largest record accepted (TensorBoard's own limit is 2 GB; a scalar event is ~50 bytes).
    public static let maximumRecord = 1 << 30

    /// Reads the complete records in `count` bytes at `start` into `log` and returns the number of
    /// bytes they span (a partial last record is not consumed).
    ///
    /// `baseOffset` is the file offset of `start`, for messages. Throws on a CRC mismatch or a
    /// payload that is not an `Event`, naming the file and the record's byte offset.
    public static func scan(
        _ start: UnsafeRawPointer, count: Int, baseOffset: Int = 0, file: String, into log: inout ScalarLog
    ) throws(RunLogError) -> Int {
        var at = 0
        while count - at >= 12 {
            let header = start + at
            let length = UInt64(littleEndian: header.loadUnaligned(as: UInt64.self))
            let lengthCRC = UInt32(littleEndian: (header + 8).loadUnaligned(as: UInt32.self))
            guard CRC32C.masked(CRC32C.checksum(header, count: 8)) == lengthCRC else {
                throw RunLogError(file: file, offset: baseOffset + at,
                                  "corrupt record: the length's CRC32C does not match (not a TFRecord file, or damaged)")
            }
            guard length <= UInt64(maximumRecord) else {
                throw RunLogError(file: file, offset: baseOffset + at, "record of \(length) bytes, more than the 1 GB accepted")
            }
            let n = Int(length)
            guard count - at >= 12 + n + 4 else { break }  // still being written
            let payload = header + 12
            let payloadCRC = UInt32(littleEndian: (payload + n).loadUnaligned(as: UInt32.self))
            guard CRC32C.masked(CRC32C.checksum(payload, count: n)) == payloadCRC else {
                throw RunLogError(file: file, offset: baseOffset + at, "corrupt record: the payload's CRC32C does not match")
            }
            let ok = EventDecoder.decode(payload.assumingMemoryBound(to: UInt8.self), count: n, into: &log)
            guard ok else {
                throw RunLogError(file: file, offset: baseOffset + at, "the record is not a TensorBoard Event message")
            }
            at += 16 + n
        }
        return at
    }

    /// True when `bytes` start with a TFRecord header whose length CRC matches: the content
    /// sniff for event files not named `events.out.tfevents.*`.
    public static func looksLikeTFRecord(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 12, let base = bytes.baseAddress else { return false }
        let crc = UInt32(littleEndian: (base + 8).loadUnaligned(as: UInt32.self))
        return CRC32C.masked(CRC32C.checksum(base, count: 8)) == crc
    }
}
