/// A small line diff (longest common subsequence) in unified style, for test reports.
enum UnifiedDiff {
    static func lines(expected: String, actual: String, context: Int = 2) -> [String] {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // LCS table, bounded: notebooks' outputs are small; fall back to whole replacement when huge.
        guard a.count * b.count <= 4_000_000 else {
            return ["--- stored", "+++ fresh"] + a.map { "-" + $0 } + b.map { "+" + $0 }
        }
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                ops.append((" ", a[i])); i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                ops.append(("+", b[j])); j += 1
            } else {
                ops.append(("-", a[i])); i += 1
            }
        }
        var out = ["--- stored", "+++ fresh"]
        var lastPrinted = -1
        for (k, op) in ops.enumerated() where op.0 != " " {
            let from = max(k - context, lastPrinted + 1)
            if from > lastPrinted + 1 && lastPrinted >= 0 { out.append("@@") }
            for c in from..<k { out.append(" " + ops[c].1) }
            out.append(String(op.0) + op.1)
            lastPrinted = k
            var next = k + 1
            while next < ops.count && next <= k + context && ops[next].0 == " " {
                out.append(" " + ops[next].1)
                lastPrinted = next
                next += 1
            }
        }
        return out
    }
}
