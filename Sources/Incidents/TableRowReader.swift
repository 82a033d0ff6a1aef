import Foundation
import Geometry

/// Reads incidents from the rows of a table (a database query's result) by the same rules as
/// CSV: columns are found by their names (`IncidentField.names`, ACLED's first), every value is
/// checked by the CSV reader's code and every problem reported with the same words, the table
/// in place of the file and the row number in place of the line.
///
/// A NULL reads as an empty field. Rows are read in batches, on any thread (`read`), each batch
/// with its own caches.
public final class TableRowReader: @unchecked Sendable {
    // Safe: `template` is copied by every `read`; nothing is written after `init`.
    private let template: CSVIncidentReader.Reader
    /// Problems of the column names (a missing date column, no coordinates and no place, a
    /// name twice); when there are any, no row can be read.
    public let problems: [InputProblem]

    /// Columns of JSON values that mean more than text: `claims` (a list of {claim, by,
    /// killed, injured}), `sources` (a list of {outlet, title, url, published}) and `extra`
    /// (an object whose members become columns), as a table `load` wrote has them.
    private let claimsColumn: Int?, sourcesColumn: Int?, extraColumn: Int?

    /// A reader of rows with `columns` (in order) from `source` (as messages name it: "table
    /// public.incidents"); generated ids are `<idPrefix>-<row>`. `jsonColumns`: the indices
    /// of the columns whose values are JSON (json or jsonb).
    public init(columns: [String], source: String, idPrefix: String, jsonColumns: Set<Int> = []) {
        let lower = columns.map { $0.lowercased() }
        func json(_ name: String) -> Int? { lower.firstIndex(of: name).flatMap { jsonColumns.contains($0) ? $0 : nil } }
        claimsColumn = json("claims")
        sourcesColumn = json("sources")
        extraColumn = json("extra")
        var reader = CSVIncidentReader.Reader(path: source, limits: CSVIncidentReader.Limits())
        reader.idPrefix = idPrefix
        var header = CSVRecord()
        header.line = 0
        for name in columns {
            header.bytes.append(contentsOf: name.utf8)
            header.ends.append(header.bytes.count)
            header.lines.append(0)
        }
        header.fieldCount = columns.count
        if columns.isEmpty {
            reader.problem(0, nil, "the query returns no columns")
        } else {
            _ = reader.header(header)
        }
        problems = reader.problems
        reader.problems = []
        template = reader
    }

    /// The column that gives `field` ("id", "date", "latitude", "longitude", "place", "kind",
    /// "fatalities", …), by index.
    public func column(for field: String) -> Int? {
        let f: IncidentField? = switch field {
        case "id": .id
        case "date": .date
        case "latitude": .latitude
        case "longitude": .longitude
        case "place": .place
        case "country": .country
        case "kind": .kind
        case "sub_event_type": .subEventType
        case "event_type": .eventType
        case "fatalities": .fatalities
        case "source": .source
        case "geo_precision": .geoPrecision
        case "location_precision": .locationPrecision
        default: nil
        }
        return f.flatMap { template.columns[$0] }
    }

    /// Reads `count` rows numbered from `firstRow`; `value(r, c)` gives the bytes of row `r`
    /// (0-based in the batch), column `c` (empty for NULL), valid during the call.
    public func read(count: Int, firstRow: Int, value: (Int, Int) -> UnsafeBufferPointer<UInt8>) -> CSVChunkedReader.Rows {
        var reader = template
        var out = CSVChunkedReader.Rows(incidents: [], problems: [], ids: [])
        guard problems.isEmpty else { return out }
        out.incidents.reserveCapacity(count)
        let columns = reader.names.count
        let idColumn = reader.columns[.id]
        var record = CSVRecord()
        for r in 0..<count {
            let number = firstRow + r
            record.reset(line: number)
            for c in 0..<columns {
                let v = value(r, c)
                if v.count > reader.limits.maxFieldBytes {
                    record.issues.append(.fieldTooLong(line: number, field: c))
                } else if v.count > 0 {
                    record.bytes.append(contentsOf: v)
                }
                record.ends.append(record.bytes.count)
                record.lines.append(number)
            }
            record.fieldCount = columns
            if var incident = reader.row(record, number: number) {
                if claimsColumn != nil || sourcesColumn != nil || extraColumn != nil {
                    guard structured(&incident, record, number: number, into: &out.problems) else { continue }
                }
                out.incidents.append(incident)
                if idColumn != nil { out.ids.append((incident.id, number)) }
            } else if let c = idColumn, record.issues.isEmpty {
                let id = record.bytes.withUnsafeBufferPointer { String(decoding: CSVIncidentReader.trimmed($0, record.range(c)), as: UTF8.self) }
                if !id.isEmpty { out.ids.append((id, number)) }
            }
        }
        out.problems = reader.problems
        return out
    }

    /// Reads the JSON columns of a row into `incident` (claims, sources, extra members); false,
    /// with the problems, when one is not what it should be.
    private func structured(_ incident: inout Incident, _ record: CSVRecord, number: Int, into problems: inout [InputProblem]) -> Bool {
        var json = GeoJSONIncidentReader.Reader(path: template.path, maxFeatures: 1)
        let names = template.names
        func value(_ c: Int) -> JSONValue? {
            let bytes = Array(record.bytes[record.range(c)])
            guard !bytes.isEmpty else { return nil }
            do { return try JSONParser().parse(bytes) } catch {
                json.problem(number, names[c], "not JSON (\(error))")
                return nil
            }
        }
        var drop = Set<String>()
        if let c = sourcesColumn, let v = value(c) {
            drop.insert(names[c])
            incident.sources = json.sourceList(v, path: names[c], line: number)
        }
        if let c = claimsColumn {
            drop.insert(names[c])
            if let v = value(c) { incident.claims = json.claimList(v, sources: incident.sources, path: names[c], line: number) + incident.claims }
        }
        if let c = extraColumn {
            drop.insert(names[c])
            if let v = value(c) {
                if case .object(let members) = v {
                    let taken = Set(incident.extra.map(\.0))
                    for (k, m) in members where !taken.contains(k) && m != .null { incident.extra.append((k, m)) }
                } else {
                    json.problem(number, names[c], "expected an object of other columns")
                }
            }
        }
        if !drop.isEmpty { incident.extra.removeAll { drop.contains($0.0) } }
        problems += json.problems
        return json.problems.isEmpty
    }

    /// The outlets of a `source` value ("Dawn; AFP"), split and trimmed as the readers split them.
    public static func outlets(_ raw: String) -> [String] { FieldRules.outlets(raw).map(\.outlet) }

    /// A checker of ids used twice across the batches.
    public func duplicateIDs() -> DuplicateIDs {
        DuplicateIDs(path: template.path, column: template.columns[.id].map { template.names[$0] })
    }
}
