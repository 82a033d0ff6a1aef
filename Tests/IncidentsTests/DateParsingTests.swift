import Incidents
import XCTest

final class DateParsingTests: XCTestCase {
    func day(_ s: String) -> String? {
        if case .success(let d) = DateParsing.parse(s) { return d.isoText }
        return nil
    }

    func testAcceptedForms() {
        XCTAssertEqual(day("2024-01-16"), "2024-01-16")
        XCTAssertEqual(day("16 January 2024"), "2024-01-16")
        XCTAssertEqual(day("16-January-2024"), "2024-01-16")
        XCTAssertEqual(day("January 16, 2024"), "2024-01-16")
        XCTAssertEqual(day("16 Jan 2024"), "2024-01-16")
        XCTAssertEqual(day("16/01/2024"), "2024-01-16")
        XCTAssertEqual(day("2024-01-16T09:30:00Z"), "2024-01-16")
        XCTAssertEqual(day("2024-01"), "2024-01")
        XCTAssertEqual(day("January 2024"), "2024-01")
        XCTAssertEqual(day("2024"), "2024")
        XCTAssertEqual(day("2024-01-16/2024-01-18"), "2024-01-16/2024-01-18")
        XCTAssertEqual(day("2024-02-29"), "2024-02-29")
    }

    func testImpossibleDatesAreRejectedWithAReason() {
        for bad in ["2024-02-30", "2023-02-29", "31 April 2024", "2024-13-01", "yesterday", "", "2024-01-18/2024-01-16"] {
            guard case .failure(let e) = DateParsing.parse(bad) else { return XCTFail("\(bad) accepted") }
            XCTAssertFalse(e.message.isEmpty)
        }
    }

    /// German, Russian and Ukrainian sources write 13.03.2024; day first, like 13/03/2024. A slash or
    /// dot date whose second number cannot be a month says that the file may write the month
    /// first, rather than reading it some other way.
    func testDayFirstWithDotsAndAMonthFirstDateSaysSo() {
        XCTAssertEqual(day("13.03.2024"), "2024-03-13")
        XCTAssertEqual(day("1.3.2024"), "2024-03-01")
        XCTAssertEqual(day("13.03.2024..15.03.2024"), "2024-03-13/2024-03-15")
        for bad in ["03/13/2024", "03.13.2024"] {
            guard case .failure(let e) = DateParsing.parse(bad) else { return XCTFail("\(bad) accepted") }
            XCTAssertTrue(e.message.contains("month first"), e.message)
        }
        XCTAssertNil(day("31.02.2024"), "not a day of the calendar")
        XCTAssertNil(day("2024.03.13.1"))
    }

    func testMonthPrecisionCoversTheMonth() throws {
        guard case .success(let d) = DateParsing.parse("2024-02") else { return XCTFail() }
        XCTAssertEqual(d.precision, .month)
        XCTAssertEqual(d.end.description, "2024-02-29")
    }
}
