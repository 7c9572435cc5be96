import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A streaming counterpart of `AtomicFile.write`: bytes go to a temporary file beside the
/// target and only `commit()` renames it into place, so a checkpoint of several gigabytes
/// can be written without holding it in memory, and a crash or error mid-way never leaves a
/// half-written `model.safetensors` where a loader would find it.
public final class AtomicFileWriter {
    public let path: String
    private let tempPath: String
    private var fd: Int32
    private var finished = false

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        tempPath = dir + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw AtomicFile.WriteError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    deinit {
        if !finished { abort() }
    }

    /// Appends bytes, retrying short writes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var p = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let n = Glibc.write(fd, p, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                abort()
                throw AtomicFile.WriteError.cannotWrite(path: path, reason: reason)
            }
            p += n
            remaining -= n
        }
    }

    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Flushes to disk and renames the temporary file over the target.
    public func commit() throws {
        guard !finished else { return }
        finished = true
        let syncFailed = fsync(fd) != 0
        let reason = String(cString: strerror(errno))
        close(fd)
        if syncFailed || rename(tempPath, path) != 0 {
            let why = syncFailed ? reason : String(cString: strerror(errno))
            unlink(tempPath)
            throw AtomicFile.WriteError.cannotWrite(path: path, reason: why)
        }
    }

    /// Drops the temporary file; the target is left as it was.
    public func abort() {
        guard !finished else { return }
        finished = true
        close(fd)
        unlink(tempPath)
    }
}
