import Testing
@testable import Engine

@Suite struct LinearTests {
    let n = 5, fin = 7, fout = 6

    @Test func linearForwardAndBackwardMatchReference() {
        let x = KT.random(n * fin, seed: 1), w = KT.random(fout * fin, seed: 2), b = KT.random(fout, seed: 3)
        let dy = KT.random(n * fout, seed: 4)
        var y = [Float](repeating: 0, count: n * fout), yr = y
        Linear.forward(y: &y, x: x, w: w, b: b, rows: n, inFeatures: fin, outFeatures: fout)
        Linear.forwardReference(y: &yr, x: x, w: w, b: b, rows: n, inFeatures: fin, outFeatures: fout)
        KT.expectClose(y, yr, "y")
        // Gradients start non-zero to check accumulation.
        var dx = KT.random(n * fin, seed: 5), dw = KT.random(fout * fin, seed: 6), db = KT.random(fout, seed: 7)
        var dxr = dx, dwr = dw, dbr = db
        Linear.backward(dx: &dx, dw: &dw, db: &db, dy: dy, x: x, w: w, rows: n, inFeatures: fin, outFeatures: fout)
        Linear.backwardReference(dx: &dxr, dw: &dwr, db: &dbr, dy: dy, x: x, w: w, rows: n, inFeatures: fin, outFeatures: fout)
        KT.expectClose(dx, dxr, "dx"); KT.expectClose(dw, dwr, "dw"); KT.expectClose(db, dbr, "db")
    }

    @Test func linearBackwardMatchesFiniteDifferences() {
        let x = KT.random(n * fin, seed: 11), w = KT.random(fout * fin, seed: 12), b = KT.random(fout, seed: 13)
        let dy = KT.random(n * fout, seed: 14)
        var dx = [Float](repeating: 0, count: n * fin), dw = [Float](repeating: 0, count: fout * fin)
        var db = [Float](repeating: 0, count: fout)
        Linear.backward(dx: &dx, dw: &dw, db: &db, dy: dy, x: x, w: w, rows: n, inFeatures: fin, outFeatures: fout)
        func loss(_ x: [Float], _ w: [Float], _ b: [Float]) -> Double {
            var y = [Float](repeating: 0, count: n * fout)
            Linear.forward(y: &y, x: x, w: w, b: b, rows: n, inFeatures: fin, outFeatures: fout)
            return KT.weightedSum(y, dy)
        }
        KT.expectGradient(x, analytic: dx, "dx") { loss($0, w, b) }
        KT.expectGradient(w, analytic: dw, "dw") { loss(x, $0, b) }
        KT.expectGradient(b, analytic: db, "db") { loss(x, w, $0) }
    }

    @Test func frozenWeightsGetNoGradient() {
        let x = KT.random(n * fin, seed: 21), w = KT.random(fout * fin, seed: 22), dy = KT.random(n * fout, seed: 23)
        var dx = [Float](repeating: 0, count: n * fin), dxr = dx
        Linear.backward(dx: &dx, dw: nil, db: nil, dy: dy, x: x, w: w, rows: n, inFeatures: fin, outFeatures: fout)
        Linear.backwardReference(dx: &dxr, dw: nil, db: nil, dy: dy, x: x, w: w, rows: n, inFeatures: fin, outFeatures: fout)
        KT.expectClose(dx, dxr, "dx")
    }

    @Test func conv1DEqualsLinearWithTransposedWeight() {
        let x = KT.random(n * fin, seed: 31), w = KT.random(fout * fin, seed: 32), b = KT.random(fout, seed: 33)
        let dy = KT.random(n * fout, seed: 34)
        var wt = [Float](repeating: 0, count: fin * fout)
        for o in 0..<fout { for i in 0..<fin { wt[i * fout + o] = w[o * fin + i] } }
        var y = [Float](repeating: 0, count: n * fout), yc = y
        Linear.forward(y: &y, x: x, w: w, b: b, rows: n, inFeatures: fin, outFeatures: fout)
        Conv1D.forward(y: &yc, x: x, w: wt, b: b, rows: n, inFeatures: fin, outFeatures: fout)
        KT.expectClose(yc, y, "y")
        var dx = [Float](repeating: 0, count: n * fin), dw = [Float](repeating: 0, count: fout * fin)
        var db = [Float](repeating: 0, count: fout)
        var dxc = dx, dwc = dw, dbc = db
        Linear.backward(dx: &dx, dw: &dw, db: &db, dy: dy, x: x, w: w, rows: n, inFeatures: fin, outFeatures: fout)
        Conv1D.backward(dx: &dxc, dw: &dwc, db: &dbc, dy: dy, x: x, w: wt, rows: n, inFeatures: fin, outFeatures: fout)
        var dwcT = [Float](repeating: 0, count: fout * fin)
        for o in 0..<fout { for i in 0..<fin { dwcT[o * fin + i] = dwc[i * fout + o] } }
        KT.expectClose(dxc, dx, "dx"); KT.expectClose(dwcT, dw, "dw"); KT.expectClose(dbc, db, "db")
    }
}
