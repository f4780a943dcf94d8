/// Why a PNG could not be encoded or decoded.
public enum PNGError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libpng refused to encode (the message is libpng's or the shim's).
    case encodeFailed(String)
    /// The bytes are not a readable PNG: bad signature, truncated, corrupt, unsupported.
    case decodeFailed(String)
    /// A decoded file was not a readable PNG; `path` names the file.
    case fileDecodeFailed(path: String, message: String)
    /// The options cannot be used (for example a compression level outside 0...9).
    case invalidOptions(String)
    /// A text chunk cannot be written as `tEXt` (bad key, or a character outside Latin-1).
    case invalidText(key: String, reason: String)
    /// The decoded image has a size a `Pixmap` refuses.
    case invalidSize(width: Int, height: Int)

    public var description: String {
        switch self {
        case .encodeFailed(let m): return "PNG encoding failed: \(m)"
        case .decodeFailed(let m): return "PNG decoding failed: \(m)"
        case .fileDecodeFailed(let path, let m): return "cannot read PNG \(path): \(m)"
        case .invalidOptions(let m): return "invalid PNG options: \(m)"
        case .invalidText(let key, let reason): return "invalid PNG text chunk \"\(key)\": \(reason)"
        case .invalidSize(let w, let h): return "PNG size \(w)×\(h) is not a valid pixmap size"
        }
    }
}

extension PNGError {
    /// The text of a NUL-terminated message buffer filled by the C shim.
    static func message(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
