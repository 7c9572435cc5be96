import Testing
@testable import Interpreter

/// A native class built with `NativeClass`, as other layers will write them.
final class TestCounter: NativeObject {
    var n = 0
    static let pyClass = NativeClass<TestCounter>("Counter", module: "testmod")
        .constructor("start=0") { rt, a in
            let c = TestCounter()
            c.n = try rt.toInt(a[0])
            return c
        }
        .method("bump", "by=1") { rt, this, a in
            this.n += try rt.toInt(a[0])
            return .int(this.n)
        }
        .property("value") { _, this in .int(this.n) }
        .pyClass

    init() { super.init(cls: TestCounter.pyClass) }

    override func repr(_ rt: Interpreter) throws -> String { "Counter(\(n))" }
    override func length(_ rt: Interpreter) throws -> Int? { n }
}

@Suite struct NativeExtensionTests {
    @Test func nativeClassMethodsPropertiesAndErrors() throws {
        let collector = OutputCollector()
        let session = Session(output: collector.append)
        session.rt.mainNamespace.values["Counter"] = .object(TestCounter.pyClass)
        _ = session.runSource("""
        c = Counter(2)
        c.bump(); c.bump(by=3)
        print(c, c.value, len(c), bool(Counter()))
        try:
            c.bump(1, 2)
        except TypeError as e:
            print(e)
        """, name: "<test>")
        #expect(collector.text(.stdout) == "Counter(6) 6 6 False\nbump() takes from 1 to 2 positional arguments but 3 were given\n")
    }
}
