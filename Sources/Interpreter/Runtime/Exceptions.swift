/// Python exceptions. A raised exception travels through Swift as a thrown `PyError`
/// wrapping the exception object, so `try`/`catch` in the evaluator is `try`/`except`
/// in the script and every builtin reports errors the same way.

/// One line of a traceback: where a frame was when the exception passed through it.
public struct TracebackEntry: Sendable {
    public var file: String
    public var line: Int
    public var function: String
    public var sourceLine: String
    public var span: SourceSpan
    /// CPython 3.11's carets under `sourceLine` (see `CaretLocation`), when it prints them.
    public var caretLine: String?
    /// Which activation added it, so a frame that caught and re-raised is listed once.
    var frameID: ObjectIdentifier?
}

/// An instance of `BaseException` or a subclass.
final class PyException: PyObject {
    var args: [Value]
    /// Innermost frame first (appended while unwinding).
    var traceback: [TracebackEntry] = []
    var cause: PyException?
    var context: PyException?
    var suppressContext = false
    /// Where it surfaced in the frame being unwound (see `CaretLocation`).
    var location: (frame: ObjectIdentifier, caret: CaretLocation)?

    init(cls: PyClass, args: [Value] = []) {
        self.args = args
        super.init(cls: cls)
        if !cls.isBuiltin { attrs = AttrTable() }
    }
}

struct PyError: Error {
    let exception: PyException

    init(_ exception: PyException) { self.exception = exception }

    init(_ cls: PyClass, _ message: String) {
        exception = PyException(cls: cls, args: [.str(message)])
    }

    static func typeError(_ m: String) -> PyError { PyError(T.typeError, m) }
    static func valueError(_ m: String) -> PyError { PyError(T.valueError, m) }
    static func indexError(_ m: String) -> PyError { PyError(T.indexError, m) }
    static func attributeError(_ m: String) -> PyError { PyError(T.attributeError, m) }
    static func nameError(_ m: String) -> PyError { PyError(T.nameError, m) }
    static func zeroDivision(_ m: String) -> PyError { PyError(T.zeroDivisionError, m) }
    static func overflow(_ m: String) -> PyError { PyError(T.overflowError, m) }
    static func runtimeError(_ m: String) -> PyError { PyError(T.runtimeError, m) }
    static func notImplemented(_ feature: String) -> PyError {
        PyError(T.notImplementedError, "sftnb does not support \(feature) yet")
    }
    static func keyError(_ key: Value) -> PyError {
        PyError(PyException(cls: T.keyError, args: [key]))
    }
    static let stopIteration = T.stopIteration
}

/// The builtin exception hierarchy, in CPython's shape.
enum ExceptionHierarchy {
    static func make(_ name: String, _ base: PyClass?) -> PyClass {
        PyClass(name: name, bases: base.map { [$0] } ?? [T.object], isBuiltin: true,
                factory: { cls in PyException(cls: cls) })
    }
}
