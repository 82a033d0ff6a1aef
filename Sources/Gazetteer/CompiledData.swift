import Foundation
import Geometry

/// The gazetteer compiled into one file (`gazetteer.idx` beside the data, or in the user's cache):
/// regions and borders with their geometry, every bundled entry, and the four name indexes,
/// sorted so that a lookup is a binary search in memory-mapped bytes. Parsing the world's text
/// files and folding its 1.4 million names takes seconds; opening this file takes milliseconds,
/// and only the pages a lookup touches are read.
///
/// The file is a cache, never committed: it is rebuilt by the tool itself whenever its
/// fingerprint (the format version, the folding rules' version, and the size and modification
/// time of every data file) differs from the data's. All numbers are little-endian, every section
/// starts on an 8-byte boundary.
enum CompiledData {
    /// Bumped when the layout changes, or what the compiled form keeps of the text files
    /// (`Loading`'s rules, the overviews). 3: the entries' flags column (capitals). 4: districts, and
    /// every region's `admin1`. 5: districts are entries too (kind `admin2`). 6: lakes and rivers.
    /// 7: every region's names by language. 8: the districts' spans (reading them from the polygons
    /// touched a hundred megabytes of the file on every run). 11: entries of kind `region` (a kind is
    /// stored as its index among the kinds).
    static let formatVersion: UInt32 = 11
    static let magic: [UInt8] = Array("IMGAZIDX".utf8)
    static let fileName = "gazetteer.idx"

    /// Files of the data directory the compiled form is made from, in fingerprint order.
    static let sourceFiles = ["countries.geojson", "provinces.geojson", "borders.geojson", "places.tsv", "overlay.tsv", "sources.json",
                              "districts.geojson", "areas.tsv", "lakes.geojson", "rivers.geojson"]

    /// What identifies the data a compiled file was made from.
    static func fingerprint(_ dir: URL) -> [UInt8] {
        var text = "format \(formatVersion) folding \(NameFolding.rulesVersion)\n"
        for name in sourceFiles {
            let path = dir.appendingPathComponent(name).path
            var st = stat()
            if stat(path, &st) == 0 {
                text += "\(name) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)\n"
            } else {
                text += "\(name) absent\n"
            }
        }
        return Array(text.utf8)
    }

    enum Tag: UInt32, CaseIterable {
        case countries = 1, provinces, borders, entries, exact, variant, unordered, skeleton, overviews, districts, lakes, rivers
        /// Where each district's record starts in `districts`, with its bounds.
        case districtSpans
    }

    /// Where a compiled file for `dir` is kept: in the data directory when it can be written,
    /// else in `$XDG_CACHE_HOME/incidentmap` (or `~/.cache/incidentmap`), named by the directory.
    static func candidates(for dir: URL) -> [URL] {
        var out = [dir.appendingPathComponent(fileName)]
        let env = ProcessInfo.processInfo.environment
        let cacheRoot = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? env["HOME"].map { URL(fileURLWithPath: $0).appendingPathComponent(".cache") }
        if let cacheRoot {
            var h: UInt64 = 0xcbf29ce484222325
            for b in dir.standardizedFileURL.path.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            out.append(cacheRoot.appendingPathComponent("incidentmap").appendingPathComponent("gazetteer-\(String(h, radix: 16)).idx"))
        }
        return out
    }
}

// MARK: - Writing

/// Appends little-endian numbers, varints and strings to a byte buffer.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    mutating func varint(_ v: Int) {
        var x = UInt64(v)
        while x >= 0x80 { bytes.append(UInt8(x & 0x7F) | 0x80); x >>= 7 }
        bytes.append(UInt8(x))
    }
    mutating func string(_ s: String) { varint(s.utf8.count); bytes.append(contentsOf: s.utf8) }
    mutating func optional(_ s: String?) {
        if let s { varint(s.utf8.count + 1); bytes.append(contentsOf: s.utf8) } else { varint(0) }
    }
    /// A Polygon or MultiPolygon: whether multi, the polygons, their rings.
    mutating func polygons(_ g: Geometry) {
        let polygons = g.polygons
        u8(g.isMulti ? 1 : 0)
        varint(polygons.count)
        for p in polygons {
            varint(p.rings.count)
            for ring in p.rings { lonLats(ring) }
        }
    }
    mutating func pad() { while bytes.count % 8 != 0 { bytes.append(0) } }
    mutating func lonLats(_ points: [LonLat]) {
        varint(points.count)
        for p in points { f64(p.lon); f64(p.lat) }
    }
}

extension CompiledData {
    /// The bytes of a compiled file: `regions` and `borders` with geometry, `entries` (the bundled
    /// entries, in gazetteer order), and the indexes as built in memory.
    static func encode(fingerprint: [UInt8], countries: [Region], overviews: [Geometry], provinces: [Region], borders: [BorderLine],
                       entries: [GazetteerEntry], indexes: [Tag: Gazetteer.NameIndex], districts: [Region] = [],
                       water: [(Tag, [UInt8])] = [(.lakes, spanned([])), (.rivers, spanned([]))]) -> [UInt8] {
        var sections: [(Tag, [UInt8])] = []
        sections.append((.countries, encodeRegions(countries)))
        var o = ByteWriter()
        o.varint(overviews.count)
        for g in overviews { o.polygons(g) }
        sections.append((.overviews, o.bytes))
        sections.append((.provinces, encodeRegions(provinces)))
        sections.append((.borders, encodeBorders(borders)))
        let (districtBytes, districtStarts) = encodeRegionsAndStarts(districts)
        sections.append((.districts, districtBytes))
        var spans = ByteWriter()
        spans.u64(UInt64(districts.count))
        for (r, start) in zip(districts, districtStarts) {
            let b = r.geometry.bounds ?? BoundingBox(minX: r.labelPoint.lon, minY: r.labelPoint.lat, maxX: r.labelPoint.lon, maxY: r.labelPoint.lat)
            spans.u64(UInt64(start)); spans.f64(b.minX); spans.f64(b.minY); spans.f64(b.maxX); spans.f64(b.maxY)
        }
        sections.append((.districtSpans, spans.bytes))
        sections += water
        sections.append((.entries, encodeEntries(entries)))
        for tag in [Tag.exact, .variant, .unordered, .skeleton] {
            sections.append((tag, encodeIndex(indexes[tag] ?? Gazetteer.NameIndex(capacity: 0))))
        }
        var w = ByteWriter()
        w.bytes += magic
        w.u32(formatVersion)
        w.u32(UInt32(fingerprint.count))
        w.bytes += fingerprint
        w.pad()
        w.u32(UInt32(sections.count))
        w.u32(0)
        let tableStart = w.bytes.count
        var offset = UInt64(tableStart + sections.count * 24)
        for (tag, body) in sections {
            w.u32(tag.rawValue); w.u32(0); w.u64(offset); w.u64(UInt64(body.count))
            offset += UInt64(body.count)
            offset = (offset + 7) / 8 * 8
        }
        for (_, body) in sections {
            w.bytes += body
            w.pad()
        }
        return w.bytes
    }

    static func encodeRegions(_ regions: [Region]) -> [UInt8] { encodeRegionsAndStarts(regions).bytes }

    /// The regions' bytes, and where each record starts in them.
    static func encodeRegionsAndStarts(_ regions: [Region]) -> (bytes: [UInt8], starts: [Int]) {
        var w = ByteWriter()
        var starts: [Int] = []
        starts.reserveCapacity(regions.count)
        w.varint(regions.count)
        for r in regions {
            starts.append(w.bytes.count)
            w.string(r.id); w.string(r.name); w.string(r.country); w.optional(r.localName)
            w.varint(r.alternateNames.count)
            for a in r.alternateNames { w.string(a) }
            let tagged = r.languageNames.sorted { $0.key < $1.key }
            w.varint(tagged.count)
            for (language, name) in tagged { w.string(language); w.string(name) }
            w.optional(r.fips); w.optional(r.geonamesAdmin1); w.optional(r.admin1)
            w.f64(r.labelPoint.lon); w.f64(r.labelPoint.lat)
            w.polygons(r.geometry)
        }
        return (w.bytes, starts)
    }

    static func encodeBorders(_ borders: [BorderLine]) -> [UInt8] {
        var w = ByteWriter()
        w.varint(borders.count)
        for b in borders {
            w.string(b.id); w.varint(b.countries.count)
            for c in b.countries { w.string(c) }
            w.string(b.name); w.f64(b.lengthKm); w.string(b.dataset)
            w.varint(b.lines.count)
            for l in b.lines { w.lonLats(l) }
        }
        return w.bytes
    }

    /// Entries: a count, then columns (lon, lat, population, record offset, number of alternate
    /// names, kind, flags), then the records (strings) the offsets point to.
    static func encodeEntries(_ entries: [GazetteerEntry]) -> [UInt8] {
        var records = ByteWriter()
        var offsets: [UInt32] = []
        offsets.reserveCapacity(entries.count + 1)
        for e in entries {
            offsets.append(UInt32(records.bytes.count))
            records.u8(PlaceKind.allCases.firstIndex(of: e.kind).map(UInt8.init) ?? 0)
            records.u8(EntryPrecision.allCases.firstIndex(of: e.precision).map(UInt8.init) ?? 0)
            records.string(e.id); records.string(e.name); records.string(e.country)
            records.optional(e.admin1); records.optional(e.admin2); records.string(e.source)
            records.varint(e.alternateNames.count)
            for a in e.alternateNames { records.string(a) }
        }
        offsets.append(UInt32(records.bytes.count))
        var w = ByteWriter()
        w.u64(UInt64(entries.count))
        for e in entries { w.f64(e.location.lon) }
        for e in entries { w.f64(e.location.lat) }
        for e in entries { w.u64(UInt64(max(0, e.population))) }
        for o in offsets { w.u32(o) }
        w.pad()
        for e in entries { w.u32(UInt32(min(e.alternateNames.count, Int(UInt32.max)))) }
        w.pad()
        for e in entries { w.u8(PlaceKind.allCases.firstIndex(of: e.kind).map(UInt8.init) ?? 0) }
        w.pad()
        for e in entries { w.u8(EntryFlags(e).rawValue) }
        w.pad()
        w.bytes += records.bytes
        return w.bytes
    }

    /// An index: forms sorted by their bytes; per form a run of (entry, name) references.
    static func encodeIndex(_ index: Gazetteer.NameIndex) -> [UInt8] {
        let sorted = index.sortedForms()
        var formOffsets: [UInt32] = [0], refStarts: [UInt32] = [0]
        var blob: [UInt8] = [], refEntry: [UInt32] = [], refName: [UInt32] = []
        for (form, refs) in sorted {
            blob += form
            formOffsets.append(UInt32(blob.count))
            for r in refs { refEntry.append(UInt32(r.entry)); refName.append(UInt32(r.name)) }
            refStarts.append(UInt32(refEntry.count))
        }
        var w = ByteWriter()
        w.u64(UInt64(sorted.count)); w.u64(UInt64(refEntry.count))
        for o in formOffsets { w.u32(o) }
        w.pad()
        for o in refStarts { w.u32(o) }
        w.pad()
        for e in refEntry { w.u32(e) }
        for n in refName { w.u32(n) }
        w.bytes += blob
        return w.bytes
    }
}

extension Geometry {
    var isMulti: Bool { if case .multiPolygon = self { return true } else { return false } }
}

// MARK: - Reading

/// Reads numbers, varints and strings at an offset of mapped bytes.
struct ByteReader {
    let base: UnsafeRawPointer
    var at: Int

    mutating func u8() -> UInt8 { defer { at += 1 }; return base.load(fromByteOffset: at, as: UInt8.self) }
    mutating func u64() -> UInt64 { defer { at += 8 }; return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
    mutating func f64() -> Double { Double(bitPattern: u64()) }
    mutating func varint() -> Int {
        var x: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = u8()
            x |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return Int(x) }
            shift += 7
        }
    }
    mutating func string() -> String {
        let n = varint()
        defer { at += n }
        return String(decoding: UnsafeRawBufferPointer(start: base + at, count: n), as: UTF8.self)
    }
    mutating func optional() -> String? {
        let n = varint()
        guard n > 0 else { return nil }
        defer { at += n - 1 }
        return String(decoding: UnsafeRawBufferPointer(start: base + at, count: n - 1), as: UTF8.self)
    }
    /// One region record, as `encodeRegions` writes it.
    mutating func region() -> Region {
        let id = string(), name = string(), country = string(), local = optional()
        let alts = (0..<varint()).map { _ in string() }
        var tagged: [String: String] = [:]
        for _ in 0..<varint() { let language = string(); tagged[language] = string() }
        let fips = optional(), gn = optional(), admin1 = optional()
        let label = LonLat(lon: f64(), lat: f64())
        let geometry = polygons()
        let bounds = geometry.bounds ?? BoundingBox(minX: label.lon, minY: label.lat, maxX: label.lon, maxY: label.lat)
        return Region(id: id, name: name, country: country, localName: local, alternateNames: alts, fips: fips,
                      geonamesAdmin1: gn, labelPoint: label, geometry: geometry, bounds: bounds, admin1: admin1, languageNames: tagged)
    }
    mutating func polygons() -> Geometry {
        let multi = u8() == 1
        var polygons: [Polygon] = []
        for _ in 0..<varint() {
            let rings = (0..<varint()).map { _ in lonLats() }
            polygons.append(Polygon(exterior: rings.first ?? [], holes: Array(rings.dropFirst())))
        }
        return multi || polygons.count != 1 ? .multiPolygon(polygons) : .polygon(polygons[0])
    }
    mutating func lonLats() -> [LonLat] {
        let n = varint()
        var out: [LonLat] = []
        out.reserveCapacity(n)
        for _ in 0..<n { let lon = f64(); out.append(LonLat(lon: lon, lat: f64())) }
        return out
    }
}

/// One byte of yes/no facts per compiled entry.
struct EntryFlags: OptionSet {
    let rawValue: UInt8
    /// The place is its country's capital.
    static let capital = EntryFlags(rawValue: 1)

    init(rawValue: UInt8) { self.rawValue = rawValue }
    init(_ e: GazetteerEntry) { self = e.isCapital ? .capital : [] }
}

/// A compiled file, memory-mapped.
final class CompiledFile: @unchecked Sendable {
    // Safe to share: the mapping is read-only and never changes after `init`.
    let base: UnsafeRawPointer
    private let size: Int
    private(set) var sections: [CompiledData.Tag: (offset: Int, length: Int)] = [:]

    /// Maps `url` when it is a compiled file of this format with `fingerprint`; nil otherwise.
    /// (mmap(2) directly: Foundation's "mapped" `Data` reads the whole file on Linux.)
    init?(url: URL, fingerprint: [UInt8]) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size >= 24, let m = mmap(nil, Int(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0), m != MAP_FAILED else { return nil }
        #if os(Linux)
        // Lookups touch the file here and there: each touch maps its own pages, not a huge page.
        _ = madvise(m, Int(st.st_size), Int32(MADV_NOHUGEPAGE))
        #endif
        base = UnsafeRawPointer(m)
        size = Int(st.st_size)
        guard read(fingerprint) else { return nil }
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), size) }

    private func read(_ fingerprint: [UInt8]) -> Bool {
        var r = ByteReader(base: base, at: 0)
        let magic = (0..<8).map { _ in r.u8() }
        guard magic == CompiledData.magic else { return false }
        let version = base.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
        let fpLength = Int(base.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        guard version == CompiledData.formatVersion, 16 + fpLength <= size,
              Array(UnsafeRawBufferPointer(start: base + 16, count: fpLength)) == fingerprint else { return false }
        var at = (16 + fpLength + 7) / 8 * 8
        guard at + 8 <= size else { return false }
        let count = Int(base.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        at += 8
        guard at + count * 24 <= size else { return false }
        for i in 0..<count {
            let p = at + i * 24
            let tag = base.loadUnaligned(fromByteOffset: p, as: UInt32.self)
            let offset = Int(base.loadUnaligned(fromByteOffset: p + 8, as: UInt64.self))
            let length = Int(base.loadUnaligned(fromByteOffset: p + 16, as: UInt64.self))
            guard offset % 8 == 0, offset + length <= size, let t = CompiledData.Tag(rawValue: tag) else { return false }
            sections[t] = (offset, length)
        }
        return sections.count == CompiledData.Tag.allCases.count
    }

    /// Unmaps the pages of `tags`' sections once they are decoded into memory: they stay in the page
    /// cache, and a later read maps them again, but the run does not hold them twice.
    func dropPages(of tags: [CompiledData.Tag]) {
        for tag in tags {
            guard let (offset, length) = sections[tag] else { continue }
            dropPages(offset..<(offset + length))
        }
    }

    /// Unmaps the whole pages inside `range` of the file (another thread reading them meanwhile
    /// maps them again from the page cache: nothing is lost, it only costs a fault).
    func dropPages(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page, end = range.upperBound / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Int32(MADV_DONTNEED))
    }

    /// How many regions a section holds, without decoding them.
    func regionCount(_ tag: CompiledData.Tag) -> Int {
        var r = ByteReader(base: base, at: sections[tag]!.offset)
        return r.varint()
    }

    func regions(_ tag: CompiledData.Tag) -> [Region] {
        var r = ByteReader(base: base, at: sections[tag]!.offset)
        let n = r.varint()
        var out: [Region] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(r.region()) }
        return out
    }

    /// Where each district's record starts, with its bounds, from the spans section: read without
    /// touching its names or its polygons, so that a run that needs a few districts of the world
    /// reads only those.
    func districtSpans() -> [(offset: Int, bounds: BoundingBox)] {
        let records = sections[.districts]!.offset
        var r = ByteReader(base: base, at: sections[.districtSpans]!.offset)
        let n = Int(r.u64())
        var out: [(offset: Int, bounds: BoundingBox)] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            let start = records + Int(r.u64())
            out.append((start, BoundingBox(minX: r.f64(), minY: r.f64(), maxX: r.f64(), maxY: r.f64())))
        }
        dropPages(of: [.districtSpans])
        return out
    }

    /// The regions whose records start at `offsets` (from `districtSpans`). The pages they were
    /// decoded from are then unmapped (see `dropPages`): a run that meets many districts does not
    /// hold them twice.
    func regions(at offsets: [Int]) -> [Region] {
        var first = Int.max, end = 0
        let out = offsets.map { offset in
            var r = ByteReader(base: base, at: offset)
            let region = r.region()
            first = min(first, offset)
            end = max(end, r.at)
            return region
        }
        if end > first { dropPages(first..<end) }
        return out
    }

    func overviews() -> [Geometry] {
        var r = ByteReader(base: base, at: sections[.overviews]!.offset)
        return (0..<r.varint()).map { _ in r.polygons() }
    }

    func borders() -> [BorderLine] {
        var r = ByteReader(base: base, at: sections[.borders]!.offset)
        let n = r.varint()
        var out: [BorderLine] = []
        for _ in 0..<n {
            let id = r.string()
            let countries = (0..<r.varint()).map { _ in r.string() }
            let name = r.string(), length = r.f64(), dataset = r.string()
            let lines = (0..<r.varint()).map { _ in r.lonLats() }
            out.append(BorderLine(id: id, countries: countries, name: name, lengthKm: length, dataset: dataset, lines: lines))
        }
        return out
    }
}

/// The bundled entries of a compiled file: columns read in place, records decoded on demand.
struct CompiledEntries: @unchecked Sendable {
    // Safe: read-only views into the mapping `file` keeps alive.
    let file: CompiledFile
    let count: Int
    private let lon: UnsafePointer<Double>, lat: UnsafePointer<Double>, population: UnsafePointer<UInt64>
    private let offsets: UnsafePointer<UInt32>, altCounts: UnsafePointer<UInt32>, kinds: UnsafePointer<UInt8>
    private let flags: UnsafePointer<UInt8>
    private let records: UnsafeRawPointer

    init(_ file: CompiledFile) {
        self.file = file
        var at = file.sections[.entries]!.offset
        let n = Int(file.base.load(fromByteOffset: at, as: UInt64.self))
        count = n
        at += 8
        func take<T>(_ type: T.Type, _ k: Int) -> UnsafePointer<T> {
            let p = (file.base + at).assumingMemoryBound(to: T.self)
            at += MemoryLayout<T>.stride * k
            at = (at + 7) / 8 * 8
            return p
        }
        lon = take(Double.self, n); lat = take(Double.self, n); population = take(UInt64.self, n)
        offsets = take(UInt32.self, n + 1); altCounts = take(UInt32.self, n); kinds = take(UInt8.self, n)
        flags = take(UInt8.self, n)
        records = file.base + at
    }

    /// Unmaps the pages of the columns (see `dropPages`): a scan of every entry touches them all
    /// (15 MB for the world), and the few entries read after it map their pages again.
    func dropColumnPages() {
        let start = file.sections[.entries]!.offset
        file.dropPages(start..<(records - UnsafeRawPointer(file.base)))
    }

    func location(_ i: Int) -> LonLat { LonLat(lon: lon[i], lat: lat[i]) }
    func population(_ i: Int) -> Int { Int(population[i]) }
    func alternateCount(_ i: Int) -> Int { Int(altCounts[i]) }
    func kind(_ i: Int) -> PlaceKind { PlaceKind.allCases[Int(kinds[i])] }
    func isCapital(_ i: Int) -> Bool { EntryFlags(rawValue: flags[i]).contains(.capital) }

    func entry(_ i: Int) -> GazetteerEntry {
        var r = ByteReader(base: records, at: Int(offsets[i]))
        let kind = PlaceKind.allCases[Int(r.u8())], precision = EntryPrecision.allCases[Int(r.u8())]
        let id = r.string(), name = r.string(), country = r.string()
        let admin1 = r.optional(), admin2 = r.optional(), source = r.string()
        let alts = (0..<r.varint()).map { _ in r.string() }
        return GazetteerEntry(id: id, name: name, kind: kind, country: country, admin1: admin1, admin2: admin2,
                              location: location(i), population: population(i), precision: precision,
                              alternateNames: alts, source: source, isCapital: isCapital(i))
    }

    /// The entry's name number `k` (0: the preferred name), decoded alone.
    func name(_ i: Int, _ k: Int) -> String {
        var r = ByteReader(base: records, at: Int(offsets[i]) + 2)
        _ = r.string()
        let name = r.string()
        if k == 0 { return name }
        _ = r.string(); _ = r.optional(); _ = r.optional(); _ = r.string()
        let n = r.varint()
        var s = ""
        for _ in 0..<min(k, n) { s = r.string() }
        return s
    }

    /// The entry's id, decoded alone.
    func id(_ i: Int) -> String {
        var r = ByteReader(base: records, at: Int(offsets[i]) + 2)
        return r.string()
    }

    /// The entry's country code, decoded alone.
    func country(_ i: Int) -> String {
        var r = ByteReader(base: records, at: Int(offsets[i]) + 2)
        _ = r.string(); _ = r.string()
        return r.string()
    }
}

/// One name index of a compiled file: forms sorted by bytes, found by binary search.
struct CompiledNameIndex: @unchecked Sendable {
    // Safe: read-only views into the mapping `file` keeps alive.
    let file: CompiledFile
    let formCount: Int
    private let formOffsets: UnsafePointer<UInt32>, refStarts: UnsafePointer<UInt32>
    private let refEntry: UnsafePointer<UInt32>, refName: UnsafePointer<UInt32>
    private let blob: UnsafePointer<UInt8>

    init(_ file: CompiledFile, _ tag: CompiledData.Tag) {
        self.file = file
        var at = file.sections[tag]!.offset
        formCount = Int(file.base.load(fromByteOffset: at, as: UInt64.self))
        let refCount = Int(file.base.load(fromByteOffset: at + 8, as: UInt64.self))
        at += 16
        formOffsets = (file.base + at).assumingMemoryBound(to: UInt32.self)
        at = (at + 4 * (formCount + 1) + 7) / 8 * 8
        refStarts = (file.base + at).assumingMemoryBound(to: UInt32.self)
        at = (at + 4 * (formCount + 1) + 7) / 8 * 8
        refEntry = (file.base + at).assumingMemoryBound(to: UInt32.self)
        at += 4 * refCount
        refName = (file.base + at).assumingMemoryBound(to: UInt32.self)
        at += 4 * refCount
        blob = (file.base + at).assumingMemoryBound(to: UInt8.self)
    }

    /// The position of `form` among the sorted forms, or nil.
    func find(_ form: String) -> Int? {
        var form = form
        return form.withUTF8 { q -> Int? in
            var lo = 0, hi = formCount
            while lo < hi {
                let mid = (lo + hi) / 2
                let c = compare(mid, q)
                if c == 0 { return mid }
                if c < 0 { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }
    }

    /// Sign of (form at `i`) − `q`, bytewise.
    private func compare(_ i: Int, _ q: UnsafeBufferPointer<UInt8>) -> Int {
        let start = Int(formOffsets[i]), length = Int(formOffsets[i + 1]) - start
        let n = min(length, q.count)
        if n > 0 {
            let c = memcmp(blob + start, q.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return length - q.count
    }

    func lookup(_ form: String) -> [Gazetteer.NameRef] { find(form).map(refs) ?? [] }

    func count(_ form: String) -> Int {
        guard let i = find(form) else { return 0 }
        return Int(refStarts[i + 1] - refStarts[i])
    }

    /// The UTF-8 length of the form at position `i` (no decoding).
    func formLength(_ i: Int) -> Int { Int(formOffsets[i + 1] - formOffsets[i]) }

    /// The form at position `i`.
    func form(_ i: Int) -> String {
        let start = Int(formOffsets[i])
        return String(decoding: UnsafeBufferPointer(start: blob + start, count: Int(formOffsets[i + 1]) - start), as: UTF8.self)
    }

    /// The references of the form at position `i`.
    func refs(_ i: Int) -> [Gazetteer.NameRef] {
        (Int(refStarts[i])..<Int(refStarts[i + 1])).map { Gazetteer.NameRef(entry: Int32(refEntry[$0]), name: Int32(refName[$0])) }
    }
}

/// The entries of a gazetteer: the bundled ones (compiled, decoded on demand) then those held in
/// memory (the user's, or every entry of a gazetteer built from values).
public struct EntryTable: RandomAccessCollection, Sendable {
    let compiled: CompiledEntries?
    let memory: [GazetteerEntry]
    private var split: Int { compiled?.count ?? 0 }

    public var startIndex: Int { 0 }
    public var endIndex: Int { split + memory.count }

    public subscript(i: Int) -> GazetteerEntry {
        if let compiled, i < compiled.count { return compiled.entry(i) }
        return memory[i - split]
    }

    /// The entry's point, without decoding it.
    public func location(_ i: Int) -> LonLat {
        if let compiled, i < compiled.count { return compiled.location(i) }
        return memory[i - split].location
    }

    /// The entry's population, without decoding it.
    public func population(_ i: Int) -> Int {
        if let compiled, i < compiled.count { return compiled.population(i) }
        return memory[i - split].population
    }

    /// What the entry names, without decoding it.
    public func kind(_ i: Int) -> PlaceKind {
        if let compiled, i < compiled.count { return compiled.kind(i) }
        return memory[i - split].kind
    }

    /// Whether the entry is its country's capital, without decoding it.
    public func isCapital(_ i: Int) -> Bool {
        if let compiled, i < compiled.count { return compiled.isCapital(i) }
        return memory[i - split].isCapital
    }

    /// How many alternate names the entry has, without decoding it.
    public func alternateCount(_ i: Int) -> Int {
        if let compiled, i < compiled.count { return compiled.alternateCount(i) }
        return memory[i - split].alternateNames.count
    }

    /// The entry's country code.
    public func country(_ i: Int) -> String {
        if let compiled, i < compiled.count { return compiled.country(i) }
        return memory[i - split].country
    }

    /// The entry's name number `k` (0: the preferred name).
    func name(_ i: Int, _ k: Int) -> String {
        if let compiled, i < compiled.count { return compiled.name(i, k) }
        return memory[i - split].allNames[k]
    }

    /// Indexes of the entries that pass `keep`, a test on their kind, population, number of
    /// alternate names, whether they are a capital, and point — none of which needs the entry
    /// decoded.
    public func indices(where keep: (PlaceKind, Int, Int, Bool, LonLat) -> Bool) -> [Int] {
        let found = (0..<count).filter { keep(kind($0), population($0), alternateCount($0), isCapital($0), location($0)) }
        compiled?.dropColumnPages()
        return found
    }
}
