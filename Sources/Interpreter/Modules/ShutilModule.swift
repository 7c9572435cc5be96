import Foundation

/// `shutil`: the file operations scripts use to tidy up and copy outputs (`rmtree`, `copy`,
/// `copyfile`, `copytree`, `move`), with CPython's OSError texts.
enum ShutilModule: NativeModule {
    static let name = "shutil"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        let fm = FileManager.default
        func isDirectory(_ p: String) -> Bool? {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: p, isDirectory: &isDir) ? isDir.boolValue : nil
        }
        func notFound(_ p: String) -> PyError { OSModule.osError(T.fileNotFoundError, 2, "No such file or directory", p) }
        // Copies a file's bytes to `dst` (a directory gets the file's name), replacing it.
        func copyFile(_ src: String, _ dst: String, intoDirectory: Bool) throws -> String {
            guard let srcIsDir = isDirectory(src) else { throw notFound(src) }
            if srcIsDir { throw OSModule.osError(T.isADirectoryError, 21, "Is a directory", src) }
            var target = dst
            if intoDirectory, isDirectory(dst) == true { target = (dst as NSString).appendingPathComponent((src as NSString).lastPathComponent) }
            if isDirectory(target) == true { throw OSModule.osError(T.isADirectoryError, 21, "Is a directory", target) }
            guard let data = fm.contents(atPath: src) else { throw OSModule.osError(T.permissionError, 13, "Permission denied", src) }
            try? fm.removeItem(atPath: target)
            guard fm.createFile(atPath: target, contents: data) else { throw notFound(target) }
            return target
        }
        m.function("rmtree", "path, ignore_errors=False, onerror=None, *, dir_fd=None") { rt, a in
            let p = try rt.str(a[0])
            guard isDirectory(p) != nil else {
                if try rt.truthy(a[1]) { return .none }
                throw notFound(p)
            }
            if isDirectory(p) == false {
                if try rt.truthy(a[1]) { return .none }
                throw OSModule.osError(T.notADirectoryError, 20, "Not a directory", p)
            }
            do { try fm.removeItem(atPath: p) } catch {
                if !(try rt.truthy(a[1])) { throw OSModule.osError(T.permissionError, 13, "Permission denied", p) }
            }
            return .none
        }
        m.function("copyfile", "src, dst, *, follow_symlinks=True") { rt, a in
            .str(try copyFile(try rt.str(a[0]), try rt.str(a[1]), intoDirectory: false))
        }
        m.function("copy", "src, dst, *, follow_symlinks=True") { rt, a in
            .str(try copyFile(try rt.str(a[0]), try rt.str(a[1]), intoDirectory: true))
        }
        m.value("copy2", m.module.namespace.values["copy"] ?? .none)
        m.function("copytree", "src, dst, symlinks=False, ignore=None, copy_function=None, ignore_dangling_symlinks=False, dirs_exist_ok=False") { rt, a in
            let src = try rt.str(a[0]), dst = try rt.str(a[1])
            guard isDirectory(src) == true else { throw notFound(src) }
            if !a[3].isNone { throw PyError.notImplemented("shutil.copytree(ignore=...)") }
            if try isDirectory(dst) != nil && !rt.truthy(a[6]) { throw OSModule.osError(T.fileExistsError, 17, "File exists", dst) }
            try fm.createDirectory(atPath: dst, withIntermediateDirectories: true)
            for item in (try? fm.subpathsOfDirectory(atPath: src)) ?? [] {
                let from = (src as NSString).appendingPathComponent(item), to = (dst as NSString).appendingPathComponent(item)
                if isDirectory(from) == true {
                    try fm.createDirectory(atPath: to, withIntermediateDirectories: true)
                } else {
                    _ = try copyFile(from, to, intoDirectory: false)
                }
            }
            return .str(dst)
        }
        m.function("move", "src, dst, copy_function=None") { rt, a in
            let src = try rt.str(a[0])
            var dst = try rt.str(a[1])
            guard isDirectory(src) != nil else { throw notFound(src) }
            if isDirectory(dst) == true { dst = (dst as NSString).appendingPathComponent((src as NSString).lastPathComponent) }
            if isDirectory(dst) == false { try? fm.removeItem(atPath: dst) }
            do { try fm.moveItem(atPath: src, toPath: dst) } catch {
                throw OSModule.osError(T.fileExistsError, 17, "File exists", dst)
            }
            return .str(dst)
        }
        return m.module
    }
}
