/// A `TokenBatch` as the kernels read it: Int32 ids, positions, masks and shifted targets.
///
/// Positions follow what transformers computes when the caller passes no `position_ids`:
/// packed rows (documentIDs set) use the batch's per-document positions; OPT counts only
/// unmasked tokens (`cumsum(mask) * mask - 1`); every other family numbers 0..<T per row.
final class DecoderInputs {
    let rows: Int, columns: Int
    var count: Int { rows * columns }
    let ids: UnsafeMutablePointer<Int32>
    let positions: UnsafeMutablePointer<Int32>
    /// nil when no position is padding (cheaper attention).
    let keyPadding: UnsafeMutablePointer<Int32>?
    let documents: UnsafeMutablePointer<Int32>?
    /// labels shifted by one (HF ForCausalLMLoss); -100 = not a target.
    let targets: UnsafeMutablePointer<Int32>

    init(_ batch: TokenBatch, spec: DecoderSpec, explicitPositions: [Int]? = nil) throws {
        rows = batch.rows
        columns = batch.columns
        let n = rows * columns
        guard rows > 0, columns > 0 else {
            throw KernelError("the batch is empty (\(rows) rows × \(columns) columns); give at least one token")
        }
        for (name, count) in [("input_ids", batch.inputIDs.count), ("labels", batch.labels.count),
                              ("attention_mask", batch.attentionMask.count), ("position_ids", batch.positionIDs.count),
                              ("document ids", batch.documentIDs?.count ?? n)] where count != n {
            throw KernelError("the batch's \(name) has \(count) entries, expected rows × columns = \(rows) × \(columns) = \(n)")
        }
        ids = .allocate(capacity: n)
        positions = .allocate(capacity: n)
        targets = .allocate(capacity: n)
        let padded = batch.attentionMask.contains { $0 == 0 }
        keyPadding = padded ? .allocate(capacity: n) : nil
        documents = batch.documentIDs == nil ? nil : .allocate(capacity: n)
        for i in 0..<n {
            ids[i] = Int32(truncatingIfNeeded: batch.inputIDs[i])
            keyPadding?[i] = batch.attentionMask[i] == 0 ? 0 : 1
            if let docs = batch.documentIDs { documents?[i] = Int32(truncatingIfNeeded: docs[i]) }
        }
        if let explicitPositions {
            for i in 0..<n { positions[i] = Int32(truncatingIfNeeded: explicitPositions[i]) }
        } else if batch.documentIDs != nil {
            for i in 0..<n { positions[i] = Int32(truncatingIfNeeded: batch.positionIDs[i]) }
        } else if spec.positionsFromAttentionMask {
            for r in 0..<rows {
                var sum: Int32 = 0
                for c in 0..<columns {
                    let m: Int32 = batch.attentionMask[r * columns + c] == 0 ? 0 : 1
                    sum += m
                    positions[r * columns + c] = sum * m - 1
                }
            }
        } else {
            for r in 0..<rows { for c in 0..<columns { positions[r * columns + c] = Int32(c) } }
        }
        let labels = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        defer { labels.deallocate() }
        for i in 0..<n { labels[i] = Int32(truncatingIfNeeded: batch.labels[i]) }
        CrossEntropy.shiftLabels(labels, into: targets, batch: rows, seqLen: columns)
    }

    deinit {
        ids.deallocate(); positions.deallocate(); targets.deallocate()
        keyPadding?.deallocate(); documents?.deallocate()
    }

    func mask(window: Int?) -> Attention.Mask {
        Attention.Mask(causal: true, keyPadding: UnsafePointer(keyPadding), documentIds: UnsafePointer(documents), window: window)
    }
}
