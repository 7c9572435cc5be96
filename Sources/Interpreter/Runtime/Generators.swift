import Foundation

/// Generators run their body on a dedicated thread, handing control back and forth
/// with two semaphores, so only one side ever runs at a time: `yield` parks the
/// generator thread and wakes the caller; `next()`/`send()` do the reverse. This keeps
/// the closure-compiled evaluator free of any suspension machinery (a CPS or
/// state-machine compilation of generator bodies would avoid the threads, at the cost
/// of a second compiler). Generator expressions without `yield` never use a thread:
/// they are plain lazy iterators (see `Compiler.generatorExpression`).
///
/// A generator dropped before it finishes is closed from `deinit`: `GeneratorExit` is
/// raised at its `yield`, so its `finally` blocks run and the thread ends.
final class GeneratorChannel {
    let resumeGenerator = DispatchSemaphore(value: 0)
    let resumeCaller = DispatchSemaphore(value: 0)
    var sent: Value = .none
    var thrown: PyException?
    var yielded: Value = .none
    var finished = false
    var error: PyError?
    var returnValue: Value = .none
    var closing = false
    /// Weak: a session torn down with suspended generators must not resume them.
    weak var rt: Interpreter?

    init(rt: Interpreter) { self.rt = rt }

    /// Called on the generator thread by `yield`.
    func yield(_ v: Value) throws -> Value {
        yielded = v
        resumeCaller.signal()
        resumeGenerator.wait()
        if closing { throw PyError(PyException(cls: T.generatorExit)) }
        if let t = thrown {
            thrown = nil
            throw PyError(t)
        }
        let s = sent
        sent = .none
        return s
    }

    /// `yield from`: delegate to a sub-iterator, returning its return value.
    func yieldFrom(_ v: Value) throws -> Value {
        if case .object(let o) = v, let g = o as? PyGenerator {
            var toSend: Value = .none
            while true {
                guard let y = try g.resume(send: toSend, throwing: nil) else { return g.channel.returnValue }
                toSend = try yield(y)
            }
        }
        guard let rt = rt else { throw PyError.runtimeError("the session has ended") }
        let next = try rt.getIterator(v)
        while let x = try next() { _ = try yield(x) }
        return .none
    }
}

final class PyGenerator: PyObject {
    let channel: GeneratorChannel
    let frame: Frame
    private var started = false
    private var running = false
    let name: String

    init(rt: Interpreter, frame: Frame) {
        channel = GeneratorChannel(rt: rt)
        self.frame = frame
        name = frame.code.name
        super.init(cls: T.generator)
        frame.generator = channel
    }

    deinit {
        // A generator dropped while suspended is closed so its `finally` blocks run; when the
        // whole session is being torn down its thread is left parked instead.
        if started && !channel.finished && channel.rt != nil {
            channel.closing = true
            channel.resumeGenerator.signal()
            channel.resumeCaller.wait()
        }
    }

    func next() throws -> Value? { try resume(send: .none, throwing: nil) }

    /// Runs the body until the next `yield` (its value) or the end (nil).
    func resume(send: Value, throwing: PyException?) throws -> Value? {
        if channel.finished {
            if let t = throwing { throw PyError(t) }
            return nil
        }
        if running { throw PyError.valueError("generator already executing") }
        guard let rt = channel.rt else { throw PyError.runtimeError("the session has ended") }
        if !started {
            if !send.isNone { throw PyError.typeError("can't send non-None value to a just-started generator") }
            if let t = throwing {
                channel.finished = true
                throw PyError(t)
            }
            started = true
            let channel = self.channel, frame = self.frame
            // Weak: a generator left suspended must not keep its whole session alive.
            let thread = Thread { [weak rt] in
                Interpreter.setCurrent(rt)
                do {
                    _ = try frame.code.body(frame)
                    channel.returnValue = frame.returnValue
                } catch let e as PyError {
                    rt?.addTraceback(e.exception, frame: frame)
                    if e.exception.cls.isSubclass(of: T.stopIteration) {
                        let wrapped = PyException(cls: T.runtimeError, args: [.str("generator raised StopIteration")])
                        wrapped.cause = e.exception
                        wrapped.context = e.exception
                        channel.error = PyError(wrapped)
                    } else if !(channel.closing && e.exception.cls === T.generatorExit) {
                        channel.error = e
                    }
                } catch {
                    channel.error = PyError.runtimeError("\(error)")
                }
                channel.finished = true
                channel.resumeCaller.signal()
            }
            thread.stackSize = 256 << 20
            running = true
            thread.start()
        } else {
            channel.sent = send
            channel.thrown = throwing
            running = true
            channel.resumeGenerator.signal()
        }
        channel.resumeCaller.wait()
        running = false
        Interpreter.setCurrent(rt)
        if channel.finished {
            if let e = channel.error {
                channel.error = nil
                throw e
            }
            return nil
        }
        return channel.yielded
    }

    func close() throws {
        guard started && !channel.finished else {
            channel.finished = true
            return
        }
        channel.closing = true
        channel.resumeGenerator.signal()
        channel.resumeCaller.wait()
        if !channel.finished {
            throw PyError.runtimeError("generator ignored GeneratorExit")
        }
        if let e = channel.error {
            channel.error = nil
            throw e
        }
    }
}
