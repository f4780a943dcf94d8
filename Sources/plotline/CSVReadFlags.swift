import CommandSyntax
import Table

/// The read flags `render` and `watch` share (`--decimal`, `--thousands`, `--comment`,
/// `--na-values`, `--encoding`): pandas' `read_csv` options for the data files. Names, help and
/// what each accepts come from `CSVReadSetting`, which a report's `options` use too.
struct CSVReadFlags {
    /// Each setting with its flag (the setting's name and help; the placeholder is the flag's own).
    static let settings: [(setting: CSVReadSetting, option: OptionDefinition)] =
        [(CSVReadSetting.decimal, "mark"), (.thousands, "char"), (.comment, "char"), (.naValues, "a,b"), (.encoding, "name")].map {
            ($0.0, OptionDefinition.value($0.0.flag, valueName: $0.1, help: $0.0.help))
        }

    /// The flags, in help order.
    static var options: [OptionDefinition] { settings.map(\.option) }

    /// The flags given, each with the setting it sets and its values (`CSVReadSetting.values(fromFlag:)`).
    private let given: [(CSVReadSetting, [String])]

    /// Reads the flags, each checked against its setting.
    init(_ arguments: ParsedArguments) throws(UsageError) {
        given = CSVReadFlags.settings.compactMap { setting, option in
            arguments.value(option).map { (setting, setting.values(fromFlag: $0)) }
        }
        var options = CSVOptions()
        for (setting, values) in given where !setting.apply(values, to: &options) {
            throw UsageError("--\(setting.flag) must be \(setting.expected), not \(values.joined(separator: ",")).")
        }
    }

    /// How to read the data files: the options given (everything else detected).
    var csvOptions: CSVOptions {
        var options = CSVOptions()
        for (setting, values) in given { _ = setting.apply(values, to: &options) }
        return options
    }
}
