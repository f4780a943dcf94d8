@testable import FigureSpec
import JSON
@testable import Table
import TestSupport
import XCTest

/// Property: random edits of a valid spec (delete a key, change a value's type, rename a key)
/// never trap, and every failure is a `SpecError` that names a key path.
final class FigureSpecMutationTests: XCTestCase {
    /// One step from the root to a value: a member key or an array index.
    private enum Step: Equatable { case key(String), index(Int) }

    private enum Mutation { case delete, changeType, rename }

    private static let tables = ["metrics": SpecFixtures.metrics, "lr": SpecFixtures.lr]

    /// Every series kind, bar option, grouped bars and each annotation kind (one type change of
    /// any of these values must fail: no key accepts a value of another type in their place).
    static let kindsExample = """
        {"version": 1, "data": {"t": "t.csv"}, "panels": [
          {"group": true,
           "annotations": [{"hline": 0.5, "color": "C1", "width": 2, "dash": "dashed"}, {"vline": 1},
                           {"hspan": [1, 2], "alpha": 0.2}, {"vspan": [0, 1], "color": "#00ff00"},
                           {"text": "peak", "x": 1, "y": 20, "dx": 2, "dy": 3, "marker": false}],
           "series": [{"kind": "bar", "x": "cat", "y": "v", "error": "err", "stack": "s", "orientation": "vertical"},
                      {"kind": "bar", "x": "cat", "y": "u", "stack": "s"},
                      {"kind": "scatter", "x": "cat", "y": "v", "markersize": 3}]},
          {"series": [{"kind": "histogram", "y": "v", "bins": 10, "orientation": "horizontal"}]},
          {"series": [{"kind": "heatmap", "columns": ["u", "v"], "colormap": "magma", "vmin": 0, "vmax": 50, "label": "z"}]},
          {"series": [{"kind": "heatmap", "x": "gx", "y": "gy", "value": "v"}]},
          {"series": [{"kind": "box", "x": "cat", "y": "v"}]},
          {"series": [{"kind": "pie", "y": "v", "labels": "cat", "percentages": true}]}
        ]}
        """

    func testRandomMutationsThrowKeyPathErrors() throws {
        try checkMutations(of: SpecFixtures.fullExample, tables: Self.tables, minimumPaths: 40, seed: 5)
    }

    func testRandomMutationsOfTheKindsThrowKeyPathErrors() throws {
        _ = try FigureSpec.parse(text: Self.kindsExample, source: "figure.json").figure(tables: ["t": FigureSpecKindsTests.table])
        try checkMutations(of: Self.kindsExample, tables: ["t": FigureSpecKindsTests.table], minimumPaths: 60, seed: 11)
    }

    private func checkMutations(of fixture: String, tables: [String: DataTable], minimumPaths: Int, seed: UInt64,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try parse(fixture)
        let paths = memberPaths(root)
        let valuePaths = allPaths(root)
        XCTAssertGreaterThan(paths.count, minimumPaths, file: file, line: line)
        var random = SeededRandom(seed: seed)
        var failures = 0
        for round in 0..<3_000 {
            var value = root
            let count = round < 1_500 ? 1 : Int.random(in: 2...4, using: &random)
            var mustFail = false
            var applied: [String] = []
            for _ in 0..<count {
                let mutation = [Mutation.delete, .changeType, .rename].randomElement(using: &random)!
                let path = (mutation == .changeType ? valuePaths : paths).randomElement(using: &random)!
                guard let result = apply(mutation, at: path, to: value, random: &random) else { continue }
                value = result
                applied.append("\(mutation) \(path)")
                // One type change or rename must fail, except a renamed timestamps column (still a
                // valid spec); later edits may delete what an earlier one broke.
                let inTimestamps = path.contains(.key("timestamps"))
                if count == 1, mutation == .changeType || (mutation == .rename && !inTimestamps) { mustFail = true }
            }
            let text = serialize(value)
            do {
                let spec = try FigureSpec.parse(text: text, source: "figure.json", directory: "/tmp/specs")
                _ = try spec.figure(tables: tables)
                XCTAssertFalse(mustFail, "no error after \(applied): \(text)", file: file, line: line)
            } catch {
                failures += 1
                let keyPath = error.keyPath ?? ""
                XCTAssertFalse(keyPath.isEmpty, "no key path in '\(error)' after \(applied)", file: file, line: line)
                XCTAssertTrue(error.description.hasPrefix("figure.json: " + keyPath + ": "), "\(error)", file: file, line: line)
            }
        }
        XCTAssertGreaterThan(failures, 2_000, file: file, line: line)
    }

    // MARK: - A JSON tree to edit

    private func parse(_ text: String) throws -> JSONValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(base: buffer.baseAddress!, start: 0, end: buffer.count)
            return try parser.value()
        }
    }

    /// Paths of every object member (what can be deleted or renamed).
    private func memberPaths(_ value: JSONValue, _ prefix: [Step] = []) -> [[Step]] {
        switch value {
        case .object(let members):
            return members.flatMap { [prefix + [.key($0.key)]] + memberPaths($0.value, prefix + [.key($0.key)]) }
        case .array(let elements):
            return elements.enumerated().flatMap { memberPaths($1, prefix + [.index($0)]) }
        default:
            return []
        }
    }

    /// Paths of every value below the root (what can change type).
    private func allPaths(_ value: JSONValue, _ prefix: [Step] = []) -> [[Step]] {
        switch value {
        case .object(let members):
            return members.flatMap { [prefix + [.key($0.key)]] + allPaths($0.value, prefix + [.key($0.key)]) }
        case .array(let elements):
            return elements.enumerated().flatMap { [prefix + [.index($0)]] + allPaths($1, prefix + [.index($0)]) }
        default:
            return []
        }
    }

    /// The tree with one mutation at `path`, or nil when the path no longer exists.
    private func apply(_ mutation: Mutation, at path: [Step], to value: JSONValue,
                       random: inout SeededRandom) -> JSONValue? {
        guard let step = path.first else { return nil }
        let rest = Array(path.dropFirst())
        switch (value, step) {
        case (.object(var members), .key(let key)):
            guard let i = members.firstIndex(where: { $0.key == key }) else { return nil }
            if rest.isEmpty {
                switch mutation {
                case .delete: members.remove(at: i)
                case .rename: members[i].key = key + ["_", "s", "X", "2"].randomElement(using: &random)!
                case .changeType: members[i].value = otherType(than: members[i].value, random: &random)
                }
            } else {
                guard let inner = apply(mutation, at: rest, to: members[i].value, random: &random) else { return nil }
                members[i].value = inner
            }
            return .object(members)
        case (.array(var elements), .index(let i)):
            guard i < elements.count else { return nil }
            if rest.isEmpty {
                guard mutation == .changeType else { return nil }
                elements[i] = otherType(than: elements[i], random: &random)
            } else {
                guard let inner = apply(mutation, at: rest, to: elements[i], random: &random) else { return nil }
                elements[i] = inner
            }
            return .array(elements)
        default:
            return nil
        }
    }

    /// A value of a different JSON type that no spec key accepts in place of the original
    /// (never null, which means "not given").
    private func otherType(than value: JSONValue, random: inout SeededRandom) -> JSONValue {
        let choices: [JSONValue]
        switch value {
        case .string: choices = [.number(3), .bool(true), .array([.string("x?")]), .object([])]
        case .number: choices = [.string("x?"), .bool(false), .array([]), .object([("k", .number(1))])]
        case .bool: choices = [.string("x?"), .number(0), .array([])]
        case .array: choices = [.string("x?"), .number(7), .bool(true), .object([])]
        case .object: choices = [.number(7), .bool(true), .array([.object([])])]  // a path string is a valid data source
        case .null: choices = [.number(1)]
        }
        return choices.randomElement(using: &random)!
    }

    private func serialize(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let v): return "\(v)"
        case .string(let s): return MessageText.jsonQuoted(s)
        case .array(let elements): return "[" + elements.map(serialize).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { MessageText.jsonQuoted($0.key) + ": " + serialize($0.value) }.joined(separator: ", ") + "}"
        }
    }
}
