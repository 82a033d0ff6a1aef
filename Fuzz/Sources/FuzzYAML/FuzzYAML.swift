import Foundation
import FuzzSupport
import Incidents

/// libFuzzer's entry point: one input read as a YAML incident file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    ReaderChecks.check(path: "fuzz.yaml") { try YAMLIncidentReader.read(data, path: "fuzz.yaml") }
    return 0
}
