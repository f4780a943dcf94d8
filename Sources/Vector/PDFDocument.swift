/// The object store and file layout of a PDF 1.4 document: numbered objects, streams (Flate
/// compressed when that makes them smaller), a cross-reference table and the trailer.
///
/// Objects are written in number order and numbers are handed out in painting order, so the
/// bytes depend on the scene only: no dates, no random `/ID` (PDF 1.4 requires one only for
/// encrypted files).
struct PDFDocument {
    private var objects: [Int: [UInt8]] = [:]
    private(set) var nextID = 1

    /// A new object number whose body is given later with `set`.
    mutating func allocate() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    /// The body of object `id` (without `obj`/`endobj`).
    mutating func set(_ id: Int, _ body: String) { objects[id] = Array(body.utf8) }

    mutating func set(_ id: Int, bytes: [UInt8]) { objects[id] = bytes }

    /// A stream object: `dictionary` holds the entries besides /Length and /Filter; `level` is
    /// zlib's (1 for page content: see `PDFEncoder.contentLevel`).
    mutating func setStream(_ id: Int, dictionary: String, data: [UInt8], compress: Bool = true, level: Int32 = 6) {
        var w = ByteWriter(capacity: data.count / 2 + 128)
        var payload = data
        var dict = dictionary
        if compress {
            let deflated = Deflate.compress(data, level: level)
            if deflated.count < data.count {
                payload = deflated
                dict += " /Filter /FlateDecode"
            }
        }
        w.ascii("<< "); w.ascii(dict); w.ascii(" /Length "); w.int(payload.count); w.ascii(" >>\nstream\n")
        w.append(payload)
        w.ascii("\nendstream")
        objects[id] = w.bytes
    }

    /// The whole file, with `root` as the catalog.
    func serialize(root: Int, info: Int?) -> [UInt8] {
        var w = ByteWriter(capacity: objects.values.reduce(0) { $0 + $1.count } + 64 * nextID + 256)
        w.ascii("%PDF-1.4\n%\u{e2}\u{e3}\u{cf}\u{d3}\n")
        var offsets = [Int](repeating: 0, count: nextID)
        for id in 1..<nextID {
            offsets[id] = w.count
            w.int(id); w.ascii(" 0 obj\n")
            w.append(objects[id] ?? Array("null".utf8))
            w.ascii("\nendobj\n")
        }
        let xref = w.count
        w.ascii("xref\n0 "); w.int(nextID); w.ascii("\n0000000000 65535 f \n")
        for id in 1..<nextID {
            let s = String(offsets[id])
            w.ascii(String(repeating: "0", count: max(0, 10 - s.count)) + s + " 00000 n \n")
        }
        w.ascii("trailer\n<< /Size "); w.int(nextID); w.ascii(" /Root "); w.int(root); w.ascii(" 0 R")
        if let info { w.ascii(" /Info "); w.int(info); w.ascii(" 0 R") }
        w.ascii(" >>\nstartxref\n"); w.int(xref); w.ascii("\n%%EOF\n")
        return w.bytes
    }
}
