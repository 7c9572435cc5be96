import Foundation

/// Which stream a piece of output goes to.
public enum OutputStreamKind: Sendable {
    case stdout, stderr
}

/// Compiled code of a function, lambda, class body or module: what `Compiler` produces
/// once per definition. Locals live in numbered slots; variables shared with nested
/// functions live in cells.
final class CodeObject {
    let name: String
    let qualname: String
    let file: SourceFile
    // Set while compiling, read on every call: unchecked to skip runtime exclusivity checks.
    let signature: Signature
    /// The argument count a positional call needs to skip the binder (`-1`: always bind).
    let directArgCount: Int
    @exclusivity(unchecked) var slotCount = 0
    /// Cells created fresh for each call (variables captured by nested functions).
    @exclusivity(unchecked) var cellCount = 0
    /// Parameters that are captured: after binding, slot `slot` is moved into cell `cell`.
    @exclusivity(unchecked) var parameterCells: [(slot: Int, cell: Int)] = []
    @exclusivity(unchecked) var body: Block = { _ in .normal }
    let isGenerator: Bool
    let doc: String?
    /// Finished frames kept for reuse by later calls (`Interpreter.newFrame`).
    @exclusivity(unchecked) var framePool: [Frame] = []
    static let framePoolLimit = 8

    init(name: String, qualname: String, file: SourceFile, signature: Signature, isGenerator: Bool, doc: String?) {
        self.name = name
        self.qualname = qualname
        self.file = file
        self.signature = signature
        self.directArgCount = !signature.hasVarArgs && !signature.hasVarKeywords && signature.keywordOnlyCount == 0
            ? signature.positionalCount : -1
        self.isGenerator = isGenerator
        self.doc = doc
    }
}

/// One activation: a call of a function, or the run of a module or class body.
final class Frame {
    /// Set when a closure that outlives the call keeps this frame (a generator expression
    /// runs in its defining frame): such a frame is not reused for another call.
    @exclusivity(unchecked) var escaped = false
    /// The local variables (`code.slotCount` of them; nil: unbound). A raw buffer rather
    /// than an array: a call then pays no array metadata lookup, uniqueness check or
    /// bounds check on each local access (slot numbers come from the compiler).
    let slots: UnsafeMutablePointer<Value?>
    let slotCount: Int
    @exclusivity(unchecked) var cells: [Cell]
    @exclusivity(unchecked) private(set) var globals: Namespace
    /// Unowned(unsafe): every frame runs inside its session, and this is read on nearly every operation.
    unowned(unsafe) let rt: Interpreter
    let code: CodeObject
    /// The function being run (for zero-argument `super()`).
    @exclusivity(unchecked) private(set) var function: PyFunction?
    /// The line being executed, for tracebacks.
    @exclusivity(unchecked) var line = 0
    @exclusivity(unchecked) var returnValue: Value = .none
    /// A class body's namespace (names there are looked up here, then in globals).
    var classNamespace: ClassNamespace?
    /// Set while this frame runs as a generator body.
    var generator: GeneratorChannel?

    init(rt: Interpreter, code: CodeObject, globals: Namespace, function: PyFunction?) {
        self.rt = rt
        self.code = code
        self.globals = globals
        self.function = function
        slotCount = code.slotCount
        slots = .allocate(capacity: Swift.max(slotCount, 1))
        slots.initialize(repeating: nil, count: slotCount)
        self.cells = []
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
    }

    /// Drops a finished frame's locals (as returning does in CPython) before it is pooled.
    func clear() {
        for i in 0..<slotCount { slots[i] = nil }
        cells = []
        returnValue = .none
        line = 0
    }

    /// Makes a pooled frame of `function`'s code ready for a new call of `function`.
    func reset(for function: PyFunction) {
        globals = function.globals
        self.function = function
    }

    /// The first argument (the receiver of a method), for `super()`.
    var firstSlot: Value? { slotCount > 0 ? slots[0] : nil }
}

final class ClassNamespace {
    var values: [String: Value] = [:]
    var order: [String] = []
    func set(_ name: String, _ v: Value) {
        if values.updateValue(v, forKey: name) == nil { order.append(name) }
    }
}

typealias Block = (Frame) throws -> Flow
typealias ExprCode = (Frame) throws -> Value

/// How a statement finished.
enum Flow {
    case normal, breakLoop, continueLoop, returned
}

/// The state of one running session: modules, recursion depth, the exception being
/// handled, and the callbacks for output and input. Every evaluator and builtin
/// function receives it, so several sessions can run in one process.
final class Interpreter {
    let output: (String, OutputStreamKind) -> Void
    let input: (() -> String?)?
    var argv: [String]
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var recursionLimit = 1000
    /// Set asynchronously by `Session.interrupt()`; polled at loop iterations and calls.
    let interruptFlag: UnsafeMutablePointer<Int32>
    /// Exceptions currently being handled by `except` blocks (innermost last).
    @exclusivity(unchecked) var handling: [PyException] = []
    var modules: [String: PyModule] = [:]
    let builtins: Namespace
    let mainNamespace: Namespace
    /// Directories searched by `import` after native modules.
    var searchPaths: [String] = []
    /// Containers whose repr is being computed (to print `[...]` for cycles).
    var reprInProgress = Set<ObjectIdentifier>()
    /// The seed of the script's last `torch.manual_seed(n)`/`set_seed(n)` (nil: never called);
    /// model init, LoRA init, trainers and `generate(do_sample=True)` draw from it. Kept per
    /// interpreter: sessions running side by side in one process must not see each other's seed.
    var torchSeed: Int?
    /// False inside `with torch.no_grad():`. sftnb has no autograd, but tensors a model
    /// returns print torch's `grad_fn=<...>` when torch would have recorded one. Per
    /// interpreter, as the seed.
    var gradEnabled = true
    /// Where rich displays go (`RichDisplay`); nil drops them.
    var display: ((RichDisplay) -> Void)?
    /// End-of-cell display work by key (`Session.flushPendingDisplays`).
    var displayFlushers: [String: () -> Void] = [:]

    init(argv: [String], output: @escaping (String, OutputStreamKind) -> Void, input: (() -> String?)?,
         interruptFlag: UnsafeMutablePointer<Int32>) {
        _ = T.installed
        self.argv = argv
        self.output = output
        self.input = input
        self.interruptFlag = interruptFlag
        self.builtins = Namespace(BuiltinFunctions.makeNamespace())
        self.mainNamespace = Namespace(["__name__": .str("__main__"), "__doc__": .none])
        let main = PyModule(name: "__main__", namespace: mainNamespace)
        modules["__main__"] = main
    }

    // MARK: Current interpreter (for hashing callbacks that cannot take a parameter)

    private static let currentKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static var current: Interpreter? {
        guard let p = pthread_getspecific(currentKey) else { return nil }
        return Unmanaged<Interpreter>.fromOpaque(p).takeUnretainedValue()
    }

    static func setCurrent(_ rt: Interpreter?) {
        pthread_setspecific(currentKey, rt.map { Unmanaged.passUnretained($0).toOpaque() })
    }

    // MARK: Interrupts

    @inline(__always) func checkInterrupt() throws {
        if interruptFlag.pointee != 0 {
            interruptFlag.pointee = 0
            throw PyError(PyException(cls: T.keyboardInterrupt))
        }
    }

    // MARK: Calls

    func call(_ callee: Value, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        guard case .object(let o) = callee else {
            throw PyError.typeError("'\(typeName(callee))' object is not callable")
        }
        if let f = o as? PyFunction { return try callFunction(f, args, kwargs) }
        if let b = o as? PyBuiltin { return try callBuiltin(b, args, kwargs) }
        if let m = o as? PyBoundMethod {
            var full = [m.receiver]
            full.append(contentsOf: args)
            return try call(m.function, full, kwargs)
        }
        if let c = o as? PyClass { return try instantiate(c, args, kwargs) }
        if let method = o.cls.lookup("__call__") {
            var full: [Value] = [callee]
            full.append(contentsOf: args)
            return try call(method, full, kwargs)
        }
        throw PyError.typeError("'\(o.typeName)' object is not callable")
    }

    func callBuiltin(_ b: PyBuiltin, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var full = args
        if let r = b.receiver { full.insert(r, at: 0) }
        let sig = b.signature
        if kwargs.isEmpty && !sig.hasVarArgs && !sig.hasVarKeywords && full.count == sig.names.count {
            return try b.impl(self, full)
        }
        var slots = [Value](repeating: .none, count: sig.slotCount)
        try sig.bind(full, kwargs, defaults: b.defaults, into: &slots)
        return try b.impl(self, slots)
    }

    func callFunction(_ f: PyFunction, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let code = f.code
        let frame = newFrame(f)
        if kwargs.isEmpty && args.count == code.directArgCount {
            for i in 0..<args.count { frame.slots[i] = args[i] }
        } else {
            let sig = code.signature
            var bound = [Value](repeating: .none, count: sig.slotCount)
            try sig.bind(args, kwargs, defaults: f.defaults, into: &bound)
            for i in 0..<bound.count { frame.slots[i] = bound[i] }
        }
        return try run(f, frame)
    }

    /// A frame for a call of `f`: a finished one of the same code when there is one (saves
    /// two allocations per call), else a new one.
    @inline(__always) func newFrame(_ f: PyFunction) -> Frame {
        let code = f.code
        if let frame = code.framePool.popLast() {
            frame.reset(for: f)
            return frame
        }
        return Frame(rt: self, code: code, globals: f.globals, function: f)
    }

    /// Runs `f` in `frame`, whose parameter slots are already filled (call sites that
    /// evaluate arguments straight into a new frame come here without an argument array).
    @inline(__always) func run(_ f: PyFunction, _ frame: Frame) throws -> Value {
        let code = f.code
        if code.cellCount > 0 || !f.closure.isEmpty {
            var cells = [Cell]()
            cells.reserveCapacity(code.cellCount + f.closure.count)
            for _ in 0..<code.cellCount { cells.append(Cell()) }
            cells.append(contentsOf: f.closure)
            for (slot, cell) in code.parameterCells {
                cells[cell].value = frame.slots[slot]
            }
            frame.cells = cells
        }
        if code.isGenerator {
            return .object(PyGenerator(rt: self, frame: frame))
        }
        let result = try execute(frame)
        // Nothing else holds a finished frame unless a generator expression kept it.
        if !frame.escaped && code.framePool.count < CodeObject.framePoolLimit && frame.rt === self {
            frame.clear()
            code.framePool.append(frame)
        }
        return result
    }

    /// Runs a frame's code with the recursion limit and traceback bookkeeping.
    func execute(_ frame: Frame) throws -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > recursionLimit {
            throw PyError(T.recursionError, "maximum recursion depth exceeded")
        }
        try checkInterrupt()
        do {
            _ = try frame.code.body(frame)
        } catch let e as PyError {
            addTraceback(e.exception, frame: frame)
            throw e
        }
        return frame.returnValue
    }

    func addTraceback(_ exc: PyException, frame: Frame) {
        let id = ObjectIdentifier(frame)
        if exc.traceback.last?.frameID == id { return }
        let file = frame.code.file
        // A dataclass's generated `__init__` checks its arguments in Python here, where CPython
        // binds them in C and shows no frame: `TypeError: C.__init__() got an unexpected
        // keyword argument 'x'` points at the caller's line only, as in CPython.
        if file.name == "<dataclasses>" { return }
        // The failing expression's line (a statement over several lines shows the line where
        // it failed, as CPython), else the statement's.
        let caret = exc.takeLocation(for: frame)
        let line = caret?.span.line ?? frame.line
        let text = file.line(line)
        exc.traceback.append(TracebackEntry(
            file: file.name, line: line, function: frame.code.name,
            sourceLine: text.trimmingCharacters(in: .whitespaces),
            span: caret?.span ?? SourceSpan(line: line, column: 0, endLine: line, endColumn: 0),
            caretLine: caret?.caretLine(under: text), frameID: id))
    }

    // MARK: Instances

    func instantiate(_ c: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if c.isBuiltin, let new = c.dict["__new__"] {
            var full: [Value] = [.object(c)]
            full.append(contentsOf: args)
            return try call(new, full, kwargs)
        }
        let obj: Value
        if let userNew = c.lookupUser("__new__") {
            var full: [Value] = [.object(c)]
            full.append(contentsOf: args)
            let fn: Value
            if case .object(let o) = userNew, let sm = o as? PyStaticMethod { fn = sm.function } else { fn = userNew }
            obj = try call(fn, full, kwargs)
            guard isInstance(obj, c) else { return obj }
        } else if c.isSubclass(of: T.str), let strNew = T.str.dict["__new__"] {
            // A str subclass's value comes from `str.__new__` (`Name("ann")`), as in CPython.
            var full: [Value] = [.object(c)]
            full.append(contentsOf: args)
            obj = try call(strNew, full, kwargs)
        } else {
            let instance = (c.factory ?? { PyInstance($0) })(c)
            if instance.attrs == nil && !c.isBuiltin { instance.attrs = AttrTable() }
            if let e = instance as? PyException { e.args = args }
            obj = .object(instance)
        }
        guard let initFn = c.lookup("__init__") else { return obj }
        if case .object(let o) = initFn, o === T.objectInit {
            if (!args.isEmpty || !kwargs.isEmpty) && c.lookupUser("__new__") == nil && !c.isSubclass(of: T.str) {
                throw PyError.typeError("\(c.name)() takes no arguments")
            }
            return obj
        }
        var full: [Value] = [obj]
        full.append(contentsOf: args)
        let result = try call(initFn, full, kwargs)
        if !result.isNone {
            throw PyError.typeError("__init__() should return None, not '\(typeName(result))'")
        }
        return obj
    }

    func isInstance(_ v: Value, _ c: PyClass) -> Bool {
        typeOf(v).isSubclass(of: c)
    }
}
