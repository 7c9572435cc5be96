import Engine
import Foundation

/// Reading and writing notebooks as nbformat 4.5 JSON, byte for byte as `nbformat.write`
/// lays them out (indent 1, sorted keys, non-ASCII kept, multi-line text split into lines,
/// a final newline), and always atomically.
struct NotebookError: Error, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "\(path): \(message)" }
}

enum NotebookFile {
    static func read(path: String) throws -> Notebook {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookError(path: path, message: FileManager.default.fileExists(atPath: path)
                                ? "cannot read the file" : "no such file")
        }
        if path.hasSuffix(".py") {
            guard let text = String(data: data, encoding: .utf8) else {
                throw NotebookError(path: path, message: "the file is not valid UTF-8")
            }
            return PercentFormat.parse(text)
        }
        return try decode(data: data, path: path)
    }

    static func decode(data: Data, path: String) throws -> Notebook {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes: [UInt8](data))
        } catch let error as JSONParseError {
            throw NotebookError(path: path, message: "not valid JSON: \(error.message) at line \(error.line), column \(error.column)")
        }
        return try decode(json, path: path)
    }

    static func decode(_ json: JSONValue, path: String) throws -> Notebook {
        func fail(_ message: String) -> NotebookError { NotebookError(path: path, message: message) }
        guard let root = json.objectValue else { throw fail("a notebook is a JSON object, found \(json.typeName)") }
        guard let major = root["nbformat"]?.intValue else { throw fail("missing field 'nbformat'") }
        guard major == 4 else {
            throw fail("nbformat \(major) is not supported (sftnb reads nbformat 4); convert it with `jupyter nbconvert --to notebook --nbformat 4`")
        }
        guard let cellsJSON = root["cells"]?.arrayValue else { throw fail("missing field 'cells' (a list of cells)") }
        var cells: [Cell] = []
        var seenIDs = Set<String>()
        for (index, cellJSON) in cellsJSON.enumerated() {
            let where_ = "cell \(index + 1)"
            guard let object = cellJSON.objectValue else { throw fail("\(where_) is \(cellJSON.typeName), expected an object") }
            guard let kindName = object["cell_type"]?.stringValue else { throw fail("\(where_): missing field 'cell_type'") }
            guard let kind = Cell.Kind(rawValue: kindName) else {
                throw fail("\(where_): unknown cell_type '\(kindName)' (expected code, markdown or raw)")
            }
            guard let sourceJSON = object["source"] else { throw fail("\(where_): missing field 'source'") }
            let source = try joinedText(sourceJSON, what: "\(where_): 'source'", fail: fail)
            var id = object["id"]?.stringValue ?? ""
            if id.isEmpty || seenIDs.contains(id) { id = makeCellID(index: index, source: source, taken: seenIDs) }
            seenIDs.insert(id)
            var outputs: [Output] = []
            if kind == .code {
                for (j, outputJSON) in (object["outputs"]?.arrayValue ?? []).enumerated() {
                    outputs.append(try decodeOutput(outputJSON, what: "\(where_), output \(j + 1)", fail: fail))
                }
            }
            var extra = object
            for key in ["id", "cell_type", "source", "metadata", "outputs", "execution_count"] { extra[key] = nil }
            cells.append(Cell(id: id, kind: kind, source: source, metadata: object["metadata"]?.objectValue ?? JSONObject(),
                              outputs: outputs, executionCount: object["execution_count"]?.intValue, extra: extra))
        }
        var notebook = Notebook(cells: cells, metadata: root["metadata"]?.objectValue ?? JSONObject())
        notebook.nbformatMinor = max(root["nbformat_minor"]?.intValue ?? 5, 5)
        return notebook
    }

    static func decodeOutput(_ json: JSONValue, what: String, fail: (String) -> NotebookError) throws -> Output {
        guard let object = json.objectValue, let type = object["output_type"]?.stringValue else {
            throw fail("\(what): missing field 'output_type'")
        }
        switch type {
        case "stream":
            return .stream(name: object["name"]?.stringValue ?? "stdout",
                           text: try joinedText(object["text"] ?? .string(""), what: "\(what): 'text'", fail: fail))
        case "execute_result":
            return .executeResult(data: try decodeBundle(object["data"], what: what, fail: fail),
                                  metadata: object["metadata"]?.objectValue ?? JSONObject(),
                                  executionCount: object["execution_count"]?.intValue)
        case "display_data":
            return .displayData(data: try decodeBundle(object["data"], what: what, fail: fail),
                                metadata: object["metadata"]?.objectValue ?? JSONObject())
        case "error":
            return .error(name: object["ename"]?.stringValue ?? "", value: object["evalue"]?.stringValue ?? "",
                          traceback: object["traceback"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        default:
            throw fail("\(what): unknown output_type '\(type)'")
        }
    }

    static func decodeBundle(_ json: JSONValue?, what: String, fail: (String) -> NotebookError) throws -> MimeBundle {
        guard let object = json?.objectValue else { return MimeBundle() }
        var bundle = MimeBundle()
        for (mime, value) in object.pairs {
            if MimeBundle.isMultilineText(mime) {
                bundle.entries.append((mime, .string(try joinedText(value, what: "\(what): '\(mime)'", fail: fail))))
            } else {
                bundle.entries.append((mime, value))
            }
        }
        return bundle
    }

    /// nbformat stores multi-line text as a string or a list of lines.
    static func joinedText(_ json: JSONValue, what: String, fail: (String) -> NotebookError) throws -> String {
        switch json {
        case let .string(s): return s
        case let .array(items):
            var text = ""
            for item in items {
                guard let line = item.stringValue else { throw fail("\(what) must be a string or a list of strings") }
                text += line
            }
            return text
        default:
            throw fail("\(what) must be a string or a list of strings, found \(json.typeName)")
        }
    }

    /// A stable 8-hex-digit id (nbformat's length) for a cell that has none.
    static func makeCellID(index: Int, source: String, taken: Set<String>) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in "\(index)\u{0}\(source)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        var id = String(hash & 0xFFFF_FFFF, radix: 16)
        id = String(repeating: "0", count: 8 - id.count) + id
        while taken.contains(id) {
            hash = hash &* 0x100000001b3 &+ 1
            id = String(format: "%08llx", hash & 0xFFFF_FFFF)
        }
        return id
    }

    // MARK: - Writing

    static func encode(_ notebook: Notebook) -> String {
        JSONWriter.notebook.string(json(notebook)) + "\n"
    }

    static func write(_ notebook: Notebook, to path: String) throws {
        do {
            try AtomicFile.write(encode(notebook), to: path)
        } catch {
            throw NotebookError(path: path, message: "\(error)")
        }
    }

    static func json(_ notebook: Notebook) -> JSONValue {
        .object(JSONObject([
            ("cells", .array(notebook.cells.map(json))),
            ("metadata", .object(notebook.metadata)),
            ("nbformat", .int(Int64(notebook.nbformat))),
            ("nbformat_minor", .int(Int64(notebook.nbformatMinor))),
        ]))
    }

    static func json(_ cell: Cell) -> JSONValue {
        var object = cell.extra
        object["cell_type"] = .string(cell.kind.rawValue)
        object["id"] = .string(cell.id)
        object["metadata"] = .object(cell.metadata)
        object["source"] = splitLines(cell.source)
        if cell.kind == .code {
            object["execution_count"] = cell.executionCount.map { .int(Int64($0)) } ?? .null
            object["outputs"] = .array(cell.outputs.map(json))
        }
        return .object(object)
    }

    static func json(_ output: Output) -> JSONValue {
        switch output {
        case let .stream(name, text):
            return .object(JSONObject([("name", .string(name)), ("output_type", .string("stream")), ("text", splitLines(text))]))
        case let .executeResult(data, metadata, count):
            return .object(JSONObject([("data", json(data)), ("execution_count", count.map { .int(Int64($0)) } ?? .null),
                                       ("metadata", .object(metadata)), ("output_type", .string("execute_result"))]))
        case let .displayData(data, metadata):
            return .object(JSONObject([("data", json(data)), ("metadata", .object(metadata)),
                                       ("output_type", .string("display_data"))]))
        case let .error(name, value, traceback):
            return .object(JSONObject([("ename", .string(name)), ("evalue", .string(value)),
                                       ("output_type", .string("error")), ("traceback", .array(traceback.map(JSONValue.string)))]))
        }
    }

    static func json(_ bundle: MimeBundle) -> JSONValue {
        var object = JSONObject()
        for (mime, value) in bundle.entries {
            if MimeBundle.isMultilineText(mime), let text = value.stringValue {
                object[mime] = splitLines(text)
            } else {
                object[mime] = value
            }
        }
        return .object(object)
    }

    /// Python's `str.splitlines(True)`: lines keep their terminators; `\r\n` is one break.
    static func splitLines(_ text: String) -> JSONValue {
        .array(PythonText.splitLinesKeepingEnds(text).map(JSONValue.string))
    }
}

enum PythonText {
    /// `str.splitlines(keepends=True)` with Python's set of line boundaries.
    static func splitLinesKeepingEnds(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            current.append(s)
            switch s.value {
            case 0x0D:
                if i + 1 < scalars.count, scalars[i + 1].value == 0x0A {
                    current.append(scalars[i + 1])
                    i += 1
                }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
            default: break
            }
            i += 1
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }
}
