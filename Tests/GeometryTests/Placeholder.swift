import XCTest

final class GeometryPlaceholderTests: XCTestCase {}
