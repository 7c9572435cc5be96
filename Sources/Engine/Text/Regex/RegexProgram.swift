/// The compiled form of a regex and the backtracking machine that runs it.
///
/// The program is a flat list of instructions (as in Thompson/Pike VMs); `split`
/// tries its first target and remembers the second on a backtrack stack, which
/// gives leftmost-first (Perl, Python, Rust `regex`) alternation and greedy/lazy
/// quantifiers. Look-around bodies live in the same list after a `jump` and run as
/// nested, atomic sub-matches.

enum RegexInst {
    case scalar(UInt32)
    case scalarFolded(UInt32)
    case anyButNewline
    case anyScalar
    case charClass(Int)
    case split(Int, Int)
    case jump(Int)
    case save(Int)
    case assertion(RegexAssertion)
    case look(body: Int, ahead: Bool, negate: Bool)
    case backreference(Int, folded: Bool)
    /// Loop guards: a loop whose body can match empty stops when an iteration did not advance.
    case guardSet(Int)
    case guardCheck(Int)
    case match
}

struct RegexProgram {
    var insts: [RegexInst] = []
    var classes: [RegexCharClass] = []
    var slotCount = 0
    var pythonClasses = false
}

enum RegexCompiler {
    static func compile(_ node: RegexNode, captureCount: Int, pythonClasses: Bool) -> RegexProgram {
        var program = RegexProgram()
        program.pythonClasses = pythonClasses
        program.slotCount = 2 * (captureCount + 1)
        program.insts.append(.save(0))
        emit(node, into: &program)
        program.insts.append(.save(1))
        program.insts.append(.match)
        return program
    }

    private static func emit(_ node: RegexNode, into p: inout RegexProgram) {
        switch node {
        case .empty: break
        case let .scalar(c, caseInsensitive):
            if caseInsensitive && RegexCaseFolding.variants(of: c).count > 1 {
                p.insts.append(.scalarFolded(RegexCaseFolding.fold(c)))
            } else {
                p.insts.append(.scalar(c))
            }
        case let .any(dotAll): p.insts.append(dotAll ? .anyScalar : .anyButNewline)
        case var .charClass(cls):
            if p.pythonClasses && cls.usesPerlClasses {
                cls.pythonClasses = true
                cls.finish()
            }
            p.classes.append(cls)
            p.insts.append(.charClass(p.classes.count - 1))
        case let .concat(nodes):
            for n in nodes { emit(n, into: &p) }
        case let .alternation(branches):
            var exits: [Int] = []
            for (k, branch) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = p.insts.count
                    p.insts.append(.split(split + 1, -1))
                    emit(branch, into: &p)
                    exits.append(p.insts.count)
                    p.insts.append(.jump(-1))
                    p.insts[split] = .split(split + 1, p.insts.count)
                } else {
                    emit(branch, into: &p)
                }
            }
            for e in exits { p.insts[e] = .jump(p.insts.count) }
        case let .group(body, capture):
            if let c = capture { p.insts.append(.save(2 * c)) }
            emit(body, into: &p)
            if let c = capture { p.insts.append(.save(2 * c + 1)) }
        case let .quantified(body, min, max, greedy):
            for _ in 0..<min { emit(body, into: &p) }
            if let max = max {
                var exits: [Int] = []
                for _ in min..<max {
                    exits.append(p.insts.count)
                    p.insts.append(.jump(-1))  // patched into a split
                    emit(body, into: &p)
                }
                let end = p.insts.count
                for e in exits { p.insts[e] = greedy ? .split(e + 1, end) : .split(end, e + 1) }
            } else {
                let guardSlot: Int? = body.canBeEmpty ? p.slotCount : nil
                if guardSlot != nil { p.slotCount += 1 }
                let loop = p.insts.count
                p.insts.append(.jump(-1))
                if let g = guardSlot { p.insts.append(.guardSet(g)) }
                emit(body, into: &p)
                if let g = guardSlot { p.insts.append(.guardCheck(g)) }
                p.insts.append(.jump(loop))
                let end = p.insts.count
                p.insts[loop] = greedy ? .split(loop + 1, end) : .split(end, loop + 1)
            }
        case let .assertion(a): p.insts.append(.assertion(a))
        case let .look(body, ahead, negate):
            let look = p.insts.count
            p.insts.append(.look(body: look + 2, ahead: ahead, negate: negate))
            p.insts.append(.jump(-1))
            emit(body, into: &p)
            p.insts.append(.match)
            p.insts[look + 1] = .jump(p.insts.count)
        case let .backreference(n, folded): p.insts.append(.backreference(n, folded: folded))
        }
    }
}

/// One backtracking run over a scalar buffer. Reused across start positions so the
/// stack and slots are allocated once per search.
struct RegexVM {
    let program: RegexProgram
    let text: UnsafeBufferPointer<UInt32>
    private var stack: [Int] = []  // pairs: (pc, pos) choice points, or (-1 - slot, old value) restores
    private var slots: [Int]

    init(program: RegexProgram, text: UnsafeBufferPointer<UInt32>) {
        self.program = program
        self.text = text
        self.slots = [Int](repeating: -1, count: program.slotCount)
        stack.reserveCapacity(64)
    }

    /// Runs anchored at `start` (and ending at `requiredEnd` unless it is -1); the capture slots on success.
    mutating func run(at start: Int, requiredEnd: Int = -1) -> [Int]? {
        for k in slots.indices { slots[k] = -1 }
        stack.removeAll(keepingCapacity: true)
        return exec(pc: 0, pos: start, requiredEnd: requiredEnd) == nil ? nil : slots
    }

    /// Runs anchored at `start`; only the end of the match.
    mutating func runEnd(at start: Int) -> Int? {
        stack.removeAll(keepingCapacity: true)
        return exec(pc: 0, pos: start, requiredEnd: -1)
    }

    private mutating func exec(pc startPc: Int, pos startPos: Int, requiredEnd: Int) -> Int? {
        let base = stack.count
        var pc = startPc, pos = startPos
        let n = text.count
        while true {
            var ok = true
            switch program.insts[pc] {
            case let .scalar(c):
                if pos < n && text[pos] == c { pos += 1; pc += 1 } else { ok = false }
            case let .scalarFolded(c):
                if pos < n && RegexCaseFolding.fold(text[pos]) == c { pos += 1; pc += 1 } else { ok = false }
            case .anyButNewline:
                if pos < n && text[pos] != 0x0A { pos += 1; pc += 1 } else { ok = false }
            case .anyScalar:
                if pos < n { pos += 1; pc += 1 } else { ok = false }
            case let .charClass(k):
                if pos < n && program.classes[k].contains(text[pos]) { pos += 1; pc += 1 } else { ok = false }
            case let .split(first, second):
                stack.append(second)
                stack.append(pos)
                pc = first
            case let .jump(target):
                pc = target
            case let .save(slot), let .guardSet(slot):
                stack.append(-1 - slot)
                stack.append(slots[slot])
                slots[slot] = pos
                pc += 1
            case let .guardCheck(slot):
                if slots[slot] == pos { ok = false } else { pc += 1 }
            case let .assertion(a):
                if check(a, at: pos) { pc += 1 } else { ok = false }
            case let .look(body, ahead, negate):
                var found = false
                if ahead {
                    found = exec(pc: body, pos: pos, requiredEnd: -1) != nil
                } else {
                    var p = pos
                    while p >= 0 && !found {
                        found = exec(pc: body, pos: p, requiredEnd: pos) != nil
                        p -= 1
                    }
                }
                if found != negate { pc += 1 } else { ok = false }
            case let .backreference(group, folded):
                let s = slots[2 * group], e = slots[2 * group + 1]
                if s < 0 || e < s {
                    ok = false
                } else {
                    let len = e - s
                    if pos + len > n { ok = false } else {
                        for k in 0..<len {
                            let a = text[s + k], b = text[pos + k]
                            if a != b && !(folded && RegexCaseFolding.fold(a) == RegexCaseFolding.fold(b)) { ok = false; break }
                        }
                        if ok { pos += len; pc += 1 }
                    }
                }
            case .match:
                if requiredEnd < 0 || pos == requiredEnd {
                    stack.removeSubrange(base...)
                    return pos
                }
                ok = false
            }
            if ok { continue }
            // Backtrack: undo slot writes until the most recent choice point.
            var resumed = false
            while stack.count > base {
                let value = stack.removeLast()
                let tag = stack.removeLast()
                if tag < 0 {
                    slots[-1 - tag] = value
                } else {
                    pc = tag
                    pos = value
                    resumed = true
                    break
                }
            }
            if !resumed { return nil }
        }
    }

    private func check(_ a: RegexAssertion, at pos: Int) -> Bool {
        let n = text.count
        switch a {
        case .textStart: return pos == 0
        case .textEnd: return pos == n
        case .textEndOrFinalNewline: return pos == n || (pos == n - 1 && text[pos] == 0x0A)
        case .lineStart: return pos == 0 || text[pos - 1] == 0x0A
        case .lineEnd: return pos == n || text[pos] == 0x0A
        case .wordBoundary, .notWordBoundary:
            let isWord = program.pythonClasses ? UnicodeProperties.isPythonWordCharacter : UnicodeProperties.isWordCharacter
            let before = pos > 0 && isWord(text[pos - 1])
            let after = pos < n && isWord(text[pos])
            return (before != after) == (a == .wordBoundary)
        }
    }
}
