import Testing
@testable import Engine

@Suite struct NormTests {
    // 37 columns: exercises the SIMD body and the scalar tail.
    let n = 4, c = 37

    @Test func layerNormMatchesReferenceAndFiniteDifferences() {
        let x = KT.random(n * c, seed: 1, scale: 2), w = KT.random(c, seed: 2), b = KT.random(c, seed: 3)
        let dy = KT.random(n * c, seed: 4)
        var y = [Float](repeating: 0, count: n * c), yr = y
        var mean = [Float](repeating: 0, count: n), rstd = mean, meanr = mean, rstdr = mean
        LayerNorm.forward(out: &y, mean: &mean, rstd: &rstd, x: x, w: w, b: b, rows: n, dim: c, eps: 1e-5)
        LayerNorm.forwardReference(out: &yr, mean: &meanr, rstd: &rstdr, x: x, w: w, b: b, rows: n, dim: c, eps: 1e-5)
        KT.expectClose(y, yr, "y"); KT.expectClose(rstd, rstdr, "rstd")
        var dx = KT.random(n * c, seed: 5), dw = KT.random(c, seed: 6), db = KT.random(c, seed: 7)
        var dxr = dx, dwr = dw, dbr = db
        LayerNorm.backward(dx: &dx, dw: &dw, db: &db, dout: dy, x: x, mean: mean, rstd: rstd, w: w, rows: n, dim: c)
        LayerNorm.backwardReference(dx: &dxr, dw: &dwr, db: &dbr, dout: dy, x: x, mean: mean, rstd: rstd, w: w, rows: n, dim: c)
        KT.expectClose(dx, dxr, rtol: 1e-4, atol: 1e-5, "dx"); KT.expectClose(dw, dwr, rtol: 1e-4, atol: 1e-5, "dw")
        KT.expectClose(db, dbr, "db")

        var gx = [Float](repeating: 0, count: n * c), gw = [Float](repeating: 0, count: c), gb = gw
        LayerNorm.backward(dx: &gx, dw: &gw, db: &gb, dout: dy, x: x, mean: mean, rstd: rstd, w: w, rows: n, dim: c)
        func loss(_ x: [Float], _ w: [Float], _ b: [Float]) -> Double {
            var y = [Float](repeating: 0, count: n * c), m = [Float](repeating: 0, count: n), s = m
            LayerNorm.forward(out: &y, mean: &m, rstd: &s, x: x, w: w, b: b, rows: n, dim: c, eps: 1e-5)
            return KT.weightedSum(y, dy)
        }
        KT.expectGradient(x, analytic: gx, eps: 1e-2, "dx") { loss($0, w, b) }
        KT.expectGradient(w, analytic: gw, "dw") { loss(x, $0, b) }
        KT.expectGradient(b, analytic: gb, "db") { loss(x, w, $0) }
    }

    @Test func rmsNormMatchesReferenceAndFiniteDifferences() {
        let x = KT.random(n * c, seed: 11, scale: 2), w = KT.random(c, seed: 12), dy = KT.random(n * c, seed: 14)
        var y = [Float](repeating: 0, count: n * c), yr = y
        var rstd = [Float](repeating: 0, count: n), rstdr = rstd
        RMSNorm.forward(out: &y, rstd: &rstd, x: x, w: w, rows: n, dim: c, eps: 1e-6)
        RMSNorm.forwardReference(out: &yr, rstd: &rstdr, x: x, w: w, rows: n, dim: c, eps: 1e-6)
        KT.expectClose(y, yr, "y")
        var dx = KT.random(n * c, seed: 15), dw = KT.random(c, seed: 16)
        var dxr = dx, dwr = dw
        RMSNorm.backward(dx: &dx, dw: &dw, dout: dy, x: x, rstd: rstd, w: w, rows: n, dim: c)
        RMSNorm.backwardReference(dx: &dxr, dw: &dwr, dout: dy, x: x, rstd: rstd, w: w, rows: n, dim: c)
        KT.expectClose(dx, dxr, rtol: 1e-4, atol: 1e-5, "dx"); KT.expectClose(dw, dwr, rtol: 1e-4, atol: 1e-5, "dw")

        var gx = [Float](repeating: 0, count: n * c), gw = [Float](repeating: 0, count: c)
        RMSNorm.backward(dx: &gx, dw: &gw, dout: dy, x: x, rstd: rstd, w: w, rows: n, dim: c)
        func loss(_ x: [Float], _ w: [Float]) -> Double {
            var y = [Float](repeating: 0, count: n * c), s = [Float](repeating: 0, count: n)
            RMSNorm.forward(out: &y, rstd: &s, x: x, w: w, rows: n, dim: c, eps: 1e-6)
            return KT.weightedSum(y, dy)
        }
        KT.expectGradient(x, analytic: gx, "dx") { loss($0, w) }
        KT.expectGradient(w, analytic: gw, "dw") { loss(x, $0) }
    }

    @Test func matchTorchFixtures() throws {
        let f = try KT.fixture("norms")
        let ln = try #require(f["layerNorm"] as? [String: Any])
        let (rows, dim) = (3, 10)
        let x = try KT.floats(ln["x"]), w = try KT.floats(ln["w"]), b = try KT.floats(ln["b"]), dy = try KT.floats(ln["dy"])
        var y = [Float](repeating: 0, count: rows * dim), mean = [Float](repeating: 0, count: rows), rstd = mean
        LayerNorm.forward(out: &y, mean: &mean, rstd: &rstd, x: x, w: w, b: b, rows: rows, dim: dim, eps: 1e-5)
        KT.expectClose(y, try KT.floats(ln["y"]), rtol: 1e-5, atol: 1e-5, "LayerNorm y")
        var dx = [Float](repeating: 0, count: rows * dim), dw = [Float](repeating: 0, count: dim), db = dw
        LayerNorm.backward(dx: &dx, dw: &dw, db: &db, dout: dy, x: x, mean: mean, rstd: rstd, w: w, rows: rows, dim: dim)
        KT.expectClose(dx, try KT.floats(ln["dx"]), rtol: 1e-5, atol: 1e-5, "LayerNorm dx")
        KT.expectClose(dw, try KT.floats(ln["dw"]), rtol: 1e-5, atol: 1e-5, "LayerNorm dw")
        KT.expectClose(db, try KT.floats(ln["db"]), rtol: 1e-5, atol: 1e-5, "LayerNorm db")

        let rm = try #require(f["rmsNorm"] as? [String: Any])
        let x2 = try KT.floats(rm["x"]), w2 = try KT.floats(rm["w"]), dy2 = try KT.floats(rm["dy"])
        var y2 = [Float](repeating: 0, count: rows * dim), r2 = [Float](repeating: 0, count: rows)
        RMSNorm.forward(out: &y2, rstd: &r2, x: x2, w: w2, rows: rows, dim: dim, eps: 1e-6)
        KT.expectClose(y2, try KT.floats(rm["y"]), rtol: 1e-5, atol: 1e-5, "RMSNorm y")
        var dx2 = [Float](repeating: 0, count: rows * dim), dw2 = [Float](repeating: 0, count: dim)
        RMSNorm.backward(dx: &dx2, dw: &dw2, dout: dy2, x: x2, rstd: r2, w: w2, rows: rows, dim: dim)
        KT.expectClose(dx2, try KT.floats(rm["dx"]), rtol: 1e-5, atol: 1e-5, "RMSNorm dx")
        KT.expectClose(dw2, try KT.floats(rm["dw"]), rtol: 1e-5, atol: 1e-5, "RMSNorm dw")
    }
}
