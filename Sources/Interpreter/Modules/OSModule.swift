import Foundation

/// `os` and `os.path`: the file-system calls tutorials make, with CPython's OSError texts.
enum OSModule: NativeModule {
    static let name = "os"

    static func osError(_ cls: PyClass, _ errno: Int, _ text: String, _ path: String) -> PyError {
        PyError(PyException(cls: cls, args: [.int(errno), .str(text), .str(path)]))
    }

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        let fm = FileManager.default
        let path = try OSPathModule.makeModule(rt)
        rt.modules["os.path"] = path
        m.value("path", .object(path))
        m.value("sep", .str("/"))
        m.value("linesep", .str("\n"))
        m.value("name", .str("posix"))
        m.value("curdir", .str("."))
        m.value("environ", .object(Environ.make(rt)))
        m.function("getcwd", "") { _, _ in .str(fm.currentDirectoryPath) }
        m.function("chdir", "path") { rt, a in
            let p = try rt.str(a[0])
            if !fm.changeCurrentDirectoryPath(p) { throw osError(T.fileNotFoundError, 2, "No such file or directory", p) }
            return .none
        }
        m.function("getenv", "key, default=None") { rt, a in
            ProcessInfo.processInfo.environment[try rt.toStr(a[0])].map { .str($0) } ?? a[1]
        }
        m.function("listdir", "path='.'") { rt, a in
            let p = try rt.str(a[0])
            guard let items = try? fm.contentsOfDirectory(atPath: p) else {
                throw osError(T.fileNotFoundError, 2, "No such file or directory", p)
            }
            return .object(PyList(items.map { .str($0) }))
        }
        m.function("makedirs", "name, mode=511, exist_ok=False") { rt, a in
            let p = try rt.str(a[0])
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: p, isDirectory: &isDir) {
                if try rt.truthy(a[2]) && isDir.boolValue { return .none }
                throw osError(T.fileExistsError, 17, "File exists", p)
            }
            do { try fm.createDirectory(atPath: p, withIntermediateDirectories: true) } catch {
                throw osError(T.osError, 13, "Permission denied", p)
            }
            return .none
        }
        m.function("mkdir", "path, mode=511") { rt, a in
            let p = try rt.str(a[0])
            if fm.fileExists(atPath: p) { throw osError(T.fileExistsError, 17, "File exists", p) }
            do { try fm.createDirectory(atPath: p, withIntermediateDirectories: false) } catch {
                throw osError(T.fileNotFoundError, 2, "No such file or directory", p)
            }
            return .none
        }
        m.function("remove", "path") { rt, a in
            let p = try rt.str(a[0])
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw osError(T.fileNotFoundError, 2, "No such file or directory", p) }
            if isDir.boolValue { throw osError(T.isADirectoryError, 21, "Is a directory", p) }
            try? fm.removeItem(atPath: p)
            return .none
        }
        m.module.namespace.values["unlink"] = m.module.namespace.values["remove"]
        m.function("rmdir", "path") { rt, a in
            let p = try rt.str(a[0])
            guard fm.fileExists(atPath: p) else { throw osError(T.fileNotFoundError, 2, "No such file or directory", p) }
            if let items = try? fm.contentsOfDirectory(atPath: p), !items.isEmpty {
                throw osError(T.osError, 39, "Directory not empty", p)
            }
            try? fm.removeItem(atPath: p)
            return .none
        }
        m.function("rename", "src, dst") { rt, a in
            let s = try rt.str(a[0]), d = try rt.str(a[1])
            guard fm.fileExists(atPath: s) else { throw osError(T.fileNotFoundError, 2, "No such file or directory", s) }
            try? fm.removeItem(atPath: d)
            do { try fm.moveItem(atPath: s, toPath: d) } catch { throw osError(T.osError, 1, "Operation not permitted", s) }
            return .none
        }
        m.module.namespace.values["replace"] = m.module.namespace.values["rename"]
        m.function("walk", "top") { rt, a in
            let top = try rt.str(a[0])
            var result: [Value] = []
            func visit(_ dir: String) {
                guard let items = try? fm.contentsOfDirectory(atPath: dir).sorted() else { return }
                var dirs: [String] = [], files: [String] = []
                for i in items {
                    var isDir: ObjCBool = false
                    fm.fileExists(atPath: dir + "/" + i, isDirectory: &isDir)
                    if isDir.boolValue { dirs.append(i) } else { files.append(i) }
                }
                result.append(.object(PyTuple([.str(dir), .object(PyList(dirs.map { .str($0) })), .object(PyList(files.map { .str($0) }))])))
                for d in dirs { visit(dir + "/" + d) }
            }
            visit(top)
            return .object(PyList(result)).iteratorValue(rt)
        }
        m.function("cpu_count", "") { _, _ in .int(ProcessInfo.processInfo.activeProcessorCount) }
        m.function("getpid", "") { _, _ in .int(Int(ProcessInfo.processInfo.processIdentifier)) }
        m.function("urandom", "n") { rt, a in .object(PyBytes((0..<(try rt.toInt(a[0]))).map { _ in UInt8.random(in: 0...255) })) }
        m.function("system", "command") { _, _ in throw PyError.notImplemented("os.system") }
        return m.module
    }
}

/// `os.environ`: a dict snapshot of the process environment; writes also set the variable.
enum Environ {
    static func make(_ rt: Interpreter) -> PyDict {
        let d = PyDict()
        for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) { d.setString(k, .str(v)) }
        return d
    }
}

enum OSPathModule: NativeModule {
    static let name = "os.path"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder("posixpath")
        let fm = FileManager.default
        m.value("sep", .str("/"))
        m.function("join", "a, *p") { rt, a in
            var path = try rt.str(a[0])
            for part in try rt.iterate(a[1]) {
                let p = try rt.str(part)
                if p.hasPrefix("/") { path = p } else if path.isEmpty || path.hasSuffix("/") { path += p } else { path += "/" + p }
            }
            return .str(path)
        }
        m.function("exists", "path") { rt, a in .bool(fm.fileExists(atPath: try rt.str(a[0]))) }
        m.function("isfile", "path") { rt, a in
            var isDir: ObjCBool = false
            return .bool(fm.fileExists(atPath: try rt.str(a[0]), isDirectory: &isDir) && !isDir.boolValue)
        }
        m.function("isdir", "path") { rt, a in
            var isDir: ObjCBool = false
            return .bool(fm.fileExists(atPath: try rt.str(a[0]), isDirectory: &isDir) && isDir.boolValue)
        }
        m.function("isabs", "path") { rt, a in .bool(try rt.str(a[0]).hasPrefix("/")) }
        m.function("basename", "p") { rt, a in
            let p = try rt.str(a[0])
            if let i = p.lastIndex(of: "/") { return .str(String(p[p.index(after: i)...])) }
            return .str(p)
        }
        m.function("dirname", "p") { rt, a in
            let p = try rt.str(a[0])
            guard let i = p.lastIndex(of: "/") else { return .str("") }
            var head = String(p[...i])
            while head.count > 1 && head.hasSuffix("/") { head.removeLast() }
            return .str(head)
        }
        m.function("split", "p") { rt, a in
            let p = try rt.str(a[0])
            guard let i = p.lastIndex(of: "/") else { return .object(PyTuple([.str(""), .str(p)])) }
            var head = String(p[...i])
            while head.count > 1 && head.hasSuffix("/") { head.removeLast() }
            return .object(PyTuple([.str(head), .str(String(p[p.index(after: i)...]))]))
        }
        m.function("splitext", "p") { rt, a in
            let p = try rt.str(a[0])
            let baseStart = p.lastIndex(of: "/").map { p.index(after: $0) } ?? p.startIndex
            let base = p[baseStart...]
            guard let dot = base.lastIndex(of: "."), base[base.startIndex..<dot].contains(where: { $0 != "." }) else {
                return .object(PyTuple([.str(p), .str("")]))
            }
            return .object(PyTuple([.str(String(p[..<dot])), .str(String(p[dot...]))]))
        }
        m.function("abspath", "path") { rt, a in
            var p = try rt.str(a[0])
            if !p.hasPrefix("/") { p = fm.currentDirectoryPath + "/" + p }
            return .str(normalize(p))
        }
        m.function("normpath", "path") { rt, a in .str(normalize(try rt.str(a[0]))) }
        m.function("realpath", "path") { rt, a in
            var p = try rt.str(a[0])
            if !p.hasPrefix("/") { p = fm.currentDirectoryPath + "/" + p }
            return .str(URL(fileURLWithPath: normalize(p)).resolvingSymlinksInPath().path)
        }
        m.function("expanduser", "path") { rt, a in
            let p = try rt.str(a[0])
            guard p.hasPrefix("~") else { return .str(p) }
            return .str(NSHomeDirectory() + p.dropFirst())
        }
        m.function("getsize", "path") { rt, a in
            let p = try rt.str(a[0])
            guard let attrs = try? fm.attributesOfItem(atPath: p), let size = attrs[.size] as? NSNumber else {
                throw OSModule.osError(T.fileNotFoundError, 2, "No such file or directory", p)
            }
            return .int(size.intValue)
        }
        m.function("getmtime", "path") { rt, a in
            let p = try rt.str(a[0])
            guard let attrs = try? fm.attributesOfItem(atPath: p), let date = attrs[.modificationDate] as? Date else {
                throw OSModule.osError(T.fileNotFoundError, 2, "No such file or directory", p)
            }
            return .float(date.timeIntervalSince1970)
        }
        let module = m.module
        return PyModule(name: "os.path", namespace: module.namespace)
    }

    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [String] = []
        for comp in path.split(separator: "/") {
            if comp == "." { continue }
            if comp == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append("..") }
                continue
            }
            parts.append(String(comp))
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
