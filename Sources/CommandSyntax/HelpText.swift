/// The help of one command, laid out as swift-argument-parser lays it out: OVERVIEW, the
/// discussion, USAGE, ARGUMENTS, each titled option group, OPTIONS, SUBCOMMANDS.
///
/// Text is wrapped at 80 columns on spaces; a discussion line starting with two spaces (an
/// example command) is kept whole, as a shell would need it.
public struct HelpText: Sendable {
    /// The command the help is for.
    public let path: CommandPath

    /// The line width wrapped to.
    static let width = 80
    /// Where an entry's help starts: two spaces, the label, padding.
    static let labelColumn = 26

    public init(_ path: CommandPath) {
        self.path = path
    }

    /// The whole help text, ending in a newline.
    public var text: String {
        let command = path.command
        var sections: [String] = []
        var overview = HelpText.wrap("OVERVIEW: " + command.abstract, indent: 0)
        if !command.discussion.isEmpty { overview += "\n\n" + HelpText.discussion(command.discussion) }
        sections.append(overview)
        sections.append("USAGE: \(path.usage)")
        if !command.positionals.isEmpty {
            sections.append("ARGUMENTS:\n" + command.positionals.map { HelpText.entry("<\($0.valueName)>", $0.help) }.joined(separator: "\n"))
        }
        for group in command.groups where group.title != nil && !group.options.isEmpty {
            sections.append(group.title!.uppercased() + ":\n" + group.options.map { HelpText.entry($0.synopsis, $0.help) }.joined(separator: "\n"))
        }
        var plain = command.groups.filter { $0.title == nil }.flatMap(\.options).map { HelpText.entry($0.synopsis, $0.help) }
        if command.version != nil { plain.append(HelpText.entry("--version", "Show the version.")) }
        plain.append(HelpText.entry("-h, --help", "Show help information."))
        sections.append("OPTIONS:\n" + plain.joined(separator: "\n"))
        if !command.subcommands.isEmpty {
            let entries = command.subcommands.map { sub in
                HelpText.entry(sub.name == command.defaultSubcommand ? "\(sub.name) (default)" : sub.name, sub.abstract)
            }
            let invocation = path.definitions[0].name
            sections.append("SUBCOMMANDS:\n" + entries.joined(separator: "\n")
                + "\n\n  See '\(invocation) help <subcommand>' for detailed help.")
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// One entry of a list: the label, then its help wrapped in the help column (on the next
    /// line when the label is too long to leave room).
    static func entry(_ label: String, _ help: String) -> String {
        let lead = "  " + label
        let body = wrap(help, indent: labelColumn)
        let helpText = String(body.dropFirst(labelColumn))
        if lead.count <= labelColumn - 2 {
            return lead + String(repeating: " ", count: labelColumn - lead.count) + helpText
        }
        return lead + "\n" + body
    }

    /// The discussion: each paragraph wrapped, lines starting with two spaces kept as they are.
    static func discussion(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("  ") || line.isEmpty ? String(line) : wrap(String(line), indent: 0)
        }.joined(separator: "\n")
    }

    /// `text` wrapped at `width` on spaces, every line (the first too) indented by `indent`; a
    /// word longer than a line stays whole.
    static func wrap(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = pad + word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = pad + word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line.isEmpty ? pad : line) }
        return lines.joined(separator: "\n")
    }
}
