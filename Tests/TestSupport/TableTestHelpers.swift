import Table
import XCTest

// Helpers of the tests of tables (TableTests) and of figure specs (FigureSpecTests).

/// Parses CSV text from a test.
public func csv(_ text: String, options: CSVOptions = CSVOptions(), source: String = "test.csv") throws -> DataTable {
    try CSVReader.parse(bytes: Array(text.utf8), source: source, options: options)
}

/// The shared sample data folder (`<package root>/../shared/data`).
public func sharedDataPath(_ name: String) -> String {
    packageRoot() + "/../shared/data/" + name
}

/// The error message thrown by `body`, or a failure.
public func errorText(_ body: () throws -> Any, file: StaticString = #filePath, line: UInt = #line) -> String {
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
    public var doubles: [Double] {
        switch storage {
        case .number(let values), .time(let values, _): return values
        case .category: return []
        }
    }

    /// The display texts of every row (nil = missing).
    public var texts: [String?] { (0..<count).map { text(at: $0) } }
}
