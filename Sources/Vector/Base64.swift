/// Standard base64 (RFC 4648, with padding) for `data:` URIs.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8], into out: inout ByteWriter) {
        out.bytes.reserveCapacity(out.count + (bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let v = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
            out.byte(alphabet[v >> 18]); out.byte(alphabet[(v >> 12) & 63])
            out.byte(alphabet[(v >> 6) & 63]); out.byte(alphabet[v & 63])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let v = Int(bytes[i]) << 16
            out.byte(alphabet[v >> 18]); out.byte(alphabet[(v >> 12) & 63]); out.ascii("==")
        } else if rest == 2 {
            let v = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8
            out.byte(alphabet[v >> 18]); out.byte(alphabet[(v >> 12) & 63]); out.byte(alphabet[(v >> 6) & 63])
            out.ascii("=")
        }
    }
}
