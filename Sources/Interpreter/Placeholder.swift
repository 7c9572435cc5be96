import Engine

/// The language layer is being built (issue 3); until then the CLI says so plainly.
public enum InterpreterStatus {
    public static let isAvailable = false
}
