import XCTest

final class RasterPlaceholderTests: XCTestCase {}
