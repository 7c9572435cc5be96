/// Builds one column while a file is parsed, inferring its type as values arrive: the
/// JSON parser writes each value straight into typed storage (`[Int64]`, `[String]`,
/// list offsets + a child builder, one child builder per struct field), so loading
/// never materialises a `DataValue` per cell. Type changes follow `DataType.merging`:
/// null joins anything, int widens to float, any other mix turns the column into
/// `json` (its values kept as they came). A whole file is one struct builder whose
/// fields are the data set's columns.
///
/// Stored properties opt out of dynamic exclusivity checks (`@exclusivity(unchecked)`):
/// a builder is only ever touched by the one thread parsing its chunk, and the checks
/// cost about an eighth of the load time (measured with perf).
final class ColumnBuilder {
    enum Kind: Equatable { case null, bool, int, double, string, list, structure, json }

    @exclusivity(unchecked) private(set) var kind: Kind = .null
    @exclusivity(unchecked) private(set) var count = 0
    /// nil while every value so far is non-null.
    @exclusivity(unchecked) private var validity: [Bool]? = nil
    @exclusivity(unchecked) private var bools: [Bool] = []
    @exclusivity(unchecked) private var ints: [Int64] = []
    @exclusivity(unchecked) private var doubles: [Double] = []
    @exclusivity(unchecked) private var strings: [String] = []
    @exclusivity(unchecked) private var jsons: [DataValue] = []
    @exclusivity(unchecked) private var offsets: [Int] = [0]
    @exclusivity(unchecked) private(set) var child: ColumnBuilder? = nil
    @exclusivity(unchecked) private(set) var fieldNames: [String] = []
    @exclusivity(unchecked) private(set) var fields: [ColumnBuilder] = []
    @exclusivity(unchecked) private var fieldIndex: [String: Int] = [:]

    // MARK: typed appends (the parser's fast paths)

    func appendNull() {
        if kind == .null { count += 1; return }
        if validity == nil { validity = [Bool](repeating: true, count: count) }
        validity?.append(false)
        switch kind {
        case .null: break
        case .bool: bools.append(false)
        case .int: ints.append(0)
        case .double: doubles.append(0)
        case .string: strings.append("")
        case .list: offsets.append(offsets[offsets.count - 1])
        case .structure: for f in fields { f.appendNull() }
        case .json: jsons.append(.null)
        }
        count += 1
    }

    /// Switches a column that held only nulls to `k`, with placeholders for those nulls.
    private func start(_ k: Kind) {
        let n = count
        kind = k
        if n > 0 { validity = [Bool](repeating: false, count: n) }
        switch k {
        case .bool: bools = [Bool](repeating: false, count: n)
        case .int: ints = [Int64](repeating: 0, count: n)
        case .double: doubles = [Double](repeating: 0, count: n)
        case .string: strings = [String](repeating: "", count: n)
        case .list: offsets = [Int](repeating: 0, count: n + 1); child = ColumnBuilder()
        case .structure: break
        case .json: jsons = [DataValue](repeating: .null, count: n)
        case .null: break
        }
    }

    private func markValid() { validity?.append(true) }

    func append(string s: String) {
        if kind == .null { start(.string) }
        guard kind == .string else { return append(.string(s)) }
        strings.append(s); markValid(); count += 1
    }

    func append(int x: Int64) {
        if kind == .null { start(.int) }
        if kind == .int { ints.append(x); markValid(); count += 1; return }
        if kind == .double { doubles.append(Double(x)); markValid(); count += 1; return }
        append(.int(x))
    }

    func append(double x: Double) {
        if kind == .null { start(.double) }
        if kind == .int { widenToDouble() }
        guard kind == .double else { return append(.double(x)) }
        doubles.append(x); markValid(); count += 1
    }

    func append(bool b: Bool) {
        if kind == .null { start(.bool) }
        guard kind == .bool else { return append(.bool(b)) }
        bools.append(b); markValid(); count += 1
    }

    /// Opens a list cell; the caller appends its elements to the returned child and then
    /// calls `endList()`. Returns nil when the column cannot hold a list (the caller then
    /// parses the value generically).
    func beginList() -> ColumnBuilder? {
        if kind == .null { start(.list) }
        return kind == .list ? child : nil
    }

    func endList() {
        offsets.append(child?.count ?? 0); markValid(); count += 1
    }

    /// Whether the column can take a struct cell (fields via `field(named:hint:)`, then `endStruct()`).
    func beginStruct() -> Bool {
        if kind == .null { kind = .structure; if count > 0 { validity = [Bool](repeating: false, count: count) } }
        return kind == .structure
    }

    /// The builder of a struct field, created (null for earlier rows) on first sight.
    /// `hint` is the field's position in the current object: rows usually repeat the
    /// same keys in the same order, so the name is checked there first.
    func field(named name: String, hint: Int) -> ColumnBuilder {
        if hint >= 0 && hint < fieldNames.count && fieldNames[hint] == name { return fields[hint] }
        if let i = fieldIndex[name] { return fields[i] }
        let f = ColumnBuilder()
        for _ in 0..<count { f.appendNull() }
        fieldIndex[name] = fields.count
        fieldNames.append(name); fields.append(f)
        return f
    }

    /// Closes a struct cell: fields the object did not mention become null.
    func endStruct() {
        count += 1
        markValid()
        for f in fields where f.count < count { f.appendNull() }
    }

    // MARK: generic path

    /// Appends any value, changing the column's type as `DataType.merging` says.
    func append(_ v: DataValue) {
        switch (kind, v) {
        case (_, .null): appendNull()
        case (.json, _): jsons.append(v); markValid(); count += 1
        case (.null, .string(let s)), (.string, .string(let s)): append(string: s)
        case (.null, .int(let x)), (.int, .int(let x)), (.double, .int(let x)): append(int: x)
        case (.null, .double(let x)), (.int, .double(let x)), (.double, .double(let x)): append(double: x)
        case (.null, .bool(let b)), (.bool, .bool(let b)): append(bool: b)
        case (.null, .list(let items)), (.list, .list(let items)):
            guard let c = beginList() else { return toJSON(then: v) }
            for item in items { c.append(item) }
            endList()
        case (.null, .dict(let d)), (.structure, .dict(let d)):
            guard beginStruct() else { return toJSON(then: v) }
            for (i, (k, item)) in d.enumerated() { field(named: k, hint: i).append(item) }
            endStruct()
        default: toJSON(then: v)
        }
    }

    private func widenToDouble() {
        doubles = ints.map(Double.init); ints = []; kind = .double
    }

    /// Turns the column into `json`, keeping its values, then appends `v`.
    private func toJSON(then v: DataValue) {
        let old = finish().values
        reset()
        kind = .json
        jsons = old
        count = old.count
        jsons.append(v); count += 1
    }

    private func reset() {
        kind = .null; count = 0; validity = nil; bools = []; ints = []; doubles = []; strings = []
        jsons = []; offsets = [0]; child = nil; fieldNames = []; fields = []; fieldIndex = [:]
    }

    /// Appends all rows of another builder (the next parallel chunk of the same file).
    func append(contentsOf other: ColumnBuilder) {
        if other.count == 0 { return }
        if other.kind == .null { for _ in 0..<other.count { appendNull() }; return }
        if kind == .null && other.kind != .structure && other.kind != .list { start(other.kind) }
        if kind == .int && other.kind == .double { widenToDouble() }
        let mask = other.validity ?? [Bool](repeating: true, count: other.count)
        switch (kind, other.kind) {
        case (.bool, .bool): bools += other.bools
        case (.int, .int): ints += other.ints
        case (.double, .double): doubles += other.doubles
        case (.double, .int): doubles += other.ints.map(Double.init)
        case (.string, .string): strings += other.strings
        case (.json, .json): jsons += other.jsons
        case (.null, .list), (.list, .list):
            if kind == .null { start(.list) }
            guard let c = child, let oc = other.child else { break }
            let base = c.count
            c.append(contentsOf: oc)
            offsets += other.offsets.dropFirst().map { $0 + base }
        case (.null, .structure), (.structure, .structure):
            if kind == .null { _ = beginStruct() }
            for (name, f) in zip(other.fieldNames, other.fields) {
                let mine = field(named: name, hint: -1)
                mine.append(contentsOf: f)
            }
            count += other.count
            for f in fields where f.count < count { for _ in f.count..<count { f.appendNull() } }
            appendMask(mask)
            return
        default:
            for value in other.finish().values { append(value) }
            return
        }
        count += other.count
        appendMask(mask)
    }

    private func appendMask(_ mask: [Bool]) {
        if validity == nil && mask.contains(false) { validity = [Bool](repeating: true, count: count - mask.count) }
        validity? += mask
    }

    /// The finished column.
    func finish() -> ColumnData {
        switch kind {
        case .null: return .null(count: count)
        case .bool: return .bool(bools, validity: validity)
        case .int: return .int64(ints, validity: validity)
        case .double: return .float64(doubles, validity: validity)
        case .string: return .string(strings, validity: validity, large: false)
        case .list: return .list(offsets: offsets, child: child?.finish() ?? .null(count: 0), validity: validity)
        case .structure:
            return .structure(names: fieldNames, fields: fields.map { $0.finish() }, count: count, validity: validity)
        case .json: return .json(jsons)
        }
    }
}
