import XCTest

final class TextPlaceholderTests: XCTestCase {}
