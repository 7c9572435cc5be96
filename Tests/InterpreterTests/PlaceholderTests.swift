import Testing
@testable import Interpreter

@Suite struct InterpreterStatusTests {
    @Test func interpreterNotYetAvailable() { #expect(InterpreterStatus.isAvailable == false) }
}
