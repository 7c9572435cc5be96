import Testing
@testable import Engine

@Suite struct ActivationTests {
    @Test(arguments: [("gelu", Activation.gelu), ("gelu_new", .geluTanh), ("gelu_pytorch_tanh", .geluTanh),
                      ("silu", .silu), ("relu", .relu)])
    func matchesTransformersACT2FN(name: String, act: Activation) throws {
        #expect(try Activation(hfName: name) == act)
        let f = try KT.fixture("activations")
        let x = try KT.floats(f["x"])
        let golden = try #require(f[name] as? [String: Any])
        var y = [Float](repeating: 0, count: x.count)
        act.forward(y: &y, x: x, count: x.count)
        KT.expectClose(y, try KT.floats(golden["y"]), rtol: 2e-6, atol: 1e-6, "\(name) y")
        var dx = [Float](repeating: 0, count: x.count)
        act.backward(dx: &dx, dy: [Float](repeating: 1, count: x.count), x: x, count: x.count)
        KT.expectClose(dx, try KT.floats(golden["dydx"]), rtol: 2e-6, atol: 2e-6, "\(name) dy/dx")
    }

    @Test(arguments: Activation.allCases)
    func matchesDoubleReferenceAndAccumulates(act: Activation) {
        let x = KT.random(203, seed: 3, scale: 6)
        var y = [Float](repeating: 0, count: x.count)
        act.forward(y: &y, x: x, count: x.count)
        KT.expectClose(y, x.map { Float(act.reference(Double($0))) }, rtol: 2e-6, atol: 1e-6, "y")
        let dy = KT.random(x.count, seed: 4)
        var dx = [Float](repeating: 0.5, count: x.count)
        act.backward(dx: &dx, dy: dy, x: x, count: x.count)
        let want = x.indices.map { 0.5 + dy[$0] * Float(act.referenceGrad(Double(x[$0]))) }
        KT.expectClose(dx, want, rtol: 2e-6, atol: 2e-6, "dx")
    }

    @Test func unknownActivationThrows() {
        #expect(throws: KernelError.self) { try Activation(hfName: "quick_gelu") }
    }

    @Test func swigluMatchesFiniteDifferences() {
        let count = 29
        let gate = KT.random(count, seed: 5, scale: 3), up = KT.random(count, seed: 6), dy = KT.random(count, seed: 7)
        var y = [Float](repeating: 0, count: count)
        SwiGLU.forward(y: &y, gate: gate, up: up, count: count)
        for i in 0..<count {
            let g = Double(gate[i])
            #expect(abs(Double(y[i]) - g / (1 + (-g).exponentialValue) * Double(up[i])) < 1e-6)
        }
        var dg = [Float](repeating: 0, count: count), du = dg
        SwiGLU.backward(dGate: &dg, dUp: &du, dy: dy, gate: gate, up: up, count: count)
        func loss(_ g: [Float], _ u: [Float]) -> Double {
            var y = [Float](repeating: 0, count: count)
            SwiGLU.forward(y: &y, gate: g, up: u, count: count)
            return KT.weightedSum(y, dy)
        }
        KT.expectGradient(gate, analytic: dg, "dGate") { loss($0, up) }
        KT.expectGradient(up, analytic: du, "dUp") { loss(gate, $0) }
    }

    @Test func residualAddAndAccumulate() {
        let a = KT.random(19, seed: 8), b = KT.random(19, seed: 9)
        var out = [Float](repeating: 0, count: 19)
        Residual.add(out: &out, a: a, b: b, count: 19)
        KT.expectClose(out, zip(a, b).map { $0 + $1 }, "add")
        var acc = a
        Residual.accumulate(into: &acc, b, count: 19)
        KT.expectClose(acc, out, "accumulate")
    }
}

private extension Double {
    var exponentialValue: Double { Foundation.exp(self) }
}

import Foundation
