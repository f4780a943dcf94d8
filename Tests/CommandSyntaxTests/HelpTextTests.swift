import CommandSyntax
import XCTest

/// The help layout: sections in order, entries in the help column, text wrapped at 80 columns,
/// example lines kept whole.
final class HelpTextTests: XCTestCase {
    typealias Tool = CommandLineParserTests

    func help(_ definitions: [CommandDefinition]) -> String { HelpText(CommandPath(definitions)).text }

    func testSectionsComeInOrder() {
        let text = help([Tool.root, Tool.draw])
        let order = ["OVERVIEW: Draw files.", "USAGE: tool draw [<options>] [<file> ...]", "ARGUMENTS:", "FIGURE:", "OPTIONS:"]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil), text)
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted(), text)
        XCTAssertTrue(text.contains("  -o, --output <path>     Where to write.\n"), text)
        XCTAssertTrue(text.contains("  --spec <file> ...       A spec; repeatable.\n"), text)
        XCTAssertTrue(text.contains("  --[no-]subplots         One panel each.\n"), text)
        XCTAssertTrue(text.hasSuffix("  -h, --help              Show help information.\n"), text)
        XCTAssertFalse(text.contains("--version"), "only the root has a version")
    }

    func testTheRootListsItsSubcommands() {
        let text = help([Tool.root])
        XCTAssertTrue(text.contains("USAGE: tool <subcommand>"), text)
        XCTAssertTrue(text.contains("  --version               Show the version.\n"), text)
        XCTAssertTrue(text.contains("SUBCOMMANDS:\n  draw                    Draw files.\n  serve "), text)
        XCTAssertTrue(text.contains("See 'tool help <subcommand>' for detailed help."), text)
        XCTAssertTrue(help([Tool.root, Tool.report]).contains("  build (default)         Build it (the default).\n"))
    }

    func testLongTextWrapsAtEightyColumnsAndExamplesStayWhole() {
        let words = (1...60).map { "word\($0)" }.joined(separator: " ")
        let example = "  tool draw a-very-long-file-name.csv --title 'an example line longer than eighty columns, kept whole'"
        let long = OptionDefinition.value("a-rather-long-option-name", valueName: "placeholder", help: words)
        let command = CommandDefinition(name: "x", abstract: words, discussion: "\(words)\n\nExamples:\n\(example)", groups: [OptionGroup([long])])
        let text = help([Tool.root, command])
        for line in text.split(separator: "\n") where line != example {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
        XCTAssertTrue(text.contains("\n" + example + "\n"), "the example line is kept as it is")
        XCTAssertTrue(text.contains("  --a-rather-long-option-name <placeholder>\n                          word1 word2"), "a long label puts its help on the next line")
        let joined = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(joined.contains(words), "wrapping loses no word")
    }

    func testAWordLongerThanALineStaysWhole() {
        let word = String(repeating: "x", count: 100)
        let command = CommandDefinition(name: "x", abstract: "a \(word) b")
        XCTAssertTrue(help([Tool.root, command]).contains("OVERVIEW: a\n\(word)\nb\n"))
    }
}
