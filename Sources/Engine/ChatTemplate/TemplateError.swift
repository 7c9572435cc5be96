/// Every failure of compiling or rendering a chat template. One type for all
/// stages, so callers catch one thing; `kind` tells them apart and `span`
/// points at the template source when it is known.
public struct TemplateError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// The template text is not valid Jinja (jinja2's `TemplateSyntaxError`).
        case syntax
        /// A value was used in a way Jinja forbids (jinja2's `UndefinedError`, `TypeError`, ...).
        case runtime
        /// The template called `raise_exception(message)` (transformers' `TemplateError`).
        case raised
        /// The template uses a Jinja feature sftnb does not implement.
        case notImplemented
    }

    public var kind: Kind
    /// The message alone; for `.raised` exactly the template's message.
    public var message: String
    public var templateName: String
    public var span: TemplateSpan?

    public init(_ kind: Kind, _ message: String, templateName: String = "template", span: TemplateSpan? = nil) {
        self.kind = kind
        self.message = message
        self.templateName = templateName
        self.span = span
    }

    public var description: String {
        var where_ = templateName
        if let span { where_ += " line \(span.line), column \(span.column)" }
        switch kind {
        case .raised: return "\(where_): the template raised an exception: \(message)"
        case .notImplemented: return "\(where_): not implemented in sftnb's Jinja: \(message)"
        case .syntax, .runtime: return "\(where_): \(message)"
        }
    }

    static func syntax(_ message: String, _ span: TemplateSpan?) -> TemplateError {
        TemplateError(.syntax, message, span: span)
    }

    static func runtime(_ message: String, _ span: TemplateSpan? = nil) -> TemplateError {
        TemplateError(.runtime, message, span: span)
    }

    /// Fills in the location (and template name) when the throwing code did not know it.
    func located(_ span: TemplateSpan?, name: String? = nil) -> TemplateError {
        var copy = self
        if copy.span == nil { copy.span = span }
        if let name { copy.templateName = name }
        return copy
    }
}
