import Foundation
import FigureSpec
import Table
import XCTest

/// A read option means the same whether it is a flag (`--thousands .`), a key of a spec's data
/// source (`"thousands": "."`) or of a report's `options`: all go through `CSVReadSetting`
/// (issue 12, one rule for the read options).
final class CSVReadSettingTests: XCTestCase {
    /// Values to try per setting, as a flag's text: accepted ones and refused ones.
    private let tries: [(CSVReadSetting, [String])] = [
        (.decimal, [".", ",", ";", "", ".,"]),
        (.thousands, [".", ",", "'", " ", "tab", "\"", "ab", "ä", "\n"]),
        (.comment, ["#", "%", "tab", "\"", "##", "\r"]),
        (.naValues, ["k.A.", "k.A.,-,none", "?"]),
        (.encoding, ["utf-8", "latin1", "CP1252", "ISO-8859-1", "ebcdic", ""]),
    ]

    /// The options a flag's text sets, or nil when the flag is refused (what `CSVReadFlags` does).
    private func fromFlag(_ setting: CSVReadSetting, _ text: String) -> CSVOptions? {
        var options = CSVOptions()
        return setting.apply(setting.values(fromFlag: text), to: &options) ? options : nil
    }

    /// The options a spec's data source key sets, or the error's text when the spec is refused.
    private func fromSpec(_ setting: CSVReadSetting, _ text: String) -> Result<CSVOptions, SpecError> {
        let values = setting.values(fromFlag: text)
        let json: String
        if setting == .naValues {
            json = "[" + values.map(jsonString).joined(separator: ", ") + "]"
        } else {
            json = jsonString(text)
        }
        let spec = """
        {"version": 1, "data": {"m": {"path": "m.csv", "\(setting.key)": \(json)}},
         "panels": [{"series": [{"data": "m", "x": "a", "y": "b"}]}]}
        """
        return Result { () throws(SpecError) in
            try FigureSpec.parse(text: spec, source: "figure.json", directory: "/tmp").data[0].options
        }
    }

    /// `text` as a JSON string.
    private func jsonString(_ text: String) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed)) ?? Data(), as: UTF8.self)
    }

    func testTheSpecKeyAndTheFlagYieldTheSameSetting() {
        var accepted = 0, refused = 0
        for (setting, texts) in tries {
            for text in texts {
                let flag = fromFlag(setting, text)
                switch fromSpec(setting, text) {
                case .success(let options):
                    XCTAssertEqual(options, flag, "\(setting.key) \(text.debugDescription): the spec key and --\(setting.flag) differ")
                    accepted += 1
                case .failure(let error):
                    XCTAssertNil(flag, "\(setting.key) \(text.debugDescription): the spec refuses what --\(setting.flag) takes: \(error)")
                    let message = "\(error)"
                    XCTAssertTrue(message.hasPrefix("figure.json: data.m.\(setting.key): expected \(setting.expected), found "),
                                  "the spec names the key and what the setting expects: \(message)")
                    refused += 1
                }
            }
        }
        XCTAssertEqual(accepted, 17)
        XCTAssertEqual(refused, 12)
    }

    func testTabIsAcceptedByEveryOneCharacterOption() {
        XCTAssertEqual(fromFlag(.thousands, "tab")?.thousands, 9)
        XCTAssertEqual(fromFlag(.comment, "tab")?.comment, 9)
        XCTAssertEqual(CSVReadSetting.character("tab"), 9)
        XCTAssertEqual(CSVReadSetting.text(of: 9), "tab")
    }

    func testWhatIsSetIsWrittenBackAsTheSameValues() throws {
        var options = CSVOptions()
        for (setting, values) in [(CSVReadSetting.decimal, [","]), (.thousands, ["tab"]), (.comment, ["%"]),
                                  (.naValues, ["k.A.", "-"]), (.encoding, ["windows-1252"])] {
            XCTAssertNil(setting.values(in: options), "\(setting.key) is not set yet")
            XCTAssertTrue(setting.apply(values, to: &options))
            XCTAssertEqual(setting.values(in: options), values)
        }
        // A spec printed from these options reads back as them (what --print-spec writes).
        let source = FigureSpec.DataSource(name: "m", path: "m.csv", resolvedPath: "/tmp/m.csv", options: options)
        var spec = try FigureSpec.parse(text: """
            {"version": 1, "data": {"m": "m.csv"}, "panels": [{"series": [{"data": "m", "x": "a", "y": "b"}]}]}
            """, source: "figure.json", directory: "/tmp")
        spec.data = [source]
        let again = try FigureSpec.parse(text: spec.jsonText(), source: "printed.json", directory: "/tmp")
        XCTAssertEqual(again.data[0].options, options)
    }
}
