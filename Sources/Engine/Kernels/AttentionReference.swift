import Foundation

/// Naive attention in Double, one (batch, head, query, key) at a time: what the tests hold
/// `Attention.forward`/`backward` to. Same layouts, masks and accumulate semantics.
extension Attention {
    public static func forwardReference(
        out: UnsafeMutablePointer<Float>, probs: UnsafeMutablePointer<Float>,
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        shape s: Shape, mask: Mask, scale: Float, dropout: DropoutSpec? = nil
    ) {
        let t = s.seqLen, d = s.headDim
        for b in 0..<s.batch {
            for h in 0..<s.heads {
                let kvh = h / s.group, pair = b * s.heads + h
                for i in 0..<t {
                    var logits = [Double](repeating: -.infinity, count: t)
                    var any = false
                    for j in 0..<t where mask.allowed(batch: b, query: i, key: j, seqLen: t) {
                        var dotv = 0.0
                        for c in 0..<d {
                            dotv += Double(q[(b * t + i) * s.qRow + h * d + c]) * Double(k[(b * t + j) * s.kvRow + kvh * d + c])
                        }
                        logits[j] = dotv * Double(scale)
                        any = true
                    }
                    var pr = [Double](repeating: 1 / Double(t), count: t)
                    if any {
                        let mx = logits.max() ?? 0
                        let e = logits.map { $0 == -.infinity ? 0 : Foundation.exp($0 - mx) }
                        let sum = e.reduce(0, +)
                        pr = e.map { $0 / sum }
                    }
                    for j in 0..<t { probs[(pair * t + i) * t + j] = Float(pr[j]) }
                    for c in 0..<d {
                        var acc = 0.0
                        for j in 0..<t {
                            let f = dropout.map { Double(Dropout.factor(at: (pair * t + i) * t + j, spec: $0)) } ?? 1
                            acc += pr[j] * f * Double(v[(b * t + j) * s.kvRow + kvh * d + c])
                        }
                        out[(b * t + i) * s.qRow + h * d + c] = Float(acc)
                    }
                }
            }
        }
    }

    public static func backwardReference(
        dq: UnsafeMutablePointer<Float>, dk: UnsafeMutablePointer<Float>, dv: UnsafeMutablePointer<Float>,
        dout: UnsafePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        probs: UnsafePointer<Float>, shape s: Shape, scale: Float, dropout: DropoutSpec? = nil
    ) {
        let t = s.seqLen, d = s.headDim
        for b in 0..<s.batch {
            for h in 0..<s.heads {
                let kvh = h / s.group, pair = b * s.heads + h
                for i in 0..<t {
                    let qi = (b * t + i) * s.qRow + h * d
                    var dp = [Double](repeating: 0, count: t)
                    for j in 0..<t {
                        let f = dropout.map { Double(Dropout.factor(at: (pair * t + i) * t + j, spec: $0)) } ?? 1
                        let pj = Double(probs[(pair * t + i) * t + j])
                        let vj = (b * t + j) * s.kvRow + kvh * d
                        var acc = 0.0
                        for c in 0..<d {
                            acc += Double(dout[qi + c]) * Double(v[vj + c])
                            dv[vj + c] += Float(pj * f * Double(dout[qi + c]))
                        }
                        dp[j] = acc * f
                    }
                    var dotv = 0.0
                    for j in 0..<t { dotv += Double(probs[(pair * t + i) * t + j]) * dp[j] }
                    for j in 0..<t {
                        let dsj = Double(probs[(pair * t + i) * t + j]) * (dp[j] - dotv) * Double(scale)
                        let kj = (b * t + j) * s.kvRow + kvh * d
                        for c in 0..<d {
                            dq[qi + c] += Float(dsj * Double(k[kj + c]))
                            dk[kj + c] += Float(dsj * Double(q[qi + c]))
                        }
                    }
                }
            }
        }
    }
}
