import XCTest

final class ScenePlaceholderTests: XCTestCase {}
