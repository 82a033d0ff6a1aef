import Foundation
import Gazetteer
import Geometry
import Incidents
import Rendering

// The sinks of an `IncidentStream`: the incidents-layer writer, the map collector and the
// report's table. Each takes the kept incidents in input order.

/// Where an encoding task put one feature of one layer.
struct Piece {
    var range: Range<Int>
    var bounds: BoundingBox?
}

/// The features of one incident, by layer (incidents, then the optional layers asked for).
struct Pieces {
    private var pieces: (Piece?, Piece?, Piece?) = (nil, nil, nil)
    func get(_ l: Int) -> Piece? { l == 0 ? pieces.0 : l == 1 ? pieces.1 : pieces.2 }
    mutating func set(_ l: Int, _ p: Piece) {
        switch l {
        case 0: pieces.0 = p
        case 1: pieces.1 = p
        default: pieces.2 = p
        }
    }
}

/// Encodes the per-incident layers' features of a kept incident on an encoding thread: into
/// one buffer per layer, each feature preceded by ",\n" (the file's first feature skips the comma).
final class LayerEncoder: Sendable {
    // A class: the encoding loop takes it for every row, and a struct of its members was a
    // retain and release of each of them per row.
    /// "incidents", then the optional layers asked for.
    let names: [String]
    let writer: GeoJSONWriter
    let perIncident: LayerBuilder
    /// The run read several inputs: each feature names its own (`IncidentFeature.append`).
    let namesInput: Bool
    /// Another encoding of each incident into the one buffer, in place of the layers (the rows
    /// of a database COPY), each incident's bytes back to back.
    let custom: (@Sendable (ResolvedIncident, inout [UInt8]) -> Void)?

    init(names: [String], writer: GeoJSONWriter, perIncident: LayerBuilder, namesInput: Bool = false,
         custom: (@Sendable (ResolvedIncident, inout [UInt8]) -> Void)? = nil) {
        (self.names, self.writer, self.perIncident, self.namesInput, self.custom) = (names, writer, perIncident, namesInput, custom)
    }

    func reserve(_ incidents: Int, in e: EncodedChunk) {
        e.buffers[0].reserveCapacity(1_200 * incidents)
    }

    func encode(_ r: ResolvedIncident, into e: EncodedChunk) -> Pieces {
        var pieces = Pieces()
        if let custom {
            let start = e.buffers[0].count
            custom(r, &e.buffers[0])
            pieces.set(0, Piece(range: start..<e.buffers[0].count, bounds: nil))
            return pieces
        }
        for (l, name) in names.enumerated() {
            let start = e.buffers[l].count
            e.buffers[l].append(0x2C)
            e.buffers[l].append(0x0A)
            var bounds: BoundingBox?
            if l == 0 {
                IncidentFeature.append(r, writer: writer, namesInput: namesInput, to: &e.buffers[l])
                bounds = BoundingBox(minX: r.point.lon, minY: r.point.lat, maxX: r.point.lon, maxY: r.point.lat)
            } else if let f = name == "uncertainty" ? perIncident.uncertaintyFeature(r) : perIncident.strikeFeature(r) {
                writer.append(f, to: &e.buffers[l])
                bounds = f.geometry.bounds
            } else {
                e.buffers[l].removeLast(2)
                continue
            }
            pieces.set(l, Piece(range: start..<e.buffers[l].count, bounds: bounds))
        }
        return pieces
    }
}

/// A GeoJSON FeatureCollection written to a file feature by feature (`OutputFile`: in large
/// blocks, straight to the device where it can).
final class GeoJSONStream {
    private let file: OutputFile
    private let writer: GeoJSONWriter
    private(set) var count = 0
    private var extent = LonLatExtent()

    init(url: URL, name: String, writer: GeoJSONWriter, members: [(String, JSONValue)] = []) throws {
        file = try OutputFile(path: url.path, name: url.lastPathComponent)
        self.writer = writer
        try file.write(writer.header(name: name, members: members))
    }

    /// Appends `features` encoded features, each preceded by ",\n"; the file's first feature's
    /// comma is dropped.
    func append(run: UnsafeBufferPointer<UInt8>, features: Int) throws {
        guard features > 0 else { return }
        let bytes = count == 0 ? UnsafeBufferPointer(rebasing: run[1...]) : run
        count += features
        try file.write(UnsafeRawBufferPointer(bytes))
    }

    /// Grows the collection's bounding box by a feature's.
    func extend(_ b: BoundingBox?) {
        if let b { extent.add(b) }
    }

    func finish() throws {
        try file.write(writer.footer(bbox: extent.shortWay))
        try file.close()
    }
}

/// Consecutive pieces of one layer in a chunk's buffer, gathered into one run so that they go
/// out in one write.
struct PieceRun {
    private var range: Range<Int>?
    private var count = 0

    /// Adds a piece; returns the run to write first when the piece does not continue it.
    mutating func add(_ piece: Range<Int>) -> (range: Range<Int>, count: Int)? {
        if let r = range, r.upperBound == piece.lowerBound {
            range = r.lowerBound..<piece.upperBound
            count += 1
            return nil
        }
        let done = take()
        range = piece
        count = 1
        return done
    }

    /// The run gathered so far (nil when empty), which is then empty.
    mutating func take() -> (range: Range<Int>, count: Int)? {
        defer { range = nil; count = 0 }
        return range.map { ($0, count) }
    }
}

/// Writes the GeoJSON layers into a staged directory: the per-incident layers as the chunks
/// come, then the basemap layers around the incidents.
final class LayerSink: IncidentSink, @unchecked Sendable {
    // Safe: its files and runs are touched only on the stream's delivering queue (and by the
    // calling thread after the run), and `wantsDetail` is a constant.
    let encoder: LayerEncoder
    private let staged: StagedDirectory
    private let streams: [GeoJSONStream]
    /// Features of consecutive incidents lie back to back in a chunk's buffer: they go to the
    /// file as runs.
    private var runs: [PieceRun]
    /// Gazetteer entries the incidents were placed by, first seen first.
    private var named: [GazetteerEntry] = []
    private var namedIDs = Set<String>()
    /// Where the incidents are, the short way round (across the antimeridian around Fiji).
    private var extent = LonLatExtent()

    var wantsDetail: Bool { false }

    /// `inputs`: the files (or the database table or query) read, in order; the incidents layer
    /// names them in its `inputs` member.
    init(staged: StagedDirectory, gazetteer: Gazetteer, precision: Int, optional: [String], inputs: [String]) throws {
        let writer = GeoJSONWriter(precision: precision)
        encoder = LayerEncoder(names: ["incidents"] + optional, writer: writer,
                               perIncident: LayerBuilder(gazetteer: gazetteer, extent: BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90)),
                               namesInput: inputs.count > 1)
        self.staged = staged
        streams = try encoder.names.enumerated().map { l, name in
            try GeoJSONStream(url: staged.url(for: "\(name).geojson"), name: name, writer: writer,
                              members: l == 0 ? [("inputs", .array(inputs.map { .string($0) }))] : [])
        }
        runs = Array(repeating: PieceRun(), count: streams.count)
    }

    func consume(_ e: EncodedChunk, kept k: Int, pieces: Pieces, detailed: ResolvedIncident?) throws {
        for l in streams.indices {
            guard let piece = pieces.get(l) else { continue }
            if let done = runs[l].add(piece.range) { try write(l, done, e) }
            streams[l].extend(piece.bounds)
        }
        let p = e.placed[k]
        extent.add(p.point)
        // The entry is copied once, when its id is first met (a row reads only the id).
        if let id = p.placing?.entry?.id, namedIDs.insert(id).inserted, let entry = p.entry { named.append(entry) }
    }

    func endChunk(_ e: EncodedChunk) throws {
        for l in streams.indices { if let done = runs[l].take() { try write(l, done, e) } }
    }

    private func write(_ l: Int, _ run: (range: Range<Int>, count: Int), _ e: EncodedChunk) throws {
        try e.buffers[l].withUnsafeBufferPointer { b in
            try streams[l].append(run: UnsafeBufferPointer(rebasing: b[run.range]), features: run.count)
        }
    }

    /// Closes the per-incident layers and writes the basemap layers around the incidents.
    /// Returns the layers' file names in the order written.
    func finish(gazetteer: Gazetteer) throws -> [String] {
        for s in streams { try s.finish() }
        let writer = encoder.writer
        let extent = self.extent.shortWay.map { $0.expanded(dx: 3, dy: 3) } ?? BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90)
        let layers = LayerBuilder(gazetteer: gazetteer, extent: extent)
        try staged.write("places.geojson", Data(writer.collection(name: "places", features: layers.places(named: named))))
        try staged.write("border.geojson", Data(writer.collection(name: "border", features: layers.borders())))
        let areas = try layers.areaLayers([(gazetteer.provinces, false), (gazetteer.countries, true)], decimals: writer.precision)
        try staged.write("provinces.geojson", Data(writer.collection(name: "provinces", features: areas[0])))
        try staged.write("countries.geojson", Data(writer.collection(name: "countries", features: areas[1])))
        return (LayerSet.names + encoder.names.dropFirst()).map { "\($0).geojson" }
    }
}

/// What the map keeps of the incidents: all of them whole while there are few (the map shows
/// them in detail), else a point, kind and toll of each (the map aggregates them).
final class MapCollector: IncidentSink, @unchecked Sendable {
    // Safe: its collections are touched only on the stream's delivering queue (and by the
    // calling thread after the run); `wantsDetail` reads a locked flag.
    /// Incidents handed to the map in detail; beyond this they are aggregated.
    static let detailLimit = 2_000

    /// Incidents kept whole, for the map's labels and key (all of them while there are few).
    private(set) var detailed: [ResolvedIncident] = []
    /// Every kept incident's point, kind and largest claimed death toll (for an aggregated map).
    private(set) var points: [(LonLat, IncidentCategory, Int)] = []
    /// The day number each of `points` began on: kept only for small multiples (`keepsDays`), which
    /// an aggregated map draws as panels of cells.
    private(set) var pointDays: [Int32] = []
    private let keepsDays: Bool
    /// The points taken as in a country whose land is a few km off (at sea, or in a neighbour's
    /// polygon: see `Coasts`), with that country: a choropleth counts them in its nearest province
    /// or district of it.
    private(set) var offshore: [LonLat: String] = [:]
    /// The indexes in `points` of incidents known only to their province: a district map counts
    /// them in no district (the district holding the province's point is not theirs).
    private(set) var provinceOnly: [Int] = []
    /// The indexes in `points` of incidents placed by their country's name: a map of provinces
    /// counts them in none.
    private(set) var countryOnly: [Int] = []
    /// Where the kept points are, kept plainly and across the antimeridian (`LonLatExtent`).
    private var extent = LonLatExtent()
    /// Bounding box of the kept points.
    var bounds: BoundingBox? { extent.plain }
    /// Their box the short way round: across the antimeridian around Fiji (`LonLatExtent.shortWay`).
    var shortWayBounds: BoundingBox? { extent.shortWay }
    private(set) var count = 0
    /// Whether any incident's claims give a number killed (see `MapScene.tollsGiven`).
    private(set) var tollsGiven = false
    private(set) var first: CalendarDate?, last: CalendarDate?
    /// How many incidents began on each day, by kind: counted only for a timeline (`countsDays`),
    /// which an aggregated map draws as bars.
    private(set) var dayCounts = DayCounts()
    private let countsDays: Bool
    private(set) var countries = Set<String>()
    /// The first kept point in no country (at sea, or outside the data), if any.
    private var uncountried: LonLat?
    /// Whether some kept incidents lie at sea (in no country, where `gazetteer` covers the point).
    func atSea(_ gazetteer: Gazetteer) -> Bool { uncountried.map(gazetteer.covers) ?? false }
    /// Outlets of the incidents' sources, first seen first (at most 50).
    private(set) var outlets: [String] = []
    /// The country last inserted into `countries` (rows of one country come in runs).
    private var lastCountry: String?
    private let overflowed = OnceFlag()

    init(countsDays: Bool = false, keepsDays: Bool = false) {
        self.countsDays = countsDays
        self.keepsDays = keepsDays
    }

    /// The cells the server counted (`DatabaseAggregate`), in place of `points`, and how to ask
    /// for the cells of another size.
    private(set) var serverCells: ServerCells?
    private(set) var serverRebin: ((Double) throws -> ServerCells)?
    /// Whether the server found every id unique (waits for its answer): when not, the rows must
    /// stream, so that each duplicate is reported with its row.
    private(set) var serverIDsUnique: () throws -> Bool = { true }

    /// Fills the collector with what the server counted: the map then aggregates.
    func fill(count: Int, bounds: BoundingBox, first: CalendarDate, last: CalendarDate, countries: Set<String>, outlets: [String],
              cells: ServerCells, tollsGiven: Bool, idsUnique: @escaping () throws -> Bool, rebin: @escaping (Double) throws -> ServerCells) {
        serverIDsUnique = idsUnique
        self.tollsGiven = tollsGiven
        self.count = count
        extent = LonLatExtent()
        extent.add(bounds)
        self.first = first
        self.last = last
        self.countries = countries
        self.outlets = outlets
        serverCells = cells
        serverRebin = rebin
        overflowed.set()
        detailed = []
    }

    /// Whether there were more than `detailLimit` incidents and the map aggregates them.
    var overflow: Bool { overflowed.isSet }
    var wantsDetail: Bool { !overflowed.isSet }

    func consume(_ e: EncodedChunk, kept k: Int, pieces: Pieces, detailed r: ResolvedIncident?) throws {
        let p = e.placed[k]
        count += 1
        extent.add(p.point)
        if first == nil || p.date.start < first! { first = p.date.start }
        if last == nil || p.date.end > last! { last = p.date.end }
        if p.country == nil, uncountried == nil { uncountried = p.point }
        if let cc = p.country, lastCountry != cc {
            countries.insert(cc)
            lastCountry = cc
        }
        if outlets.count < 50 { for s in p.sources where !outlets.contains(s.outlet) { outlets.append(s.outlet) } }
        points.append((p.point, p.category, p.killed))
        if keepsDays { pointDays.append(Int32(p.date.start.dayNumber)) }
        if countsDays { dayCounts.add(MarkerStyle(rawValue: p.category.rawValue) ?? .other, first: p.date.start.dayNumber, last: p.date.end.dayNumber) }
        if p.tollGiven { tollsGiven = true }
        if p.offshore, let cc = p.country { offshore[p.point] = cc }
        if p.provinceOnly { provinceOnly.append(points.count - 1) }
        if p.countryOnly { countryOnly.append(points.count - 1) }
        guard !overflowed.isSet else { return }
        if let r, detailed.count < Self.detailLimit {
            detailed.append(r)
        } else {
            overflowed.set()
            detailed = []
        }
    }

    /// Whether the map draws cells of incidents rather than each incident: past `detailLimit`,
    /// or when `--aggregate cells` asks (provinces or districts shaded are neither).
    func drawsCells(_ request: RenderRequest) -> Bool {
        request.aggregate == .cells || (request.aggregate == .auto && overflow)
    }

    /// Small multiples (`--by`): each incident in its period's panel, or, where the map draws
    /// cells (`drawsCells`), the cells of each period's incidents on one grid and one scale.
    /// Refused with provinces or districts shaded.
    func smallMultiples(_ run: RunIncidents, by: Period, _ request: RenderRequest) throws -> String {
        if request.timeline { throw FilterError(message: "--by and --timeline draw time two ways; choose one") }
        if [.admin1, .admin2].contains(request.aggregate) {
            throw FilterError(message: "--by draws a panel of incidents or of cells per period; a map of provinces or districts shaded by their incidents (--aggregate \(request.aggregate.rawValue)) has none: leave out --aggregate, or ask for --aggregate cells")
        }
        return SVGSerializer.document(drawsCells(request) ? try RenderJob.aggregatedSmallMultiples(self, run, by: by, request)
                                                          : try RenderJob.smallMultiples(run, by: by, request))
    }

    /// The SVG map: every incident in detail, or aggregated when there are more than `detailLimit`
    /// or `--aggregate` asks for cells or provinces. `timeline`: where the strip goes (a report's
    /// is apart); nil: as the request says (`--timeline`).
    func map(_ run: RunIncidents, _ request: RenderRequest, timeline: TimelinePlacement? = nil) throws -> RenderedMap {
        if request.timeline && [.admin1, .admin2].contains(request.aggregate) { throw FilterError(message: RenderJob.noTimeline) }
        switch request.aggregate {
        case .admin1: return try RenderJob.choroplethMap(self, run, request)
        case .admin2: return try RenderJob.choroplethMap(self, run, request, unit: .district)
        case .auto, .cells:
            return drawsCells(request) ? try RenderJob.aggregatedMap(self, run, request, timeline: timeline) : try RenderJob.map(run, request, timeline: timeline)
        }
    }
}

/// The incidents a report's table lists: the first `limit` kept, in input order.
final class ReportTable: IncidentSink, @unchecked Sendable {
    // Safe: its table is touched only on the stream's delivering queue (and by the calling
    // thread after the run); `wantsDetail` reads a locked flag.
    static let limit = MapCollector.detailLimit
    private(set) var incidents: [ResolvedIncident] = []
    private(set) var total = 0
    private let full = OnceFlag()

    var wantsDetail: Bool { !full.isSet }

    func consume(_ e: EncodedChunk, kept k: Int, pieces: Pieces, detailed r: ResolvedIncident?) throws {
        total += 1
        guard let r, incidents.count < Self.limit else {
            full.set()
            return
        }
        incidents.append(r)
    }
}
