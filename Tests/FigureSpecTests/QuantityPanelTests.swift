import Chart
import Foundation
@testable import FigureSpec
import Table
import TestSupport
import XCTest

/// The default figure's panels hold one kind of quantity each: columns in different units, of
/// different name families or of small counts beside measurements get their own panels
/// (`DefaultFigure.quantityGroups`); a wide table of like columns is grouped by magnitude only.
final class QuantityPanelTests: XCTestCase {
    func panelNames(_ f: Figure) -> [[String]] { f.panels.map { $0.series.map(\.name) } }

    func testSeattleWeatherSplitsTemperaturesFromRainAndWind() throws {
        let f = try DefaultFigure.make(TableReader.read(path: sharedDataPath("seattle-weather.csv")))
        XCTAssertEqual(panelNames(f), [["precipitation"], ["temp_max", "temp_min"], ["wind"]])
        XCTAssertEqual(f.panels.map(\.y.label), ["precipitation", "temp", "wind"], "one column by its name, a family by its")
    }

    func testUnitsInNamesSeparatePanels() throws {
        let t = try csv("t,Length (mm),Width (mm),Mass (g)\n0,10,4,300\n1,11,5,320\n2,12,5,330\n")
        let f = try DefaultFigure.make(t)
        XCTAssertEqual(panelNames(f), [["Length (mm)", "Width (mm)"], ["Mass (g)"]])
        XCTAssertEqual(f.panels.map(\.y.label), ["(mm)", "Mass (g)"], "columns of one unit labelled by it")
        let penguins = try DefaultFigure.make(TableReader.read(path: sharedDataPath("penguins.json")))
        XCTAssertEqual(penguins.panels.map(\.y.label), ["mean in mm (± 1 std)", "mean of Body Mass (g) (± 1 std)"],
                       "bars of means say so, with their unit")
        let s = try csv("t,latency_ms,queue_depth,queue_wait\n0,3.5,7.5,2.5\n1,4.5,8.5,1.5\n")
        XCTAssertEqual(panelNames(try DefaultFigure.make(s)), [["latency_ms"], ["queue_depth", "queue_wait"]])
    }

    func testSmallCountsDoNotShareAnAxisWithMeasurements() throws {
        let t = try csv("t,bill,size\n0,16.99,2\n1,10.34,3\n2,21.01,3\n3,23.68,2\n4,24.59,4\n")
        XCTAssertEqual(panelNames(try DefaultFigure.make(t)), [["bill"], ["size"]])
    }

    func testLikeColumnsStayTogetherAndWideTablesFallBackToMagnitude() throws {
        // No units, families or counts: one panel, as before.
        let plain = try csv("t,alpha,beta\n0,1.5,2.5\n1,2.5,3.5\n")
        XCTAssertEqual(panelNames(try DefaultFigure.make(plain)), [["alpha", "beta"]])
        // Magnitudes 1000× apart still split.
        let mags = try csv("t,alpha,beta\n0,1.5,2500.5\n1,2.5,3500.5\n")
        XCTAssertEqual(panelNames(try DefaultFigure.make(mags)), [["alpha"], ["beta"]])
        // Employment by sector: many families would mean many panels, so magnitude decides.
        let wide = try DefaultFigure.make(TableReader.read(path: sharedDataPath("us-employment.csv")))
        XCTAssertLessThanOrEqual(wide.panels.count, 3)
    }

    func testTheRuleItself() {
        XCTAssertEqual(DefaultFigure.unit(of: "Beak Length (mm)"), "mm")
        XCTAssertEqual(DefaultFigure.unit(of: "temp [°C]"), "°C")
        XCTAssertEqual(DefaultFigure.unit(of: "rain_mm"), "mm")
        XCTAssertNil(DefaultFigure.unit(of: "precipitation"))
        XCTAssertNil(DefaultFigure.unit(of: "ms"), "a bare unit word is a name, not a unit")
        XCTAssertEqual(DefaultFigure.nameFamilies(["temp_max", "temp_min", "wind", "te_a", "te_b"]),
                       ["temp", "temp", nil, nil, nil])
        XCTAssertTrue(DefaultFigure.isSmallCount([1, 2, 3, .nan, 6]))
        XCTAssertFalse(DefaultFigure.isSmallCount([1, 2.5]))
        XCTAssertFalse(DefaultFigure.isSmallCount(Array(0...20).map(Double.init)), "more than 12 levels is a measurement")
        XCTAssertFalse(DefaultFigure.isSmallCount([.nan]))
    }
}
