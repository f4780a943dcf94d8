import FoundationEssentials
import JSON
import RunLogs
import Platform

/// Reads TensorBoard and MLflow logs into tables, with their errors as `DataError`s.
public enum RunLogTables {
    /// The table of one event file's bytes (a partial last record is left out).
    public static func eventTable(bytes: Data, source: String) throws(DataError) -> DataTable {
        var log = ScalarLog()
        let failure: RunLogError? = bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> RunLogError? in
            guard let base = raw.baseAddress else { return nil }
            do throws(RunLogError) { _ = try TFRecordScanner.scan(base, count: raw.count, file: source, into: &log) } catch { return error }
            return nil
        }
        if let failure { throw dataError(failure) }
        return try table(log, source: source)
    }

    /// The table of one MLflow metric file's bytes: `step`, `wall_time` and the metric (named
    /// after the file).
    public static func mlflowMetricTable(bytes: Data, source: String) throws(DataError) -> DataTable {
        var log = ScalarLog()
        let tag = log.tagIndex(PathName.lastComponent(source))
        var bytes = [UInt8](bytes)
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }  // a whole file: its last line counts
        do { _ = try MLflowRun.parseLines(bytes, tag: tag, file: source, firstLine: 1, into: &log) } catch { throw dataError(error) }
        return try table(log, source: source)
    }

    /// The table of a scalar log; throws `nothingToDraw` when it holds no scalar point.
    public static func table(_ log: ScalarLog, source: String) throws(DataError) -> DataTable {
        guard log.pointCount > 0 else {
            var why = log.records == 0 ? "no records" : "no scalar values in \(log.records) record\(log.records == 1 ? "" : "s")"
            if let skipped = log.skippedSummary { why += " (\(skipped))" }
            throw DataError(.nothingToDraw(why), at: DataLocation(source: source))
        }
        return ScalarLogTable.make(log, source: source)
    }

    /// A `RunLogError` as a `DataError` (`file: byte N: message`, `file:line: message`).
    public static func dataError(_ e: RunLogError) -> DataError {
        let where_ = e.offset.map { "byte \($0): " } ?? ""
        // RunLogs quotes lines of the log as they are; escaped here, by the one rule for messages.
        let message = MessageText.escaped(e.message, limit: Int.max)
        return DataError(.invalidLog(where_ + message), at: DataLocation(source: e.file, line: e.line))
    }

    /// True when the first line is `timestamp value step` (an integer of 10+ digits, a number, an integer).
    @Sendable public static func looksLikeMLflowMetric(_ raw: UnsafeRawBufferPointer) -> Bool {
        let end = raw.firstIndex(of: 0x0A) ?? raw.count
        guard end > 0, end < 200 else { return false }
        let fields = String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<end]), as: UTF8.self).split(separator: " ")
        guard fields.count == 3 || fields.count == 2 else { return false }
        return fields[0].count >= 10 && Int64(fields[0]) != nil && Double(fields[1]) != nil && (fields.count == 2 || Int64(fields[2]) != nil)
    }
}
