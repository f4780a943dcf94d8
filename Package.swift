// swift-tools-version:6.0
//
// Plotline: a headless plot service. Modules are layered; each imports only those above it:
//   CFreeType, CPNG, CPNGShim  system libraries (pkg-config freetype2, libpng) and the setjmp shim
//   CDeflate                   libdeflate (pkg-config libdeflate): PNG's small-file compressor, CRC-32, Adler-32
//   Geometry                   value types: points, transforms, paths, flattening, stroker, dasher
//   Raster                     premultiplied RGBA pixmap, exact-area scan converter, compositing
//   Text                       FreeType faces from Fonts/, glyph cache, measuring, layout
//   PNG                        PNG writer (its run deflater for charts; libdeflate), libpng decoder, atomic file output
//   Scene                      the display list and the player that draws it
//   Vector                     SVG and PDF players of the Scene; the output format, from the extension
//   Platform                   path names, standard streams, printf text, directory walks: Foundation proper's
//                              few uses, so Sources import FoundationEssentials only (a smaller, faster binary)
//   Dates                      the proleptic Gregorian calendar: civil dates to and from epoch seconds
//   RunLogs                    TensorBoard event files and MLflow runs read into scalar logs
//   JSON                       the JSON value tree and its located form, the typed-node reader every spec
//                              format uses, the parser, the one writer of JSON strings and numbers, the
//                              number scanner and message quoting the readers share
//   Table                      tables: CSV / TSV / JSON Lines / JSON / npy readers, typed columns, run-log
//                              tables, confined reads and limits (no drawing module: below Chart)
//   Chart                      figures, scales, ticks, layout into a Scene
//   FigureSpec                 the JSON figure spec, its schema, the default figure, facet / group /
//                              aggregate drafting: tables to a Chart figure
//   Service                    the render queue (one render thread, latest-wins jobs per output), the
//                              folder watcher, watch sessions and statuses
//   Report                     `plotline report`: report specs, the report runner, image comparison
//   CommandSyntax              the command line: command and option definitions, the parser, help text (JSON's
//                              did-you-mean; no reflection: swift-argument-parser cost 16% of a small render)
//   Serve                      the --serve HTTP page (SwiftNIO event loop; JSON's writer; no drawing module)
//   plotline                   the command-line tool
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Plotline",
    products: [
        .executable(name: "plotline", targets: ["plotline"]),
        .library(
            name: "PlotlineCore",
            targets: [
                "Geometry", "Raster", "Text", "PNG", "Scene", "Vector", "Dates", "RunLogs", "JSON", "Table", "Chart",
                "FigureSpec", "Service", "Report", "Serve",
            ]),
    ],
    dependencies: [
        // The --serve page's event loop (Sources/Serve/FigureServer.swift says why NIO).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CFreeType", pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // libdeflate: PNG.encode's small-file compressor, CRC-32 and Adler-32 (Sources/PNG/PNG.swift says why).
        .systemLibrary(
            name: "CDeflate", pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]),
        // The setjmp shim for libpng: decoding, and the `.zlib` compressor's writer (libpng's own rows).
        .target(name: "CPNGShim", dependencies: ["CPNG"]),
        .target(name: "Geometry", swiftSettings: strict),
        // Raster's hot loops index raw buffers and convert clipped, finite doubles to Int; release
        // builds drop Swift's overflow and conversion checks there (-Ounchecked: 11% on a
        // 10,000-segment stroke, bench/README.md). Every conversion is guarded by an explicit
        // clip or finiteness test first; debug builds and tests keep all checks.
        .target(
            name: "Raster", dependencies: ["Geometry"],
            swiftSettings: strict + [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        .target(name: "Text", dependencies: ["Geometry", "Raster", "CFreeType"], swiftSettings: strict),
        .target(name: "PNG", dependencies: ["Raster", "CPNGShim", "CDeflate"], swiftSettings: strict),
        .target(name: "ContentHash", swiftSettings: strict),
        // Path names, standard streams, printf text, directory walks: what Foundation proper gave.
        .target(name: "Platform", swiftSettings: strict),
        .target(name: "Scene", dependencies: ["Geometry", "Raster", "Text", "ContentHash"], swiftSettings: strict),
        .target(name: "Vector", dependencies: ["Geometry", "Raster", "Text", "PNG", "Scene", "CZlib"], swiftSettings: strict),
        .target(name: "Dates", swiftSettings: strict),
        .target(name: "Chart", dependencies: ["Geometry", "Raster", "Text", "Scene", "Dates", "Platform"], swiftSettings: strict),
        // CRC-32C with the CPU's instruction for RunLogs' TFRecord checks (slicing-by-8 otherwise).
        .target(name: "CCRC32C"),
        .target(name: "RunLogs", dependencies: ["CCRC32C", "Platform"], swiftSettings: strict),
        // JSON text: the value trees, the parser, the typed-node reader, the writer (JSONWriter.swift says how).
        .target(name: "JSON", swiftSettings: strict),
        .target(name: "CommandSyntax", dependencies: ["JSON"], swiftSettings: strict),
        .target(name: "Table", dependencies: ["Dates", "RunLogs", "JSON", "ContentHash", "Platform"], swiftSettings: strict),
        .target(name: "FigureSpec", dependencies: ["Geometry", "Raster", "Chart", "JSON", "Table", "Scene", "Vector", "Platform"], swiftSettings: strict),
        .target(
            name: "Service",
            dependencies: ["Geometry", "Raster", "Text", "PNG", "Scene", "Chart", "JSON", "Table", "FigureSpec", "Vector", "ContentHash", "Platform"],
            swiftSettings: strict),
        .target(
            name: "Report",
            dependencies: ["Raster", "Text", "PNG", "Scene", "Chart", "JSON", "Table", "FigureSpec", "Service", "Vector", "Platform"],
            swiftSettings: strict),
        // The figure server knows nothing of drawing: it links neither FreeType nor libpng.
        .target(
            name: "Serve",
            dependencies: [
                "ContentHash", "JSON", "Platform",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "plotline",
            dependencies: [
                "Geometry", "Raster", "Text", "PNG", "Scene", "Chart", "Table", "FigureSpec", "Service", "Report",
                "Serve", "Vector", "Platform", "CommandSyntax",
            ],
            // Stays a position-independent executable: `-no-pie` saved ~1 ms of start-up (89,000
            // relocations then, 54,000 since Sources link no Foundation proper; bench/README.md
            // "Start-up", "Without Foundation proper"), but a binary that parses untrusted files
            // keeps its code's address randomized.
            swiftSettings: strict),
        .executableTarget(
            name: "plotline-bench", dependencies: ["Geometry", "Raster", "Text", "PNG", "Scene"],
            path: "bench/Sources/plotline-bench", swiftSettings: strict),
        .executableTarget(
            name: "plotline-png-sweep", dependencies: ["Raster", "PNG"],
            path: "bench/Sources/plotline-png-sweep", swiftSettings: strict),
        .executableTarget(
            name: "plotline-chart-bench", dependencies: ["Chart"],
            path: "bench/Sources/plotline-chart-bench", swiftSettings: strict),
        .executableTarget(
            name: "plotline-csv-bench", dependencies: ["Table"],
            path: "bench/Sources/plotline-csv-bench", swiftSettings: strict),
        .executableTarget(
            name: "plotline-events-bench", dependencies: ["RunLogs", "Table"],
            path: "bench/Sources/plotline-events-bench", swiftSettings: strict),
        .executableTarget(
            name: "plotline-serve-bench", dependencies: ["Serve"],
            path: "bench/Sources/plotline-serve-bench", swiftSettings: strict),
        .executableTarget(
            name: "plotline-vector-bench", dependencies: ["Chart", "Table", "FigureSpec", "Text", "Scene", "PNG", "Raster", "Vector"],
            path: "bench/Sources/plotline-vector-bench", swiftSettings: strict),
        .executableTarget(
            name: "plotline-compare-bench", dependencies: ["Report", "Service", "Raster", "PNG"],
            path: "bench/Sources/plotline-compare-bench", swiftSettings: strict),
        .target(
            name: "TestSupport", dependencies: ["Geometry", "Raster", "Text", "PNG", "Scene", "Table"], path: "Tests/TestSupport",
            swiftSettings: strict),
        .testTarget(
            name: "GeometryTests", dependencies: ["Geometry", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "RasterTests", dependencies: ["Geometry", "Raster", "TestSupport"],
            exclude: ["Goldens"], swiftSettings: strict),
        .testTarget(
            name: "TextTests", dependencies: ["Geometry", "Raster", "Text", "TestSupport"],
            exclude: ["Goldens"], swiftSettings: strict),
        .testTarget(
            name: "PNGTests", dependencies: ["Raster", "PNG", "CPNGShim", "CDeflate", "TestSupport"],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "ContentHashTests", dependencies: ["ContentHash"], swiftSettings: strict),
        .testTarget(name: "PlatformTests", dependencies: ["Platform"], swiftSettings: strict),
        // The JSON module: parser, located tree, typed reads, the writer's escaping against Foundation's.
        .testTarget(name: "JSONTests", dependencies: ["JSON", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "CommandSyntaxTests", dependencies: ["CommandSyntax", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "SceneTests",
            dependencies: ["Geometry", "Raster", "Text", "PNG", "Scene", "TestSupport"],
            exclude: ["Goldens"], swiftSettings: strict),
        .testTarget(
            name: "VectorTests",
            dependencies: ["Vector", "Chart", "Geometry", "Raster", "Text", "PNG", "Scene", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ChartTests", dependencies: ["Chart", "Dates", "Geometry", "Raster", "Text", "Scene", "PNG", "TestSupport"],
            exclude: ["Expected", "Snapshots", "Goldens"], swiftSettings: strict),
        // The readers (CSV / JSON / npy, dialects, time parsing, confinement): Table only.
        .testTarget(name: "TableTests", dependencies: ["Table", "TestSupport"], swiftSettings: strict),
        // The figure spec: decoding, the default figure, facets, groups, aggregates.
        .testTarget(
            name: "FigureSpecTests", dependencies: ["JSON", "Table", "FigureSpec", "Geometry", "Raster", "Chart", "Text", "Scene", "Vector", "TestSupport"],
            exclude: ["Goldens"], swiftSettings: strict),
        .testTarget(
            name: "RunLogsTests", dependencies: ["RunLogs", "Table", "FigureSpec", "TestSupport"],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "ServiceTests", dependencies: ["Service", "Table", "FigureSpec", "Chart", "PNG", "Vector", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ReportTests", dependencies: ["Report", "Service", "JSON", "Table", "PNG", "Raster", "TestSupport"],
            exclude: ["Goldens"], swiftSettings: strict),
        .testTarget(
            name: "ServeTests", dependencies: ["Serve", "Service", "Table", "plotline", "PNG", "Raster", "TestSupport"],
            swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["plotline", "PNG", "FigureSpec", "Table", "Service", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PythonHelperTests", dependencies: ["plotline", "TestSupport"], swiftSettings: strict),
    ]
)
