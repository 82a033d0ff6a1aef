import Foundation
import FuzzSupport
import Incidents

/// libFuzzer's entry point: one input read as a CSV incident file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    ReaderChecks.check(path: "fuzz.csv") { try CSVIncidentReader.read(data, path: "fuzz.csv") }
    return 0
}
