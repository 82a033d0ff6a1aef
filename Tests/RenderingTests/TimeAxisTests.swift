@testable import Rendering
import XCTest

/// Day numbers and the timeline's axis: the calendar round trip and ticks that fit the span.
final class TimeAxisTests: XCTestCase {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    func testDayNumbersRoundTripTheCalendar() {
        XCTAssertEqual(CivilDay.number(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilDay.number(year: 2024, month: 3, day: 1) - CivilDay.number(year: 2024, month: 2, day: 1), 29, "2024 is a leap year")
        XCTAssertEqual(CivilDay.number(year: 1900, month: 3, day: 1) - CivilDay.number(year: 1900, month: 2, day: 1), 28, "1900 is not")
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            let d = CivilDay.date(n)
            XCTAssertEqual(CivilDay.number(year: d.year, month: d.month, day: d.day), n)
        }
        XCTAssertEqual(CivilDay.iso(CivilDay.number(year: 2024, month: 1, day: 16)), "2024-01-16")
        XCTAssertTrue(CivilDay.isMonday(CivilDay.number(year: 2024, month: 1, day: 15)))
        XCTAssertFalse(CivilDay.isMonday(CivilDay.number(year: 2024, month: 1, day: 16)))
    }

    func axis(_ from: (Int, Int, Int), days: Int, width: Double) -> TimeAxis {
        let start = CivilDay.number(year: from.0, month: from.1, day: from.2)
        return TimeAxis(start: start, end: start + days, x0: 24, x1: width - 24, language: .en)
    }

    func testTicksFitTheSpanAndTheWidth() {
        // Two weeks on a wide map: a tick a day, January named beneath.
        let fortnight = axis((2024, 1, 15), days: 14, width: 1000).ticks()
        XCTAssertEqual(fortnight.count, 14)
        XCTAssertEqual(fortnight.first?.context, "January 2024")
        // A year: months, by name when there is room, by three letters when not.
        let year = axis((2024, 1, 1), days: 366, width: 1000).ticks()
        XCTAssertEqual(year.map(\.label), TimeAxisTests.months)
        XCTAssertEqual(year.first?.context, "2024")
        let narrow = axis((2024, 1, 1), days: 366, width: 400).ticks()
        XCTAssertTrue(narrow.allSatisfy { $0.label.count == 3 }, "\(narrow.map(\.label))")
        // Decades: years.
        let decades = axis((1990, 1, 1), days: 35 * 366, width: 800).ticks()
        XCTAssertTrue(decades.allSatisfy { Int($0.label) != nil })
        // Every unit's labels keep apart, and x is linear in time.
        for a in [axis((2024, 1, 15), days: 14, width: 400), axis((2024, 1, 1), days: 366, width: 2000), axis((1990, 1, 1), days: 35 * 366, width: 400)] {
            XCTAssertTrue(a.fits(a.ticks()))
            XCTAssertEqual(a.x(Double(a.start)), a.x0)
            XCTAssertEqual(a.x(Double(a.end)), a.x1, accuracy: 1e-9)
        }
    }
}
