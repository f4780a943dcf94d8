import Table
import TestSupport
import XCTest

/// Parses CSV text from a test.
func csv(_ text: String, options: CSVOptions = CSVOptions(), source: String = "test.csv") throws -> DataTable {
    try CSVReader.parse(bytes: Array(text.utf8), source: source, options: options)
}

/// The shared sample data folder (`<package root>/../shared/data`).
func sharedDataPath(_ name: String) -> String {
    packageRoot() + "/../shared/data/" + name
}

/// The error message thrown by `body`, or a failure.
func errorText(_ body: () throws -> Any, file: StaticString = #filePath, line: UInt = #line) -> String {
    do {
        _ = try body()
        XCTFail("expected an error", file: file, line: line)
        return ""
    } catch {
        return "\(error)"
    }
}

extension Column {
    /// The numbers of a number or time column (empty for categories).
    var doubles: [Double] {
        switch storage {
        case .number(let values), .time(let values, _): return values
        case .category: return []
        }
    }

    /// The display texts of every row (nil = missing).
    var texts: [String?] { (0..<count).map { text(at: $0) } }
}
