import CommandSyntax
import FigureSpec

/// `plotline schema`: prints the figure spec's JSON Schema (docs/figure-spec.schema.json).
struct Schema: Command {
    static let definition = CommandDefinition(
        name: "schema",
        abstract: "Print the JSON Schema of the figure spec (*.plot.json).",
        discussion: """
            The schema is generated from the spec decoder's own key and choice tables, so it \
            always matches what `plotline render --spec` and `plotline watch` accept. Point an \
            editor at it for completion and checking, or validate specs in CI:

              plotline schema > figure-spec.schema.json

            The same text is committed as docs/figure-spec.schema.json; the keys are described \
            in docs/figure-spec.md.
            """)

    init(_ arguments: ParsedArguments) {}

    func run() throws {
        print(FigureSpecSchema.text(), terminator: "")
    }
}
