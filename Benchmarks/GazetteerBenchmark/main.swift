// Gazetteer benchmark: load time and lookup rates on one core, printed as figures.
// Run with `make bench-gazetteer` (release build). Not a test: nothing here asserts.
import Foundation
import Gazetteer

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

var loads: [Double] = []
var kept: [Gazetteer] = []  // kept alive so that freeing one load is not timed as part of the next
for _ in 0..<5 {
    var g: Gazetteer?
    loads.append(try seconds { g = try Gazetteer.load() })
    kept.append(g!)
}
let gazetteer = kept[0]
print("gazetteer load (median of 5): \(String(format: "%.1f", median(loads) * 1000)) ms; \(gazetteer.entries.count) entries")

// Exact names: spellings as stored. Variant names: spellings that need folding and keys.
// Names from several continents, so that the figures are those of the world data, not of one region's.
let exactNames = ["Zahedan", "Quetta", "Kharkiv", "Khartoum", "Gwadar", "Panjgur", "Culiacán", "Kandahar", "Balochistan", "Goma",
                  "Sittwe", "Maiduguri", "Timbuktu", "Aden", "Bakhmut", "Donetsk Oblast", "Port-au-Prince", "Mogadishu", "Tigray", "Idlib"]
let variantNames = ["Zahidan", "Kwetta", "Kharkov", "Khartum", "Panjgoor", "Qandahar", "Baluchistan", "Al-Fashir", "Sanaa", "Deir al-Zour",
                    "Hodeidah", "Tombouctou", "Artemivsk", "Kuliacan", "Maidugiri", "Mogadisho", "Sistan-Baluchestan", "Tigrai", "Rakhaing", "Nord Kivu"]

func rate(_ names: [String], iterations: Int, _ body: (String) -> Int) -> Double {
    var sink = 0
    var runs: [Double] = []
    for _ in 0..<3 {
        runs.append(seconds { for i in 0..<iterations { sink &+= body(names[i % names.count]) } })
    }
    if sink == -1 { print("") }
    return Double(iterations) / median(runs)
}

let exactRate = rate(exactNames, iterations: 2_000_000) { gazetteer.lookupExact($0) }
let variantRate = rate(variantNames, iterations: 500_000) { gazetteer.lookupVariant($0) }
let resolveRate = rate(variantNames, iterations: 100_000) { gazetteer.resolve($0).resolution.candidates.count }
print("exact-name lookups:   \(Int(exactRate)) /s   (target ≥ 1,000,000)")
print("variant-name lookups: \(Int(variantRate)) /s   (target ≥ 200,000)")
print("full resolve (parse, context, rank, ambiguity): \(Int(resolveRate)) /s")

