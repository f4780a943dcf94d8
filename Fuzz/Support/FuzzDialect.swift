import Table

/// The CSV dialect options chosen by one control byte, so the csv and incremental targets
/// explore decimal commas, thousands separators, comment lines and extra missing spellings.
enum FuzzDialect {
    /// Sets `options`' decimal mark (bits 0–1), thousands separator (bits 2–4), comment byte
    /// (bit 5) and missing spellings (bit 6) from `byte`; 0 leaves everything to detection.
    static func apply(_ byte: UInt8, to options: inout CSVOptions) {
        let decimals: [UInt8?] = [nil, 0x2E, 0x2C, nil]
        let thousands: [UInt8?] = [nil, 0x2C, 0x2E, 0x27, 0x20, 0x5F, nil, nil]
        options.decimal = decimals[Int(byte & 3)]
        options.thousands = thousands[Int((byte >> 2) & 7)]
        if byte & 0x20 != 0 { options.comment = 0x23 }
        if byte & 0x40 != 0 { options.missingValues = ["-", "none", "x"] }
    }
}
