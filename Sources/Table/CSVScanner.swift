/// How a CSV field ended.
enum CSVTerminator {
    /// A delimiter follows; more fields in this row.
    case delimiter
    /// A line break (LF, CRLF or lone CR) ended the row.
    case rowEnd
    /// The input ended (a last line without a line break).
    case inputEnd
}

/// One raw field found by `CSVScanner`, as byte offsets into the input.
struct CSVField {
    /// The first byte of the field (a quote for quoted fields).
    var start: Int
    /// One past the last byte of the field, before its terminator.
    var end: Int
    /// Whether the field starts with a quote and so needs `decode`.
    var quoted: Bool
    /// Where the next field or row starts.
    var next: Int
    /// How the field ended.
    var terminator: CSVTerminator
    /// Line breaks inside the quotes (for physical line numbers).
    var newlines: Int
}

/// The input ended inside a quoted field that opened at `start`.
struct UnterminatedQuote: Error {
    var start: Int
}

/// RFC 4180 field boundaries on bytes: quoted fields with doubled quotes, delimiters and line
/// breaks inside quotes, CRLF / LF / CR row ends. Lenient where RFC 4180 is silent: a quote
/// inside an unquoted field is kept as text, text after a closing quote belongs to the field.
struct CSVScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    let delimiter: UInt8

    static let quote = UInt8(ascii: "\"")
    /// The delimiter of whitespace-separated files (`np.savetxt`, gnuplot data files): runs of
    /// spaces and tabs separate fields, and leading or trailing ones are not fields.
    static let whitespace = UInt8(ascii: " ")

    /// Whether fields are separated by runs of spaces and tabs.
    var splitsOnWhitespace: Bool { delimiter == CSVScanner.whitespace }

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    /// The field starting at `p` (which may equal `end`: an empty last field).
    @inline(__always)
    func field(at start: Int) throws(UnterminatedQuote) -> CSVField {
        var p = start
        if splitsOnWhitespace { while p < end, CSVScanner.isBlank(base[p]) { p += 1 } }
        var i = p
        var newlines = 0
        let quoted = i < end && base[i] == CSVScanner.quote
        if quoted {
            i += 1
            while true {
                guard i < end else { throw UnterminatedQuote(start: p) }
                let byte = base[i]
                if byte == CSVScanner.quote {
                    if i + 1 < end, base[i + 1] == CSVScanner.quote {
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                if byte == CSVScanner.lf { newlines += 1 }
                i += 1
            }
        }
        while i < end {
            let byte = base[i]
            if byte == delimiter || byte == CSVScanner.lf || byte == CSVScanner.cr { break }
            if splitsOnWhitespace, byte == 0x09 { break }
            i += 1
        }
        return finish(start: p, end: i, quoted: quoted, newlines: newlines)
    }

    /// Builds the field ending at `i` and steps over its terminator.
    @inline(__always)
    func finish(start: Int, end i: Int, quoted: Bool, newlines: Int) -> CSVField {
        guard i < end else {
            return CSVField(start: start, end: i, quoted: quoted, next: i, terminator: .inputEnd, newlines: newlines)
        }
        let byte = base[i]
        if splitsOnWhitespace, CSVScanner.isBlank(byte) {
            // A run of blanks: the next field, or the end of the row when only blanks are left.
            var j = i + 1
            while j < end, CSVScanner.isBlank(base[j]) { j += 1 }
            guard j < end else {
                return CSVField(start: start, end: i, quoted: quoted, next: j, terminator: .inputEnd, newlines: newlines)
            }
            if base[j] != CSVScanner.lf && base[j] != CSVScanner.cr {
                return CSVField(start: start, end: i, quoted: quoted, next: j, terminator: .delimiter, newlines: newlines)
            }
            return finish(start: start, end: j, quoted: quoted, newlines: newlines).with(end: i)
        }
        if byte == delimiter {
            return CSVField(start: start, end: i, quoted: quoted, next: i + 1, terminator: .delimiter, newlines: newlines)
        }
        var next = i + 1
        if byte == CSVScanner.cr, next < end, base[next] == CSVScanner.lf { next += 1 }
        return CSVField(start: start, end: i, quoted: quoted, next: next, terminator: .rowEnd, newlines: newlines)
    }

    /// The field's text bytes: quotes removed and doubled quotes undone.
    func decode(_ field: CSVField) -> [UInt8] {
        guard field.quoted else { return Array(UnsafeBufferPointer(start: base + field.start, count: field.end - field.start)) }
        var out: [UInt8] = []
        out.reserveCapacity(field.end - field.start)
        var i = field.start + 1
        var inside = true
        while i < field.end {
            let byte = base[i]
            if inside, byte == CSVScanner.quote {
                if i + 1 < field.end, base[i + 1] == CSVScanner.quote {
                    out.append(CSVScanner.quote)
                    i += 2
                    continue
                }
                inside = false
                i += 1
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }

    /// Whether the line starting at `p` is empty (a blank line is skipped, not a row).
    @inline(__always)
    func isBlankLine(at p: Int) -> Bool {
        var q = p
        if splitsOnWhitespace { while q < end, CSVScanner.isBlank(base[q]) { q += 1 } }
        // Whitespace-separated: blanks up to the end of the input are a blank (last) line too.
        if q == end { return q > p }
        return base[q] == CSVScanner.lf || base[q] == CSVScanner.cr
    }

    /// The index after the line break at `p` (which must be at a blank line).
    func skipLineBreak(at p: Int) -> Int {
        var p = p
        if splitsOnWhitespace { while p < end, CSVScanner.isBlank(base[p]) { p += 1 } }
        if p == end { return end }
        if base[p] == CSVScanner.cr, p + 1 < end, base[p + 1] == CSVScanner.lf { return p + 2 }
        return p + 1
    }
}

extension CSVField {
    /// The same field ending at `end` (its terminator and next field unchanged).
    func with(end: Int) -> CSVField {
        var field = self
        field.end = end
        return field
    }
}
