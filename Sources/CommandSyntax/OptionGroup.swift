/// Options listed together in help under one title (`FIGURE (PLOTLINE WATCH TAKES THE SAME FLAGS):`).
public struct OptionGroup: Sendable {
    /// The section title; nil lists the options under `OPTIONS:`.
    public let title: String?
    /// The options, in help order.
    public let options: [OptionDefinition]

    /// Options under their own title.
    public init(_ title: String, _ options: [OptionDefinition]) {
        self.title = title
        self.options = options
    }

    /// Options listed under `OPTIONS:`.
    public init(_ options: [OptionDefinition]) {
        self.title = nil
        self.options = options
    }
}
