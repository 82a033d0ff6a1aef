import Database
import Foundation
import Gazetteer
import Geometry
import Incidents
import Rendering

/// What one input gave, for `check`'s summary line and for the others' messages.
public struct InputSummary: Sendable {
    /// The file as messages name it.
    public var path: String
    /// Incidents placed (whether or not they pass the filters).
    public var placed = 0
    /// Of those, placed by a name (the rest had coordinates).
    public var byName = 0
    /// Of those, ambiguous names whose best candidate `--accept-best` took.
    public var acceptedAmbiguous = 0
    /// Incidents that pass the filters.
    public var kept = 0
    /// Warnings of the file's incidents.
    public var warnings = 0
    /// Problems found in the file (all of them, also those past the report's cap).
    public var problems = 0
}

/// A stage fed the kept incidents of a run, in input order, on the stream's writing queue.
protocol IncidentSink: AnyObject, Sendable {
    /// Whether the sink still wants whole placed incidents (`detailed` in `consume`); read on
    /// the encoding threads, so it must be safe to read from any thread.
    var wantsDetail: Bool { get }
    /// One kept incident: its summary is `chunk.placed[k]`, its encoded features `pieces`, and
    /// the whole incident `detailed` while some sink wants it (without the nearest border and
    /// province unless the stream measures them: see `IncidentStream.completed`).
    func consume(_ chunk: EncodedChunk, kept k: Int, pieces: Pieces, detailed: ResolvedIncident?) throws
    /// The chunk's last incident was consumed.
    func endChunk(_ chunk: EncodedChunk) throws
}

extension IncidentSink {
    func endChunk(_ chunk: EncodedChunk) throws {}
}

/// A value handed from one thread to another at a point that orders the two (a semaphore, a
/// group's wait or a serial queue's `sync`), never used by two threads at once.
final class Handoff<Value>: @unchecked Sendable {
    // Safe: see above; the hand-off point makes the writes visible to the reader.
    var value: Value?
    init(_ value: Value? = nil) { self.value = value }
}

/// A flag that goes from false to true once and is read from any thread.
final class OnceFlag: @unchecked Sendable {
    // Safe: the only state is guarded by the lock.
    private let lock = ReadWriteLock()
    private var value = false
    var isSet: Bool { lock.reading { value } }
    func set() { lock.writing { value = true } }
}

/// The one way a run reads incidents: files are read (CSV in chunks of rows), their incidents
/// checked, placed by the resolver, deduplicated across files and filtered on all cores in
/// chunks, and handed to the sinks in input order. Every command (`check`, `render`, `report`)
/// reads through it, so they find the same problems, in the same words and order, and honour
/// the same options at every size.
///
/// Problems are gathered per file and sorted by line (the file's own order); files come in the
/// order given. After the first problem the sinks get nothing more, but reading goes on so that
/// every problem is reported.
final class IncidentStream: @unchecked Sendable {
    // Safe to hand to the delivering queue: while a run is in flight its mutable state is
    // written only there, and the reading thread reads it only after `drain` waited for the queue.

    /// Incidents placed and encoded by one task.
    static let chunkSize = 4_096
    /// Problems (and warnings) kept for the report; the rest are counted.
    static let maxProblems = 10_000

    let request: RenderRequest
    /// Paths to read, and the names messages give them.
    let inputs: [String]
    let displayNames: [String: String]
    /// What is read, as messages name it: the files, or the database's table or query.
    var sourceNames: [String] { request.database.map { [$0.name] } ?? inputs.map { displayNames[$0] ?? $0 } }
    let gazetteer: Gazetteer
    /// The request's filter with country names turned into codes.
    let filter: IncidentFilter
    let resolver: IncidentResolver

    /// One summary per input, in input order.
    private(set) var summaries: [InputSummary] = []
    /// Problems of the whole run, per file in line order (at most `maxProblems`).
    private(set) var problems: [InputProblem] = []
    private(set) var extraProblems = 0
    /// Warnings of the whole run, in input order (at most `maxProblems`).
    private(set) var warnings: [InputProblem] = []
    private(set) var extraWarnings = 0
    /// Incidents read (once each), and incidents that passed the filters.
    private(set) var seen = 0, kept = 0
    /// Titles the inputs give, in input order.
    private(set) var titles: [String] = []
    /// Events without a place the inputs give (YAML `events:`) that pass `--from`/`--to`, in input order.
    private(set) var events: [TimelineEvent] = []

    private let fullRows: Int
    private let progress = ProgressLine()
    /// The first input, mapped (and its CSV header read) while the gazetteer loaded.
    private var early: (path: String, input: MappedInput, reader: CSVChunkedReader)?

    /// Checks the request (outputs that are inputs, the CRS, the CSS file), loads the gazetteer
    /// and sets up placing. `measuresDetail`: whether every incident needs the nearest border and
    /// province (the incidents layer does; a map or a check only for the incidents it shows).
    /// `fullRows`: CSV rows read with every text field (the rest only with what placing needs).
    init(_ request: RenderRequest, measuresDetail: Bool, fullRows: Int = .max) throws {
        self.request = request
        (inputs, displayNames) = try RenderJob.checkedInputs(request)
        self.fullRows = request.filter.isEmpty ? fullRows : .max
        // While the gazetteer loads on another thread, the first input is mapped and, when it is
        // CSV, its text checked and its header read (the two take about as long).
        let placing = Handoff<Result<(Gazetteer, IncidentFilter, IncidentResolver), Error>>()
        let loading = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: loading) { placing.value = Result { try RenderJob.placing(request) } }
        if let first = inputs.first, let input = try? InputReader.data(of: first, display: displayNames[first] ?? first),
           InputReader.format(of: first, data: input.data, forced: request.format) == .csv {
            early = (first, input, Self.csvReader(input, path: displayNames[first] ?? first, fullRows: self.fullRows, progress: progress))
        }
        loading.wait()
        var resolver: IncidentResolver
        (gazetteer, filter, resolver) = try placing.value!.get()
        resolver.measuresDetail = measuresDetail
        self.resolver = resolver
        _ = gazetteer.country(at: LonLat(lon: 0, lat: 0))  // build the grids before the workers share them
    }

    static func csvReader(_ input: MappedInput, path: String, fullRows: Int, progress: ProgressLine) -> CSVChunkedReader {
        CSVChunkedReader(input.data, path: path, fullRows: fullRows, consumed: { offset in
            input.release(before: offset)
            progress.update(file: path, offset: offset, size: input.data.count, rows: 0)
        })
    }

    /// `incidents` with the nearest border and the province, when placing skipped them: measured
    /// only for the incidents a map or a table shows in the end.
    func completed(_ incidents: [ResolvedIncident]) -> [ResolvedIncident] {
        guard !resolver.measuresDetail else { return incidents }
        return incidents.map { r in
            var r = r
            r.border = r.standsForUnit ? nil : resolver.nearestBorder(to: r.point, in: r.country)
            let province = resolver.province(of: r)
            r.province = province?.id
            r.provinceName = province?.name
            return r
        }
    }

    /// The run's problems as one error (nil when there are none).
    var failure: InputErrors? {
        guard !problems.isEmpty else { return nil }
        var all = problems
        if extraProblems > 0 {
            all.append(InputProblem(file: all.last!.file, line: 0, field: nil, message: "… and \(extraProblems) more problems"))
        }
        return InputErrors(all)
    }

    /// Warnings to show, with a closing line for those past the cap.
    var shownWarnings: [InputProblem] {
        guard extraWarnings > 0, let last = warnings.last else { return warnings }
        return warnings + [InputProblem(file: last.file, line: 0, field: nil, message: "… and \(extraWarnings) more warnings", isWarning: true)]
    }

    /// Reads every input through `encoder` (the incidents layer's features, encoded on the
    /// worker threads; nil when no layer is written) into `sinks`. Input problems do not throw:
    /// they are in `problems` (see `failure`). A sink's error (an output that cannot be written) throws.
    func run(encoder: LayerEncoder? = nil, sinks: [IncidentSink]) throws {
        let work = ChunkWork(resolver: resolver, filter: filter, encoder: encoder, sinks: sinks)
        let delivery = Handoff(RunState(sinks: sinks, checkIDs: inputs.count > 1))

        // A chunk is placed, filtered and encoded by one task (tasks for several chunks run at
        // once on all cores), then delivered, in input order, by one serial queue. At most four
        // chunks are in flight while the reader goes on.
        // The delivering queue is the one serial stage: it runs at the encoders' priority.
        let queue = DispatchQueue(label: "incidentmap.deliver", qos: .userInitiated)
        let encoders = DispatchQueue.global(qos: .userInitiated)
        // A delivered chunk's memory (its incidents' strings and arrays, allocated by the
        // encoding threads) is freed on a queue of its own: freed on the delivering queue, it
        // made that queue wait for the allocator's locks of the encoding threads, and every
        // stage behind it waited too.
        let releaser = DispatchQueue(label: "incidentmap.release", qos: .utility)
        let slots = DispatchSemaphore(value: 4)
        let failure = Handoff<Error>()
        func submit(_ read: @escaping @Sendable (EncodedChunk) -> [Incident]) {
            slots.wait()
            let chunk = EncodedChunk(layers: encoder?.names.count ?? 0)
            let ready = DispatchSemaphore(value: 0)
            encoders.async {
                work.encode(read(chunk), chunk)
                ready.signal()
            }
            queue.async {
                defer {
                    releaser.async { chunk.release() }
                    slots.signal()
                }
                ready.wait()
                guard failure.value == nil else { return }
                do { try self.deliver(chunk, &delivery.value!) } catch { failure.value = error }
            }
        }
        func drain() throws {
            queue.sync {}
            if let error = failure.value { throw error }
        }

        if let db = request.database {
            try readDatabase(db, submit: submit, drain: drain, delivery: delivery)
        }

        for realPath in inputs {
            let path = displayNames[realPath] ?? realPath
            summaries.append(InputSummary(path: path))
            delivery.value!.fileProblems = []
            do {
                let prepared = early.flatMap { $0.path == realPath ? $0 : nil }
                early = nil
                let input = try prepared?.input ?? InputReader.data(of: realPath, display: path)
                let format = InputReader.format(of: realPath, data: input.data, forced: request.format)
                switch format {
                case .csv:
                    // The reader splits the rows into chunks here; each chunk's rows are read on
                    // the encoding threads.
                    let reader = prepared?.reader ?? Self.csvReader(input, path: path, fullRows: fullRows, progress: progress)
                    let file = CSVFileState(input: input, duplicates: reader.duplicateIDs())
                    var rows = 0
                    while let part = reader.next(rows: Self.chunkSize) {
                        if part.firstRow == 1 { file.duplicates.reserve(reader.estimatedRows) }
                        submit { chunk in
                            var read = reader.read(part)
                            // The incidents go to the encoding task alone, which moves each into
                            // its placed incident rather than copying it.
                            let incidents = read.incidents
                            read.incidents = []
                            chunk.rows = read
                            chunk.file = file
                            chunk.end = part.end
                            return incidents
                        }
                        rows += part.rows
                        progress.update(file: path, offset: part.end, size: input.data.count, rows: rows)
                    }
                    try drain()
                    progress.clear()
                    delivery.value!.fileProblems += file.problems + reader.finish()
                case .yaml, .geojson:
                    // Ids are checked within a CSV or GeoJSON file by its reader; YAML files are
                    // checked here like several files.
                    if format == .yaml { delivery.value!.checkIDs = true }
                    let file = format == .yaml ? try YAMLIncidentReader.read(input.data, path: path)
                        : try GeoJSONIncidentReader.read(input.data, path: path)
                    if let t = file.title { titles.append(t) }
                    events += file.events.filter(filter.keeps)
                    for start in stride(from: 0, to: file.incidents.count, by: Self.chunkSize) {
                        let part = Array(file.incidents[start..<min(file.incidents.count, start + Self.chunkSize)])
                        submit { _ in part }
                    }
                    try drain()
                }
            } catch let e as InputErrors {
                delivery.value!.fileProblems += e.problems
            }
            closeInput(delivery.value!.fileProblems)
        }
    }

    /// Reads the rows of a database table or query as one input: fetched a batch at a time
    /// through a cursor on this thread, each batch read into incidents on the encoding threads.
    private func readDatabase(_ db: DatabaseSource, submit: (@escaping @Sendable (EncodedChunk) -> [Incident]) -> Void,
                              drain: () throws -> Void, delivery: Handoff<RunState>) throws {
        let connection = try Connection(db.url)
        summaries.append(InputSummary(path: db.name))
        delivery.value!.fileProblems = []
        do {
            let planned = try DatabaseInput.plan(connection, db, filter: filter)
            summaries[summaries.count - 1].path = planned.source
            let reader = planned.reader
            let file = CSVFileState(input: nil, duplicates: reader.duplicateIDs())
            let cursor = try Cursor(connection, query: planned.query, batch: Self.chunkSize)
            var rows = 0
            do {
                while let batch = try cursor.next() {
                    let first = rows + 1, count = batch.rows
                    submit { chunk in
                        var read = reader.read(count: count, firstRow: first) { r, c in batch.bytes(r, c) }
                        let incidents = read.incidents
                        read.incidents = []
                        chunk.rows = read
                        chunk.file = file
                        return incidents
                    }
                    rows += count
                }
            } catch let e as DatabaseError {
                try? drain()
                throw DatabaseError("\(planned.source): \(e.message)")
            }
            try drain()
            cursor.close()
            delivery.value!.fileProblems += file.problems
            if rows == 0 {
                delivery.value!.fileProblems.append(InputProblem(file: planned.source, line: 0, field: nil,
                                                                 message: "no rows: the \(db.table != nil ? "table" : "query") gives no incidents"))
            }
        } catch let e as InputErrors {
            delivery.value!.fileProblems += e.problems
        }
        closeInput(delivery.value!.fileProblems)
    }

    /// Records the problems of the input just read, in line order, against its summary.
    private func closeInput(_ found: [InputProblem]) {
        summaries[summaries.count - 1].problems = found.count
        for p in CSVChunkedReader.inLineOrder(found) {
            if problems.count < Self.maxProblems { problems.append(p) } else { extraProblems += 1 }
        }
    }

    /// What the delivering queue keeps across chunks.
    struct RunState {
        let sinks: [IncidentSink]
        /// Ids must be unique across the run. The CSV and GeoJSON readers check within a file, so
        /// a run of one such file keeps no table of ids (a million ids are tens of MB).
        var checkIDs: Bool
        var ids: [String: InputLocation] = [:]
        /// Problems of the file being read, in the order found.
        var fileProblems: [InputProblem] = []
        var wantsDetail: Bool { sinks.contains { $0.wantsDetail } }
    }

    /// Hands a chunk's kept incidents to the sinks, in order, and records its problems and warnings.
    private func deliver(_ e: EncodedChunk, _ state: inout RunState) throws {
        var drop = Set<Int>()
        if let rows = e.rows, let file = e.file {
            let (twice, lines) = file.duplicates.check(rows)
            file.problems += rows.problems + twice
            drop = lines
        }
        defer { if let end = e.end { e.file?.input?.release(before: end) } }
        let f = summaries.count - 1
        for i in e.keys.indices {
            if !drop.isEmpty && drop.contains(e.keys[i].line) { continue }
            seen += 1
            if state.checkIDs {
                let id = e.keys[i].id
                let here = InputLocation(file: e.keys[i].file, line: e.keys[i].idLine)
                if let first = state.ids[id] {
                    state.fileProblems.append(InputProblem(file: here.file, line: here.line, field: "id",
                                                           message: "duplicate id \"\(id)\" (first at \(first.file):\(first.line))"))
                    continue
                }
                state.ids[id] = here
            }
            switch e.outcomes[i] {
            case .failed(let p): state.fileProblems.append(p)
            case .dropped(let placed):
                count(placed, into: f)
            case .kept(let k, let pieces):
                count(e.placed[k].summary, into: f)
                summaries[f].kept += 1
                kept += 1
                // Nothing will be written after a problem: the sinks get no more.
                guard problems.isEmpty && state.fileProblems.isEmpty && (e.file?.problems.isEmpty ?? true) else { continue }
                let detailed = e.resolved.isEmpty || !state.wantsDetail ? nil : e.resolved[k]
                for sink in state.sinks { try sink.consume(e, kept: k, pieces: pieces, detailed: detailed) }
            }
        }
        for sink in state.sinks { try sink.endChunk(e) }
    }

    private func count(_ s: PlacedSummary, into f: Int) {
        summaries[f].placed += 1
        if s.byName { summaries[f].byName += 1 }
        if s.acceptedAmbiguous { summaries[f].acceptedAmbiguous += 1 }
        summaries[f].warnings += s.warnings.count
        for w in s.warnings { if warnings.count < Self.maxProblems { warnings.append(w) } else { extraWarnings += 1 } }
    }
}

/// How an incident was placed, for the summaries and the warnings (kept or not).
struct PlacedSummary {
    var byName: Bool
    var acceptedAmbiguous: Bool
    var warnings: [InputProblem]

    init(_ r: ResolvedIncident) {
        byName = r.placing != nil
        acceptedAmbiguous = r.placing?.record?.acceptedAmbiguous == true
        warnings = r.warnings
    }
}

/// What the encoding threads do with a chunk: place, filter, encode. Shared by the tasks; it
/// holds no mutable state of its own.
struct ChunkWork: Sendable {
    let resolver: IncidentResolver
    let filter: IncidentFilter
    let encoder: LayerEncoder?
    let sinks: [IncidentSink]

    /// Places, filters and encodes `chunk`'s incidents into `e`. Each incident is moved into its
    /// placed incident, not copied (a copy retains, and its release releases, each of its
    /// strings and arrays: a tenth of a million names-only rows' time): what the delivering
    /// queue needs of it (`RowKey`) is kept apart.
    func encode(_ chunk: consuming [Incident], _ e: EncodedChunk) {
        var rest = chunk
        let count = rest.count
        e.keys.reserveCapacity(count)
        e.outcomes.reserveCapacity(count)
        e.placed.reserveCapacity(count)
        let detailed = sinks.contains { $0.wantsDetail }
        var categories: [(String, IncidentCategory)] = []
        if let encoder { encoder.reserve(count, in: e) }
        var memo = PointMemo()
        let names = resolver.cache.borrow(detail: resolver.measuresDetail, acceptAmbiguous: resolver.acceptAmbiguous)
        defer { resolver.cache.giveBack(names) }
        let encoder = self.encoder
        rest.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            for k in 0..<count {
                // Moved out, an empty incident left in its place for the array to release.
                let incident = (base + k).move()
                (base + k).initialize(to: Incident.moved)
                e.keys.append(RowKey(incident))
                let result = resolver.resolve(consume incident, memo: &memo, names: names)
                switch consume result {
                case .failure(let p): e.outcomes.append(.failed(p))
                case .success(let r):
                    guard filter.keeps(r) else {
                        e.outcomes.append(.dropped(PlacedSummary(r)))
                        continue
                    }
                    var pieces = Pieces()
                    if let encoder { pieces = encoder.encode(r, into: e) }
                    e.outcomes.append(.kept(e.placed.count, pieces))
                    e.placed.append(Placed(r, categories: &categories))
                    if detailed { e.resolved.append(r) }
                }
            }
        }
        resolver.cache.chunkDone(resolver.gazetteer)
    }
}

/// What the delivering queue needs of each incident read: where it is (to drop a duplicate
/// row) and its id (to check ids across files).
struct RowKey {
    var line: Int
    var id: String
    var file: String
    /// The line of its id (a YAML incident's id may be on a line of its own).
    var idLine: Int

    init(_ i: Incident) {
        line = i.location.line
        id = i.id
        file = i.location.file
        idLine = i.fieldLines["id"] ?? i.location.line
    }
}

/// What became of one incident of a chunk.
/// A kept incident's `Placed` summary is in `EncodedChunk.placed` at the index given (and the
/// whole placed incident in `EncodedChunk.resolved`, while a sink wants detail): an incident is
/// some hundreds of bytes, and moving it through enum payloads and queues cost more than placing it.
enum Outcome { case failed(InputProblem), dropped(PlacedSummary), kept(Int, Pieces) }

/// What the map, the small layers and the summaries need of a kept incident, made where it is placed.
struct Placed {
    var point: LonLat
    var category: IncidentCategory
    /// The largest death toll claimed (0 when none).
    var killed: Int
    /// Whether a claim gives a number killed (0 included).
    var tollGiven: Bool
    var date: IncidentDate
    var country: String?
    /// `country` is that of the land a few km off the point, at sea or across a border (see `Coasts`).
    var offshore: Bool
    /// Known only to its province (location precision `province`): in no district that is known.
    var provinceOnly: Bool
    /// Placed by its country's name, or a region's of several provinces: in no province that is known.
    var countryOnly: Bool
    var sources: [SourceRef]
    /// What the incident's name decided (nil: placed by its coordinates).
    let placing: Placing?
    var entry: GazetteerEntry? { placing?.entry }
    var summary: PlacedSummary

    init(_ r: ResolvedIncident, categories: inout [(String, IncidentCategory)]) {
        point = r.point
        // Exports use a few kinds, read into shared strings: a short list compares them fastest.
        let kind = r.incident.kind
        if let known = categories.first(where: { $0.0 == kind }) { category = known.1 } else {
            category = IncidentCategory(kind: kind)
            if categories.count < 32 { categories.append((kind, category)) }
        }
        killed = 0
        tollGiven = false
        for c in r.incident.claims { if let k = c.killed { tollGiven = true; if k > killed { killed = k } } }
        date = r.incident.date
        country = r.country
        offshore = r.offshore
        provinceOnly = r.precision == .province
        countryOnly = !ResolvedIncident.knowsProvince(kind: r.entryKind)
        sources = r.incident.sources
        placing = r.placing
        summary = PlacedSummary(r)
    }
}

/// One chunk's incidents placed and encoded: an outcome per incident and a buffer per layer;
/// for a CSV chunk, the rows as read, the file's state and where the chunk ends. Filled by its
/// encoding task, then handed to the delivering queue, which waits for the task first.
final class EncodedChunk: @unchecked Sendable {
    // Safe: written by one encoding task, then read by the delivering queue only after the
    // task signalled its semaphore (which orders the memory accesses).
    /// What the delivering queue needs of each incident read, in input order.
    var keys: [RowKey] = []
    var outcomes: [Outcome] = []
    var placed: [Placed] = []
    /// Whole placed incidents, parallel to `placed`, while a sink wants detail.
    var resolved: [ResolvedIncident] = []
    var buffers: [[UInt8]]
    var rows: CSVChunkedReader.Rows?
    var file: CSVFileState?
    var end: Int?

    init(layers: Int) {
        buffers = Array(repeating: [], count: layers)
    }

    /// Frees what the chunk holds, once it has been delivered.
    func release() {
        keys = []
        outcomes = []
        placed = []
        resolved = []
        buffers = []
        rows = nil
    }
}

/// What the delivering queue keeps of a CSV file while its chunks are delivered.
final class CSVFileState: @unchecked Sendable {
    // Safe: used by the delivering queue only (and by the reading thread after `drain`).
    /// The file's bytes (nil for the rows of a database query).
    let input: MappedInput?
    var duplicates: DuplicateIDs
    var problems: [InputProblem] = []

    init(input: MappedInput?, duplicates: DuplicateIDs) {
        self.input = input
        self.duplicates = duplicates
    }
}
