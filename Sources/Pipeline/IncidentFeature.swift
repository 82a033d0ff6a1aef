import Gazetteer
import Geometry
import Incidents
import Rendering

/// The incidents layer's features, written straight to bytes.
///
/// This layer grows with the input (a million rows make a million features), so its
/// features skip the `OutputFeature`/`JSONValue` tree the small layers go through and are
/// written key by key through the writer's feature envelope and `JSONText` (escaped
/// strings, fixed-decimal coordinates, integral numbers without a fraction).
public enum IncidentFeature {
    /// Property names an incident may be written with, and `id` (the feature's own member); an
    /// extra input column of the same name is not repeated.
    public static let propertyNames: Set<String> = [
        "id", "date_start", "date_end", "date_precision", "time", "kind", "actor", "target", "origin", "place",
        "country", "country_declared", "province", "province_name", "district", "district_name", "location_precision",
        "border_distance_km", "nearest_border", "claims", "sources", "resolution", "notes", "input", "input_line", "warnings",
    ]

    /// Appends one incident as a Point feature with every fact and the audit trail: dates,
    /// place as reported and as resolved, country, province and district by point-in-polygon, border
    /// distance, attributed claims, sources, the gazetteer's reasoning, the input line,
    /// warnings, then every other input column.
    ///
    /// `namesInput`: the run read several inputs, and each feature names its own (`input`); a
    /// run of one input names it once, in the collection's `inputs` member, and each feature
    /// gives its `input_line` alone.
    public static func append(_ r: ResolvedIncident, writer: GeoJSONWriter, namesInput: Bool, to out: inout [UInt8]) {
        writer.appendFeature(id: r.incident.id, to: &out, geometry: { writer.appendPoint(r.point, to: &$0) },
                             properties: { properties(r, r.incident, namesInput: namesInput, &$0) })
    }

    /// The members of an incident's properties object.
    ///
    /// Bytes are time on a million rows, so what says nothing is left out: an optional member
    /// whose value is null (time, actor, target, origin, country_declared, province_name, notes,
    /// a claim's killed or injured, a source's title, url or published), `country_declared` where
    /// it is the point's country (it is written where they differ), an empty `place` (a row
    /// placed by its coordinates alone), an empty `warnings` or `claims` or `sources`, and the
    /// resolution record of an incident whose coordinates the input gave (it had nothing to say
    /// but that); in a resolution record, `near` and
    /// `accepted_ambiguous` when false. The members a reader tests for null (country
    /// and province: at sea or outside every province; border_distance_km and nearest_border:
    /// not measured) are always written.
    ///
    /// Nor is what another member says written twice: the id is the feature's `id` member (RFC
    /// 7946 §3.2; GDAL reads it as the field `id`), the day or period is `date_start` and
    /// `date_end` with `date_precision`, `location_precision` fixes its radius (`radiusKm`), a
    /// claim made from a figures column is its figures and who makes them (its statement restated
    /// the figure, and the sources an export's format cites are the incident's `sources`), and
    /// the gazetteer's score, a ranking on its own scale, is left to `geocode`.
    ///
    /// The members are written from the incident read in place rather than copied out of `r` (a
    /// copy retains and releases each of its strings).
    private static func properties(_ r: ResolvedIncident, _ i: Incident, namesInput: Bool, _ out: inout [UInt8]) {
        raw("\"date_start\":", &out)
        date(i.date.start, &out)
        raw(",\"date_end\":", &out)
        date(i.date.end, &out)
        raw(",\"date_precision\":", &out)
        string(i.date.precision.rawValue, &out)
        member(",\"time\":", i.date.time, &out)
        raw(",\"kind\":", &out)
        string(i.kind, &out)
        member(",\"actor\":", i.actor, &out)
        member(",\"target\":", i.target, &out)
        member(",\"origin\":", i.origin, &out)
        if !i.place.isEmpty {
            raw(",\"place\":", &out)
            string(i.place, &out)
        }
        raw(",\"country\":", &out)
        optional(r.country, &out)
        if !r.declaredCountryAgrees { member(",\"country_declared\":", i.country, &out) }
        raw(",\"province\":", &out)
        optional(r.province, &out)
        member(",\"province_name\":", r.provinceName, &out)
        raw(",\"district\":", &out)
        optional(r.district, &out)
        member(",\"district_name\":", r.districtName, &out)
        raw(",\"location_precision\":", &out)
        string(r.locationPrecisionName, &out)
        raw(",\"border_distance_km\":", &out)
        if let b = r.border { JSONText.appendNumber((b.distanceKm * 10).rounded() / 10, to: &out) } else { raw("null", &out) }
        raw(",\"nearest_border\":", &out)
        optional(r.border?.borderID, &out)
        if !i.claims.isEmpty {
            raw(",\"claims\":", &out)
            claims(i.claims, &out)
        }
        if !i.sources.isEmpty {
            raw(",\"sources\":", &out)
            sources(i.sources, &out)
        }
        if let p = r.placing, let query = p.recordQuery {
            raw(",\"resolution\":", &out)
            appendResolution(p, query: query, place: i.place, &out)
        }
        member(",\"notes\":", i.notes, &out)
        if namesInput {
            raw(",\"input\":", &out)
            string(i.location.file, &out)
        }
        if i.location.line > 0 {
            raw(",\"input_line\":", &out)
            NumberFormat.appendInteger(UInt64(i.location.line), to: &out)
        }
        if !r.warnings.isEmpty {
            raw(",\"warnings\":[", &out)
            for (k, w) in r.warnings.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                string(w.message, &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        for (key, value) in i.extra where !repeats(key, value, of: i) {
            out.append(UInt8(ascii: ","))
            string(key, &out)
            out.append(UInt8(ascii: ":"))
            JSONText.append(value, to: &out)
        }
    }

    /// Whether an extra input column would only repeat what the feature already says: a column
    /// named like one of its members, ACLED's `sub_event_type` where it is the incident's `kind`
    /// (the kind was read from it), and ACLED's `year` where it is the year of `date_start` and
    /// `date_end`. These are left out; a value that differs (a `kind` column beside
    /// `sub_event_type`, a year that disagrees with the date) is kept, so nothing is lost.
    public static func repeats(_ key: String, _ value: JSONValue, of i: Incident) -> Bool {
        if propertyNames.contains(key) { return true }
        guard case .string(let text) = value else { return false }
        switch key {
        case "sub_event_type": return text == i.kind
        case "year":
            let y = i.date.start.year
            return y == i.date.end.year && text.utf8.count == 4 && Int(text) == y
        default: return false
        }
    }

    /// The claims as a JSON array: statement, who makes it, the figures it gives.
    static func claims(_ claims: [Claim], _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (k, c) in claims.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            if c.fromFigures {
                raw("{\"by\":", &out)
                JSONText.appendString(c.authorWithoutCitations, to: &out)
            } else {
                raw("{\"claim\":", &out)
                string(c.statement, &out)
                raw(",\"by\":", &out)
                string(c.by, &out)
            }
            count(",\"killed\":", c.killed, &out)
            count(",\"injured\":", c.injured, &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }

    /// The sources as a JSON array: outlet, and title, url and date where known.
    static func sources(_ sources: [SourceRef], _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (k, s) in sources.enumerated() {
            raw(k == 0 ? "{\"outlet\":" : ",{\"outlet\":", &out)
            string(s.outlet, &out)
            member(",\"title\":", s.title, &out)
            member(",\"url\":", s.url, &out)
            member(",\"published\":", s.published, &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }

    /// The gazetteer's record of how a name was placed, as the members of a JSON object after
    /// its `query` and without the closing brace (`Placing.recordMembers`, made once per name
    /// and context; `appendResolution` writes the object of a row).
    ///
    /// A million rows placed by name repeat it a million times, so what another member already
    /// says is left out: `context` where each of its texts names the entry's own country,
    /// province or district (`Gazetteer.contextAgrees`), `matched` where it is the query,
    /// `gazetteer_name` where it is the name matched, `source` where the id's prefix names it
    /// (`geonames:`), `precision` where it is `point`, and `near` and `accepted_ambiguous` when false.
    static func resolutionMembers(_ rec: ResolutionRecord, contextAgrees: Bool, _ out: inout [UInt8]) {
        if !contextAgrees {
            raw("\"context\":[", &out)
            for (k, c) in rec.context.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                string(c, &out)
            }
            raw("],", &out)
        }
        if rec.matched != rec.query {
            raw("\"matched\":", &out)
            string(rec.matched, &out)
            out.append(UInt8(ascii: ","))
        }
        raw("\"match\":", &out)
        string(rec.match, &out)
        raw(",\"gazetteer_id\":", &out)
        string(rec.id, &out)
        if rec.name != rec.matched {
            raw(",\"gazetteer_name\":", &out)
            string(rec.name, &out)
        }
        raw(",\"candidates\":", &out)
        JSONText.appendNumber(Double(rec.candidates), to: &out)
        if rec.near { raw(",\"near\":true", &out) }
        if !rec.id.lowercased().hasPrefix(rec.source.lowercased() + ":") {
            raw(",\"source\":", &out)
            string(rec.source, &out)
        }
        if rec.precision != "point" {
            raw(",\"precision\":", &out)
            string(rec.precision, &out)
        }
        if rec.acceptedAmbiguous { raw(",\"accepted_ambiguous\":true", &out) }
    }

    /// A row's resolution record as a JSON object: its `query` where that is not the row's
    /// `place` as written (the feature's `place` says it), then the placing's members.
    static func appendResolution(_ p: Placing, query q: String, place: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if q != place {
            raw("\"query\":", &out)
            string(q, &out)
            out.append(UInt8(ascii: ","))
        }
        out.append(contentsOf: p.recordMembers)
        out.append(UInt8(ascii: "}"))
    }

    @inline(__always) static func raw(_ s: StaticString, _ out: inout [UInt8]) { JSONText.appendRaw(s, to: &out) }
    @inline(__always) static func string(_ s: String, _ out: inout [UInt8]) { JSONText.appendString(s, to: &out) }

    static func optional(_ s: String?, _ out: inout [UInt8]) {
        if let s { JSONText.appendString(s, to: &out) } else { raw("null", &out) }
    }

    /// `key` and the string when there is one; nothing when it is nil.
    @inline(__always) static func member(_ key: StaticString, _ s: String?, _ out: inout [UInt8]) {
        guard let s else { return }
        raw(key, &out)
        JSONText.appendString(s, to: &out)
    }

    /// `key` and the number when there is one; nothing when it is nil.
    @inline(__always) static func count(_ key: StaticString, _ n: Int?, _ out: inout [UInt8]) {
        guard let n else { return }
        raw(key, &out)
        JSONText.appendNumber(Double(n), to: &out)
    }

    /// `"YYYY-MM-DD"` (the year padded to four digits, as `CalendarDate.description`).
    static func date(_ d: CalendarDate, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        dateDigits(d, &out)
        out.append(UInt8(ascii: "\""))
    }

    static func dateDigits(_ d: CalendarDate, _ out: inout [UInt8]) {
        guard d.year >= 0, d.year <= 9999, (1...12).contains(d.month), (1...31).contains(d.day) else {
            out.append(contentsOf: d.description.utf8)
            return
        }
        NumberFormat.appendDigits(UInt64(d.year), width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        NumberFormat.appendDigits(UInt64(d.month), width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        NumberFormat.appendDigits(UInt64(d.day), width: 2, to: &out)
    }

    /// `IncidentDate.isoText` (which needs no JSON escape).
    static func isoDigits(_ d: IncidentDate, _ out: inout [UInt8]) {
        switch d.precision {
        case .day: dateDigits(d.start, &out)
        default: JSONText.appendUTF8(d.isoText, to: &out)
        }
    }
}
