import Foundation

/// `import` resolution, in order: modules already loaded; native modules (Swift);
/// modules written in Python and embedded in the binary (`EmbeddedModules`); then
/// `NAME.py` / `NAME/__init__.py` in the search path: `stdlib/` (found next to
/// Package.swift by walking up from the executable, or `$SFTNB_STDLIB`), the script's
/// directory, and the current directory.
enum ModuleLoader {
    static let nativeModules: [NativeModule.Type] = [
        SysModule.self, MathModule.self, TimeModule.self, OSModule.self, OSPathModule.self, ShutilModule.self, RandomModule.self,
        JSONModule.self, StringModule.self, TypingModule.self, CopyModule.self, ItertoolsModule.self,
        FunctoolsModule.self, ReModule.self, WarningsModule.self, OperatorModule.self, DatasetsModule.self,
        TorchModule.self, TransformersNativeModule.self, TrlNativeModule.self, PeftNativeModule.self,
        MatplotlibModule.self, PyplotModule.self,
    ]

    static func defaultSearchPaths(scriptPath: String?) -> [String] {
        var paths: [String] = []
        if let stdlib = stdlibDirectory() { paths.append(stdlib) }
        if let script = scriptPath, script.hasSuffix(".py") {
            let dir = (script as NSString).deletingLastPathComponent
            paths.append(dir.isEmpty ? FileManager.default.currentDirectoryPath : dir)
        }
        paths.append(FileManager.default.currentDirectoryPath)
        return paths
    }

    static func stdlibDirectory() -> String? {
        if let env = ProcessInfo.processInfo.environment["SFTNB_STDLIB"] { return env }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("stdlib")
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: candidate.path) {
                return candidate.path
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}

extension Interpreter {
    func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        if let dot = name.lastIndex(of: ".") {
            let parent = try importModule(String(name[..<dot]))
            if let m = modules[name] { return m }
            let child = String(name[name.index(after: dot)...])
            if case .object(let o)? = parent.namespace.values[child], let m = o as? PyModule {
                modules[name] = m
                return m
            }
        }
        if let native = ModuleLoader.nativeModules.first(where: { $0.name == name }) {
            let m = try native.makeModule(self)
            modules[name] = m
            if let source = EmbeddedModules.extensions[name] {
                try runModuleSource(source, name: name, into: m, fileName: "<\(name)>")
            }
            return m
        }
        if let source = EmbeddedModules.sources[name] {
            let m = PyModule(name: name)
            modules[name] = m
            do {
                try runModuleSource(source, name: name, into: m, fileName: "<\(name)>")
            } catch {
                modules[name] = nil
                throw error
            }
            return m
        }
        let relative = name.replacingOccurrences(of: ".", with: "/")
        for dir in searchPaths {
            for candidate in ["\(dir)/\(relative).py", "\(dir)/\(relative)/__init__.py"] {
                guard FileManager.default.fileExists(atPath: candidate),
                      let data = FileManager.default.contents(atPath: candidate) else { continue }
                let m = PyModule(name: name)
                m.namespace.values["__file__"] = .str(candidate)
                modules[name] = m
                if let dot = name.lastIndex(of: "."), let parent = modules[String(name[..<dot])] {
                    parent.namespace.values[String(name[name.index(after: dot)...])] = .object(m)
                }
                do {
                    try runModuleSource(String(decoding: data, as: UTF8.self), name: name, into: m, fileName: candidate)
                } catch {
                    modules[name] = nil
                    throw error
                }
                return m
            }
        }
        throw PyError(PyException(cls: T.moduleNotFoundError, args: [.str("No module named '\(name)'")]))
    }

    func runModuleSource(_ source: String, name: String, into m: PyModule, fileName: String) throws {
        let file = SourceFile(name: fileName, text: source)
        let program: Program
        do {
            program = try Parser.parse(file)
        } catch let e as SyntaxError {
            throw PyError(T.syntaxError, "\(e.message) (\(fileName), line \(e.span.line))")
        }
        let code: CodeObject
        do {
            code = try Compiler.compileModule(program)
        } catch let e as SyntaxError {
            throw PyError(T.syntaxError, "\(e.message) (\(fileName), line \(e.span.line))")
        }
        let frame = Frame(rt: self, code: code, globals: m.namespace, function: nil)
        _ = try execute(frame)
    }
}
