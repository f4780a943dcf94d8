/// The header of a `.npy` file: element type, memory order and shape.
///
/// The header is a Python dictionary literal (`{'descr': '<f8', 'fortran_order': False,
/// 'shape': (256, 256), }`, padded with spaces to a multiple of 64 bytes and ended by a newline).
/// It is read by a small recursive-descent parser of exactly the literals numpy writes there:
/// quoted strings, `True` / `False`, tuples of integers and, for structured types, lists (which
/// are then refused). Nothing is evaluated; any other text is an error naming what was expected.
struct NpyHeader: Sendable, Equatable {
    /// The element type.
    var dtype: NpyDType
    /// True when the data is stored column by column (numpy's Fortran order).
    var fortranOrder: Bool
    /// The array's shape, outermost dimension first.
    var shape: [Int]

    /// A parsed literal of the header dictionary.
    enum Literal: Equatable {
        case string(String), bool(Bool), integers([Int]), list
    }

    /// Parses the dictionary text; errors are messages for `NpyReader` to place.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(NpyFormatError) -> NpyHeader {
        var parser = Parser(bytes: Array(bytes))
        let members = try parser.dictionary()
        for key in members.keys where !["descr", "fortran_order", "shape"].contains(key) {
            throw NpyFormatError("header: unexpected key '\(key)' (a .npy header has 'descr', 'fortran_order' and 'shape')")
        }
        guard let descr = members["descr"] else { throw NpyFormatError("header: missing key 'descr'") }
        guard let order = members["fortran_order"] else { throw NpyFormatError("header: missing key 'fortran_order'") }
        guard let shapeValue = members["shape"] else { throw NpyFormatError("header: missing key 'shape'") }
        let dtype: NpyDType
        switch descr {
        case .string(let text):
            guard let parsed = NpyDType(descr: text) else {
                throw NpyFormatError("header: unsupported element type '\(text)' (Plotline reads \(NpyDType.supported))")
            }
            dtype = parsed
        case .list:
            throw NpyFormatError("header: structured arrays (a record type in 'descr') are not supported; save one plain numeric array per file")
        default:
            throw NpyFormatError("header: 'descr' must be a type string such as '<f8'")
        }
        guard case .bool(let fortran) = order else { throw NpyFormatError("header: 'fortran_order' must be True or False") }
        guard case .integers(let shape) = shapeValue else { throw NpyFormatError("header: 'shape' must be a tuple of integers") }
        return NpyHeader(dtype: dtype, fortranOrder: fortran, shape: shape)
    }

    /// The recursive-descent parser over the header's bytes.
    struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func expect(_ c: Character) throws(NpyFormatError) {
            skipSpace()
            guard i < bytes.count, bytes[i] == c.asciiValue else { throw unexpected("'\(c)'") }
            i += 1
        }

        func unexpected(_ what: String) -> NpyFormatError {
            let found = i < bytes.count ? "'\(Character(Unicode.Scalar(bytes[i])))'" : "the end of the header"
            return NpyFormatError("header: expected \(what) at offset \(i) of the dictionary, found \(found)")
        }

        /// `{key: value, ...}`, trailing comma allowed; a repeated key is an error.
        mutating func dictionary() throws(NpyFormatError) -> [String: Literal] {
            try expect("{")
            var members: [String: Literal] = [:]
            while true {
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; break }
                let key = try string()
                try expect(":")
                let value = try literal()
                guard members[key] == nil else { throw NpyFormatError("header: key '\(key)' appears twice") }
                members[key] = value
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect("}")
                break
            }
            skipSpace()
            guard i == bytes.count else { throw unexpected("the end of the header after the dictionary") }
            return members
        }

        mutating func literal() throws(NpyFormatError) -> Literal {
            skipSpace()
            guard i < bytes.count else { throw unexpected("a value") }
            switch bytes[i] {
            case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "("): return .integers(try tuple())
            case UInt8(ascii: "["): try skipList(); return .list
            default:
                if word("True") { return .bool(true) }
                if word("False") { return .bool(false) }
                throw unexpected("a string, True, False or a tuple")
            }
        }

        mutating func word(_ w: String) -> Bool {
            let u = Array(w.utf8)
            guard i + u.count <= bytes.count, Array(bytes[i..<(i + u.count)]) == u else { return false }
            i += u.count
            return true
        }

        /// A quoted string without escapes (numpy's keys and type strings have none).
        mutating func string() throws(NpyFormatError) -> String {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") else {
                throw unexpected("a quoted string")
            }
            let quote = bytes[i]
            let start = i + 1
            var j = start
            while j < bytes.count, bytes[j] != quote, bytes[j] != UInt8(ascii: "\\"), j - start < 256 { j += 1 }
            guard j < bytes.count, bytes[j] == quote else {
                i = j
                throw unexpected("the closing quote of a short string")
            }
            i = j + 1
            return String(decoding: bytes[start..<j], as: UTF8.self)
        }

        /// `()`, `(3,)`, `(3, 4)`, `(3L, 4L)`: non-negative integers of at most 18 digits.
        mutating func tuple() throws(NpyFormatError) -> [Int] {
            try expect("(")
            var values: [Int] = []
            while true {
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ")") { i += 1; return values }
                let start = i
                var value = 0
                while i < bytes.count, (0x30...0x39).contains(bytes[i]), i - start < 18 {
                    value = value * 10 + Int(bytes[i] - 0x30)
                    i += 1
                }
                guard i > start else { throw unexpected("a non-negative integer") }
                if i < bytes.count, bytes[i] == UInt8(ascii: "L") { i += 1 }
                values.append(value)
                guard values.count <= 32 else { throw NpyFormatError("header: 'shape' has more than 32 dimensions") }
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(")")
                return values
            }
        }

        /// A list (a structured type's record description), skipped to its closing bracket.
        mutating func skipList() throws(NpyFormatError) {
            var depth = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "[") { depth += 1 }
                if bytes[i] == UInt8(ascii: "]") { depth -= 1; if depth == 0 { i += 1; return } }
                i += 1
            }
            throw unexpected("the closing ']'")
        }
    }
}
