// swift-tools-version:6.0
// sftnb: a notebook runner and REPL for supervised fine-tuning on a CPU.
// Layers (each depends only on those below it): Script → Interpreter → Engine,
// plus thin system-library targets for OpenBLAS (cblas), GNU readline and json-c.
import PackageDescription

let package = Package(
    name: "sftnb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sftnb", targets: ["Script"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Interpreter", targets: ["Interpreter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", pkgConfig: "readline",
                       providers: [.apt(["libreadline-dev"])]),
        .systemLibrary(name: "CJSONC", path: "Sources/CJSONC", pkgConfig: "json-c",
                       providers: [.apt(["libjson-c-dev"])]),
        .target(name: "Engine", dependencies: ["CBLAS", "CJSONC"], path: "Sources/Engine"),
        .target(name: "Interpreter", dependencies: ["Engine", .product(name: "BigInt", package: "BigInt")],
                path: "Sources/Interpreter"),
        .executableTarget(
            name: "Script",
            dependencies: [
                "Interpreter", "Engine", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/Script"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "CBLAS", "CJSONC"],
                    path: "Tests/EngineTests", resources: [.copy("Fixtures")]),
        .testTarget(name: "InterpreterTests", dependencies: ["Interpreter"],
                    path: "Tests/InterpreterTests", resources: [.copy("scripts"), .copy("modules")]),
        .testTarget(name: "ScriptTests", dependencies: ["Script", "Engine", "CReadline"], path: "Tests/ScriptTests",
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v5]
)
