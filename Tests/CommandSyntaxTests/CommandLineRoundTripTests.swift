import CommandSyntax
import TestSupport
import XCTest

/// Property test: random option values, written in every spelling the syntax allows, in random
/// order among positionals, parse back to the same values.
final class CommandLineRoundTripTests: XCTestCase {
    typealias Tool = CommandLineParserTests

    func testRandomCommandLinesParseBackToTheirValues() throws {
        var random = SeededRandom(seed: 42)  // deterministic, so a failure repeats
        let pieces = ["a", "b.csv", "x y", "=", "a=b", "é", "", "-", "-1.5", "0", "--", "-h", "--title"]
        for round in 0..<2_000 {
            func text() -> String { (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
            var groups: [(spec: String?, file: String?, arguments: [String])] = []  // each option's arguments, shuffled as units below
            let title = Bool.random(using: &random) ? text() : nil
            let specs = (0..<Int.random(in: 0...3, using: &random)).map { _ in text() }
            let quiet = Bool.random(using: &random)
            let subplots: Bool? = [true, false, nil].randomElement(using: &random)!
            let files = (0..<Int.random(in: 0...3, using: &random)).map { _ in text() }
            func spell(_ long: String, short: Character?, _ value: String) -> [String] {
                // A value that looks like an option can only be attached (`--x=-v`, `-o-v`).
                let attachedOnly = value.hasPrefix("-") && value != "-" && Double(value) == nil
                switch Int.random(in: 0..<(short == nil ? 2 : 4), using: &random) {
                case 0 where !attachedOnly: return ["--\(long)", value]
                case 2 where !attachedOnly: return ["-\(short!)", value]
                case 2, 3: return ["-\(short!)\(value.hasPrefix("=") ? "=" : "")\(value)"]
                default: return ["--\(long)=\(value)"]
                }
            }
            if let title { groups.append((nil, nil, spell("title", short: nil, title))) }
            for spec in specs { groups.append((spec, nil, spell("spec", short: nil, spec))) }
            if quiet { groups.append((nil, nil, [Bool.random(using: &random) ? "--quiet" : "-q"])) }
            if let subplots { groups.append((nil, nil, [subplots ? "--subplots" : "--no-subplots"])) }
            // Files that look like options can only come after `--`; the others go anywhere.
            let isDashed = { (file: String) in file.hasPrefix("-") && file != "-" && Double(file) == nil }
            let plainFiles = files.filter { !isDashed($0) }
            let dashedFiles = files.filter(isDashed)
            groups += plainFiles.map { (nil, $0, [$0]) }
            groups.shuffle(using: &random)
            var arguments = ["draw"] + groups.flatMap(\.arguments)
            if !dashedFiles.isEmpty { arguments += ["--"] + dashedFiles }
            let specOrder = groups.compactMap(\.spec)
            let fileOrder = groups.compactMap(\.file)
            let parsed: ParsedArguments
            switch try CommandLineParser.parse(arguments, root: Tool.root) {
            case .run(let p): parsed = p
            case .help, .version: return XCTFail("round \(round): \(arguments) asked for help")
            }
            XCTAssertEqual(parsed.value(Tool.title), title, "round \(round): \(arguments)")
            XCTAssertEqual(parsed.values(Tool.spec), specOrder, "round \(round): \(arguments)")
            XCTAssertEqual(parsed.isSet(Tool.quiet), quiet, "round \(round): \(arguments)")
            XCTAssertEqual(parsed.toggle(Tool.subplots), subplots, "round \(round): \(arguments)")
            XCTAssertEqual(parsed.positionals(Tool.files), fileOrder + dashedFiles, "round \(round): \(arguments)")
        }
    }
}
