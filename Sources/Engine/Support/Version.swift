/// The version of sftnb, printed by `sftnb --version` and written into notebooks' metadata.
public enum SftnbVersion {
    public static let string = "0.1.0"
}
