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
}
