/// Seeds for independent random streams named by a position, e.g. (run seed, global step,
/// micro-batch) for the dropout of one forward pass. A stream that is a pure function of where
/// training is needs no saving: a run resumed from a checkpoint draws the same masks as one
/// that never stopped.
public enum StreamSeed {
    /// Folds each part of `path` into `seed` with a Philox block (a keyed bijection of the
    /// counter), so nearby paths such as (step 3, micro 1) and (step 3, micro 2) give unrelated seeds.
    public static func derive(_ seed: UInt64, _ path: UInt64...) -> UInt64 {
        var h = seed
        for part in path {
            let block = Philox.block(key: h, counter: part)
            h = UInt64(block[0]) << 32 | UInt64(block[1])
        }
        return h
    }
}
