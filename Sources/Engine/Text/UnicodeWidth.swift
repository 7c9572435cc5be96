/// How many terminal columns a character takes, as Python's `unicodedata.east_asian_width`
/// tells it (W and F: two; everything else: one) — what CPython 3.11 counts when it places the
/// carets of a traceback under a line with wide characters. Table: `EastAsianWidthTables.swift`.
public enum UnicodeWidth {
    /// Two for East Asian Wide and Fullwidth characters, else one.
    public static func columns(_ c: Unicode.Scalar) -> Int {
        c.value < eastAsianWideRanges[0].0 || !isWide(c.value) ? 1 : 2
    }

    /// Binary search of the sorted, disjoint ranges.
    static func isWide(_ v: UInt32) -> Bool {
        var lo = 0, hi = eastAsianWideRanges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if eastAsianWideRanges[mid].1 < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < eastAsianWideRanges.count && eastAsianWideRanges[lo].0 <= v
    }
}
