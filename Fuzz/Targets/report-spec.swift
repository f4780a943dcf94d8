import Report

/// Report specs: the JSON parser with key paths, figure entries (spec paths, inline specs,
/// data files with options), sections and versions.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReportSpec(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput(data, count)
    _ = try? ReportSpec.parse(bytes: input.bytes, source: "report.json", directory: "/nonexistent")
    return 0
}
