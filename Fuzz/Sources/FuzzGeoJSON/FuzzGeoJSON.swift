import Foundation
import FuzzSupport
import Incidents

/// libFuzzer's entry point: one input read as a GeoJSON incident file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    ReaderChecks.check(path: "fuzz.geojson") { try GeoJSONIncidentReader.read(data, path: "fuzz.geojson") }
    return 0
}
