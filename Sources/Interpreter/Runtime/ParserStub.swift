// TEMPORARY until lang-syntax is merged (delete on merge).
enum Parser {
    static func parse(_ file: SourceFile) throws -> Program {
        throw SyntaxError(.notImplemented, "parser not merged yet", at: .unknown, in: file)
    }
}
