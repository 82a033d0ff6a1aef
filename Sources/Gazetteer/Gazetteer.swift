import Foundation
import Geometry
import Projection

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
    /// Every entry: places, districts, provinces, countries.
    public let entries: [GazetteerEntry]
    /// Country polygons of the region.
    public let countries: [Region]
    /// Province polygons.
    public let provinces: [Region]
    /// International border lines.
    public let borders: [BorderLine]

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
    }

    private var exactIndex: NameIndex
    private var variantIndex: NameIndex
    private var unorderedIndex: NameIndex
    private var skeletonIndex: NameIndex
    private let userIDs: Set<String>

    /// Loads the bundled data from `directory` (default: `DataDirectory.locate()`)
    /// and adds the entries of each user overlay file (CSV or TSV), which
    /// override bundled entries with the same id.
    public static func load(directory: URL? = nil, overlays: [URL] = []) throws -> Gazetteer {
        guard let dir = directory ?? DataDirectory.locate() else {
            throw GazetteerDataError(file: "Gazetteer/data", line: nil, field: nil,
                                     message: "bundled data not found; set \(DataDirectory.environmentVariable) to the Gazetteer/data directory")
        }
        let countries = try Loading.regions(dir.appendingPathComponent("countries.geojson"), isCountry: true)
        let provinces = try Loading.regions(dir.appendingPathComponent("provinces.geojson"), isCountry: false)
        let borders = try Loading.borders(dir.appendingPathComponent("borders.geojson"))
        var entries = try Loading.places(dir.appendingPathComponent("places.tsv"))
        let overlayURL = dir.appendingPathComponent("overlay.tsv")
        if FileManager.default.fileExists(atPath: overlayURL.path) {
            entries += try Loading.overlay(overlayURL, label: "overlay")
        }
        var user: [GazetteerEntry] = []
        for url in overlays {
            let ext = url.pathExtension.lowercased()
            user += ext == "yaml" || ext == "yml" ? try OverlayYAML.read(url) : try Loading.overlay(url, label: url.lastPathComponent)
        }
        let (sources, coverage) = try DataSource.read(dir.appendingPathComponent("sources.json"))
        return Gazetteer(places: entries, userEntries: user, countries: countries, provinces: provinces, borders: borders,
                         sources: sources, coverage: coverage)
    }

    /// Builds a gazetteer from values (used by `load` and by tests).
    public init(places: [GazetteerEntry], userEntries: [GazetteerEntry] = [], countries: [Region],
                provinces: [Region], borders: [BorderLine], sources: [DataSource] = [], coverage: BoundingBox = Gazetteer.world) {
        self.sources = sources
        self.coverage = coverage
        self.countries = countries
        self.provinces = provinces
        self.borders = borders
        var all: [GazetteerEntry] = []
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
        let overridden = Set(userEntries.map(\.id))
        all += places.filter { !overridden.contains($0.id) }
        // User entries: fill in country and province from the polygons, and turn a province name into its code.
        for var e in userEntries {
            if e.country.isEmpty { e.country = countries.first { $0.contains(e.location) }?.id ?? "" }
            if let a1 = e.admin1, !provinces.contains(where: { $0.id == a1 }) {
                e.admin1 = Gazetteer.matchRegion(a1, in: provinces)?.id ?? a1
            }
            if e.admin1 == nil { e.admin1 = provinces.first { $0.contains(e.location) }?.id }
            all.append(e)
        }
        entries = all
        userIDs = overridden.union(userEntries.map(\.id))
        // The forms of every name, computed on all cores (each entry's names on their own), then
        // inserted in entry order so that the indexes are the same whatever the scheduling.
        let chunks = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount * 2))
        let named = all  // a constant the tasks can share
        let results = Slots<[(NameRef, NameFolding.Forms)]>(count: chunks, empty: [])
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var out: [(NameRef, NameFolding.Forms)] = []
            for i in stride(from: c * named.count / chunks, to: (c + 1) * named.count / chunks, by: 1) {
                // Every form derives from the folded name, so a folded duplicate adds nothing.
                var seenFolded: [[UInt8]] = []
                for (j, n) in named[i].allNames.enumerated() {
                    let folded = NameFolding.foldBytes(n)
                    guard !folded.isEmpty, !seenFolded.contains(folded) else { continue }
                    seenFolded.append(folded)
                    out.append((NameRef(entry: Int32(i), name: Int32(j)), NameFolding.forms(folded: folded)))
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
            do {
                exact.insert(forms.folded, ref)
                if !forms.key.isEmpty, !seenVariant.contains(forms.key) { seenVariant.append(forms.key); variant.insert(forms.key, ref) }
                if let u = forms.unordered, !seenUnordered.contains(u) { seenUnordered.append(u); unordered.insert(u, ref) }
                if let sk = forms.skeleton, !seenSkeleton.contains(sk) { seenSkeleton.append(sk); skeleton.insert(sk, ref) }
            }
        }
        exactIndex = exact
        variantIndex = variant
        unorderedIndex = unordered
        skeletonIndex = skeleton
    }

    // MARK: - Point in polygon

    /// The country whose polygon holds `p`.
    public func country(at p: LonLat) -> Region? { countryGrid.region(at: p) }

    /// The province whose polygon holds `p`.
    public func province(at p: LonLat) -> Region? { provinceGrid.region(at: p) }

    /// Grids over the polygons, built on first use (thread-safe: `lazy` is not).
    private var countryGrid: RegionGrid { grids.countries }
    private var provinceGrid: RegionGrid { grids.provinces }
    private var grids: (countries: RegionGrid, provinces: RegionGrid) {
        gridLock.lock()
        defer { gridLock.unlock() }
        if let g = builtGrids { return g }
        let g = (RegionGrid(regions: countries), RegionGrid(regions: provinces))
        builtGrids = g
        return g
    }
    private let gridLock = NSLock()
    private var builtGrids: (countries: RegionGrid, provinces: RegionGrid)?

    /// The province with id `id` (ISO 3166-2).
    public func province(id: String) -> Region? { provinces.first { $0.id == id } }

    /// The country with alpha-2 code `code`.
    public func country(code: String) -> Region? { countries.first { $0.id == code } }

    /// The alpha-2 code for a country given as code (alpha-2/alpha-3) or name, or nil.
    public func countryCode(for text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let c = countries.first(where: { $0.id.caseInsensitiveCompare(t) == .orderedSame }) { return c.id }
        return Gazetteer.matchRegion(t, in: countries)?.id
    }

    /// The province named or coded `text` (any of its names, spelling variants folded).
    public func province(named text: String) -> Region? { Gazetteer.matchRegion(text, in: provinces) }

    static func matchRegion(_ text: String, in regions: [Region]) -> Region? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let r = regions.first(where: { $0.id.caseInsensitiveCompare(t) == .orderedSame }) { return r }
        let f = NameFolding.fold(t), k = NameFolding.key(t)
        if let r = regions.first(where: { r in ([r.name] + r.alternateNames).contains { NameFolding.fold($0) == f } }) { return r }
        if k.isEmpty { return nil }
        return regions.first { r in ([r.name] + r.alternateNames).contains { NameFolding.key($0) == k } }
    }

    // MARK: - Resolving

    /// Resolves a query: parses qualifiers and context, finds matching names,
    /// ranks them and decides between resolved, ambiguous and not found.
    public func resolve(_ query: PlaceQuery) -> Lookup {
        let parsed = ParsedQuery(query.text)
        var contextTexts = parsed.context
        if let a2 = query.admin2 { contextTexts.append(a2) }
        if let a1 = query.admin1 { contextTexts.append(a1) }
        if let c = query.country { contextTexts.append(c) }
        let ctx = context(from: contextTexts, explicitCountry: query.country)
        var found = matches(for: parsed.name)
        if let only = ctx.country { found.removeAll { entries[$0.entry].country != only } }
        var scored = found.map { m in
            Candidate(entry: entries[m.entry], score: score(m, query: parsed.name.trimmingCharacters(in: .whitespaces), wants: parsed.wantsKind, context: ctx),
                      matched: m.matched, match: m.kind)
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
            resolution = decide(scored, context: ctx)
        }
        return Lookup(query: query, name: parsed.name, context: contextTexts, near: parsed.near, resolution: resolution)
    }

    /// Convenience: resolve a bare name.
    public func resolve(_ text: String) -> Lookup { resolve(PlaceQuery(text)) }

    /// How many entries bear exactly this name once folded (the fast path, no ranking).
    public func lookupExact(_ name: String) -> Int { exactIndex.count(NameFolding.fold(name)) }

    /// How many entries match this name by folding and transliteration keys (no ranking).
    public func lookupVariant(_ name: String) -> Int { matches(for: name).count }

    struct Match { var entry: Int; var matched: String; var kind: MatchKind }

    /// Every entry whose names match `name`, each once with its best match kind.
    func matches(for name: String) -> [Match] {
        var out: [Match] = []
        var seen = Set<Int32>()
        func add(_ refs: [NameRef], _ kind: (NameRef) -> MatchKind) {
            for r in refs where seen.insert(r.entry).inserted {
                out.append(Match(entry: Int(r.entry), matched: entries[Int(r.entry)].allNames[Int(r.name)], kind: kind(r)))
            }
        }
        let forms = NameFolding.forms(name)
        add(exactIndex.lookup(forms.folded)) { $0.name == 0 ? .exact : .alternate }
        let spellings = [forms] + NameFolding.spellingAlternatives(name).map(NameFolding.forms)
        for s in spellings where !s.key.isEmpty { add(variantIndex.lookup(s.key)) { _ in .variant } }
        for s in spellings { if let u = s.unordered { add(unorderedIndex.lookup(u)) { _ in .reordered } } }
        // The consonant skeleton only when nothing closer matched: it is loose.
        if out.isEmpty {
            for s in spellings { if let sk = s.skeleton { add(skeletonIndex.lookup(sk)) { _ in .skeleton } } }
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
        if let c = explicitCountry { ctx.country = countryCode(for: c) ?? c.uppercased() }
        for t in texts {
            if let c = countryCode(for: t) {
                if ctx.country == nil { ctx.country = c }
            } else if let p = province(named: t) {
                ctx.admin1.insert(p.id)
            } else {
                // A district or a nearby place: compare with entries' districts, and resolve it without context to use its point.
                ctx.districts.insert(NameFolding.key(t))
                let ms = matches(for: ParsedQuery(t).name)
                let best = ms.max { a, b in entries[a.entry].population < entries[b.entry].population }
                if let best { ctx.nearPoints.append(entries[best.entry].location) }
            }
        }
        return ctx
    }

    static let matchScore: [MatchKind: Double] = [.exact: 1.0, .alternate: 0.93, .variant: 0.85, .reordered: 0.8, .skeleton: 0.72]

    func score(_ m: Match, query: String, wants: PlaceKind?, context ctx: Context) -> Double {
        let e = entries[m.entry]
        var s = Gazetteer.matchScore[m.kind]!
        // Written exactly as the source writes it, diacritics included: a little stronger evidence.
        if m.kind == .exact || m.kind == .alternate, m.matched.lowercased() == query.lowercased() { s += 0.03 }
        if let wants { s += wants == e.kind ? 0.1 : -0.05 }
        switch e.kind {
        case .country: s += 0.12
        case .admin1: s += 0.1
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
    public static let dominanceRatio = 10
    /// Readings closer than this (km) count as the same place (GeoNames lists some places twice).
    public static let samePlaceKm = 25.0

    func decide(_ scored: [Candidate], context ctx: Context) -> Resolution {
        let best = scored[0]
        if best.match == .skeleton && !corroborates(ctx, best.entry) {
            return .uncertain(best, others: Array(scored.dropFirst()))
        }
        // A rival makes the name ambiguous when it scores close, lies elsewhere, and is not a far smaller
        // place than the best (a town of 20,000 does not rival a city of 500,000 that bears the same name).
        let rivals = scored.dropFirst().filter {
            best.score - $0.score < Gazetteer.ambiguityMargin
                && distanceKm(best.entry.location, $0.entry.location) > Gazetteer.samePlaceKm
                && !(best.entry.kind == .place && $0.entry.kind == .place && $0.entry.population * Gazetteer.dominanceRatio < best.entry.population)
                && !contains(best.entry, $0.entry) && !contains($0.entry, best.entry)
        }
        if rivals.isEmpty { return .resolved(best, others: Array(scored.dropFirst())) }
        // The best reading of each country first, so that a short list shows every country the name is in.
        var firsts: [Candidate] = [], rest: [Candidate] = [], countries: Set<String> = []
        for c in scored {
            if countries.insert(c.entry.country).inserted { firsts.append(c) } else { rest.append(c) }
        }
        return .ambiguous(firsts + rest)
    }

    /// True when the query's context supports `e`: its country was asked for, or its
    /// province or district was named, or a named nearby place is within 150 km.
    func corroborates(_ ctx: Context, _ e: GazetteerEntry) -> Bool {
        if ctx.country != nil { return true }
        if let a1 = e.admin1, ctx.admin1.contains(a1) { return true }
        if let a2 = e.admin2, ctx.districts.contains(NameFolding.key(a2)) { return true }
        return ctx.nearPoints.contains { distanceKm($0, e.location) <= 150 }
    }

    /// True when `area` is a province or country that holds `place` (Kandahar province holds Kandahar city).
    func contains(_ area: GazetteerEntry, _ place: GazetteerEntry) -> Bool {
        switch area.kind {
        case .admin1: return place.kind != .admin1 && place.admin1 == area.id
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
        for key in variantIndex.forms {
            let d = NameFolding.editDistance(k, key, limit: maxDistance)
            guard d <= maxDistance else { continue }
            for r in variantIndex.lookup(key) {
                let e = entries[Int(r.entry)]
                if let country, e.country != country { continue }
                scored.append((d, -e.population, "\(e.name) (\(e.country))"))
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

/// One slot per task of a `concurrentPerform`: each task writes its own slot once, and the
/// values are read after `concurrentPerform` returned.
final class Slots<Value>: @unchecked Sendable {
    // Safe: distinct tasks write distinct slots of a buffer allocated once (no shared array
    // header is mutated), and `concurrentPerform` returning orders the writes before the reads.
    private let buffer: UnsafeMutableBufferPointer<Value>

    init(count: Int, empty: Value) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: empty)
    }

    deinit {
        buffer.baseAddress?.deinitialize(count: buffer.count)
        buffer.deallocate()
    }

    func set(_ i: Int, _ value: Value) { buffer[i] = value }

    var values: [Value] { Array(buffer) }
}
