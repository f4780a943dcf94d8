// NpyReader: numpy's `.npy` array files as tables, so a training loop can hand Plotline an array
// (weights to histogram, a 2-D map, embeddings) as raw binary, without formatting text.
//
// Design. The format (numpy's NEP 1, `numpy.lib.format`) is a 6-byte magic `\x93NUMPY`, a
// version (1.0, 2.0 or 3.0), a little-endian header length (2 bytes in version 1, 4 after), the
// header (a Python dictionary literal, `NpyHeader`) and the raw elements. Reading is three pure
// steps over a byte buffer, each throwing a located message and never trapping, so the parser
// can be fuzzed directly: the preamble (magic, version, header length, checked against the
// bytes there are), the header (type, order, shape: 1-D or 2-D only), then the size check
// (element count × element size, computed with overflow checks and compared with the bytes
// that follow the header) before anything is allocated. Elements become Doubles in one pass.
//
// A 1-D array is a table with one column `value`; a 2-D array of r rows and c columns is a
// table of c columns named `0` … `c−1` (numpy's column indices, `a[:, j]`) with r rows, marked
// as a matrix so that a heat map can draw it whole on numeric axes (`"matrix": true`) and the
// default figure of a 2-D file is that heat map. C order (row by row) and Fortran order (column
// by column) are both read. The file is read whole, as it is replaced whole (a writer renames a
// finished file over the old one), so a figure never mixes two versions of an array.
//
// Credits: the format is numpy's (`numpy/lib/format.py`: `read_magic`, `_read_array_header`,
// and its 10,000-byte header limit for untrusted files, kept here).
import FoundationEssentials
import JSON

/// Reads numpy `.npy` files into tables.
public enum NpyReader {
    /// The six bytes every `.npy` file starts with.
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    /// The longest header read (numpy's own limit for files it does not trust).
    static let maxHeaderLength = 10_000
    /// The most elements an array may have (2^31: 16 GiB of Doubles).
    static let maxElements = 1 << 31
    /// The most columns of a 2-D array (a heat map wider than the widest canvas is unreadable).
    static let maxColumns = 16_384

    /// An array as read: its shape and its elements as Doubles, in C order (row by row).
    struct Array2D: Equatable {
        var shape: [Int]
        var values: [Double]
    }

    /// True when `bytes` start with the `.npy` magic (for reading standard input by content).
    public static func isNpy<Bytes: ContiguousBytes>(_ bytes: Bytes) -> Bool {
        bytes.withUnsafeBytes { raw in raw.count >= 6 && raw.prefix(6).elementsEqual(magic) }
    }

    /// Parses `.npy` bytes into a table: 1-D → column `value`; 2-D → columns `0` … `c−1`, a matrix.
    public static func parse<Bytes: ContiguousBytes>(bytes: Bytes, source: String) throws(DataError) -> DataTable {
        let array: Array2D
        do throws(NpyFormatError) {
            array = try decode(bytes)
        } catch {
            throw DataError(.invalidArray(error.message), at: DataLocation(source: source))
        }
        if array.shape.count == 1 {
            return DataTable(source: source, columns: [Column(name: "value", storage: .number(array.values))],
                             rowCount: array.shape[0])
        }
        let rows = array.shape[0], columns = array.shape[1]
        var built: [Column] = []
        built.reserveCapacity(columns)
        for j in 0..<columns {
            var column = [Double](repeating: 0, count: rows)
            for i in 0..<rows { column[i] = array.values[i * columns + j] }
            built.append(Column(name: String(j), storage: .number(column)))
        }
        var table = DataTable(source: source, columns: built, rowCount: rows)
        table.isMatrix = true
        return table
    }

    /// Decodes the bytes of a `.npy` file (the fuzzable core: it returns or throws, never traps).
    static func decode<Bytes: ContiguousBytes>(_ bytes: Bytes) throws(NpyFormatError) -> Array2D {
        let result: Result<Array2D, NpyFormatError> = bytes.withUnsafeBytes { raw in
            do throws(NpyFormatError) {
                let (header, dataOffset) = try preamble(raw)
                return .success(try elements(raw, header: header, from: dataOffset))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Checks the magic, version and header length; returns the parsed header and where the data starts.
    static func preamble(_ raw: UnsafeRawBufferPointer) throws(NpyFormatError) -> (NpyHeader, Int) {
        guard raw.count >= 6, raw.prefix(6).elementsEqual(magic) else {
            if raw.isEmpty { throw NpyFormatError("the file is empty") }
            throw NpyFormatError("not a .npy file (it does not start with \\x93NUMPY; save arrays with numpy.save or plotline.write_array)")
        }
        guard raw.count >= 8 else { throw NpyFormatError("truncated: the file ends inside the version bytes") }
        let major = raw[6], minor = raw[7]
        guard (1...3).contains(major), minor == 0 else {
            throw NpyFormatError("unsupported format version \(major).\(minor) (Plotline reads 1.0, 2.0 and 3.0)")
        }
        let lengthBytes = major == 1 ? 2 : 4
        guard raw.count >= 8 + lengthBytes else { throw NpyFormatError("truncated: the file ends inside the header length") }
        var length = 0
        for k in (0..<lengthBytes).reversed() { length = length << 8 | Int(raw[8 + k]) }
        guard length <= maxHeaderLength else {
            throw NpyFormatError("the header is \(length) bytes long; at most \(maxHeaderLength) are read")
        }
        let start = 8 + lengthBytes
        guard raw.count >= start + length else {
            throw NpyFormatError("truncated: the header is \(length) bytes, the file has \(raw.count - start) after the preamble")
        }
        let text = ArraySlice(raw[start..<(start + length)])
        if major < 3, text.contains(where: { $0 >= 0x80 }) {
            throw NpyFormatError("header: a version \(major).0 header must be ASCII")
        }
        return (try NpyHeader.parse(text), start + length)
    }

    /// Checks the shape against the bytes there are (before allocating), then reads the elements in C order.
    static func elements(_ raw: UnsafeRawBufferPointer, header: NpyHeader, from offset: Int) throws(NpyFormatError) -> Array2D {
        let shape = header.shape
        guard shape.count == 1 || shape.count == 2 else {
            let text = "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
            throw NpyFormatError("shape \(text): Plotline reads 1-D and 2-D arrays (reshape or slice the array first)")
        }
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= maxElements else {
                throw NpyFormatError("shape \(shape): more than \(maxElements) elements")
            }
            count = product
        }
        if shape.count == 2, shape[1] > maxColumns {
            throw NpyFormatError("shape (\(shape[0]), \(shape[1])): at most \(maxColumns) columns (transpose the array if its rows are the long side)")
        }
        let needed = count * header.dtype.size
        let available = raw.count - offset
        guard available >= needed else {
            throw NpyFormatError("truncated: shape \(shape) of \(header.dtype.size)-byte elements needs \(needed) bytes of data, the file has \(available)")
        }
        guard available == needed else {
            throw NpyFormatError("\(available - needed) bytes after the data of shape \(shape) (a file holds one array)")
        }
        let size = header.dtype.size, dtype = header.dtype
        var values = [Double](repeating: 0, count: count)
        let data = UnsafeRawBufferPointer(rebasing: raw[offset...])
        if shape.count == 2, header.fortranOrder, shape[0] > 1, shape[1] > 1 {
            let rows = shape[0], columns = shape[1]
            values.withUnsafeMutableBufferPointer { out in
                for j in 0..<columns {
                    for i in 0..<rows { out[i * columns + j] = dtype.value(data, at: (j * rows + i) * size) }
                }
            }
        } else {
            values.withUnsafeMutableBufferPointer { out in
                for k in 0..<count { out[k] = dtype.value(data, at: k * size) }
            }
        }
        // An array has no missing cells: every NaN element is an explicit one.
        for k in values.indices where values[k].isNaN { values[k] = .explicitNaN }
        return Array2D(shape: shape, values: values)
    }
}
