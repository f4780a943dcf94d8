extension PNG {
    /// A key/value text chunk (`tEXt` when written; `zTXt` and `iTXt` are read too).
    ///
    /// PNG keys are 1-79 Latin-1 characters without leading, trailing or double spaces; `tEXt`
    /// values are Latin-1 without NUL. The encoder checks both and throws
    /// `PNGError.invalidText` rather than let libpng drop a chunk silently.
    public struct TextChunk: Sendable, Hashable, CustomStringConvertible {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }

        public var description: String { "\(key)=\(value)" }

        /// The key as NUL-terminated Latin-1 bytes, or the reason it cannot be a PNG keyword.
        func keyBytes() throws -> [CChar] {
            let bytes = try PNG.TextChunk.latin1(key, key: key, what: "key")
            guard (1...79).contains(bytes.count) else {
                throw PNGError.invalidText(key: key, reason: "a key must have 1 to 79 characters")
            }
            guard bytes.first != 0x20, bytes.last != 0x20, !zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x20 && $1 == 0x20 })
            else { throw PNGError.invalidText(key: key, reason: "a key may not have leading, trailing or double spaces") }
            guard bytes.allSatisfy({ (0x20...0x7e).contains($0) || $0 >= 0xa1 }) else {
                throw PNGError.invalidText(key: key, reason: "a key may hold only printable Latin-1 characters")
            }
            return bytes.map { CChar(bitPattern: $0) } + [0]
        }

        /// The value as NUL-terminated Latin-1 bytes.
        func valueBytes() throws -> [CChar] {
            let bytes = try PNG.TextChunk.latin1(value, key: key, what: "value")
            guard !bytes.contains(0) else { throw PNGError.invalidText(key: key, reason: "the value contains NUL") }
            return bytes.map { CChar(bitPattern: $0) } + [0]
        }

        static func latin1(_ s: String, key: String, what: String) throws -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(s.unicodeScalars.count)
            for u in s.unicodeScalars {
                guard u.value <= 0xff else {
                    throw PNGError.invalidText(key: key, reason: "the \(what) has \"\(u)\", which is not Latin-1")
                }
                out.append(UInt8(u.value))
            }
            return out
        }
    }
}
