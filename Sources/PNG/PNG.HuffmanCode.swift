extension PNG {
    /// A length-limited canonical Huffman code for deflate (RFC 1951, section 3.2.2).
    ///
    /// Lengths come from the symbol counts by the two-queue Huffman construction over the used
    /// symbols sorted by (count, symbol), then limited to `maxBits` the way miniz does
    /// (`tdefl_huffman_enforce_max_code_size`: overlong codes move to the limit and shorter ones
    /// are lengthened until Kraft's sum is exact again). Codes are canonical and stored
    /// bit-reversed, as deflate sends Huffman codes most significant bit first into an LSB-first
    /// stream. Everything is deterministic: ties are broken by symbol number.
    struct HuffmanCode {
        /// The code length of every symbol, 0 for unused symbols.
        var lengths: [UInt8]
        /// The bit-reversed canonical code of every symbol (meaningless where the length is 0).
        var codes: [UInt16]

        /// A code for `counts`, every length at most `maxBits` (15, or 7 for code-length codes).
        ///
        /// Fewer than two used symbols get a second one (the lowest unused symbols), so the code
        /// is always complete: zlib's inflate accepts an incomplete code only in special cases.
        init(counts: [UInt32], maxBits: Int) {
            precondition(counts.count >= 2 && counts.count <= 1 << maxBits, "too many symbols for \(maxBits) bits")
            var used: [(count: UInt32, symbol: Int)] = []
            for (s, c) in counts.enumerated() where c > 0 { used.append((c, s)) }
            var s = 0
            while used.count < 2 {
                if counts[s] == 0 { used.append((1, s)) }
                s += 1
            }
            used.sort { $0.count != $1.count ? $0.count < $1.count : $0.symbol < $1.symbol }
            let depths = HuffmanCode.depths(sortedCounts: used.map(\.count))
            // Lengths per count of symbols, limited to maxBits.
            var perLength = [Int](repeating: 0, count: max(maxBits, depths.max()!) + 1)
            for d in depths { perLength[d] += 1 }
            if perLength.count > maxBits + 1 {
                for l in (maxBits + 1)..<perLength.count { perLength[maxBits] += perLength[l]; perLength[l] = 0 }
                var total = 0
                for l in 1...maxBits { total += perLength[l] << (maxBits - l) }
                while total != 1 << maxBits {
                    perLength[maxBits] -= 1
                    for l in stride(from: maxBits - 1, through: 1, by: -1) where perLength[l] != 0 {
                        perLength[l] -= 1
                        perLength[l + 1] += 2
                        break
                    }
                    total -= 1
                }
            }
            // The rarest symbols take the longest codes.
            var lengths = [UInt8](repeating: 0, count: counts.count)
            var next = 0
            for l in stride(from: maxBits, through: 1, by: -1) {
                for _ in 0..<perLength[l] {
                    lengths[used[next].symbol] = UInt8(l)
                    next += 1
                }
            }
            self.lengths = lengths
            self.codes = HuffmanCode.canonicalCodes(lengths, maxBits: maxBits)
        }

        /// The fixed literal/length code of deflate's block type 1 (RFC 1951, section 3.2.6).
        static let fixedLiteralLengths: [UInt8] =
            [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
            + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8)

        /// A code from given lengths (the fixed codes).
        init(lengths: [UInt8], maxBits: Int) {
            self.lengths = lengths
            self.codes = HuffmanCode.canonicalCodes(lengths, maxBits: maxBits)
        }

        /// Leaf depths of a Huffman tree over counts sorted ascending (two queues: leaves and
        /// internal nodes, both in ascending weight; parents always follow their children).
        static func depths(sortedCounts w: [UInt32]) -> [Int] {
            let m = w.count
            var weight = [UInt64](repeating: 0, count: 2 * m - 1)
            var parent = [Int](repeating: 0, count: 2 * m - 1)
            for i in 0..<m { weight[i] = UInt64(w[i]) }
            var leaf = 0, inner = m
            for node in m..<(2 * m - 1) {
                var children = (0, 0)
                for k in 0..<2 {
                    let pick: Int
                    if leaf < m && (inner >= node || weight[leaf] <= weight[inner]) {
                        pick = leaf; leaf += 1
                    } else {
                        pick = inner; inner += 1
                    }
                    if k == 0 { children.0 = pick } else { children.1 = pick }
                }
                weight[node] = weight[children.0] + weight[children.1]
                parent[children.0] = node
                parent[children.1] = node
            }
            var depth = [Int](repeating: 0, count: 2 * m - 1)
            for node in stride(from: 2 * m - 3, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
            return Array(depth[0..<m])
        }

        /// Canonical codes for `lengths` (RFC 1951, section 3.2.2), bit-reversed.
        static func canonicalCodes(_ lengths: [UInt8], maxBits: Int) -> [UInt16] {
            var perLength = [Int](repeating: 0, count: maxBits + 1)
            for l in lengths where l > 0 { perLength[Int(l)] += 1 }
            var next = [Int](repeating: 0, count: maxBits + 2)
            var code = 0
            for l in 1...maxBits {
                code = (code + perLength[l - 1]) << 1
                next[l] = code
            }
            var codes = [UInt16](repeating: 0, count: lengths.count)
            for (s, l) in lengths.enumerated() where l > 0 {
                let c = next[Int(l)]
                next[Int(l)] += 1
                var reversed = 0
                for b in 0..<Int(l) where c & (1 << b) != 0 { reversed |= 1 << (Int(l) - 1 - b) }
                codes[s] = UInt16(reversed)
            }
            return codes
        }
    }
}
