#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Text of numbers by a C `printf` format (`"%.1f"`, `"%g"`, `"%02X"`), made by the C library's
/// own `vsnprintf`: the same digits `String(format:)` gave, without Foundation's string machinery.
public enum CFormat {
    /// `format` applied to `arguments` (integers and floating-point numbers only).
    public static func string(_ format: String, _ arguments: any CVarArg...) -> String {
        withVaList(arguments) { list in
            var buffer = [CChar](repeating: 0, count: 64)
            let n = Int(vsnprintf(&buffer, buffer.count, format, list))
            guard n >= buffer.count else { return text(buffer) }
            return withVaList(arguments) { again in
                var big = [CChar](repeating: 0, count: n + 1)
                _ = vsnprintf(&big, big.count, format, again)
                return text(big)
            }
        }
    }

    /// The text of a NUL-terminated C buffer.
    static func text(_ buffer: [CChar]) -> String {
        let end = buffer.firstIndex(of: 0) ?? buffer.endIndex
        return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
