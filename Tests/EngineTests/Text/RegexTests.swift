import Testing
@testable import Engine

/// The regex engine against Python's `re` (cases generated once with CPython 3.11), and
/// the hand-written pre-tokenizer matchers against the engine on the same patterns.
@Suite struct RegexTests {
    static let pythonCases: [(String, RegexFlags, String, [[Int]], [[Int]])] = [
        ("a+", [], "caaab aa", [[1, 4], [6, 8]], []),
        ("a*?b", [], "aaab ab b", [[0, 4], [5, 7], [8, 9]], []),
        ("(\\w+)@(\\w+)\\.com", [], "mail bob@example.com and amy@test.com", [[5, 20], [25, 37]], [[5, 8], [9, 16]]),
        ("(?P<year>\\d{4})-(?P<month>\\d\\d)", [], "on 2024-05 and 1999-12", [[3, 10], [15, 22]], [[3, 7], [8, 10]]),
        ("colou?r", [], "color colour colouur", [[0, 5], [6, 12]], []),
        ("\\bcat\\b", [], "cat concat cat's bobcat", [[0, 3], [11, 14]], []),
        ("\\Bcat", [], "cat concat bobcat", [[7, 10], [14, 17]], []),
        ("^\\s*#", [.multiline], "x\n  # c\n#d", [[2, 5], [8, 9]], []),
        ("end$", [], "the end", [[4, 7]], []),
        ("end$", [], "the end\n", [[4, 7]], []),
        ("^a", [], "a\na", [[0, 1]], []),
        ("^a", [.multiline], "a\na", [[0, 1], [2, 3]], []),
        ("(?i)hello", [], "Hello HELLO hElLo", [[0, 5], [6, 11], [12, 17]], []),
        ("(?i:ab)c", [], "ABc abC Abc", [[0, 3], [8, 11]], []),
        ("[^aeiou\\s]+", [], "strength in rhythm", [[0, 3], [4, 8], [10, 11], [12, 18]], []),
        ("[a-cx-z]+", [], "abcxyz def", [[0, 6]], []),
        ("[\\d.]+", [], "pi 3.14 and 2.71", [[3, 7], [12, 16]], []),
        ("(a|ab)(c|bcd)(d*)", [], "abcd", [[0, 4]], [[0, 1], [1, 4], [4, 4]]),
        ("(\\w)\\1", [], "hello aabb", [[2, 4], [6, 8], [8, 10]], [[2, 3]]),
        ("(?<=\\$)\\d+", [], "cost $42 or 17", [[6, 8]], []),
        ("(?<!\\$)\\b\\d+", [], "cost $42 or 17", [[12, 14]], []),
        ("\\d+(?=%)", [], "50% of 30 is 15%", [[0, 2], [13, 15]], []),
        ("foo(?!bar)", [], "foobar foobaz", [[7, 10]], []),
        ("x{2,3}", [], "x xx xxx xxxx", [[2, 4], [5, 8], [9, 12]], []),
        ("x{2,}?", [], "xxxxx", [[0, 2], [2, 4]], []),
        ("a{,2}b", [], "aaab", [[1, 4]], []),
        ("\\.", [], "a.b.c", [[1, 2], [3, 4]], []),
        (".+", [], "line1\nline2", [[0, 5], [6, 11]], []),
        (".+", [.dotAll], "line1\nline2", [[0, 11]], []),
        ("\\s+", [], "a \t\n b", [[1, 5]], []),
        ("[\\u00e0-\\u00ff]+", [], "café naïve", [[3, 4], [7, 8]], []),
        ("日本+", [], "日本本 日本", [[0, 3], [4, 6]], []),
        ("(a|b)*c", [], "ababc", [[0, 5]], [[3, 4]]),
        ("", [], "ab", [[0, 0], [1, 1], [2, 2]], []),
        ("\\W+", [], "hi, there! ok", [[2, 4], [9, 11]], []),
        ("\\D+", [], "ab12cd", [[0, 2], [4, 6]], []),
        ("(?:ab)+", [], "ababab abx", [[0, 6], [7, 9]], []),
        ("a|b|c", [], "xcbay", [[1, 2], [2, 3], [3, 4]], []),
        ("\\x41\\u0042", [], "ABAB", [[0, 2], [2, 4]], []),
        ("[\\]\\-]+", [], "a]-]b", [[1, 4]], []),
        ("(?x) a b  # comment\\n c", [], "abc abc", [[0, 2], [4, 6]], []),
        ("(\\d+)-(\\d+)?", [], "1-2 3-", [[0, 3], [4, 6]], [[0, 1], [2, 3]]),
        ("\\Aab", [], "abab", [[0, 2]], []),
        ("ab\\Z", [], "abab", [[2, 4]], []),
        ("[\\w-]+", [], "well-known x_y", [[0, 10], [11, 14]], []),
    ]

    @Test func matchesPythonRe() throws {
        for (pattern, flags, text, spans, groups) in Self.pythonCases {
            let re = try Regex(pattern, flags: flags)
            let got = re.allMatches(in: text).map { [$0.range.lowerBound, $0.range.upperBound] }
            #expect(got == spans, "\(pattern.debugDescription) on \(text.debugDescription)")
            if let first = re.firstMatch(in: text) {
                let caps = first.captures.dropFirst().map { $0.map { [$0.lowerBound, $0.upperBound] } ?? [-1, -1] }
                #expect(Array(caps) == groups, "groups of \(pattern.debugDescription)")
            }
        }
    }

    @Test func namedGroupsAndErrors() throws {
        let re = try Regex(#"(?P<key>\w+)=(?P<value>\w+)"#)
        #expect(re.groupNames == ["key": 1, "value": 2])
        #expect(re.groupCount == 2)
        for bad in ["(", "a)", "[a-", "*a", #"\p{Bogus}"#, "a{3,1}", #"\q"#] {
            #expect(throws: RegexError.self, "\(bad) should not compile") { try Regex(bad) }
        }
        do {
            _ = try Regex("ab(c")
            Issue.record("expected an error")
        } catch let e as RegexError {
            #expect(e.description.contains("position"))
        }
    }

    /// Python's \w, \s and \b (results from CPython 3.11) versus the Rust-regex defaults.
    @Test func pythonClassesFlag() throws {
        let cases: [(String, String, [Range<Int>], [Range<Int>])] = [
            (#"\w+"#, "naïve e\u{301} ½ ²x_1 ٣", [0..<5, 6..<7, 9..<10, 11..<15, 16..<17], [0..<5, 6..<8, 12..<15, 16..<17]),
            (#"\s+"#, "a\u{1c}b\u{1f} c\u{a0}d\u{2003}e", [1..<2, 3..<5, 6..<7, 8..<9], [4..<5, 6..<7, 8..<9]),
            (#"\bx\b"#, "x\u{301} x ½x x½", [0..<1, 3..<4], [3..<4, 6..<7, 8..<9]),
        ]
        for (pattern, text, python, rust) in cases {
            #expect(try Regex(pattern, flags: .pythonClasses).allMatches(in: text).map(\.range) == python, "\(pattern)")
            #expect(try Regex(pattern).allMatches(in: text).map(\.range) == rust, "\(pattern) (Rust classes)")
        }
    }

    @Test func anchoredMatchesAndEscape() throws {
        let re = try Regex(#"a+?"#)
        #expect(re.matchPrefix(in: "aaab")?.range == 0..<1)
        #expect(re.fullMatch(in: "aaa")?.range == 0..<3)  // lazy, yet backtracks to the full length
        #expect(re.fullMatch(in: "aab") == nil)
        #expect(re.matchPrefix(in: "baa") == nil)
        let escaped = Regex.escape("1+1=2? (yes) [a-b] \\ $x.y")
        #expect(try Regex(escaped).fullMatch(in: "1+1=2? (yes) [a-b] \\ $x.y") != nil)
    }

    @Test func unicodeCategories() throws {
        let re = try Regex(#"\p{Lu}+|\p{N}+|\p{P}"#)
        let got = re.allMatches(in: "ÀBCdé٣٤5¾,").map(\.range)
        #expect(got == [0..<3, 5..<9, 9..<10])
        #expect(UnicodeCategory.of(0x1F600) == .So)
        #expect(UnicodeCategory.of(0x4E2D) == .Lo)
        #expect(UnicodeCategory.of(0x0301) == .Mn)
        #expect(UnicodeCategory.of(0x10FFFF) == .Cn)
        #expect(UnicodeCategory.of(0x1D518) == .Lu)  // 𝔘, outside the BMP table
    }

    static let samplePool: [UInt32] = Array("aZé ß'sSltTdDmMrRevVL0189٣¾\n\r\t\u{a0}\u{3000}.,!?-_()\"日本😀👍\u{301}\u{200b}".unicodeScalars.map(\.value))

    @Test(arguments: [SplitPattern.gpt2Pattern, SplitPattern.llama3Pattern, SplitPattern.qwen2Pattern])
    func fastMatchersAgreeWithTheEngine(pattern: String) throws {
        let fast = try SplitPattern.compile(pattern)
        if case .general = fast { Issue.record("no fast path for a known pattern") }
        let engine = SplitPattern.general(try Regex(pattern))
        var rng = SplitMix(seed: 11)
        var texts: [[UInt32]] = (0..<400).map { _ in
            (0..<Int(rng.next() % 24)).map { _ in Self.samplePool[Int(rng.next() % UInt64(Self.samplePool.count))] }
        }
        texts += ["it's 'S 'Re", "  \n\n  x", "a \r\n\r\n b", "123456 7", " !!\n\n", "\t\t", "x  "].map { $0.unicodeScalars.map(\.value) }
        for t in texts {
            var a: [Range<Int>] = [], b: [Range<Int>] = []
            t.withUnsafeBufferPointer { buf in
                fast.matches(in: buf, range: 0..<buf.count, into: &a)
                engine.matches(in: buf, range: 0..<buf.count, into: &b)
            }
            #expect(a == b, "\(String(String.UnicodeScalarView(t.compactMap(Unicode.Scalar.init))).debugDescription)")
        }
    }
}
