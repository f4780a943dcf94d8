import ArgumentParser
import Table

/// The read flags `render` and `watch` share (`--decimal`, `--thousands`, `--comment`,
/// `--na-values`, `--encoding`): pandas' `read_csv` options for the data files. Names, help and
/// what each accepts come from `CSVReadSetting`, which a report's `options` use too.
struct CSVReadFlags: ParsableArguments {
    @Option(name: .customLong(CSVReadSetting.decimal.flag), help: ArgumentHelp(CSVReadSetting.decimal.help, valueName: "mark"))
    var decimal: String?

    @Option(name: .customLong(CSVReadSetting.thousands.flag), help: ArgumentHelp(CSVReadSetting.thousands.help, valueName: "char"))
    var thousands: String?

    @Option(name: .customLong(CSVReadSetting.comment.flag), help: ArgumentHelp(CSVReadSetting.comment.help, valueName: "char"))
    var comment: String?

    @Option(name: .customLong(CSVReadSetting.naValues.flag), help: ArgumentHelp(CSVReadSetting.naValues.help, valueName: "a,b"))
    var naValues: String?

    @Option(name: .customLong(CSVReadSetting.encoding.flag), help: ArgumentHelp(CSVReadSetting.encoding.help, valueName: "name"))
    var encoding: String?

    /// The flags given, each with the setting it sets and its values (`CSVReadSetting.values(fromFlag:)`).
    private var given: [(CSVReadSetting, [String])] {
        [(CSVReadSetting.decimal, decimal), (.thousands, thousands), (.comment, comment), (.naValues, naValues), (.encoding, encoding)]
            .compactMap { setting, text in text.map { (setting, setting.values(fromFlag: $0)) } }
    }

    func validate() throws {
        var options = CSVOptions()
        for (setting, values) in given where !setting.apply(values, to: &options) {
            throw ValidationError("--\(setting.flag) must be \(setting.expected), not \(values.joined(separator: ",")).")
        }
    }

    /// How to read the data files: the options given (everything else detected).
    var csvOptions: CSVOptions {
        var options = CSVOptions()
        for (setting, values) in given { _ = setting.apply(values, to: &options) }
        return options
    }
}
