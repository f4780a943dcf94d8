import XCTest

final class PNGPlaceholderTests: XCTestCase {}
