// swift-tools-version:6.0
import PackageDescription

// Layers (see docs/ARCHITECTURE.md): a target may import only the targets listed as its dependencies.
let package = Package(
    name: "pursedesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pursedesk", targets: ["pursedesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            path: "Sources/CQRencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(
            name: "CalypsoAPI",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "CalypsoSandbox",
            dependencies: [
                "CalypsoAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "DeskModel",
            dependencies: [
                "CalypsoAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "PursedeskConfig",
            dependencies: ["CalypsoAPI", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "TerminalUI",
            dependencies: ["CNcursesw", "CQRencode"]
        ),
        .target(name: "TmuxDriver"),
        .target(name: "TestScratch"),
        .target(
            name: "TeamStore",
            dependencies: [
                "DeskModel", "CalypsoAPI",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DeskApp",
            dependencies: ["DeskModel", "TerminalUI", "CalypsoAPI", "PursedeskConfig"],
            // Theme/Builtin links to themes/, the one source of the built-in themes.
            resources: ["dark", "light", "high-contrast", "monochrome"].map { .embedInCode("Theme/Builtin/\($0).toml") }
        ),
        .executableTarget(
            name: "pursedesk",
            dependencies: [
                "CalypsoAPI", "CalypsoSandbox", "DeskModel", "DeskApp", "TerminalUI", "PursedeskConfig", "TmuxDriver", "TeamStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "CalypsoAPITests", dependencies: ["CalypsoAPI"]),
        .testTarget(
            name: "CalypsoSandboxTests",
            dependencies: [
                "CalypsoSandbox", "CalypsoAPI", "TestScratch",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "DeskModelTests",
            dependencies: [
                "DeskModel", "CalypsoSandbox", "CalypsoAPI", "TestScratch",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "TeamStoreTests",
            dependencies: [
                "TeamStore", "DeskModel", "CalypsoSandbox", "CalypsoAPI", "TestScratch",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "PursedeskConfigTests", dependencies: ["PursedeskConfig", "CalypsoAPI", "TestScratch"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TmuxDriver", "CNcursesw", "TestScratch"]),
        .testTarget(name: "DeskAppTests", dependencies: ["DeskApp", "DeskModel", "TerminalUI", "CalypsoAPI", "TestScratch"],
                    exclude: ["Golden", "README.md"]),
        .testTarget(name: "PursedeskCLITests", dependencies: ["pursedesk", "CalypsoSandbox", "CalypsoAPI", "DeskModel", "TmuxDriver", "TestScratch"]),
    ]
)
