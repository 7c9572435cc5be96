import Engine

/// A notebook in nbformat 4.5: what `.sftnb` and `.ipynb` files hold. Reading keeps every
/// field it does not interpret (metadata, attachments, unknown output fields), so writing
/// back changes only what sftnb changed.
struct Notebook: Equatable {
    var cells: [Cell]
    var metadata: JSONObject
    var nbformat = 4
    var nbformatMinor = 5

    /// The kernelspec and language_info sftnb writes into the notebooks it creates or runs.
    static var sftnbMetadata: JSONObject {
        JSONObject([
            ("kernelspec", .object(JSONObject([("display_name", .string("sftnb")), ("language", .string("python")),
                                               ("name", .string("sftnb"))]))),
            ("language_info", .object(JSONObject([("name", .string("python"))]))),
        ])
    }

    init(cells: [Cell], metadata: JSONObject = Notebook.sftnbMetadata) {
        self.cells = cells
        self.metadata = metadata
    }
}

struct Cell: Equatable {
    enum Kind: String { case code, markdown, raw }

    var id: String
    var kind: Kind
    var source: String
    var metadata: JSONObject
    var outputs: [Output]
    var executionCount: Int?
    /// Fields of the cell sftnb does not interpret (e.g. `attachments`), written back unchanged.
    var extra: JSONObject

    init(id: String, kind: Kind, source: String, metadata: JSONObject = JSONObject(),
         outputs: [Output] = [], executionCount: Int? = nil, extra: JSONObject = JSONObject()) {
        self.id = id
        self.kind = kind
        self.source = source
        self.metadata = metadata
        self.outputs = outputs
        self.executionCount = executionCount
        self.extra = extra
    }

    /// Tags from `metadata.tags` (papermill's `parameters`, nbval's `nbval-ignore-output`, ...).
    var tags: [String] {
        metadata["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

/// One output of a code cell, as Jupyter stores it.
enum Output: Equatable {
    /// `print` output: name is `stdout` or `stderr`.
    case stream(name: String, text: String)
    /// The value of a cell's last expression; `data` maps MIME types to content.
    case executeResult(data: MimeBundle, metadata: JSONObject, executionCount: Int?)
    /// Plots and other rich output.
    case displayData(data: MimeBundle, metadata: JSONObject)
    /// An uncaught exception: `traceback` holds the lines Jupyter shows.
    case error(name: String, value: String, traceback: [String])
}

/// MIME type → content. Text types hold one string (files store it split into lines);
/// JSON types hold any JSON value.
struct MimeBundle: Equatable {
    var entries: [(mime: String, value: JSONValue)]

    init(_ entries: [(String, JSONValue)] = []) {
        self.entries = entries.map { (mime: $0.0, value: $0.1) }
    }

    subscript(mime: String) -> JSONValue? {
        entries.first { $0.mime == mime }?.value
    }

    static func == (lhs: MimeBundle, rhs: MimeBundle) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.mime == $1.mime && $0.value == $1.value }
    }

    /// nbformat splits these into lines on write and joins them on read.
    static func isMultilineText(_ mime: String) -> Bool {
        mime.hasPrefix("text/") || mime == "application/javascript" || mime == "image/svg+xml"
    }
}
