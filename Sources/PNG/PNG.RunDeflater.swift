import CDeflate

extension PNG {
    /// A zlib stream of PNG scanlines built for chart images: matches at a distance of one pixel
    /// (runs of one colour within a row) and of one row (spans equal to the row above), and where
    /// those are short, at the last position with the same 4 bytes (glyphs, markers).
    ///
    /// Charts are mostly flat: margins and plot areas repeat the row above, lines and bars are
    /// runs of one colour. A general deflate matcher (libdeflate level 1) hashes every byte it
    /// skips inside a match, about 2.9 M hash inserts for a mostly white 1200×800 RGB figure;
    /// here each position tries two earlier positions (a third where both are short) with 8-byte
    /// compares and nothing is entered inside a match, so a row equal to the one above costs
    /// about a memcmp and 14 tokens of 258 bytes. The approach is
    /// Rich Geldreich's fpng (its own deflate with distance-limited matches, no general matcher),
    /// except that fpng filters rows with "up" and matches runs only, while this keeps the raw
    /// rows (the options' filter, `none` by default) and matches the row above directly, so a
    /// flat run under a row of text is still one match.
    ///
    /// Greedy parse: at each position the longer of the run match (distance = bytes per pixel,
    /// at least `minimumRun` bytes) and the row match (distance = the scanline stride when it is
    /// at most 32 KB, at least `minimumRowMatch` bytes, preferred only when strictly longer: its
    /// distance code costs 10+ extra bits). Where that is shorter than `hashBelow` bytes, the
    /// position is entered in a table of the last position of each 4-byte hash (positions inside
    /// matches never are, unlike libdeflate's level 1) and the position found there is tried
    /// too, taken when longer still; otherwise one literal. Every 32 K tokens a block is
    /// written with whichever of a dynamic Huffman code (built from the block's symbol counts,
    /// `PNG.HuffmanCode`), the fixed code or stored bytes is smallest, counted exactly; so
    /// incompressible input (noise) grows by a few bytes per 64 KB at most. Output depends only on
    /// the input bytes: no threads, no randomized hashing, nothing that varies by machine.
    ///
    /// Measured (bench/README.md "PNG encoder for charts"): runs and row matches alone gave
    /// 1.08× libdeflate 1's bytes on W1–W6 (W4's markers 1.60×); with the 4-byte lookup 0.88×.
    enum RunDeflater {
        /// The shortest run (distance one pixel) taken as a match.
        static let minimumRun = 3
        /// The shortest match with the row above taken as a match.
        static let minimumRowMatch = 5
        /// Positions whose run and row matches are shorter than this also look up the last
        /// position with the same 4 bytes (and are entered there): repeated glyphs and markers.
        static let hashBelow = 32
        /// log2 of the hash table's entries.
        static let hashBits = 14
        /// Tokens per deflate block (a block's Huffman codes follow its own counts).
        static let tokensPerBlock = 1 << 15

        /// The zlib stream (RFC 1950: header, deflate blocks, Adler-32) of `data`, PNG scanlines
        /// of `stride` bytes each (filter byte included) with `bytesPerPixel` bytes a pixel;
        /// `adler32` is `data`'s Adler-32 when the caller took it already (else computed here).
        static func compress(_ data: UnsafeBufferPointer<UInt8>, stride: Int, bytesPerPixel bpp: Int,
                             adler32: UInt32? = nil) -> [UInt8] {
            precondition(bpp >= 1 && bpp <= 8 && stride >= 1, "bad scanline layout")
            let n = data.count
            // Each block is written in no more bits than stored (3 header bits, up to 7 padding
            // bits and LEN/NLEN per 65,535 bytes); a block covers at least 32 K input bytes but
            // the last; plus the zlib header, Adler-32 and the writer's 8 bytes of slack.
            let capacity = n + 6 * (n / 65_535 + n / tokensPerBlock + 2) + 2 + 4 + 16
            let scratch = OutputScratch(capacity: capacity)
            defer { scratch.release() }
            var w = BitWriter(scratch.base, capacity: capacity)
            // CMF 0x78 (deflate, 32 KB window), FLG 0x01 (fastest; 0x7801 is a multiple of 31).
            w.put(0x78, 8)
            w.put(0x01, 8)
            let source = data.baseAddress ?? UnsafePointer(scratch.base)
            deflate(source, count: n, stride: stride, bpp: bpp, into: &w)
            w.alignToByte()
            let adler = adler32 ?? UInt32(libdeflate_adler32(1, data.baseAddress, n))
            for shift in [24, 16, 8, 0] { w.put((adler >> UInt32(shift)) & 0xff, 8) }
            return Array(UnsafeBufferPointer(start: scratch.base, count: w.count))
        }

        /// Parses `s` into tokens and writes them as deflate blocks, the last one final.
        static func deflate(_ s: UnsafePointer<UInt8>, count n: Int, stride: Int, bpp: Int, into w: inout BitWriter) {
            let up = stride <= 32_768 && n > stride ? stride : 0
            let tokens = UnsafeMutablePointer<UInt32>.allocate(capacity: tokensPerBlock)
            // 286 literal/length counts (256 is the end of block), then 30 distance counts.
            let counts = UnsafeMutablePointer<UInt32>.allocate(capacity: 316)
            defer { tokens.deallocate(); counts.deallocate() }
            counts.initialize(repeating: 0, count: 316)
            // Last position of each 4-byte hash; far enough back to be out of the window at first.
            let hashTable = UnsafeMutablePointer<Int32>.allocate(capacity: 1 << hashBits)
            defer { hashTable.deallocate() }
            hashTable.initialize(repeating: -40_000, count: 1 << hashBits)
            let table = LengthTable.shared
            var p = 0, blockStart = 0, ntokens = 0, extraBits = 0
            let runCode = distanceCode(bpp), rowCode = distanceCode(max(1, up))
            while p < n {
                let limit = min(258, n &- p)
                var length = 0, distance = 0
                if p >= bpp {
                    let run = matchLength(s + p, s + p - bpp, limit)
                    if run >= minimumRun { length = run; distance = bpp }
                }
                if up != 0 && p >= up && length < limit {
                    let row = matchLength(s + p, s + p - up, limit)
                    if row > length && row >= minimumRowMatch { length = row; distance = up }
                }
                if length < hashBelow && p &+ 4 <= n {
                    let v = UnsafeRawPointer(s + p).loadUnaligned(as: UInt32.self)
                    let h = Int(truncatingIfNeeded: (v &* 0x9E37_79B1) >> UInt32(32 - hashBits))
                    let candidate = Int(hashTable[h])
                    hashTable[h] = Int32(truncatingIfNeeded: p)
                    let d = p &- candidate
                    if d > 0 && d <= 32_768 && UnsafeRawPointer(s + candidate).loadUnaligned(as: UInt32.self) == v {
                        let m = matchLength(s + p, s + candidate, limit)
                        if m > length { length = m; distance = d }
                    }
                }
                if length > 0 {
                    let l = length &- 3
                    tokens[ntokens] = 0x8000_0000 | UInt32(l) << 15 | UInt32(distance &- 1)
                    counts[Int(table.symbol[l])] &+= 1
                    let d = distance == bpp ? runCode : distance == up ? rowCode : distanceCode(distance)
                    counts[286 &+ d.code] &+= 1
                    extraBits &+= Int(table.extraBits[l]) &+ d.extraBits
                    p &+= length
                } else {
                    let byte = s[p]
                    tokens[ntokens] = UInt32(byte)
                    counts[Int(byte)] &+= 1
                    p &+= 1
                }
                ntokens &+= 1
                if ntokens == tokensPerBlock || p == n {
                    writeBlock(&w, tokens: tokens, count: ntokens, counts: counts, extraBits: extraBits,
                               raw: s + blockStart, rawCount: p - blockStart, last: p == n)
                    blockStart = p
                    ntokens = 0
                    extraBits = 0
                    counts.update(repeating: 0, count: 316)
                }
            }
            if n == 0 {
                writeBlock(&w, tokens: tokens, count: 0, counts: counts, extraBits: 0, raw: s, rawCount: 0, last: true)
            }
        }

        /// The number of equal bytes at `a` and `b` (b before a; they may overlap), at most `limit`.
        @inline(__always)
        static func matchLength(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ limit: Int) -> Int {
            let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
            var l = 0
            while l &+ 8 <= limit {
                let x = ra.loadUnaligned(fromByteOffset: l, as: UInt64.self) ^ rb.loadUnaligned(fromByteOffset: l, as: UInt64.self)
                if x != 0 { return l &+ (UInt64(littleEndian: x).trailingZeroBitCount >> 3) }
                l &+= 8
            }
            while l < limit && a[l] == b[l] { l &+= 1 }
            return l
        }

        /// A distance's code (0...29), its extra bits and their value (RFC 1951, section 3.2.5).
        @inline(__always)
        static func distanceCode(_ distance: Int) -> (code: Int, extraBits: Int, extra: UInt32) {
            let d = distance - 1
            if d < 4 { return (d, 0, 0) }
            let log = Int.bitWidth - 1 - d.leadingZeroBitCount
            return (2 * log + ((d >> (log - 1)) & 1), log - 1, UInt32(d & ((1 << (log - 1)) - 1)))
        }

        /// Length symbols, extra bits and extra values for lengths 3...258 (indexed by length − 3).
        struct LengthTable: Sendable {
            var symbol: [UInt16] = []
            var extraBits: [UInt8] = []
            var extra: [UInt16] = []

            static let shared: LengthTable = {
                var t = LengthTable()
                for l in 0..<256 {
                    if l < 8 {
                        t.symbol.append(UInt16(257 + l)); t.extraBits.append(0); t.extra.append(0)
                    } else if l == 255 {
                        t.symbol.append(285); t.extraBits.append(0); t.extra.append(0)  // 258 has its own symbol
                    } else {
                        let log = Int.bitWidth - 1 - l.leadingZeroBitCount
                        t.symbol.append(UInt16(257 + 4 * (log - 1) + ((l >> (log - 2)) & 3)))
                        t.extraBits.append(UInt8(log - 2))
                        t.extra.append(UInt16(l & ((1 << (log - 2)) - 1)))
                    }
                }
                return t
            }()
        }

        /// The order code-length code lengths are sent in (RFC 1951, section 3.2.7).
        static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        static let fixedLiterals = HuffmanCode(lengths: HuffmanCode.fixedLiteralLengths, maxBits: 15)
        static let fixedDistances = HuffmanCode(lengths: [UInt8](repeating: 5, count: 30), maxBits: 15)

        /// Writes one block of `count` tokens as the smallest of dynamic, fixed and stored.
        static func writeBlock(_ w: inout BitWriter, tokens: UnsafePointer<UInt32>, count: Int,
                               counts: UnsafeMutablePointer<UInt32>, extraBits: Int,
                               raw: UnsafePointer<UInt8>, rawCount: Int, last: Bool) {
            counts[256] = 1  // end of block
            let literalCounts = Array(UnsafeBufferPointer(start: counts, count: 286))
            let distanceCounts = Array(UnsafeBufferPointer(start: counts + 286, count: 30))
            let literals = HuffmanCode(counts: literalCounts, maxBits: 15)
            let distances = HuffmanCode(counts: distanceCounts, maxBits: 15)
            let hlit = max(257, (literals.lengths.lastIndex { $0 != 0 } ?? 0) + 1)
            let hdist = max(1, (distances.lengths.lastIndex { $0 != 0 } ?? 0) + 1)
            let header = codeLengthSymbols(Array(literals.lengths[0..<hlit]) + Array(distances.lengths[0..<hdist]))
            var clCounts = [UInt32](repeating: 0, count: 19)
            for (symbol, _) in header { clCounts[Int(symbol)] += 1 }
            let cl = HuffmanCode(counts: clCounts, maxBits: 7)
            let hclen = max(4, (codeLengthOrder.lastIndex { cl.lengths[$0] != 0 } ?? 0) + 1)

            var dataBits = extraBits, fixedBits = extraBits
            for s in 0..<286 {
                dataBits += Int(literalCounts[s]) * Int(literals.lengths[s])
                fixedBits += Int(literalCounts[s]) * Int(HuffmanCode.fixedLiteralLengths[s])
            }
            for s in 0..<30 {
                dataBits += Int(distanceCounts[s]) * Int(distances.lengths[s])
                fixedBits += Int(distanceCounts[s]) * 5
            }
            var headerBits = 14 + 3 * hclen
            for (symbol, _) in header { headerBits += Int(cl.lengths[Int(symbol)]) + codeLengthExtraBits(symbol) }
            let dynamicBits = 3 + headerBits + dataBits
            let chunks = max(1, (rawCount + 65_534) / 65_535)
            let storedBits = chunks * (3 + 7 + 32) + 8 * rawCount
            fixedBits += 3

            if storedBits < dynamicBits && storedBits < fixedBits {
                var at = 0
                for c in 0..<chunks {
                    let size = min(65_535, rawCount - at)
                    w.put(last && c == chunks - 1 ? 1 : 0, 1)
                    w.put(0, 2)
                    w.alignToByte()
                    w.put(UInt32(size), 16)
                    w.put(UInt32(size) ^ 0xffff, 16)
                    w.copy(raw + at, count: size)
                    at += size
                }
                return
            }
            w.put(last ? 1 : 0, 1)
            if fixedBits <= dynamicBits {
                w.put(1, 2)
                writeTokens(&w, tokens, count, literals: fixedLiterals, distances: fixedDistances)
                return
            }
            w.put(2, 2)
            w.put(UInt32(hlit - 257), 5)
            w.put(UInt32(hdist - 1), 5)
            w.put(UInt32(hclen - 4), 4)
            for i in 0..<hclen { w.put(UInt32(cl.lengths[codeLengthOrder[i]]), 3) }
            for (symbol, extra) in header {
                w.put(UInt32(cl.codes[Int(symbol)]), Int(cl.lengths[Int(symbol)]))
                let bits = codeLengthExtraBits(symbol)
                if bits > 0 { w.put(UInt32(extra), bits) }
            }
            writeTokens(&w, tokens, count, literals: literals, distances: distances)
        }

        /// Writes the tokens and the end-of-block symbol with the given codes.
        ///
        /// Each symbol's code and its extra bits are looked up together (tables made per
        /// block) and a token's bits (at most 15 + 5 + 15 + 13) are written out with one 8-byte
        /// store: the same bit stream as one `put` per code and per extra field, in fewer steps.
        static func writeTokens(_ w: inout BitWriter, _ tokens: UnsafePointer<UInt32>, _ count: Int,
                                literals: HuffmanCode, distances: HuffmanCode) {
            // Bits in the low 24 bits, their number in the high 8: literal bytes 0...255, then
            // lengths 3...258 (the length symbol's code and the extra bits), then the 30
            // distance codes (the extra bits are added per token).
            let entries = UnsafeMutablePointer<UInt32>.allocate(capacity: 512 + 30)
            defer { entries.deallocate() }
            let table = LengthTable.shared
            for b in 0..<256 {
                entries[b] = UInt32(literals.codes[b]) | UInt32(literals.lengths[b]) << 24
                let symbol = Int(table.symbol[b]), n = Int(literals.lengths[symbol])
                entries[256 + b] = (UInt32(literals.codes[symbol]) | UInt32(table.extra[b]) << UInt32(n))
                    | UInt32(n + Int(table.extraBits[b])) << 24
            }
            for c in 0..<30 { entries[512 + c] = UInt32(distances.codes[c]) | UInt32(distances.lengths[c]) << 24 }
            DistanceTable.shared.withPointers { code, base, extraBits in
                for i in 0..<count {
                    let t = tokens[i]
                    if t & 0x8000_0000 == 0 {
                        let e = entries[Int(t)]
                        w.add(UInt64(e & 0xff_ffff), Int(e >> 24))
                    } else {
                        let e = entries[256 &+ Int((t >> 15) & 0xff)]
                        w.add(UInt64(e & 0xff_ffff), Int(e >> 24))
                        let d = Int(t & 0x7fff)  // distance − 1
                        let c = Int(code[d < 256 ? d : 256 &+ d >> 7])
                        let de = entries[512 &+ c], n = Int(de >> 24)
                        w.add(UInt64(de & 0xff_ffff) | UInt64(d &- Int(base[c])) &<< UInt64(n), n &+ Int(extraBits[c]))
                    }
                    w.flushWholeBytes()
                }
            }
            w.put(UInt32(literals.codes[256]), Int(literals.lengths[256]))
        }

        /// Distance codes by table (zlib's `_dist_code`): the code of distance − 1 = d is
        /// `code[d]` below 256, else `code[256 + d >> 7]`; each code's first d and extra bits.
        struct DistanceTable: Sendable {
            var code: [UInt8] = []
            var base: [UInt16] = []
            var extraBits: [UInt8] = []

            static let shared: DistanceTable = {
                var t = DistanceTable()
                for c in 0..<30 {
                    let bits = c < 4 ? 0 : c / 2 - 1
                    t.base.append(UInt16(c < 4 ? c : (2 + c % 2) << bits))
                    t.extraBits.append(UInt8(bits))
                }
                for i in 0..<512 {
                    let d = i < 256 ? i : (i - 256) << 7
                    t.code.append(UInt8(distanceCode(d + 1).code))
                }
                return t
            }()

            /// Calls `body` with the three tables' memory.
            func withPointers<R>(_ body: (UnsafePointer<UInt8>, UnsafePointer<UInt16>, UnsafePointer<UInt8>) -> R) -> R {
                code.withUnsafeBufferPointer { c in
                    base.withUnsafeBufferPointer { b in
                        extraBits.withUnsafeBufferPointer { e in body(c.baseAddress!, b.baseAddress!, e.baseAddress!) }
                    }
                }
            }
        }

        /// The extra bits after code-length symbol `s`: 2, 3 and 7 after 16, 17 and 18.
        static func codeLengthExtraBits(_ s: UInt8) -> Int {
            s == 16 ? 2 : s == 17 ? 3 : s == 18 ? 7 : 0
        }

        /// Run-length codes the code lengths (symbols 0...15 as themselves, 16 repeats the previous
        /// length 3-6 times, 17 zeros 3-10 times, 18 zeros 11-138 times) with each symbol's extra value.
        static func codeLengthSymbols(_ lengths: [UInt8]) -> [(UInt8, UInt8)] {
            var out: [(UInt8, UInt8)] = []
            var i = 0
            while i < lengths.count {
                let v = lengths[i]
                var run = 1
                while i + run < lengths.count && lengths[i + run] == v { run += 1 }
                i += run
                if v == 0 {
                    while run >= 11 { let k = min(run, 138); out.append((18, UInt8(k - 11))); run -= k }
                    if run >= 3 { out.append((17, UInt8(run - 3))); run = 0 }
                    while run > 0 { out.append((0, 0)); run -= 1 }
                } else {
                    out.append((v, 0)); run -= 1
                    while run >= 3 { let k = min(run, 6); out.append((16, UInt8(k - 3))); run -= k }
                    while run > 0 { out.append((v, 0)); run -= 1 }
                }
            }
            return out
        }
    }
}
