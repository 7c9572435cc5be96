/// The builtin types, created once per process (they are immutable after `installAll`,
/// so sessions on different threads share them).
enum T {
    static let object = PyClass(name: "object", bases: [], isBuiltin: true, factory: { PyInstance($0) })
    static let type = PyClass(name: "type", bases: [object], isBuiltin: true)
    static let noneType = PyClass(name: "NoneType", bases: [object], isBuiltin: true)
    static let int = PyClass(name: "int", bases: [object], isBuiltin: true)
    static let bool = PyClass(name: "bool", bases: [int], isBuiltin: true)
    static let float = PyClass(name: "float", bases: [object], isBuiltin: true)
    static let str = PyClass(name: "str", bases: [object], isBuiltin: true, factory: { PyStr("", cls: $0) })
    static let bytes = PyClass(name: "bytes", bases: [object], isBuiltin: true)
    static let list = PyClass(name: "list", bases: [object], isBuiltin: true, factory: { PyList([], cls: $0) })
    static let tuple = PyClass(name: "tuple", bases: [object], isBuiltin: true, factory: { PyTuple([], cls: $0) })
    static let dict = PyClass(name: "dict", bases: [object], isBuiltin: true, factory: { PyDict(cls: $0) })
    static let set = PyClass(name: "set", bases: [object], isBuiltin: true, factory: { PySet(cls: $0) })
    static let frozenset = PyClass(name: "frozenset", bases: [object], isBuiltin: true, factory: { PySet(cls: $0) })
    static let range = PyClass(name: "range", bases: [object], isBuiltin: true)
    static let slice = PyClass(name: "slice", bases: [object], isBuiltin: true)
    static let iterator = PyClass(name: "iterator", bases: [object], isBuiltin: true)
    static let generator = PyClass(name: "generator", bases: [object], isBuiltin: true)
    static let generatorExpression = PyClass(name: "generator", bases: [object], isBuiltin: true)
    static let reversedIterator = PyClass(name: "reversed", bases: [object], isBuiltin: true)
    static let enumerateIterator = PyClass(name: "enumerate", bases: [object], isBuiltin: true)
    static let zipIterator = PyClass(name: "zip", bases: [object], isBuiltin: true)
    static let mapIterator = PyClass(name: "map", bases: [object], isBuiltin: true)
    static let filterIterator = PyClass(name: "filter", bases: [object], isBuiltin: true)
    static let callableIterator = PyClass(name: "callable_iterator", bases: [object], isBuiltin: true)
    static let function = PyClass(name: "function", bases: [object], isBuiltin: true)
    static let method = PyClass(name: "method", bases: [object], isBuiltin: true)
    static let builtinFunction = PyClass(name: "builtin_function_or_method", bases: [object], isBuiltin: true)
    static let builtinMethod = builtinFunction
    static let module = PyClass(name: "module", bases: [object], isBuiltin: true)
    static let property = PyClass(name: "property", bases: [object], isBuiltin: true)
    static let staticmethod = PyClass(name: "staticmethod", bases: [object], isBuiltin: true)
    static let classmethod = PyClass(name: "classmethod", bases: [object], isBuiltin: true)
    static let superType = PyClass(name: "super", bases: [object], isBuiltin: true)
    static let notImplementedType = PyClass(name: "NotImplementedType", bases: [object], isBuiltin: true)
    static let ellipsisType = PyClass(name: "ellipsis", bases: [object], isBuiltin: true)
    static let dictKeys = PyClass(name: "dict_keys", bases: [object], isBuiltin: true)
    static let dictValues = PyClass(name: "dict_values", bases: [object], isBuiltin: true)
    static let dictItems = PyClass(name: "dict_items", bases: [object], isBuiltin: true)
    static let file = PyClass(name: "TextIOWrapper", bases: [object], isBuiltin: true)

    /// `object.__init__`, recognised by `instantiate` to reject stray constructor arguments.
    static var objectInit: PyObject?

    static let notImplemented = PySingleton(name: "NotImplemented", cls: notImplementedType)
    static let ellipsis = PySingleton(name: "Ellipsis", cls: ellipsisType)

    // Exceptions.
    static let baseException = ExceptionHierarchy.make("BaseException", nil)
    static let systemExit = ExceptionHierarchy.make("SystemExit", baseException)
    static let keyboardInterrupt = ExceptionHierarchy.make("KeyboardInterrupt", baseException)
    static let generatorExit = ExceptionHierarchy.make("GeneratorExit", baseException)
    static let exception = ExceptionHierarchy.make("Exception", baseException)
    static let stopIteration = ExceptionHierarchy.make("StopIteration", exception)
    static let arithmeticError = ExceptionHierarchy.make("ArithmeticError", exception)
    static let zeroDivisionError = ExceptionHierarchy.make("ZeroDivisionError", arithmeticError)
    static let overflowError = ExceptionHierarchy.make("OverflowError", arithmeticError)
    static let floatingPointError = ExceptionHierarchy.make("FloatingPointError", arithmeticError)
    static let assertionError = ExceptionHierarchy.make("AssertionError", exception)
    static let attributeError = ExceptionHierarchy.make("AttributeError", exception)
    static let bufferError = ExceptionHierarchy.make("BufferError", exception)
    static let eofError = ExceptionHierarchy.make("EOFError", exception)
    static let importError = ExceptionHierarchy.make("ImportError", exception)
    static let moduleNotFoundError = ExceptionHierarchy.make("ModuleNotFoundError", importError)
    static let lookupError = ExceptionHierarchy.make("LookupError", exception)
    static let indexError = ExceptionHierarchy.make("IndexError", lookupError)
    static let keyError = ExceptionHierarchy.make("KeyError", lookupError)
    static let memoryError = ExceptionHierarchy.make("MemoryError", exception)
    static let nameError = ExceptionHierarchy.make("NameError", exception)
    static let unboundLocalError = ExceptionHierarchy.make("UnboundLocalError", nameError)
    static let osError = ExceptionHierarchy.make("OSError", exception)
    static let fileNotFoundError = ExceptionHierarchy.make("FileNotFoundError", osError)
    static let fileExistsError = ExceptionHierarchy.make("FileExistsError", osError)
    static let isADirectoryError = ExceptionHierarchy.make("IsADirectoryError", osError)
    static let notADirectoryError = ExceptionHierarchy.make("NotADirectoryError", osError)
    static let permissionError = ExceptionHierarchy.make("PermissionError", osError)
    static let timeoutError = ExceptionHierarchy.make("TimeoutError", osError)
    static let connectionError = ExceptionHierarchy.make("ConnectionError", osError)
    static let brokenPipeError = ExceptionHierarchy.make("BrokenPipeError", connectionError)
    static let connectionResetError = ExceptionHierarchy.make("ConnectionResetError", connectionError)
    static let connectionRefusedError = ExceptionHierarchy.make("ConnectionRefusedError", connectionError)
    static let interruptedError = ExceptionHierarchy.make("InterruptedError", osError)
    static let processLookupError = ExceptionHierarchy.make("ProcessLookupError", osError)
    static let referenceError = ExceptionHierarchy.make("ReferenceError", exception)
    static let tabError = ExceptionHierarchy.make("TabError", indentationError)
    static let unicodeTranslateError = ExceptionHierarchy.make("UnicodeTranslateError", unicodeError)
    static let syntaxWarning = ExceptionHierarchy.make("SyntaxWarning", warning)
    static let pendingDeprecationWarning = ExceptionHierarchy.make("PendingDeprecationWarning", warning)
    static let importWarning = ExceptionHierarchy.make("ImportWarning", warning)
    static let bytesWarning = ExceptionHierarchy.make("BytesWarning", warning)
    static let resourceWarning = ExceptionHierarchy.make("ResourceWarning", warning)
    static let runtimeError = ExceptionHierarchy.make("RuntimeError", exception)
    static let notImplementedError = ExceptionHierarchy.make("NotImplementedError", runtimeError)
    static let recursionError = ExceptionHierarchy.make("RecursionError", runtimeError)
    static let syntaxError = ExceptionHierarchy.make("SyntaxError", exception)
    static let indentationError = ExceptionHierarchy.make("IndentationError", syntaxError)
    static let systemError = ExceptionHierarchy.make("SystemError", exception)
    static let typeError = ExceptionHierarchy.make("TypeError", exception)
    static let valueError = ExceptionHierarchy.make("ValueError", exception)
    static let unicodeError = ExceptionHierarchy.make("UnicodeError", valueError)
    static let unicodeDecodeError = ExceptionHierarchy.make("UnicodeDecodeError", unicodeError)
    static let unicodeEncodeError = ExceptionHierarchy.make("UnicodeEncodeError", unicodeError)
    static let warning = ExceptionHierarchy.make("Warning", exception)
    static let userWarning = ExceptionHierarchy.make("UserWarning", warning)
    static let deprecationWarning = ExceptionHierarchy.make("DeprecationWarning", warning)
    static let futureWarning = ExceptionHierarchy.make("FutureWarning", warning)
    static let runtimeWarning = ExceptionHierarchy.make("RuntimeWarning", warning)

    static var allExceptions: [PyClass] {
        [baseException, systemExit, keyboardInterrupt, generatorExit, exception, stopIteration, arithmeticError,
         zeroDivisionError, overflowError, floatingPointError, assertionError, attributeError, bufferError,
         eofError, importError, moduleNotFoundError, lookupError, indexError, keyError, memoryError, nameError,
         unboundLocalError, osError, fileNotFoundError, fileExistsError, isADirectoryError, notADirectoryError,
         permissionError, timeoutError, runtimeError, notImplementedError, recursionError, syntaxError,
         indentationError, systemError, typeError, valueError, unicodeError, unicodeDecodeError,
         unicodeEncodeError, warning, userWarning, deprecationWarning, futureWarning, runtimeWarning,
         connectionError, brokenPipeError, connectionResetError, connectionRefusedError, interruptedError,
         processLookupError, referenceError, tabError, unicodeTranslateError, syntaxWarning,
         pendingDeprecationWarning, importWarning, bytesWarning, resourceWarning]
    }

    /// Gives every type its `type` metaclass and installs builtin methods (once).
    static let installed: Void = {
        let all: [PyClass] = [object, type, noneType, int, bool, float, str, bytes, list, tuple, dict, set,
                              frozenset, range, slice, iterator, generator, generatorExpression, reversedIterator, enumerateIterator, zipIterator, mapIterator, filterIterator, callableIterator, function, method, builtinFunction,
                              module, property, staticmethod, classmethod, superType, notImplementedType,
                              ellipsisType, dictKeys, dictValues, dictItems, file] + allExceptions
        for c in all { c.cls = type }
        BuiltinMethods.installAll()
    }()
}
