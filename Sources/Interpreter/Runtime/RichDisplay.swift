import Foundation

/// # Rich output: plots and other displays
///
/// Besides text on stdout/stderr, running code can *display* something richer, as IPython's
/// `display()` does: a MIME bundle (`text/plain` always, plus e.g. `image/png` in base64 and
/// `image/svg+xml`). A host that wants them passes `display:` to `Session`; displays arrive
/// on the same thread and in the same order as the text written around them:
///
/// ```swift
/// let session = Session(argv: [""], output: write, display: { shown in
///     let png = shown.data("image/png")        // rendered on demand
///     if let figure = shown.figure { ... }     // the plot itself, for a host's own renderer
/// })
/// session.runSource(cell, name: "cell 1", displayLastExpression: true)
/// session.flushPendingDisplays()              // e.g. figures left open, as Jupyter's inline backend
/// ```
///
/// Native code emits a display with `rt.emitDisplay(RichDisplay(...))`, and registers work to
/// do at the end of a notebook cell with `rt.displayFlushers[key] = { ... }` (matplotlib shows
/// the figures a cell left open). Without a `display` hook, displays are dropped (as
/// matplotlib's non-interactive Agg backend does in a plain script).
public struct RichDisplay: @unchecked Sendable {
    /// The `text/plain` representation (`<Figure size 640x480 with 1 Axes>`).
    public let plainText: String
    /// The other MIME types `data(_:)` can produce, most preferred first.
    public let mimeTypes: [String]
    /// The figure behind a plot display (nil for other displays).
    public let figure: PlotFigure?
    private let render: (String) -> String?

    public init(plainText: String, mimeTypes: [String], figure: PlotFigure? = nil, render: @escaping (String) -> String?) {
        self.plainText = plainText
        self.mimeTypes = mimeTypes
        self.figure = figure
        self.render = render
    }

    /// The content for `mime` (binary types base64-encoded, as Jupyter stores them), rendered now.
    public func data(_ mime: String) -> String? {
        mime == "text/plain" ? plainText : mimeTypes.contains(mime) ? render(mime) : nil
    }
}

extension Interpreter {
    /// Hands `shown` to the session's display hook (dropped when there is none).
    func emitDisplay(_ shown: RichDisplay) {
        display?(shown)
    }
}

extension Session {
    /// Runs the end-of-cell display work native modules registered (matplotlib: show the
    /// figures left open, then close them, as Jupyter's inline backend does). Call after
    /// `run`/`runSource` returned, from the same thread.
    public func flushPendingDisplays() {
        for key in rt.displayFlushers.keys.sorted() {
            rt.displayFlushers[key]?()
        }
    }
}
