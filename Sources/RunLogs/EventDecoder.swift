/// Decodes TensorBoard `Event` messages (tensorflow/core/util/event.proto) into a `ScalarLog`.
///
/// Fields read: `Event.wall_time` (1), `step` (2), `summary` (5); `Summary.value` (1);
/// `Summary.Value.tag` (1), `simple_value` (2), `histo` (5) / `image` (4) / `audio` (6) /
/// old-style histogram (3), `tensor` (8), `metadata` (9); `SummaryMetadata.plugin_data` (1) with
/// `plugin_name` (1), `data_class` (4); `TensorProto.dtype` (1), `tensor_shape` (2),
/// `tensor_content` (4), `float_val` (5), `double_val` (6), `int_val` (7), `int64_val` (10),
/// `half_val` (13). Everything else is skipped by wire type.
///
/// A `simple_value` is a scalar (tensorboardX, PyTorch's SummaryWriter, TF1). A tensor is a
/// scalar when its tag's metadata names the `scalars` plugin or `DATA_CLASS_SCALAR` (TF2 and
/// Keras write the metadata with a tag's first value only, so the tag remembers it) and it holds
/// one element. Other summaries are counted in `ScalarLog.skipped` by kind.
enum EventDecoder {
    /// Decodes one record payload; false when it is not a well-formed `Event`.
    static func decode(_ start: UnsafePointer<UInt8>, count: Int, into log: inout ScalarLog) -> Bool {
        var r = ProtoReader(start, count: count)
        var wallTime = 0.0
        var step: Int64 = 0
        var summary: (UnsafePointer<UInt8>, Int)?
        while !r.isAtEnd {
            guard let (field, wire) = r.key() else { return false }
            switch (field, wire) {
            case (1, 1): guard let v = r.double() else { return false }; wallTime = v
            case (2, 0): guard let v = r.varint() else { return false }; step = Int64(bitPattern: v)
            case (5, 2): guard let b = r.bytes() else { return false }; summary = b
            default: guard r.skip(wire: wire) else { return false }
            }
        }
        log.records += 1
        guard let (s, n) = summary else { return true }
        var values = ProtoReader(s, count: n)
        while !values.isAtEnd {
            guard let (field, wire) = values.key() else { return false }
            if field == 1 && wire == 2 {
                guard let (v, m) = values.bytes(), decodeValue(v, count: m, step: step, wallTime: wallTime, into: &log) else {
                    return false
                }
            } else {
                guard values.skip(wire: wire) else { return false }
            }
        }
        return true
    }

    /// Decodes one `Summary.Value`.
    @inline(__always)
    static func decodeValue(
        _ start: UnsafePointer<UInt8>, count: Int, step: Int64, wallTime: Double, into log: inout ScalarLog
    ) -> Bool {
        var r = ProtoReader(start, count: count)
        var tag: (UnsafePointer<UInt8>, Int) = (start, 0)
        var simple: Float?
        var tensor: (UnsafePointer<UInt8>, Int)?
        var metadata: (UnsafePointer<UInt8>, Int)?
        var other: String?
        while !r.isAtEnd {
            guard let (field, wire) = r.key() else { return false }
            switch (field, wire) {
            case (1, 2): guard let b = r.bytes() else { return false }; tag = b
            case (2, 5): guard let v = r.float() else { return false }; simple = v
            case (8, 2): guard let b = r.bytes() else { return false }; tensor = b
            case (9, 2): guard let b = r.bytes() else { return false }; metadata = b
            case (3, 2), (5, 2): guard r.skip(wire: wire) else { return false }; other = "histogram"
            case (4, 2): guard r.skip(wire: wire) else { return false }; other = "image"
            case (6, 2): guard r.skip(wire: wire) else { return false }; other = "audio"
            default: guard r.skip(wire: wire) else { return false }
            }
        }
        let i = log.tagIndex(tag.0, tag.1)
        if let simple {
            if log.kind(i) != .scalar { log.setKind(i, .scalar) }
            log.append(i, step: step, wallTime: wallTime, value: Double(simple))
            return true
        }
        if let other {
            log.skip(other)
            return true
        }
        if let (m, n) = metadata { log.setKind(i, pluginKind(m, count: n)) }
        guard let (t, n) = tensor else {
            log.skip("empty")
            return true
        }
        switch log.kind(i) {
        case .scalar:
            guard let value = scalarTensor(t, count: n) else {
                log.skip("non-scalar tensor")
                return true
            }
            log.append(i, step: step, wallTime: wallTime, value: value)
        case .other(let name): log.skip(name)
        case .unknown: log.skip("tensor")
        }
        return true
    }

    /// The tag kind a `SummaryMetadata` names: scalar for the `scalars` plugin or
    /// `DATA_CLASS_SCALAR`, else the plugin's name.
    static func pluginKind(_ start: UnsafePointer<UInt8>, count: Int) -> ScalarLog.TagKind {
        var r = ProtoReader(start, count: count)
        var plugin = ""
        var dataClass: UInt64 = 0
        while !r.isAtEnd {
            guard let (field, wire) = r.key() else { break }
            if field == 1 && wire == 2, let (p, n) = r.bytes() {
                var q = ProtoReader(p, count: n)
                while !q.isAtEnd {
                    guard let (f, w) = q.key() else { break }
                    if f == 1 && w == 2, let (s, m) = q.bytes() {
                        plugin = String(decoding: UnsafeBufferPointer(start: s, count: m), as: UTF8.self)
                    } else if !q.skip(wire: w) { break }
                }
            } else if field == 4 && wire == 0, let v = r.varint() {
                dataClass = v
            } else if !r.skip(wire: wire) { break }
        }
        if plugin == "scalars" || dataClass == 1 { return .scalar }
        return .other(plugin.isEmpty ? "tensor" : plugin)
    }

    /// The single value of a one-element numeric `TensorProto`, or nil.
    static func scalarTensor(_ start: UnsafePointer<UInt8>, count: Int) -> Double? {
        var r = ProtoReader(start, count: count)
        var dtype: UInt64 = 0
        var elements: Int64 = 1
        var content: (UnsafePointer<UInt8>, Int)?
        var value: Double?
        while !r.isAtEnd {
            guard let (field, wire) = r.key() else { return nil }
            switch (field, wire) {
            case (1, 0): guard let v = r.varint() else { return nil }; dtype = v
            case (2, 2): guard let (s, n) = r.bytes() else { return nil }; elements = shapeElements(s, count: n)
            case (4, 2): guard let b = r.bytes() else { return nil }; content = b
            case (5, 2): guard let (s, n) = r.bytes(), n >= 4 else { return nil }
                var q = ProtoReader(s, count: n); value = q.float().map(Double.init)
            case (5, 5): value = r.float().map(Double.init)
            case (6, 2): guard let (s, n) = r.bytes(), n >= 8 else { return nil }
                var q = ProtoReader(s, count: n); value = q.double()
            case (6, 1): value = r.double()
            case (7, 2), (10, 2), (13, 2):
                guard let (s, n) = r.bytes() else { return nil }
                var q = ProtoReader(s, count: n)
                value = q.varint().map { integerValue($0, field: field, dtype: dtype) }
            case (7, 0), (10, 0), (13, 0): value = r.varint().map { integerValue($0, field: field, dtype: dtype) }
            default: guard r.skip(wire: wire) else { return nil }
            }
        }
        guard elements == 1 else { return nil }
        if let value { return value }
        guard let (c, n) = content else { return dtype == 0 ? nil : 0 }  // proto3 leaves a zero out
        let raw = UnsafeRawPointer(c)
        switch (dtype, n) {
        case (1, 4): return Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))))
        case (2, 8): return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
        case (3, 4): return Double(Int32(littleEndian: raw.loadUnaligned(as: Int32.self)))
        case (9, 8): return Double(Int64(littleEndian: raw.loadUnaligned(as: Int64.self)))
        case (19, 2): return halfToDouble(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self)))
        case (14, 2): return Double(Float(bitPattern: UInt32(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self))) << 16))
        default: return nil
        }
    }

    /// A varint tensor value: an int32 / int64, or the bits of a half or bfloat16 (`half_val`).
    static func integerValue(_ v: UInt64, field: UInt64, dtype: UInt64) -> Double {
        if field == 13 || dtype == 19 { return halfToDouble(UInt16(truncatingIfNeeded: v)) }
        if dtype == 14 { return Double(Float(bitPattern: UInt32(UInt16(truncatingIfNeeded: v)) << 16)) }
        return Double(Int64(bitPattern: v))
    }

    /// The number of elements of a `TensorShapeProto` (dims are field 2, a dim's size field 1).
    static func shapeElements(_ start: UnsafePointer<UInt8>, count: Int) -> Int64 {
        var r = ProtoReader(start, count: count)
        var product: Int64 = 1
        while !r.isAtEnd {
            guard let (field, wire) = r.key() else { return -1 }
            if field == 2 && wire == 2, let (d, n) = r.bytes() {
                var q = ProtoReader(d, count: n)
                var size: Int64 = 0
                while !q.isAtEnd {
                    guard let (f, w) = q.key() else { return -1 }
                    if f == 1 && w == 0, let v = q.varint() { size = Int64(bitPattern: v) } else if !q.skip(wire: w) { return -1 }
                }
                product = product.multipliedReportingOverflow(by: size).overflow ? -1 : product * size
            } else if !r.skip(wire: wire) {
                return -1
            }
        }
        return product
    }

    /// An IEEE 754 half-precision value's bits as a double.
    static func halfToDouble(_ bits: UInt16) -> Double {
        let sign = bits & 0x8000 != 0 ? -1.0 : 1.0
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
