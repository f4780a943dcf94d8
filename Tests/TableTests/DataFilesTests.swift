import Table
import TestSupport
import XCTest

/// Every shared dataset reads with the row count, column names and column types its README states.
final class DataFilesTests: XCTestCase {
    private struct Expected {
        var file: String
        var rows: Int
        var columns: [(String, Column.Kind)]
    }

    private let expectations: [Expected] = [
        Expected(file: "seattle-weather.csv", rows: 1461, columns: [
            ("date", .time(.date)), ("precipitation", .number), ("temp_max", .number), ("temp_min", .number),
            ("wind", .number), ("weather", .category),
        ]),
        Expected(file: "stocks.csv", rows: 560, columns: [("symbol", .category), ("date", .time(.date)), ("price", .number)]),
        Expected(file: "iowa-electricity.csv", rows: 51, columns: [
            ("year", .time(.date)), ("source", .category), ("net_generation", .number),
        ]),
        Expected(file: "github.csv", rows: 955, columns: [("time", .time(.dateTime)), ("count", .number)]),
        Expected(file: "flights.csv", rows: 144, columns: [("year", .number), ("month", .category), ("passengers", .number)]),
        Expected(file: "iris.csv", rows: 150, columns: [
            ("sepal_length", .number), ("sepal_width", .number), ("petal_length", .number), ("petal_width", .number),
            ("species", .category),
        ]),
        Expected(file: "tips.csv", rows: 244, columns: [
            ("total_bill", .number), ("tip", .number), ("sex", .category), ("smoker", .category), ("day", .category),
            ("time", .category), ("size", .number),
        ]),
        Expected(file: "taxis.csv", rows: 6433, columns: [
            ("pickup", .time(.dateTime)), ("dropoff", .time(.dateTime)), ("passengers", .number), ("distance", .number),
            ("fare", .number), ("tip", .number), ("tolls", .number), ("total", .number), ("color", .category),
            ("payment", .category), ("pickup_zone", .category), ("dropoff_zone", .category),
            ("pickup_borough", .category), ("dropoff_borough", .category),
        ]),
        Expected(file: "penguins.json", rows: 344, columns: [
            ("Species", .category), ("Island", .category), ("Beak Length (mm)", .number), ("Beak Depth (mm)", .number),
            ("Flipper Length (mm)", .number), ("Body Mass (g)", .number), ("Sex", .category),
        ]),
    ]

    func testEveryFileReadsWithItsShape() throws {
        for expected in expectations {
            let table = try TableReader.read(path: sharedDataPath(expected.file))
            XCTAssertEqual(table.rowCount, expected.rows, expected.file)
            XCTAssertEqual(table.columnNames, expected.columns.map(\.0), expected.file)
            for (name, kind) in expected.columns {
                XCTAssertEqual(table[name]?.kind, kind, "\(expected.file): \(name)")
            }
        }
    }

    func testUSEmploymentIsWideAndNumeric() throws {
        let table = try TableReader.read(path: sharedDataPath("us-employment.csv"))
        XCTAssertEqual(table.rowCount, 120)
        XCTAssertEqual(table.columns.count, 24)
        XCTAssertEqual(table["month"]?.kind, .time(.date))
        XCTAssertEqual(table.columns.dropFirst().filter { $0.kind == .number }.count, 23)
        XCTAssertEqual(try table.numbers(named: "nonfarm_change").filter { $0 < 0 }.count, 29)
    }

    func testValuesAndMissingCells() throws {
        let weather = try TableReader.read(path: sharedDataPath("seattle-weather.csv"))
        let dates = try weather.numbers(named: "date")
        XCTAssertEqual(weather["date"]?.text(at: 0), "2012-01-01")
        XCTAssertEqual(dates[1] - dates[0], 86_400)
        XCTAssertEqual(try weather.numbers(named: "temp_min").filter { $0 < 0 }.count, 72)
        guard case .category(_, let levels) = weather["weather"]?.storage else { return XCTFail() }
        XCTAssertEqual(levels, ["drizzle", "rain", "sun", "snow", "fog"])

        let stocks = try TableReader.read(path: sharedDataPath("stocks.csv"))
        XCTAssertEqual(stocks["date"]?.text(at: 0), "2000-01-01")
        XCTAssertEqual(stocks["price"]?.text(at: 559), "223.02")  // last line has no line break

        let github = try TableReader.read(path: sharedDataPath("github.csv"))
        XCTAssertEqual(github["time"]?.text(at: 0), "2015-01-01T01:00:00Z")

        let taxis = try TableReader.read(path: sharedDataPath("taxis.csv"))
        XCTAssertEqual(taxis["payment"]?.missingCount, 44)
        XCTAssertEqual(taxis["pickup_zone"]?.missingCount, 26)
        XCTAssertEqual(taxis["dropoff_borough"]?.missingCount, 45)
        XCTAssertEqual(taxis["pickup"]?.text(at: 0), "2019-03-23T20:21:09Z")

        let tips = try TableReader.read(path: sharedDataPath("tips.csv"))
        XCTAssertEqual(tips["sex"]?.text(at: 0), "Female")
        XCTAssertEqual(tips["tip"]?.doubles.first, 1.01)

        let penguins = try TableReader.read(path: sharedDataPath("penguins.json"))
        XCTAssertEqual(penguins["Sex"]?.missingCount, 10)
        XCTAssertEqual(penguins["Beak Length (mm)"]?.missingCount, 2)
        XCTAssertEqual(penguins["Beak Length (mm)"]?.doubles.first, 39.1)
    }

    func testNumbersOfACategoryNameTheFirstValue() throws {
        let table = try TableReader.read(path: sharedDataPath("iris.csv"))
        XCTAssertEqual(
            errorText { try table.numbers(named: "species") },
            "\(sharedDataPath("iris.csv")):2: column 'species': expected a number, found 'setosa'")
    }
}
