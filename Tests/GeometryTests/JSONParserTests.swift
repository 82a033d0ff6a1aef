import Foundation
import Geometry
import XCTest

final class JSONParserTests: XCTestCase {
    func parse(_ s: String) throws -> JSONValue { try JSONParser().parse(Array(s.utf8)) }

    func testParsesValuesKeepingMemberOrder() throws {
        let v = try parse(#"{"b":[1,-2.5,3e2,true,false,null],"a":"x\"\n\u00e9\ud83d\ude00","c":{}}"#)
        guard case .object(let members) = v else { return XCTFail() }
        XCTAssertEqual(members.map(\.0), ["b", "a", "c"])
        XCTAssertEqual(v["b"], .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]))
        XCTAssertEqual(v["a"], .string("x\"\né😀"))
    }

    func testNumbersMatchSwiftsCorrectlyRoundedParsing() throws {
        for text in ["62.330961", "-27.370890", "0.1", "123456789012.345", "1e-7", "25.12163", "0", "-0.5", "9007199254740993"] {
            XCTAssertEqual(try parse(text).numberValue, Double(text), text)
        }
    }

    func testErrorsSayWhereAndWhy() {
        func err(_ s: String) -> JSONParseError? {
            do { _ = try parse(s); return nil } catch { return error as? JSONParseError }
        }
        XCTAssertEqual(err("{\n  \"a\": [1,\n  2,,]\n}")?.line, 3)
        XCTAssertTrue(err("[1] x")?.message.contains("after") ?? false)
        XCTAssertTrue(err(#"{"a":"unterminated}"#)?.message.contains("unterminated") ?? false)
        XCTAssertTrue(err("[01]")?.message.contains("leading zero") ?? false)
        XCTAssertTrue(err(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))?.message.contains("nesting") ?? false)
        XCTAssertNotNil(err("[1e999]"))
        XCTAssertNotNil(err("NaN"))
        do {
            _ = try JSONParser().parse([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D])
            XCTFail("invalid UTF-8 accepted")
        } catch let e as JSONParseError {
            XCTAssertTrue(e.message.contains("UTF-8"), e.message)
        } catch { XCTFail("\(error)") }
    }

    func testElementLinesOfOneArray() throws {
        func lines(_ s: String, _ path: [String]) throws -> [Int] { try JSONParser().parse(Array(s.utf8), elementLinesOf: path).elementLines }
        let text = "{\"meta\": [{\"features\": [1]}],\n\"features\": [\n{\"a\": [{}, {}]},\r\n  2,\n\n  [3,\n4], \"x\"],\n\"b\": {\"c\": [\n5, 6]}}"
        XCTAssertEqual(try lines(text, ["features"]), [3, 4, 6, 7])
        XCTAssertEqual(try lines(text, ["b", "c"]), [9, 9])
        XCTAssertEqual(try lines("\u{FEFF}\n[1,\n2]", []), [2, 3], "the root array; a BOM is no line")
        XCTAssertEqual(try lines(text, ["nothing"]), [])
        XCTAssertEqual(try lines(text, ["b"]), [], "an object, not an array")
        XCTAssertEqual(try lines("{\"a\": []}", ["a"]), [])
        // The first member of a repeated name, as the subscript finds it.
        let twice = "{\"a\": [1],\n\"a\": [\n2, 3]}"
        let parsed = try JSONParser().parse(Array(twice.utf8), elementLinesOf: ["a"])
        XCTAssertEqual(parsed.value["a"], .array([.number(1)]))
        XCTAssertEqual(parsed.elementLines, [1])
        // The value and the errors are those of parse(_:).
        XCTAssertEqual(try JSONParser().parse(Array(text.utf8), elementLinesOf: ["features"]).value, try parse(text))
        for bad in ["{\"features\": [1,\n2,]}", "{\"features\": [1] x", String(repeating: "[", count: 70)] {
            var expected: JSONParseError?
            do { _ = try parse(bad) } catch { expected = error as? JSONParseError }
            XCTAssertThrowsError(try JSONParser().parse(Array(bad.utf8), elementLinesOf: ["features"])) { XCTAssertEqual($0 as? JSONParseError, expected) }
        }
    }

    func testNestingTooDeepIsToldApart() {
        func err(_ s: String, maxDepth: Int = 64) -> JSONParseError? {
            do { _ = try JSONParser(maxDepth: maxDepth).parse(Array(s.utf8)); return nil } catch { return error as? JSONParseError }
        }
        XCTAssertNil(err(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)))
        let deep = err("{\"a\":\n" + String(repeating: "[", count: 64))
        XCTAssertEqual(deep?.isNestingTooDeep, true)
        XCTAssertEqual(deep?.line, 2)
        XCTAssertEqual(err("[[{}]]", maxDepth: 2)?.isNestingTooDeep, true)
        XCTAssertEqual(err("[1,]")?.isNestingTooDeep, false)
    }
}
