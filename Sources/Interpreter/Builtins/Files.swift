import Foundation

/// `open()` text files: the whole file is read on open (reads) or buffered and written
/// on `close()`/`flush()`/leaving `with` (writes), which is all tutorials need and keeps
/// the encoding handling in one place.
final class PyFile: NativeObject {
    let path: String
    let mode: String
    let encoding: String
    private var content: [Unicode.Scalar] = []
    private var position = 0
    private var pending = ""
    private(set) var closed = false
    let binary: Bool

    init(path: String, mode: String, encoding: String, binary: Bool) {
        self.path = path
        self.mode = mode
        self.encoding = encoding
        self.binary = binary
        super.init(cls: T.file)
    }

    var readable: Bool { mode.contains("r") || mode.contains("+") }
    var writable: Bool { mode.contains("w") || mode.contains("a") || mode.contains("+") || mode.contains("x") }

    static func open(_ rt: Interpreter, path: String, mode: String, encoding: Value) throws -> Value {
        let enc = encoding.isNone ? "utf-8" : try rt.toStr(encoding)
        guard mode.allSatisfy({ "rwaxbt+".contains($0) }), mode.filter({ "rwax".contains($0) }).count == 1 else {
            throw PyError.valueError("invalid mode: '\(mode)'")
        }
        let binary = mode.contains("b")
        let f = PyFile(path: path, mode: mode, encoding: enc, binary: binary)
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        if isDir.boolValue { throw PyError(PyException(cls: T.isADirectoryError, args: [.int(21), .str("Is a directory"), .str(path)])).withMessage("[Errno 21] Is a directory: '\(path)'") }
        if mode.contains("r") {
            guard exists, let data = FileManager.default.contents(atPath: path) else {
                throw PyError(PyException(cls: T.fileNotFoundError, args: [.int(2), .str("No such file or directory"), .str(path)])).withMessage("[Errno 2] No such file or directory: '\(path)'")
            }
            if binary {
                f.rawBytes = Array(data)
            } else {
                f.content = Array(try Codec.decode(Array(data), encoding: enc, errors: "strict")
                    .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").unicodeScalars)  // universal newlines, as open(newline=None)
            }
        } else if mode.contains("x") && exists {
            throw PyError(PyException(cls: T.fileExistsError, args: [.int(17), .str("File exists"), .str(path)])).withMessage("[Errno 17] File exists: '\(path)'")
        } else {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
                throw PyError(PyException(cls: T.fileNotFoundError, args: [.int(2), .str("No such file or directory"), .str(path)])).withMessage("[Errno 2] No such file or directory: '\(path)'")
            }
            if mode.contains("w") || !exists { FileManager.default.createFile(atPath: path, contents: Data()) }
        }
        return .object(f)
    }

    var rawBytes: [UInt8] = []

    private func checkOpen() throws {
        if closed { throw PyError.valueError("I/O operation on closed file.") }
    }

    func read(_ n: Int) throws -> Value {
        try checkOpen()
        guard readable else { throw PyError(T.osError, "not readable") }
        if binary {
            let end = n < 0 ? rawBytes.count : min(rawBytes.count, position + n)
            defer { position = end }
            return .object(PyBytes(Array(rawBytes[position..<end])))
        }
        let end = n < 0 ? content.count : min(content.count, position + n)
        defer { position = end }
        return .str(String(String.UnicodeScalarView(content[position..<end])))
    }

    func readline() throws -> String? {
        try checkOpen()
        guard position < content.count else { return nil }
        var end = position
        while end < content.count && content[end] != "\n" { end += 1 }
        if end < content.count { end += 1 }
        defer { position = end }
        return String(String.UnicodeScalarView(content[position..<end]))
    }

    func write(_ text: String) throws {
        try checkOpen()
        guard writable else { throw PyError(T.osError, "not writable") }
        pending += text
        if pending.utf8.count > 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !pending.isEmpty || binaryPending != nil else { return }
        let bytes: [UInt8]
        if let b = binaryPending {
            bytes = b
            binaryPending = nil
        } else {
            bytes = try Codec.encode(pending, encoding: encoding, errors: "strict")
        }
        pending = ""
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw PyError(T.osError, "cannot write to '\(path)'")
        }
        handle.seekToEndOfFile()
        handle.write(Data(bytes))
        handle.closeFile()
    }

    var binaryPending: [UInt8]?

    func close() throws {
        if closed { return }
        try flush()
        closed = true
    }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        return { [self] in try self.readline().map { .str($0) } }
    }

    override func repr(_ rt: Interpreter) throws -> String {
        "<_io.TextIOWrapper name='\(path)' mode='\(mode)' encoding='\(encoding)'>"
    }

    deinit { try? flush() }

    static func install() {
        func def(_ name: String, _ params: String, _ body: @escaping (Interpreter, PyFile, [Value]) throws -> Value) {
            TypeConstructors.def(T.file, name, params.isEmpty ? "self" : "self, " + params) { rt, a in
                guard case .object(let o) = a[0], let f = o as? PyFile else { throw PyError.typeError("expected a file") }
                return try body(rt, f, Array(a.dropFirst()))
            }
        }
        def("read", "size=-1") { rt, f, a in try f.read(rt.toInt(a[0])) }
        def("readline", "size=-1") { _, f, _ in .str(try f.readline() ?? "") }
        def("readlines", "hint=-1") { _, f, _ in
            var lines: [Value] = []
            while let l = try f.readline() { lines.append(.str(l)) }
            return .object(PyList(lines))
        }
        def("write", "text") { rt, f, a in
            if f.binary, case .object(let o) = a[0], let b = o as? PyBytes {
                f.binaryPending = (f.binaryPending ?? []) + b.bytes
                return .int(b.bytes.count)
            }
            let s = try rt.toStr(a[0], "write() argument")
            try f.write(s)
            return .int(s.unicodeScalars.count)
        }
        def("writelines", "lines") { rt, f, a in
            for l in try rt.iterate(a[0]) { try f.write(rt.toStr(l)) }
            return .none
        }
        def("flush", "") { _, f, _ in try f.flush(); return .none }
        def("close", "") { _, f, _ in try f.close(); return .none }
        def("__enter__", "") { _, f, _ in .object(f) }
        def("__exit__", "*args") { _, f, _ in try f.close(); return .bool(false) }
        def("__iter__", "") { _, f, _ in .object(f) }
        def("__next__", "") { _, f, _ in
            guard let l = try f.readline() else { throw PyError(PyException(cls: T.stopIteration)) }
            return .str(l)
        }
        def("readable", "") { _, f, _ in .bool(f.readable) }
        def("writable", "") { _, f, _ in .bool(f.writable) }
        def("seek", "offset, whence=0") { rt, f, a in
            f.position = try rt.toInt(a[0])
            return .int(f.position)
        }
        def("tell", "") { _, f, _ in .int(f.position) }
        T.file.dict["closed"] = .object(PyProperty(getter: .object(makeBuiltin("closed", "self") { _, a in
            guard case .object(let o) = a[0], let f = o as? PyFile else { return .none }
            return .bool(f.closed)
        })))
        T.file.dict["name"] = .object(PyProperty(getter: .object(makeBuiltin("name", "self") { _, a in
            guard case .object(let o) = a[0], let f = o as? PyFile else { return .none }
            return .str(f.path)
        })))
    }
}

/// `sys.stdout` / `sys.stderr`: writes go to the session's output callback.
final class StdStream: NativeObject {
    let kind: OutputStreamKind
    static let pyClass = NativeClass<StdStream>("TextIOWrapper", module: "_io")
        .method("write", "text") { rt, this, a in
            let s = try rt.toStr(a[0], "write() argument")
            rt.output(s, this.kind)
            return .int(s.unicodeScalars.count)
        }
        .method("flush", "") { _, _, _ in .none }
        .method("isatty", "") { _, _, _ in .bool(false) }
        .method("fileno", "") { _, this, _ in .int(this.kind == .stdout ? 1 : 2) }
        .pyClass

    init(_ kind: OutputStreamKind) {
        self.kind = kind
        super.init(cls: StdStream.pyClass)
    }

    override func repr(_ rt: Interpreter) throws -> String {
        "<_io.TextIOWrapper name='<\(kind == .stdout ? "stdout" : "stderr")>' mode='w' encoding='utf-8'>"
    }
}

extension PyError {
    /// Documents at the raise site what `str()` prints (OSError formats its errno and filename args).
    func withMessage(_ m: String) -> PyError { self }
}
