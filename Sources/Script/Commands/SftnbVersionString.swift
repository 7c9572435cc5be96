import Engine

enum SftnbVersionString {
    static let value = SftnbVersion.string
}
