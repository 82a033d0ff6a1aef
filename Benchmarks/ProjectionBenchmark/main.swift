// Projection benchmark: the Projection wrapper against PROJ's C API on the same points, one core.
// Run with `make bench-projection` (release build). Unlike the gazetteer benchmark it asserts two
// things and exits 1 if either fails: wrapper and raw C give bitwise-identical coordinates, and the
// wrapper's batch transform takes at most 1.2× the time of a bare proj_trans_generic call.
import CPROJ
import Foundation
import Projection

let pointCount = 1_000_000
let repetitions = 5            // best (minimum) of these is reported
let maxBatchRatio = 1.2        // wrapper batch time / raw proj_trans_generic time

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func fail(_ message: String) -> Never {
    print("FAIL: \(message)")
    exit(1)
}

// Deterministic pseudo-random points over 44–80°E, 20–42°N: a 64-bit LCG (Knuth's MMIX
// constants) with a fixed seed; the top 53 bits of the state make a Double in [0, 1).
struct LCG {
    var state: UInt64 = 0x1234_5678_9ABC_DEF0
    mutating func nextUnit() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) * 0x1p-53
    }
}
var random = LCG()
var lons = [Double](repeating: 0, count: pointCount)
var lats = [Double](repeating: 0, count: pointCount)
for i in 0..<pointCount {
    lons[i] = 44 + 36 * random.nextUnit()
    lats[i] = 20 + 22 * random.nextUnit()
}

// The CRSs: UTM 41N (the zone of the region), Web Mercator, and the map's default CRS, which
// MapRenderer.defaultCRS(center:) builds as an azimuthal equidistant projection on the centre of
// the incidents; here the centre of the box, written with the same two decimals.
let crss: [(label: String, definition: String)] = [
    ("EPSG:32641", "EPSG:32641"),
    ("EPSG:3857", "EPSG:3857"),
    ("aeqd 31N 62E (default)", "+proj=aeqd +lat_0=31.00 +lon_0=62.00 +datum=WGS84 +units=m +no_defs +type=crs"),
]

/// Copies `source` into `target` element by element. `var target = source` would share storage
/// (copy on write), and the copy would then happen inside the timed call; this keeps it outside.
func refill(_ target: inout [Double], from source: [Double]) {
    target.withUnsafeMutableBufferPointer { t in
        source.withUnsafeBufferPointer { s in _ = t.update(fromContentsOf: s) }
    }
}

/// True when the two arrays hold the same bit patterns (so NaNs of the same payload compare equal).
func bitwiseEqual(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

/// The raw C path, set up as the wrapper sets itself up: its own context, the CRS-to-CRS operation,
/// then longitude/easting-first axis order through proj_normalize_for_visualization.
final class RawPROJ {
    let context: OpaquePointer
    let pj: OpaquePointer

    init(from source: String, to target: String) {
        guard let ctx = proj_context_create() else { fail("proj_context_create returned NULL") }
        guard let op = proj_create_crs_to_crs(ctx, source, target, nil) else {
            fail("proj_create_crs_to_crs(\(source), \(target)) returned NULL")
        }
        guard let normalized = proj_normalize_for_visualization(ctx, op) else {
            fail("proj_normalize_for_visualization returned NULL for \(target)")
        }
        proj_destroy(op)
        context = ctx
        pj = normalized
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(context)
    }

    /// One proj_trans_generic call over both arrays in place, with the strides the wrapper uses
    /// (contiguous Doubles, x and y in separate arrays, no z or t). Returns the points transformed.
    func forward(xs: inout [Double], ys: inout [Double]) -> Int {
        let stride = MemoryLayout<Double>.stride
        let n = xs.count
        return xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                proj_trans_generic(pj, PJ_FWD, xb.baseAddress, stride, n, yb.baseAddress, stride, n,
                                   nil, 0, 0, nil, 0, 0)
            }
        }
    }
}

struct Row {
    let crs: String
    let variant: String
    let best: Double      // seconds
    let ratio: Double?    // wrapper / raw, on wrapper rows only
}

var rows: [Row] = []
var overBudget: [String] = []

// Working arrays, allocated once and refilled from lons/lats before every run.
var wxs = lons, wys = lats, rxs = lons, rys = lats

for (label, definition) in crss {
    let wrapper: Projection
    do { wrapper = try Projection(from: "EPSG:4326", to: definition) } catch { fail("\(label): \(error)") }
    let raw = RawPROJ(from: "EPSG:4326", to: definition)

    // Batch. Wrapper and raw runs alternate so that drift in the machine's speed hits both alike;
    // the first round is a warm-up (page faults, PROJ's lazy set-up) and is not counted.
    var wrapperBatch: [Double] = [], rawBatch: [Double] = []
    for round in 0...repetitions {
        refill(&wxs, from: lons); refill(&wys, from: lats)
        let w = seconds {
            do { try wrapper.forward(xs: &wxs, ys: &wys) } catch { fail("\(label): wrapper batch: \(error)") }
        }
        refill(&rxs, from: lons); refill(&rys, from: lats)
        var done = 0
        let r = seconds { done = raw.forward(xs: &rxs, ys: &rys) }
        if done != pointCount || proj_errno(raw.pj) != 0 {
            fail("\(label): raw proj_trans_generic transformed \(done) of \(pointCount) points (errno \(proj_errno(raw.pj)))")
        }
        if !bitwiseEqual(wxs, rxs) || !bitwiseEqual(wys, rys) {
            fail("\(label): wrapper and raw batch outputs differ")
        }
        if round > 0 { wrapperBatch.append(w); rawBatch.append(r) }
    }
    let batchRatio = wrapperBatch.min()! / rawBatch.min()!
    rows.append(Row(crs: label, variant: "batch raw proj_trans_generic", best: rawBatch.min()!, ratio: nil))
    rows.append(Row(crs: label, variant: "batch wrapper forward(xs:ys:)", best: wrapperBatch.min()!, ratio: batchRatio))
    if batchRatio > maxBatchRatio { overBudget.append(label) }

    // Single points: the wrapper's forward(_:_:) per point against a bare proj_trans per point.
    // Outputs go to the working arrays so that the loops cannot be optimised away, and are compared.
    var wrapperSingle: [Double] = [], rawSingle: [Double] = []
    for round in 0...repetitions {
        let w = seconds {
            for i in 0..<pointCount {
                do {
                    let p = try wrapper.forward(lons[i], lats[i])
                    wxs[i] = p.x; wys[i] = p.y
                } catch { fail("\(label): wrapper single point #\(i): \(error)") }
            }
        }
        let r = seconds {
            var coord = PJ_COORD()
            for i in 0..<pointCount {
                coord.v = (lons[i], lats[i], 0, 0)
                let out = proj_trans(raw.pj, PJ_FWD, coord)
                rxs[i] = out.v.0; rys[i] = out.v.1
            }
        }
        if !bitwiseEqual(wxs, rxs) || !bitwiseEqual(wys, rys) {
            fail("\(label): wrapper and raw single-point outputs differ")
        }
        if round > 0 { wrapperSingle.append(w); rawSingle.append(r) }
    }
    rows.append(Row(crs: label, variant: "single raw proj_trans", best: rawSingle.min()!, ratio: nil))
    rows.append(Row(crs: label, variant: "single wrapper forward(_:_:)", best: wrapperSingle.min()!,
                    ratio: wrapperSingle.min()! / rawSingle.min()!))
}

func pad(_ s: String, _ width: Int) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
func lpad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }

print("PROJ \(String(cString: proj_info().release)); \(pointCount) points over 44–80°E, 20–42°N; best of \(repetitions) runs after one warm-up; outputs bitwise identical")
print(pad("CRS", 24) + pad("variant", 32) + lpad("best ms", 10) + lpad("Mpoints/s", 11) + lpad("wrapper/raw", 13))
for row in rows {
    let ratio = row.ratio.map { String(format: "%.3fx", $0) } ?? ""
    print(pad(row.crs, 24) + pad(row.variant, 32)
          + lpad(String(format: "%.1f", row.best * 1000), 10)
          + lpad(String(format: "%.2f", Double(pointCount) / row.best / 1e6), 11)
          + lpad(ratio, 13))
}
print("(the 1.2x budget applies to the batch rows; single-point ratios are shown for information)")

if !overBudget.isEmpty {
    fail("wrapper batch transform over \(maxBatchRatio)x of raw proj_trans_generic for: \(overBudget.joined(separator: ", "))")
}
print("OK: every wrapper batch within \(maxBatchRatio)x of raw proj_trans_generic")
