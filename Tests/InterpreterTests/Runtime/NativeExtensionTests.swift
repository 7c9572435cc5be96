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
        .property("step", { _, this in .int(this.step) }, set: { rt, this, v in
            let step = try rt.toInt(v)
            guard step > 0 else { throw PyError.valueError("step must be positive") }
            this.step = step
        })
        .method("tick", "") { _, this, _ in
            this.n += this.step
            return .int(this.n)
        }
        .pyClass
    var step = 1

    init() { super.init(cls: TestCounter.pyClass) }

    override func repr(_ rt: Interpreter) throws -> String { "Counter(\(n))" }
    override func length(_ rt: Interpreter) throws -> Int? { n }
}

@Suite struct NativeExtensionTests {
    @Test func nativeClassMethodsPropertiesAndErrors() throws {
        let collector = OutputCollector()
        let session = Session(output: collector.append)
        session.rt.mainNamespace["Counter"] = .object(TestCounter.pyClass)
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

    /// Assignment to a native property calls its setter (which may validate and throw); a
    /// read-only property raises CPython's AttributeError; other names still go to
    /// `setAttribute` (the default refuses them: no instance dict).
    @Test func nativePropertySettersRunOnAssignment() throws {
        let collector = OutputCollector()
        let session = Session(output: collector.append)
        session.rt.mainNamespace["Counter"] = .object(TestCounter.pyClass)
        _ = session.runSource("""
        c = Counter()
        c.step = 5
        c.tick(); c.step += 2
        print(c.tick(), c.step, c.value)
        try:
            c.step = 0
        except ValueError as e:
            print("ValueError", e)
        try:
            c.value = 3
        except AttributeError as e:
            print("AttributeError", e)
        try:
            c.other = 1
        except AttributeError as e:
            print("AttributeError", e)
        print(c.value, c.step)
        """, name: "<test>")
        #expect(collector.text(.stdout) == """
        12 7 12
        ValueError step must be positive
        AttributeError property 'value' of 'Counter' object has no setter
        AttributeError 'Counter' object has no attribute 'other'

        """ + "12 7\n")
    }
}
