import CommandSyntax
import XCTest

/// The parser against a small tool that has every kind of option, positional and subcommand.
final class CommandLineParserTests: XCTestCase {
    static let title = OptionDefinition.value("title", valueName: "text", help: "The title.")
    static let output = OptionDefinition.value("output", short: "o", valueName: "path", help: "Where to write.")
    static let spec = OptionDefinition.repeated("spec", valueName: "file", help: "A spec; repeatable.")
    static let quiet = OptionDefinition.flag("quiet", short: "q", help: "Say less.")
    static let verbose = OptionDefinition.flag("verbose", short: "v", help: "Say more.")
    static let subplots = OptionDefinition.invertibleFlag("subplots", help: "One panel each.")
    static let smooth = OptionDefinition.value("smooth", valueName: "w", help: "A weight.")
    static let count = OptionDefinition.value("count", valueName: "n", help: "How many.")
    static let printTo = OptionDefinition.optionalValue("print", valueName: "file", bareValue: "-", help: "Print instead.")
    static let files = PositionalDefinition("file", .many, help: "Inputs.")
    static let folder = PositionalDefinition("dir", help: "A folder.")
    static let address = PositionalDefinition("address", .optional, help: "An address.")

    static let draw = CommandDefinition(
        name: "draw", abstract: "Draw files.", positionals: [files],
        groups: [OptionGroup([spec, output]), OptionGroup("Figure", [title, subplots, smooth, count]), OptionGroup([quiet, verbose, printTo])])
    static let serve = CommandDefinition(name: "serve", abstract: "Serve a folder.", positionals: [folder, address], groups: [OptionGroup([quiet])])
    static let build = CommandDefinition(name: "build", abstract: "Build it (the default).", positionals: [folder], groups: [OptionGroup([output])])
    static let merge = CommandDefinition(name: "merge", abstract: "Merge them.", positionals: [folder, files])
    static let report = CommandDefinition(name: "report", abstract: "Reports.", subcommands: [build, merge], defaultSubcommand: "build")
    static let root = CommandDefinition(name: "tool", abstract: "A tool.", version: "1.2.3", subcommands: [draw, serve, report])

    /// The parsed arguments of a command line that must run.
    func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ParsedArguments {
        switch try CommandLineParser.parse(arguments, root: Self.root) {
        case .run(let parsed): return parsed
        case .help, .version: XCTFail("expected a command to run: \(arguments)", file: file, line: line); throw UsageError("")
        }
    }

    /// The message of a command line that must fail, with the command it names.
    func failure(_ arguments: [String]) -> CommandLineParser.Failure? {
        do { _ = try CommandLineParser.parse(arguments, root: Self.root) } catch { return error }
        return nil
    }

    func testEveryValueSpelling() throws {
        for arguments in [
            ["draw", "--output", "a.png"], ["draw", "--output=a.png"], ["draw", "-o", "a.png"], ["draw", "-oa.png"], ["draw", "-o=a.png"],
        ] {
            XCTAssertEqual(try run(arguments).value(Self.output), "a.png", "\(arguments)")
        }
        XCTAssertEqual(try run(["draw", "--title="]).value(Self.title), "", "an empty inline value is a value")
        XCTAssertEqual(try run(["draw", "--title", "a=b"]).value(Self.title), "a=b")
        XCTAssertEqual(try run(["draw", "--title=a=b"]).value(Self.title), "a=b", "only the first = splits")
    }

    func testRepeatedValuesKeepTheirOrderAndOneValueKeepsTheLast() throws {
        let parsed = try run(["draw", "--spec", "b", "x.csv", "--spec=a", "--title", "one", "--title", "two", "--spec", "c"])
        XCTAssertEqual(parsed.values(Self.spec), ["b", "a", "c"])
        XCTAssertEqual(parsed.value(Self.title), "two")
        XCTAssertEqual(parsed.positionals(Self.files), ["x.csv"])
        XCTAssertNil(parsed.value(Self.output))
        XCTAssertEqual(try run(["draw"]).values(Self.spec), [])
    }

    func testFlagsInvertedFlagsAndShortClusters() throws {
        var parsed = try run(["draw", "-qv"])
        XCTAssertTrue(parsed.isSet(Self.quiet))
        XCTAssertTrue(parsed.isSet(Self.verbose))
        parsed = try run(["draw", "--no-subplots"])
        XCTAssertEqual(parsed.toggle(Self.subplots), false)
        XCTAssertFalse(parsed.isSet(Self.quiet))
        XCTAssertEqual(try run(["draw", "--no-subplots", "--subplots"]).toggle(Self.subplots), true, "the last one counts")
        XCTAssertNil(try run(["draw"]).toggle(Self.subplots))
        XCTAssertEqual(try run(["draw", "-qo", "out.png"]).value(Self.output), "out.png", "a value option may end a cluster")
        XCTAssertEqual(try run(["draw", "-qoout.png"]).value(Self.output), "out.png")
    }

    func testDashesNumbersAndTheEndOfOptions() throws {
        var parsed = try run(["draw", "-", "--smooth", "-0.5", "--count", "-3", "--", "--title", "-o"])
        XCTAssertEqual(parsed.positionals(Self.files), ["-", "--title", "-o"])
        XCTAssertEqual(try parsed.double(Self.smooth), -0.5)
        XCTAssertEqual(try parsed.int(Self.count), -3)
        XCTAssertNil(parsed.value(Self.title))
        parsed = try run(["draw", "-5", "1e3"])
        XCTAssertEqual(parsed.positionals(Self.files), ["-5", "1e3"], "a number is never an option")
    }

    func testAnOptionalValueIsTheNextArgumentUnlessItIsAnOption() throws {
        XCTAssertEqual(try run(["draw", "a.csv", "--print"]).value(Self.printTo), "-", "bare and last")
        XCTAssertEqual(try run(["draw", "--print", "--quiet", "a.csv"]).value(Self.printTo), "-", "bare before an option")
        let given = try run(["draw", "--print", "spec.json", "a.csv"])
        XCTAssertEqual(given.value(Self.printTo), "spec.json")
        XCTAssertEqual(given.positionals(Self.files), ["a.csv"])
        XCTAssertEqual(try run(["draw", "--print=x.json"]).value(Self.printTo), "x.json")
        XCTAssertEqual(try run(["draw", "--print", "-"]).value(Self.printTo), "-")
        XCTAssertNil(try run(["draw"]).value(Self.printTo))
        XCTAssertTrue(HelpText(CommandPath([Self.root, Self.draw])).text.contains("  --print [<file>]        Print instead.\n"))
    }

    func testARequiredOptionNamesItselfWhenMissing() throws {
        XCTAssertEqual(try run(["draw", "-o", "x"]).required(Self.output), "x")
        XCTAssertThrowsError(try run(["draw"]).required(Self.output)) {
            XCTAssertEqual("\($0)", "Missing expected argument '--output <path>'")
            XCTAssertEqual(($0 as? UsageError)?.option, Self.output)
        }
    }

    func testTypedValuesNameTheOptionWhenTheyDoNotConvert() throws {
        let parsed = try run(["draw", "--count", "x", "--smooth", "nan"])
        XCTAssertThrowsError(try parsed.int(Self.count)) { error in
            XCTAssertEqual("\(error)", "The value 'x' is invalid for '--count <n>'")
            XCTAssertEqual((error as? UsageError)?.option, Self.count)
        }
        XCTAssertThrowsError(try parsed.double(Self.smooth)) { XCTAssertEqual("\($0)", "The value 'nan' is invalid for '--smooth <w>'") }
        struct Odd: Error, CustomStringConvertible { var description: String { "must be odd" } }
        XCTAssertThrowsError(try run(["draw", "--count", "4"]).value(Self.count) { text -> Int in throw Odd() }) {
            XCTAssertEqual("\($0)", "The value '4' is invalid for '--count <n>': must be odd")
        }
        XCTAssertEqual(try run(["draw", "--count", "7"]).int(Self.count), 7)
        XCTAssertNil(try run(["draw"]).int(Self.count))
    }

    func testUsageErrorsSayWhatIsWrong() {
        XCTAssertEqual(failure(["draw", "--titel", "x"])?.error.message, "Unknown option '--titel'. Did you mean '--title'?")
        XCTAssertEqual(failure(["draw", "--subplot"])?.error.message, "Unknown option '--subplot'. Did you mean '--subplots'?")
        XCTAssertEqual(failure(["draw", "--zzzzzz"])?.error.message, "Unknown option '--zzzzzz'")
        XCTAssertEqual(failure(["draw", "-x"])?.error.message, "Unknown option '-x'")
        XCTAssertEqual(failure(["draw", "--title"])?.error.message, "Missing value for '--title <text>'")
        XCTAssertEqual(failure(["draw", "--title", "--quiet"])?.error.message, "Missing value for '--title <text>'")
        XCTAssertEqual(failure(["draw", "-o"])?.error.message, "Missing value for '--output <path>'")
        XCTAssertEqual(failure(["draw", "--quiet=yes"])?.error.message, "The flag '--quiet' takes no value, but was given 'yes'")
        XCTAssertEqual(failure(["draw", "--no-subplots=1"])?.error.message, "The flag '--no-subplots' takes no value, but was given '1'")
        XCTAssertEqual(failure(["serve"])?.error.message, "Missing expected argument '<dir>'")
        XCTAssertEqual(failure(["serve", "a", "b", "c"])?.error.message, "Unexpected argument 'c'")
        XCTAssertEqual(failure(["drew"])?.error.message, "Unexpected argument 'drew'. Did you mean 'draw'?")
        XCTAssertEqual(failure(["--bogus"])?.error.message, "Unknown option '--bogus'")
        XCTAssertEqual(failure(["help", "nope"])?.error.message, "Unknown subcommand 'nope'")
    }

    func testTheErrorTextShowsTheUsageOfTheCommandItIsFor() throws {
        let failure = try XCTUnwrap(failure(["draw", "--count"]))
        XCTAssertEqual(failure.text, """
            Error: Missing value for '--count <n>'
            Help:  --count <n>  How many.
            Usage: tool draw [<options>] [<file> ...]
              See 'tool draw --help' for more information.
            """)
        XCTAssertEqual(self.failure(["report", "merge"])?.text.split(separator: "\n").dropFirst().first, "Usage: tool report merge <dir> [<file> ...]")
    }

    func testSubcommandsAndTheDefaultOne() throws {
        XCTAssertEqual(try run(["report", "x", "-o", "out"]).path.subcommandNames, ["report", "build"])
        XCTAssertEqual(try run(["report", "-o", "out", "x"]).positional(Self.folder), "x")
        XCTAssertEqual(try run(["report", "build", "x"]).path.subcommandNames, ["report", "build"])
        let merge = try run(["report", "merge", "out", "a", "b"])
        XCTAssertEqual(merge.path.subcommandNames, ["report", "merge"])
        XCTAssertEqual(merge.positional(Self.folder), "out")
        XCTAssertEqual(merge.positionals(Self.files), ["a", "b"])
        let serve = try run(["serve", "dir"])
        XCTAssertEqual(serve.positional(Self.folder), "dir")
        XCTAssertNil(serve.positional(Self.address))
        XCTAssertEqual(try run(["serve", "dir", "::1:80"]).positional(Self.address), "::1:80")
    }

    func testHelpAndVersion() throws {
        func help(_ arguments: [String]) throws -> String? {
            if case .help(let text) = try CommandLineParser.parse(arguments, root: Self.root) { return text }
            return nil
        }
        XCTAssertTrue(try help([])?.hasPrefix("OVERVIEW: A tool.") == true, "a bare root prints its help")
        XCTAssertTrue(try help(["--help"])?.contains("SUBCOMMANDS:") == true)
        XCTAssertTrue(try help(["draw", "--bogus", "--title", "-h"])?.hasPrefix("OVERVIEW: Draw files.") == true, "help wins over errors")
        XCTAssertTrue(try help(["draw", "x.csv", "-h", "--bogus"])?.hasPrefix("OVERVIEW: Draw files.") == true)
        XCTAssertTrue(try help(["help", "report", "merge"])?.hasPrefix("OVERVIEW: Merge them.") == true)
        XCTAssertTrue(try help(["report", "--help"])?.contains("build (default)") == true)
        XCTAssertTrue(try help(["draw", "--", "-h"]) == nil, "after -- it is a file")
        guard case .version(let version) = try CommandLineParser.parse(["--version"], root: Self.root) else { return XCTFail("no version") }
        XCTAssertEqual(version, "1.2.3")
    }
}
