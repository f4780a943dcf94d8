/// What one command accepts: positionals, options in groups, subcommands, and its help texts.
public struct CommandDefinition: Sendable {
    /// The name typed after its parent (`render`); the root's is the tool's name.
    public let name: String
    /// One line: what the command does (help's OVERVIEW, the parent's SUBCOMMANDS list).
    public let abstract: String
    /// Paragraphs after the abstract; a line starting with two spaces is kept as it is (examples).
    public let discussion: String
    /// The root's version, printed by `--version`.
    public let version: String?
    /// The positionals, in order; only the last may be `.many`.
    public let positionals: [PositionalDefinition]
    /// The options, in titled groups, in help order.
    public let groups: [OptionGroup]
    /// The subcommands.
    public let subcommands: [CommandDefinition]
    /// The subcommand that runs when the first argument names none (`report SPEC` is `report build SPEC`).
    public let defaultSubcommand: String?

    public init(
        name: String, abstract: String, discussion: String = "", version: String? = nil,
        positionals: [PositionalDefinition] = [], groups: [OptionGroup] = [],
        subcommands: [CommandDefinition] = [], defaultSubcommand: String? = nil
    ) {
        precondition(positionals.dropLast().allSatisfy { $0.arity != .many }, "\(name): only the last positional may repeat")
        let longs = groups.flatMap(\.options).map(\.long)
        precondition(Set(longs).count == longs.count, "\(name): an option declared twice")
        let shorts = groups.flatMap(\.options).compactMap(\.short)
        precondition(Set(shorts).count == shorts.count && !shorts.contains("h"), "\(name): a short name used twice (or -h)")
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.positionals = positionals
        self.groups = groups
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
    }

    /// Every option, in help order.
    public var options: [OptionDefinition] { groups.flatMap(\.options) }

    /// The subcommand named `name`.
    public func subcommand(_ name: String) -> CommandDefinition? {
        subcommands.first { $0.name == name }
    }

    /// Whether `option` is one of this command's (reading one it does not declare is a programming error).
    func declares(_ option: OptionDefinition) -> Bool {
        options.contains(option)
    }
}
