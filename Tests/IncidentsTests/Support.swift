import Incidents
import XCTest

/// The problems a reader throws for input it must refuse, as `file:line: field: message` lines;
/// fails the test when the reader accepts the input or throws anything but `InputErrors`.
func inputProblems(file: StaticString = #filePath, line: UInt = #line, _ read: () throws -> Void) -> [String] {
    do {
        try read()
        XCTFail("read without problems", file: file, line: line)
        return []
    } catch let e as InputErrors {
        return e.problems.map(\.description)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
        return []
    }
}
