import Foundation
import Gazetteer
import Geometry
import Incidents

/// Places incidents: coordinates from the input, else the gazetteer;
/// then country and province by point-in-polygon and the nearest border.
public struct IncidentResolver: Sendable {
    /// The gazetteer.
    public let gazetteer: Gazetteer
    /// Border distances.
    public let borders: BorderDistance
    /// Whether `resolve` measures the nearest border and finds the province (a binned map
    /// needs neither).
    public var measuresDetail = true
    /// Accept the best candidate of an ambiguous name instead of failing.
    public var acceptAmbiguous: Bool
    /// Country context applied to every name (`--country`).
    public var defaultCountry: String?
    /// Province context applied to every name (`--admin1`).
    public var defaultAdmin1: String?
    /// Lookups already made: large files name the same few places again and again.
    let cache = LookupCache()
    /// The outlines points just off a coast are measured to.
    let coasts = Coasts()
    /// The borders by id (with their status in the point of view).
    let borderLines: [String: BorderLine]

    /// Creates a resolver.
    public init(gazetteer: Gazetteer, acceptAmbiguous: Bool = false, defaultCountry: String? = nil, defaultAdmin1: String? = nil) {
        self.gazetteer = gazetteer
        self.borders = BorderDistance(borders: gazetteer.borders)
        borderLines = Dictionary(gazetteer.borders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.acceptAmbiguous = acceptAmbiguous
        self.defaultCountry = defaultCountry
        self.defaultAdmin1 = defaultAdmin1
    }

    /// The nearest land border when the data can tell: none outside the data's coverage, nor
    /// when a border outside the coverage could be nearer than the nearest one inside it.
    /// `country` is the point's, preferred where borders meet.
    public func nearestBorder(to p: LonLat, in country: String?) -> BorderProximity? {
        guard let b = borders.nearest(to: p, in: country), b.distanceKm <= gazetteer.coverageMarginKm(p) else { return nil }
        return b
    }

    func describe(_ c: Candidate) -> String {
        let e = c.entry
        var parts = [e.country]
        if let a1 = e.admin1, let p = gazetteer.province(id: a1) { parts.append(p.name) }
        let lat = NumberFormat2.coord(e.location.lat, "N", "S"), lon = NumberFormat2.coord(e.location.lon, "E", "W")
        return "\(e.name) (\(parts.joined(separator: ", ")); \(lat) \(lon); \(e.kind.rawValue); \(e.id))"
    }

    /// Resolves one incident.
    public func resolve(_ inc: Incident) -> Result<ResolvedIncident, InputProblem> {
        var memo = PointMemo()
        return resolve(inc, memo: &memo, names: nil)
    }

    /// The line a message about the row's place names (looked up only for a message: two
    /// lookups in the row's table on every row were not free).
    static func placeLine(_ inc: borrowing Incident) -> Int {
        inc.fieldLines["place"] ?? inc.fieldLines["location"] ?? inc.location.line
    }

    /// Resolves one incident, finding the facts of a point given by coordinates once per `memo`
    /// (a chunk of rows: exports give most rows their town's coordinates), and what a name
    /// decides in `names` (one encoding thread's, without a lock) before the shared cache.
    func resolve(_ inc: consuming Incident, memo: inout PointMemo, names: NameMemo?) -> Result<ResolvedIncident, InputProblem> {
        var point: LonLat
        var precision = inc.locationPrecision
        var placed: Placing?
        var warnings: [InputProblem] = []
        var known: PointFacts?
        if let c = inc.coordinates {
            point = c
            precision = precision ?? .exact
        } else {
            let query = PlaceQuery(inc.place, country: inc.country ?? defaultCountry, admin1: inc.admin1 ?? defaultAdmin1, admin2: inc.admin2)
            let placing = names?.placings[query] ?? {
                let p = cache.placing(query, detail: measuresDetail, acceptAmbiguous: acceptAmbiguous) { self.placing(query) }
                names?.keep(p, for: query)
                return p
            }()
            guard let p = placing.point else {
                return .failure(InputProblem(file: inc.location.file, line: Self.placeLine(inc), field: "place", message: placing.failure ?? "could not resolve \"\(inc.place)\""))
            }
            placed = placing
            point = p
            // A unit placed for a place the gazetteer lacks: the unit's precision, not the row's.
            // Else the coarser of the row's and the entry's: the point of a district or of a place
            // known to its district is no nearer the site than that, whatever the row says of the
            // site ("near Musakhel" at the Musakhel district's point is not within 10 km).
            if let row = precision, !placing.placesAUnit { precision = row.coarser(placing.precision) } else { precision = placing.precision }
            if let w = placing.warning {
                warnings.append(InputProblem(file: inc.location.file, line: Self.placeLine(inc), field: "place", message: w, isWarning: true))
            }
            known = placing.facts
        }
        let declaredCode = inc.country.map { declared in
            names?.codes[declared] ?? {
                let c = cache.countryCode(declared, gazetteer)
                names?.keep(code: c, for: declared)
                return c
            }()
        }
        // A place named by many rows has one point, as have rows at one town's coordinates: the
        // facts of a point are found once (per entry for names, per chunk for coordinates).
        var facts = known ?? memo.facts(at: point) { self.facts(at: point) }
        // Given coordinates just off the coast of the country the row declares, or of the country
        // of a town whose own point is within `Coasts.townKm` (see `Coasts`).
        var town: (entry: GazetteerEntry, km: Double)?
        if known == nil, facts.country == nil, facts.covered {
            let near = declaredCode == nil ? gazetteer.nearestPlace(to: point, withinKm: Coasts.townKm) : nil
            if let code = declaredCode ?? near?.entry.country {
                facts = cache.coastFacts(at: point, country: code) { self.facts(offCoastOf: code, at: point, base: facts) }
                if facts.country != nil { town = near }
            }
        }
        // Given coordinates a little inside a neighbour's polygon of the country the row declares.
        if known == nil, let code = declaredCode, let drawn = facts.country, drawn != code {
            facts = cache.coastFacts(at: point, country: code) { self.facts(across: code, at: point, base: facts) }
        }
        // A point placed by a country's name stands for all of it: the province it falls in is not the incident's.
        let country = facts.country, province = ResolvedIncident.knowsProvince(kind: placed?.entryKind) ? facts.province : nil
        // What the point's country is or is not, said of the coordinates or of the place named.
        func warnOfPoint(_ message: String, _ inc: borrowing Incident) {
            warnings.append(InputProblem(file: inc.location.file, line: inc.fieldLines["latitude"] ?? Self.placeLine(inc), field: inc.coordinates == nil ? "place" : "latitude",
                                         message: "the point (\(point.lat), \(point.lon)) " + message, isWarning: true))
        }
        if !facts.covered {
            warnOfPoint("is outside the bundled data, which covers \(gazetteer.coverageText): its country, province and nearest border are not known", inc)
        }
        if facts.countryFromName, let code = country {
            // Who names the country: the entry that placed the point, a town within reach (off a
            // coast only), or the row.
            let which = placed?.entry.map { "the gazetteer gives for \($0.name) (\($0.id))" }
                ?? town.map { "of \($0.entry.name) (\($0.entry.id)), whose point is \(Coasts.kmText($0.km)) away" } ?? "the row declares"
            let name = { (c: String) in "\(c) (\(self.gazetteer.country(code: c)?.name ?? c))" }
            if let km = facts.offshoreKm {
                warnOfPoint("is in no country's polygon but \(Coasts.kmText(km)) off the land of \(name(code)) as the bundled 1:10m data draws its coast: taken as in \(code), the country \(which)", inc)
            } else if let km = facts.acrossKm, let drawn = facts.drawnIn {
                warnOfPoint("is in the polygon of \(name(drawn)) but \(Coasts.kmText(km)) from the land of \(name(code)) as the bundled 1:10m data draws their border: taken as in \(code), the country \(which)", inc)
            }
        }
        var agrees = false
        if let declared = inc.country, let code = declaredCode {
            agrees = country == code
            if let actual = country, actual != code {
                warnings.append(InputProblem(file: inc.location.file, line: inc.fieldLines["country"] ?? inc.location.line, field: "country",
                                             message: "declared \(declared) but the point (\(point.lat), \(point.lon)) falls in \(actual)", isWarning: true))
            }
        }
        var origin: LonLat?, originName: String?
        if let o = inc.origin {
            let lookup = cache.lookup(PlaceQuery(o), gazetteer)
            if case .resolved(let best, _) = lookup.resolution {
                origin = best.entry.location
                originName = best.entry.name
            } else {
                warnings.append(InputProblem(file: inc.location.file, line: inc.fieldLines["origin"] ?? inc.location.line, field: "origin",
                                             message: "origin \"\(o)\" not resolved; no strike direction drawn", isWarning: true))
            }
        }
        // A point that stands for a whole unit is not measured (`ResolvedIncident.standsForUnit`).
        let standsForUnit = ResolvedIncident.standsForUnit(precision: precision ?? .exact, kind: placed?.entryKind)
        // Made in one call and returned as made: set member by member after, it was copied out.
        let district = ResolvedIncident.inKnownDistrict(precision: precision ?? .exact, kind: placed?.entryKind) ? facts.district : nil
        return .success(ResolvedIncident(incident: consume inc, point: point, precision: precision ?? .exact, placing: placed,
                                         country: country, province: province?.id, provinceName: province?.name,
                                         district: district?.id, districtName: district?.name,
                                         border: standsForUnit ? nil : facts.border, origin: origin, originName: originName,
                                         offshore: facts.countryFromName, declaredCountryAgrees: agrees, warnings: warnings))
    }

    /// Everything a name query decides, made once per query: what every row naming the place
    /// shares (a million rows name a thousand places).
    func placing(_ query: PlaceQuery) -> Placing {
        // Not kept: the placing made of it is (`LookupCache.placing`).
        var lookup = cache.resolve(query, gazetteer)
        let text = query.text
        // A place the gazetteer does not hold (a village: "Boni", Mopti) in a district or province
        // the row names: with --accept-best, the incident is placed in that unit, at its precision.
        var inUnit = false
        if acceptAmbiguous, case .notFound = lookup.resolution, let found = containingUnit(query) {
            inUnit = true
            lookup = found
        }
        switch lookup.resolution {
        case .notFound(let suggestions):
            var message = "unknown place \"\(text)\""
            if let c = query.country { message += " in \(c)" }
            message += suggestions.isEmpty ? "" : "; nearest known spellings: \(suggestions.joined(separator: ", "))"
            message += "; add it with --gazetteer FILE or give latitude/longitude"
            if let u = containingUnit(query)?.resolution.best {
                message += ", or pass --accept-best to place it in the \(u.entry.kind == .admin2 ? "district" : "province") the row names (\(u.entry.name))"
            }
            return Placing(failure: message)
        case .uncertain(let best, _) where !acceptAmbiguous:
            return Placing(failure: "\"\(text)\" matches only loosely: \(describe(best)). Add country:/admin1: to confirm, or pass --accept-best")
        case .ambiguous(let all) where !acceptAmbiguous:
            let list = all.prefix(5).map(describe).joined(separator: "; ")
            return Placing(failure: "\"\(text)\" is ambiguous: \(list). Add country:/admin1: to the incident, or pass --accept-best")
        default:
            break
        }
        guard let best = lookup.resolution.best, var rec = lookup.record(acceptAmbiguous: acceptAmbiguous) else {
            return Placing(failure: "could not resolve \"\(text)\"")
        }
        if inUnit {
            // The record says what was asked and that the unit, not the place, was found.
            rec.query = text
            rec.match = Placing.unitMatch
            rec.acceptedAmbiguous = true
        }
        let precision: LocationPrecision
        if lookup.near { precision = .near } else {
            switch best.entry.precision {
            case .point: precision = best.entry.kind == .admin2 ? .district : .exact
            case .district: precision = .district
            case .province, .country: precision = .province
            }
        }
        let others = lookup.resolution.candidates.dropFirst().prefix(3).map { RunnerUp(description: describe($0), score: $0.score) }
        let point = best.entry.location
        let country = best.entry.country
        let entry = best.entry
        let facts = cache.facts(of: entry.id, measuresDetail: measuresDetail) {
            var f = self.facts(at: point)
            // A town's point just off its country's coast, or just across its border, as the
            // polygons draw them (see `Coasts`).
            if f.country == nil && f.covered { f = self.facts(offCoastOf: country, at: point, base: f) } else { f = self.facts(across: country, at: point, base: f) }
            // A district the polygons split finer (`areas.tsv`: "North Waziristan") is the
            // incident's district; the finer unit its point lies in is not known of the incident.
            if entry.kind == .admin2, !entry.id.hasPrefix(Gazetteer.districtEntryPrefix), f.district != nil {
                f.district = (entry.id, entry.name)
            }
            return f
        }
        let warning = inUnit
            ? "unknown place \"\(text)\"; placed in the \(best.entry.kind == .admin2 ? "district" : "province") the row names, \(describe(best)), at \(precision.rawValue) precision (--accept-best)"
            : rec.acceptedAmbiguous ? "\"\(text)\" is ambiguous or loosely matched; took \(describe(best)) (--accept-best)" : nil
        return Placing(entry: best.entry, record: rec, contextAgrees: gazetteer.contextAgrees(lookup.context, with: best.entry),
                       others: others, precision: precision, warning: warning, facts: facts)
    }

    /// The district, else the province, that `query` gives as context (an export's admin2 and
    /// admin1 columns), looked up as a unit of that kind in the query's country: a lookup resolved
    /// to it, or nil where neither is given or found, or either is ambiguous.
    func containingUnit(_ query: PlaceQuery) -> Lookup? {
        if let a2 = query.admin2, !a2.isEmpty {
            // "district" asks for the unit, not the town that is its seat.
            let l = cache.resolve(PlaceQuery(a2 + " district", country: query.country, admin1: query.admin1), gazetteer)
            if case .resolved(let best, _) = l.resolution, best.entry.kind == .admin2 { return l }
        }
        if let a1 = query.admin1, !a1.isEmpty {
            let name = gazetteer.province(id: a1)?.name ?? a1
            let l = cache.resolve(PlaceQuery(name + " province", country: query.country), gazetteer)
            if case .resolved(let best, _) = l.resolution, best.entry.kind == .admin1 { return l }
        }
        return nil
    }

    /// The country, province, district and nearest border (the last three when measuring
    /// detail) of a point, and whether the data covers it.
    ///
    /// A point in no country's polygon is in no province's or district's either (the provinces are
    /// fitted to the countries' edges, the districts clipped to the provinces): neither is looked
    /// up. Seven in ten points over the globe are at sea, and their lookups had built district
    /// tiles of open sea and coast for nothing. (A point just off a coast is given its country,
    /// province and district afterwards, by `facts(offCoastOf:at:base:)`.)
    func facts(at point: LonLat) -> PointFacts {
        let country = gazetteer.countryID(at: point)
        let inUnits = measuresDetail && country != nil
        return PointFacts(country: country, province: inUnits ? gazetteer.provinceName(at: point) : nil,
                          district: inUnits ? gazetteer.districtName(at: point) : nil,
                          border: measuresDetail ? nearestBorder(to: point, in: country) : nil, covered: gazetteer.covers(point))
    }

    /// The facts of a point in no country (`base`) when the land of `code` is within
    /// `Coasts.toleranceKm`: that country, the nearest of its provinces and districts within the
    /// same distance, the nearest border from it, and how far off its land the point is; else `base`.
    func facts(offCoastOf code: String, at point: LonLat, base: PointFacts) -> PointFacts {
        taken(in: code, at: point, base: base) { $0.offshoreKm = $1 }
    }

    /// The facts of a point in another country's polygon (`base`) when the land of `code` is within
    /// `Coasts.toleranceKm`, as for a point off its coast: the 1:10m borders are generalised as the
    /// coasts are, and put Goma's point (geonames:216281, DR Congo) 0.3 km inside Rwanda. Taken
    /// only where something names `code` (the gazetteer entry that placed the point, or the row's
    /// declared country) and the nearest border is one of the two countries' and not disputed in
    /// the point of view: along a line of control, a claim or an armistice line (the West Bank's)
    /// the polygons are the view's answer, and a name's country code is not. Else `base`.
    func facts(across code: String, at point: LonLat, base: PointFacts) -> PointFacts {
        guard let drawn = base.country, drawn != code,
              let nearest = base.border ?? borders.nearest(to: point, in: drawn), let line = borderLines[nearest.borderID],
              !line.disputed, line.countries.contains(drawn), line.countries.contains(code) else { return base }
        return taken(in: code, at: point, base: base) { f, km in
            f.acrossKm = km
            f.drawnIn = drawn
        }
    }

    /// `base` taken as in country `code` when its land is within `Coasts.toleranceKm` of the point
    /// (`mark` records how far): that country, the nearest of its provinces and districts within
    /// the same distance, the nearest border from it; else `base`.
    private func taken(in code: String, at point: LonLat, base: PointFacts, mark: (inout PointFacts, Double) -> Void) -> PointFacts {
        guard let land = gazetteer.country(code: code),
              let near = coasts.nearest(point, among: [land], key: { "country \($0.id)" }) else { return base }
        var f = base
        f.country = land.id
        mark(&f, near.km)
        guard measuresDetail else { return f }
        f.province = coasts.province(near: point, in: land.id, gazetteer).map { ($0.id, $0.name) }
        f.district = coasts.district(near: point, in: land.id, gazetteer).map { ($0.id, $0.name) }
        f.border = nearestBorder(to: point, in: land.id)
        return f
    }

    /// The province of a resolved incident: the polygon's at its point, or, where its country was
    /// taken from a name (off a coast or across a border), the nearest of that country's; none for
    /// an incident placed by its country's name.
    func province(of r: ResolvedIncident) -> (id: String, name: String)? {
        guard ResolvedIncident.knowsProvince(kind: r.entryKind) else { return nil }
        if r.offshore, let country = r.country { return coasts.province(near: r.point, in: country, gazetteer).map { ($0.id, $0.name) } }
        return gazetteer.provinceName(at: r.point)
    }
}

/// What the names of rows decided, kept by one encoding thread at a time (`LookupCache.borrow`)
/// so that a row naming a known place takes no lock: a file naming a thousand places hashes
/// each row's query once, here, instead of under the shared cache's lock.
final class NameMemo {
    fileprivate(set) var placings: [PlaceQuery: Placing] = [:]
    fileprivate(set) var codes: [String: String] = [:]
    /// The resolver's settings the placings were made with (the memo is emptied when they differ).
    fileprivate var settings: (detail: Bool, acceptAmbiguous: Bool)?
    /// Keys kept at most: a file of distinct names does not grow it without end.
    static let limit = 20_000

    func keep(_ p: Placing, for q: PlaceQuery) { if placings.count < Self.limit { placings[q] = p } }
    func keep(code: String, for declared: String) { if codes.count < Self.limit { codes[declared] = code } }
}

/// The facts of the points of one chunk of rows, by their coordinates bit for bit, so that rows
/// at one town's point (most of an ACLED export) cost one lookup. Where the first rows show
/// that points do not repeat (fewer than one in eight of 512), it stops keeping them: a file
/// of distinct points pays 512 dictionary steps a chunk, not one a row.
struct PointMemo {
    private struct Key: Hashable { var lon: UInt64; var lat: UInt64 }
    private var table: [Key: PointFacts] = [:]
    private var lookups = 0, hits = 0
    private var on = true

    mutating func facts(at p: LonLat, _ make: () -> PointFacts) -> PointFacts {
        guard on else { return make() }
        let key = Key(lon: p.lon.bitPattern, lat: p.lat.bitPattern)
        lookups += 1
        if let f = table[key] { hits += 1; return f }
        let f = make()
        if lookups == 512 && hits * 8 < lookups {
            on = false
            table = [:]
        } else {
            table[key] = f
        }
        return f
    }
}

/// What the polygons say of a point: ids and names, not the polygons.
struct PointFacts {
    var country: String?
    var province: (id: String, name: String)?
    var district: (id: String, name: String)?
    var border: BorderProximity?
    var covered: Bool
    /// The point is in no country's polygon and the country is that of the row or the entry, whose
    /// land is this many km away (see `Coasts`); nil for a point inside its country's polygon.
    var offshoreKm: Double? = nil
    /// The point is in another country's polygon (`drawnIn`) and the country is that of the row or
    /// the entry, whose land is this many km away (see `Coasts`): Goma's point lies 0.3 km inside
    /// Rwanda as the 1:10m borders draw them.
    var acrossKm: Double? = nil
    var drawnIn: String? = nil

    /// Whether the country is not the polygon's at the point but one a name gives (off its coast,
    /// or just across its border).
    var countryFromName: Bool { offshoreKm != nil || acrossKm != nil }
}

/// What a name query decides for every row that writes it (`IncidentResolver.placing`): one
/// shared object, so that a row takes one reference, not a copy of each of its parts.
final class Placing: Sendable {
    /// Why the name places nothing (the row's file and line are added per row), else nil.
    let failure: String?
    let entry: GazetteerEntry?
    let record: ResolutionRecord?
    /// The runners-up, described, with their scores.
    let others: [RunnerUp]
    /// The precision the entry gives when the row gives none.
    let precision: LocationPrecision
    /// The warning of a best reading taken from several (`--accept-best`).
    let warning: String?
    /// The facts of the entry's point.
    let facts: PointFacts?
    /// `record`'s members as the incidents layer writes them (`IncidentFeature.resolutionMembers`), made once.
    let recordMembers: [UInt8]
    /// The entry's point; nil when the name places nothing.
    let point: LonLat?
    /// `record`'s query, read on every row the layer writes (without a copy of the record).
    let recordQuery: String?
    /// `entry`'s kind, read on every row (without a copy of the entry).
    let entryKind: PlaceKind?

    /// The resolution record's `match` where the place was not found and the district or
    /// province its row names was placed instead (`--accept-best`).
    static let unitMatch = "unit"
    /// Whether this placing is such a unit, standing for a place the gazetteer lacks.
    let placesAUnit: Bool

    init(failure: String) {
        (self.failure, entry, record, others, precision, warning, facts, recordMembers, point, recordQuery, entryKind, placesAUnit) = (failure, nil, nil, [], .exact, nil, nil, [], nil, nil, nil, false)
    }

    init(entry: GazetteerEntry, record: ResolutionRecord, contextAgrees: Bool, others: [RunnerUp], precision: LocationPrecision,
         warning: String?, facts: PointFacts) {
        (failure, self.entry, self.record, self.others, self.precision, self.warning, self.facts) = (nil, entry, record, others, precision, warning, facts)
        var json: [UInt8] = []
        IncidentFeature.resolutionMembers(record, contextAgrees: contextAgrees, &json)
        recordMembers = json
        point = entry.location
        recordQuery = record.query
        entryKind = entry.kind
        placesAUnit = record.match == Placing.unitMatch
    }
}

/// Small text formatting helpers for messages.
enum NumberFormat2 {
    static func coord(_ v: Double, _ pos: String, _ neg: String) -> String {
        String(format: "%.2f", abs(v)) + "°" + (v >= 0 ? pos : neg)
    }
}

/// A thread-safe memo of gazetteer lookups by query (text and context).
final class LookupCache: @unchecked Sendable {
    private var memo: [PlaceQuery: Lookup] = [:]
    private let lock = ReadWriteLock()

    private var codes: [String: String] = [:]

    /// The alpha-2 code of a declared country (a code or a name), memoised.
    func countryCode(_ declared: String, _ gazetteer: Gazetteer) -> String {
        memoised(declared, in: \.codes) { gazetteer.countryCode(for: declared) ?? declared.uppercased() }
    }

    func lookup(_ q: PlaceQuery, _ gazetteer: Gazetteer) -> Lookup {
        memoised(q, in: \.memo) { resolve(q, gazetteer) }
    }

    /// The gazetteer's answer to `q`, counted but not kept: for a caller that keeps what it
    /// makes of it (a placing), which is far smaller than the candidates' entries.
    func resolve(_ q: PlaceQuery, _ gazetteer: Gazetteer) -> Lookup {
        let found = gazetteer.resolve(q)
        lock.writing { lookups += 1 }
        return found
    }

    /// Lookups made so far, and how many had been made at the last `chunkDone` and at the last
    /// release of the name index's pages.
    private var lookups = 0, lookupsAtChunk = 0, lookupsAtRelease = 0

    /// Called as each chunk of rows is placed. Once lookups have settled (a whole chunk made none
    /// after some were made), the pages they read are given back (`Gazetteer.releaseNamePages`):
    /// a file naming a thousand places reads them in its first chunks, then finds every name in
    /// this memo.
    func chunkDone(_ gazetteer: Gazetteer) {
        let settled: Bool = lock.writing {
            defer { lookupsAtChunk = lookups }
            guard lookups == lookupsAtChunk, lookups > lookupsAtRelease else { return false }
            lookupsAtRelease = lookups
            return true
        }
        if settled { gazetteer.releaseNamePages() }
    }

    /// Name memos not in use by an encoding thread.
    private var idle: [NameMemo] = []

    /// A name memo for one chunk's rows, for the resolver's settings; give it back after.
    func borrow(detail: Bool, acceptAmbiguous: Bool) -> NameMemo {
        let m = lock.writing { idle.popLast() } ?? NameMemo()
        if let s = m.settings, s != (detail, acceptAmbiguous) { m.placings = [:] }
        m.settings = (detail, acceptAmbiguous)
        return m
    }

    func giveBack(_ m: NameMemo) { lock.writing { idle.append(m) } }

    private var placings: [PlacingKey: Placing] = [:]
    private struct PlacingKey: Hashable { var query: PlaceQuery; var detail: Bool; var acceptAmbiguous: Bool }
    private var pointFacts: [FactsKey: PointFacts] = [:]
    private struct FactsKey: Hashable { var entry: String; var detail: Bool }

    /// What a query decides (`make` it once per query, detail and acceptance of ambiguity).
    func placing(_ q: PlaceQuery, detail: Bool, acceptAmbiguous: Bool, make: () -> Placing) -> Placing {
        memoised(PlacingKey(query: q, detail: detail, acceptAmbiguous: acceptAmbiguous), in: \.placings, make)
    }

    private var coasts: [CoastKey: PointFacts] = [:]
    private struct CoastKey: Hashable { var lon: UInt64; var lat: UInt64; var country: String }

    /// The facts of a point at sea in a row declaring `country` (`make` them once per point and country).
    func coastFacts(at p: LonLat, country: String, make: () -> PointFacts) -> PointFacts {
        memoised(CoastKey(lon: p.lon.bitPattern, lat: p.lat.bitPattern, country: country), in: \.coasts, make)
    }

    /// The facts of a gazetteer entry's point (`make` them once per entry and detail).
    func facts(of entry: String, measuresDetail: Bool, make: () -> PointFacts) -> PointFacts {
        memoised(FactsKey(entry: entry, detail: measuresDetail), in: \.pointFacts, make)
    }

    /// `table[key]`, made and kept (up to 100,000 keys) when missing. Two threads may both make
    /// a missing value; they make the same one.
    private func memoised<Key: Hashable, Value>(_ key: Key, in table: ReferenceWritableKeyPath<LookupCache, [Key: Value]>,
                                                _ make: () -> Value) -> Value {
        if let hit = lock.reading({ self[keyPath: table][key] }) { return hit }
        let value = make()
        lock.writing { if self[keyPath: table].count < 100_000 { self[keyPath: table][key] = value } }
        return value
    }
}
