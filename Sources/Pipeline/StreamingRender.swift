import Foundation
import Gazetteer
import Geometry
import Incidents
import Projection
import Rendering

/// A GeoJSON FeatureCollection written to a file feature by feature, through a buffer.
final class GeoJSONStream {
    private let handle: FileHandle
    private let path: String
    private let writer: GeoJSONWriter
    private var buffer: [UInt8] = []
    private(set) var count = 0
    private var bbox: BoundingBox?

    init(url: URL, name: String, writer: GeoJSONWriter) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let h = try? FileHandle(forWritingTo: url) else {
            throw OutputError(path: url.path, message: "cannot write")
        }
        handle = h
        path = url.lastPathComponent
        self.writer = writer
        buffer = writer.header(name: name)
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends `features` encoded features, each preceded by ",\n" (`IncidentFeature.append` or
    /// `GeoJSONWriter.append`); the file's first feature's comma is dropped. A large run goes
    /// to the file without passing through the buffer.
    func append(run: UnsafeBufferPointer<UInt8>, features: Int) throws {
        guard features > 0 else { return }
        let bytes = count == 0 ? UnsafeBufferPointer(rebasing: run[1...]) : run
        count += features
        if bytes.count >= 1 << 18 {
            try flush()
            try write(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Grows the collection's bounding box by a feature's.
    func extend(_ b: BoundingBox?) {
        GeoJSONWriter.extend(&bbox, with: b)
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        do { try handle.write(contentsOf: bytes) } catch {
            throw OutputError(path: path, message: "cannot write (\(error.localizedDescription))")
        }
    }

    private func flush() throws {
        try buffer.withUnsafeBufferPointer { try write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        buffer += writer.footer(bbox: bbox)
        try flush()
        try? handle.close()
    }
}

/// Where a worker encoded one feature of one layer.
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

/// What became of one incident of a chunk.
/// A kept incident's `Placed` summary is in `EncodedChunk.placed` at the index given (and the
/// whole placed incident in `EncodedChunk.resolved`, while the map may still show incidents in
/// detail): an incident is some hundreds of bytes, and moving it through enum payloads and
/// queues cost more than placing it.
enum Outcome { case failed(InputProblem), dropped([InputProblem]), kept(Int, Pieces) }

/// What the map and the small layers need of a kept incident, made where it is placed.
struct Placed {
    var point: LonLat
    var category: IncidentCategory
    /// The largest death toll claimed (0 when none).
    var killed: Int
    var date: IncidentDate
    var country: String?
    var sources: [SourceRef]
    var entry: GazetteerEntry?
    var warnings: [InputProblem]

    init(_ r: ResolvedIncident, categories: inout [(String, IncidentCategory)]) {
        point = r.point
        // Exports use a few kinds, read into shared strings: a short list compares them fastest.
        let kind = r.incident.kind
        if let known = categories.first(where: { $0.0 == kind }) { category = known.1 } else {
            category = IncidentCategory(kind: kind)
            if categories.count < 32 { categories.append((kind, category)) }
        }
        killed = 0
        for c in r.incident.claims { if let k = c.killed, k > killed { killed = k } }
        date = r.incident.date
        country = r.country
        sources = r.incident.sources
        entry = r.entry
        warnings = r.warnings
    }
}

/// Set by the writing queue once the map has more incidents than it shows in detail; from
/// then on chunks keep only `Placed` summaries.
final class DetailFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var overflowed = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return overflowed }
    func set() { lock.lock(); overflowed = true; lock.unlock() }
}

/// One chunk's incidents placed and encoded: an outcome per incident and a buffer per layer;
/// for a CSV chunk, the rows as read, the file's state and where the chunk ends. Filled by its
/// encoding task, then handed to the writing queue (which waits for the task).
final class EncodedChunk: @unchecked Sendable {
    var incidents: [Incident] = []
    var outcomes: [Outcome] = []
    var placed: [Placed] = []
    /// Whole placed incidents, parallel to `placed`, while the map may show them in detail.
    var resolved: [ResolvedIncident] = []
    var buffers: [[UInt8]]
    var rows: CSVChunkedReader.Rows?
    var file: CSVFileState?
    var end: Int?

    init(layers: Int) {
        buffers = Array(repeating: [], count: layers)
    }
}

/// What the writing queue keeps of a CSV file while its chunks are written.
final class CSVFileState: @unchecked Sendable {
    let input: MappedInput
    var duplicates: DuplicateIDs
    var problems: [InputProblem] = []

    init(input: MappedInput, duplicates: DuplicateIDs) {
        self.input = input
        self.duplicates = duplicates
    }
}

/// What a run keeps of the incidents once their features are written.
struct Collected {
    /// Incidents kept whole, for the map's labels and key (all of them while there are few).
    var detailed: [ResolvedIncident] = []
    /// Whether there were more than `detailLimit` and the map shows them binned.
    var overflow = false
    /// Every kept incident's point, kind and largest claimed death toll (for a binned map).
    var points: [(LonLat, IncidentCategory, Int)] = []
    /// Gazetteer entries the incidents were placed by, first seen first.
    var named: [GazetteerEntry] = []
    var namedIDs = Set<String>()
    /// Bounding box of the kept points.
    var bounds: BoundingBox?
    var count = 0
    var first: CalendarDate?, last: CalendarDate?
    var countries = Set<String>()
    var outlets: [String] = []
    /// The country last inserted into `countries` (rows of one country come in runs).
    var lastCountry: String?
}

extension RenderJob {
    /// Incidents handed to the map in detail; beyond this they are binned.
    static let detailLimit = 2_000
    /// Incidents placed and encoded by one task.
    static let chunkSize = 4_096
    /// Problems kept for the report; the rest are counted.
    static let maxProblems = 10_000

    /// One render that streams: files are read (CSV row by row), incidents are placed
    /// and encoded on all cores in chunks, features are written as they come, and only
    /// what the other layers and the map need is kept.
    static func stream(_ request: RenderRequest) throws -> RenderResult {
        let (inputs, displayNames) = try checkedInputs(request)
        if request.geojson && request.output == nil { throw OutputError(path: "-o", message: "--geojson needs -o DIR") }

        // Without layers, only the map's first `detailLimit` incidents need the nearest border
        // and the province (found in `collect`); beyond them the map bins points and the reader reads briefly.
        let fullRows = request.geojson ? Int.max : detailLimit + 1
        let progress = ProgressLine()
        func csvReader(_ input: MappedInput, path: String) -> CSVChunkedReader {
            CSVChunkedReader(input.data, path: path, fullRows: fullRows, consumed: { offset in
                input.release(before: offset)
                progress.update(file: path, offset: offset, size: input.data.count, rows: 0)
            })
        }
        // While the gazetteer loads on another thread, the first input is mapped and, when it is
        // CSV, its text checked and its header read (the two take about as long). Its problems, if
        // any, are reported where they were before: after the gazetteer's.
        var placed: Result<(Gazetteer, IncidentFilter, IncidentResolver), Error>?
        let loading = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: loading) { placed = Result { try placing(request) } }
        var early: (path: String, input: MappedInput, reader: CSVChunkedReader)?
        if let first = inputs.first, let input = try? InputReader.data(of: first, display: displayNames[first] ?? first),
           InputReader.format(of: first, data: input.data, forced: request.format) == .csv {
            early = (first, input, csvReader(input, path: displayNames[first] ?? first))
        }
        loading.wait()
        let (gazetteer, filter, placer) = try placed!.get()
        var resolver = placer
        resolver.measuresDetail = request.geojson
        _ = gazetteer.country(at: LonLat(lon: 0, lat: 0))  // build the grids before the workers share them
        let writer = GeoJSONWriter(precision: request.precision)
        let perIncident = LayerBuilder(gazetteer: gazetteer, extent: BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90))
        let optional = LayerSet.optionalNames.filter(request.extraLayers.contains)

        let staged = request.geojson ? try StagedDirectory(request.output!) : nil
        do {
            var streams: [String: GeoJSONStream] = [:]
            if let staged {
                for name in ["incidents"] + optional {
                    streams[name] = try GeoJSONStream(url: staged.url(for: "\(name).geojson"), name: name, writer: writer)
                }
            }
            var collected = Collected()
            var problems: [InputProblem] = [], extraProblems = 0
            var warnings: [InputProblem] = [], extraWarnings = 0
            func warn(_ ws: [InputProblem]) {
                for w in ws { if warnings.count < maxProblems { warnings.append(w) } else { extraWarnings += 1 } }
            }
            // Ids must be unique across the run. The CSV and GeoJSON readers check within a file,
            // so a run of one such file keeps no set of ids (a million ids are tens of MB).
            var ids = Set<String>()
            var checkIDs = inputs.count > 1
            var seen = 0
            var files: [IncidentFile] = []
            let keepPoints = request.svg || !request.geojson

            func problem(_ p: InputProblem) {
                if problems.count < maxProblems { problems.append(p) } else { extraProblems += 1 }
            }

            // A chunk is placed, filtered and encoded by one task (tasks for several chunks run at
            // once on all cores), then written, in input order, by one serial queue. Its features
            // are encoded into one buffer per layer, each preceded by ",\n" (the file's first
            // feature skips the comma).
            let layerNames = streams.isEmpty ? [] : ["incidents"] + optional
            let overflowed = DetailFlag()
            let resolver = resolver  // a constant for the encoding tasks (a captured var is re-read on every use)
            let streamList = layerNames.map { streams[$0]! }
            func encode(_ chunk: [Incident], _ e: EncodedChunk) {
                e.incidents = chunk
                e.outcomes.reserveCapacity(chunk.count)
                e.placed.reserveCapacity(chunk.count)
                let detailed = !overflowed.isSet
                var categories: [(String, IncidentCategory)] = []
                if !layerNames.isEmpty { e.buffers[0].reserveCapacity(1_200 * chunk.count) }
                for i in chunk.indices {
                    switch resolver.resolve(chunk[i]) {
                    case .failure(let p): e.outcomes.append(.failed(p))
                    case .success(let r) where !filter.keeps(r):
                        e.outcomes.append(.dropped(r.warnings))
                    case .success(let r):
                        var pieces = Pieces()
                        for (l, name) in layerNames.enumerated() {
                            let start = e.buffers[l].count
                            e.buffers[l].append(0x2C)
                            e.buffers[l].append(0x0A)
                            var bounds: BoundingBox?
                            if l == 0 {
                                IncidentFeature.append(r, writer: writer, to: &e.buffers[l])
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
                        e.outcomes.append(.kept(e.placed.count, pieces))
                        e.placed.append(Placed(r, categories: &categories))
                        if detailed { e.resolved.append(r) }
                    }
                }
            }

            func write(_ e: EncodedChunk) throws {
                var drop = Set<Int>()
                if let rows = e.rows, let file = e.file {
                    let (twice, lines) = file.duplicates.check(rows)
                    file.problems += rows.problems + twice
                    drop = lines
                }
                defer { if let end = e.end { e.file?.input.release(before: end) } }
                // Features of consecutive incidents lie back to back in a chunk's buffer: they are
                // handed to the file as runs.
                var runs = [(range: Range<Int>, count: Int)?](repeating: nil, count: streamList.count)
                func flush(_ l: Int) throws {
                    guard let run = runs[l] else { return }
                    try e.buffers[l].withUnsafeBufferPointer { b in
                        try streamList[l].append(run: UnsafeBufferPointer(rebasing: b[run.range]), features: run.count)
                    }
                    runs[l] = nil
                }
                for i in e.incidents.indices {
                    if !drop.isEmpty && drop.contains(e.incidents[i].location.line) { continue }
                    seen += 1
                    if checkIDs && !ids.insert(e.incidents[i].id).inserted {
                        let inc = e.incidents[i]
                        problem(InputProblem(file: inc.location.file, line: inc.fieldLines["id"] ?? inc.location.line, field: "id",
                                             message: "duplicate id \"\(inc.id)\" (already used by an earlier incident of this run)"))
                        continue
                    }
                    switch e.outcomes[i] {
                    case .failed(let p): problem(p)
                    case .dropped(let w): warn(w)
                    case .kept(let k, let pieces):
                        if !e.placed[k].warnings.isEmpty { warn(e.placed[k].warnings) }
                        // Nothing will be written after a problem: stop writing.
                        guard problems.isEmpty && (e.file?.problems.isEmpty ?? true) else { continue }
                        for l in streamList.indices {
                            guard let piece = pieces.get(l) else { continue }
                            if let run = runs[l], run.range.upperBound == piece.range.lowerBound {
                                runs[l] = (run.range.lowerBound..<piece.range.upperBound, run.count + 1)
                            } else {
                                try flush(l)
                                runs[l] = (piece.range, 1)
                            }
                            streamList[l].extend(piece.bounds)
                        }
                        collect(e.placed[k], into: &collected, keepPoints: keepPoints)
                        if !collected.overflow {
                            if collected.detailed.count < detailLimit {
                                collected.detailed.append(detailedIncident(e.resolved[k], resolver))
                            } else {
                                collected.overflow = true
                                collected.detailed = []
                                overflowed.set()
                            }
                        }
                    }
                }
                for l in streamList.indices { try flush(l) }
            }

            // Reading overlaps placing and writing: at most four chunks are in flight while the
            // reader goes on; the writing queue waits for each chunk's encoding in turn.
            let queue = DispatchQueue(label: "incidentmap.write")
            let encoders = DispatchQueue.global(qos: .userInitiated)
            let slots = DispatchSemaphore(value: 4)
            var failure: Error?
            /// Reads (with `read`), places and encodes a chunk on another thread, then writes it in turn.
            func submit(_ read: @escaping (EncodedChunk) -> [Incident]) {
                slots.wait()
                let chunk = EncodedChunk(layers: layerNames.count)
                let ready = DispatchSemaphore(value: 0)
                encoders.async {
                    encode(read(chunk), chunk)
                    ready.signal()
                }
                queue.async {
                    defer { slots.signal() }
                    ready.wait()
                    guard failure == nil else { return }
                    do { try write(chunk) } catch { failure = error }
                }
            }
            /// Waits for every submitted chunk to be written.
            func drain() throws {
                queue.sync {}
                if let failure { throw failure }
            }
            func process(_ incidents: [Incident]) throws {
                for start in stride(from: 0, to: incidents.count, by: chunkSize) {
                    submit { _ in Array(incidents[start..<min(incidents.count, start + chunkSize)]) }
                }
                try drain()
            }

            for realPath in inputs {
                let path = displayNames[realPath] ?? realPath
                do {
                    let prepared = early.flatMap { $0.path == realPath ? $0 : nil }
                    early = nil
                    let input = try prepared?.input ?? InputReader.data(of: realPath, display: path)
                    let data = input.data
                    let format = InputReader.format(of: realPath, data: data, forced: request.format)
                    if format == .yaml { checkIDs = true }
                    switch format {
                    case .csv:
                        // The reader splits the rows into chunks here; each chunk's rows are read on
                        // the encoding threads.
                        let reader = prepared?.reader ?? csvReader(input, path: path)
                        let state = CSVFileState(input: input, duplicates: reader.duplicateIDs())
                        var rows = 0
                        while let part = reader.next(rows: chunkSize) {
                            if part.firstRow == 1 { state.duplicates.reserve(reader.estimatedRows) }
                            submit { chunk in
                                let read = reader.read(part)
                                chunk.rows = read
                                chunk.file = state
                                chunk.end = part.end
                                return read.incidents
                            }
                            rows += part.rows
                            progress.update(file: path, offset: part.end, size: data.count, rows: rows)
                        }
                        try drain()
                        progress.clear()
                        let found = CSVChunkedReader.inLineOrder(state.problems + reader.finish())
                        if !found.isEmpty { throw InputErrors(found) }
                        files.append(reader.file)
                    case .yaml:
                        let file = try YAMLIncidentReader.read(data, path: path)
                        try process(file.incidents)
                        files.append(file)
                    case .geojson:
                        let file = try GeoJSONIncidentReader.read(data, path: path)
                        try process(file.incidents)
                        files.append(file)
                    }
                } catch let e as InputErrors {
                    for p in e.problems { problem(p) }
                }
            }
            if !problems.isEmpty {
                if extraProblems > 0 {
                    problems.append(InputProblem(file: problems.last!.file, line: 0, field: nil, message: "… and \(extraProblems) more problems"))
                }
                throw InputErrors(problems)
            }
            if extraWarnings > 0, let last = warnings.last {
                warnings.append(InputProblem(file: last.file, line: 0, field: nil, message: "… and \(extraWarnings) more warnings", isWarning: true))
            }
            if collected.count == 0 {
                throw FilterError(message: seen == 0 ? "no incidents to map" : "no incident passes the filters (--from/--to/--bbox/--country); nothing was written")
            }

            // The map.
            var svgText: String?
            if request.svg || !request.geojson {
                let prepared = Prepared(loaded: Loaded(files: files, gazetteer: gazetteer, resolved: collected.detailed, filter: filter),
                                        incidents: collected.detailed, warnings: warnings)
                if collected.overflow {
                    svgText = try binnedMap(collected, prepared, request).svg
                } else {
                    svgText = try map(prepared, request).svg
                }
            }

            if let staged {
                for (_, stream) in streams { try stream.finish() }
                let extent = collected.bounds.map { $0.expanded(dx: 3, dy: 3) } ?? BoundingBox(minX: 40, minY: 12, maxX: 80, maxY: 42)
                let layers = LayerBuilder(gazetteer: gazetteer, extent: extent)
                try staged.write("places.geojson", Data(writer.collection(name: "places", features: layers.places(named: collected.named))))
                try staged.write("border.geojson", Data(writer.collection(name: "border", features: layers.borders())))
                try staged.write("provinces.geojson", Data(writer.collection(name: "provinces", features: layers.areas(gazetteer.provinces, isCountry: false, decimals: writer.precision))))
                try staged.write("countries.geojson", Data(writer.collection(name: "countries", features: layers.areas(gazetteer.countries, isCountry: true, decimals: writer.precision))))
                if let svg = svgText { try staged.write("map.svg", Data(svg.utf8)) }
                try staged.publish()
                let dir = request.output!
                let names = (LayerSet.names + optional).map { "\($0).geojson" } + (svgText == nil ? [] : ["map.svg"])
                return RenderResult(warnings: warnings, written: names.map { dir + "/" + $0 }, svgForStandardOutput: nil)
            }
            if let out = request.output, let svg = svgText {
                try AtomicOutput.write(Data(svg.utf8), to: out)
                return RenderResult(warnings: warnings, written: [out], svgForStandardOutput: nil)
            }
            return RenderResult(warnings: warnings, written: [], svgForStandardOutput: svgText)
        } catch {
            staged?.discard()
            throw error
        }
    }

    static func collect(_ p: Placed, into c: inout Collected, keepPoints: Bool) {
        c.count += 1
        let xy = XY(x: p.point.lon, y: p.point.lat)
        if c.bounds == nil { c.bounds = BoundingBox(minX: xy.x, minY: xy.y, maxX: xy.x, maxY: xy.y) } else { c.bounds!.extend(xy) }
        if let e = p.entry, c.namedIDs.insert(e.id).inserted { c.named.append(e) }
        guard keepPoints else { return }
        if c.first == nil || p.date.start < c.first! { c.first = p.date.start }
        if c.last == nil || p.date.end > c.last! { c.last = p.date.end }
        if let cc = p.country, c.lastCountry != cc {
            c.countries.insert(cc)
            c.lastCountry = cc
        }
        if c.outlets.count < 50 { for s in p.sources where !c.outlets.contains(s.outlet) { c.outlets.append(s.outlet) } }
        c.points.append((p.point, p.category, p.killed))
    }

    /// An incident the map shows in detail, with the nearest border and the province when
    /// placing skipped them.
    static func detailedIncident(_ r: ResolvedIncident, _ resolver: IncidentResolver) -> ResolvedIncident {
        guard !resolver.measuresDetail else { return r }
        var r = r
        r.border = resolver.borders.nearest(to: r.point)
        let province = resolver.gazetteer.province(at: r.point)
        r.province = province?.id
        r.provinceName = province?.name
        return r
    }
}
