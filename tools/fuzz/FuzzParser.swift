/// libFuzzer entry point for the lexer and parser: any input must give a `Program` or a
/// `SyntaxError` (never a trap, hang or stack overflow), and formatting the error and the
/// REPL's `needsMoreInput` must not trap either. Built and run by `tools/fuzz/run`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let file = SourceFile(name: "fuzz.py", text: text)
    do {
        _ = try Parser.parse(file)
    } catch let error as SyntaxError {
        precondition(error.span.line >= 1 && error.span.column >= 1, "error without a location: \(error)")
        _ = error.description
    } catch {
        preconditionFailure("parser threw a non-SyntaxError: \(error)")
    }
    _ = Parser.needsMoreInput(text)
    return 0
}
