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
    /// Property names written for every incident; an extra input column of the same name is not repeated.
    public static let propertyNames: Set<String> = [
        "id", "date", "date_start", "date_end", "date_precision", "time", "kind", "actor", "target", "origin", "place",
        "country", "country_declared", "province", "province_name", "district", "district_name", "location_precision", "uncertainty_km",
        "border_distance_km", "nearest_border", "claims", "sources", "resolution", "notes", "input", "warnings",
    ]

    /// Appends one incident as a Point feature with every fact and the audit trail: dates,
    /// place as reported and as resolved, country, province and district by point-in-polygon, border
    /// distance, attributed claims, sources, the gazetteer's reasoning, the input line,
    /// warnings, then every other input column.
    public static func append(_ r: ResolvedIncident, writer: GeoJSONWriter, to out: inout [UInt8]) {
        writer.appendFeature(id: r.incident.id, to: &out, geometry: { writer.appendPoint(r.point, to: &$0) },
                             properties: { properties(r, &$0) })
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
    static func properties(_ r: ResolvedIncident, _ out: inout [UInt8]) { properties(r, r.incident, &out) }

    /// The members, the incident read in place rather than copied out of `r` (a copy retains and
    /// releases each of its strings).
    private static func properties(_ r: ResolvedIncident, _ i: Incident, _ out: inout [UInt8]) {
        raw("\"id\":", &out)
        string(i.id, &out)
        raw(",\"date\":", &out)
        isoDate(i.date, &out)
        raw(",\"date_start\":", &out)
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
        string(r.precision.rawValue, &out)
        raw(",\"uncertainty_km\":", &out)
        JSONText.appendNumber(r.precision.radiusKm, to: &out)
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
        if let p = r.placing {
            raw(",\"resolution\":", &out)
            out.append(contentsOf: p.recordJSON)
        }
        member(",\"notes\":", i.notes, &out)
        raw(",\"input\":", &out)
        string(i.location.file, &out)
        if i.location.line > 0 {  // as InputLocation.description: "file:line"
            out.removeLast()
            out.append(UInt8(ascii: ":"))
            NumberFormat.appendInteger(UInt64(i.location.line), to: &out)
            out.append(UInt8(ascii: "\""))
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
            raw(k == 0 ? "{\"claim\":" : ",{\"claim\":", &out)
            string(c.statement, &out)
            raw(",\"by\":", &out)
            string(c.by, &out)
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

    /// The gazetteer's record of how a name was placed, as a JSON object.
    static func resolution(_ rec: ResolutionRecord, _ out: inout [UInt8]) {
        raw("{\"query\":", &out)
        string(rec.query, &out)
        raw(",\"context\":[", &out)
        for (k, c) in rec.context.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            string(c, &out)
        }
        raw("],\"matched\":", &out)
        string(rec.matched, &out)
        raw(",\"match\":", &out)
        string(rec.match, &out)
        raw(",\"gazetteer_id\":", &out)
        string(rec.id, &out)
        raw(",\"gazetteer_name\":", &out)
        string(rec.name, &out)
        raw(",\"score\":", &out)
        JSONText.appendNumber(rec.score, to: &out)
        raw(",\"candidates\":", &out)
        JSONText.appendNumber(Double(rec.candidates), to: &out)
        if rec.near { raw(",\"near\":true", &out) }
        raw(",\"source\":", &out)
        string(rec.source, &out)
        raw(",\"precision\":", &out)
        string(rec.precision, &out)
        if rec.acceptedAmbiguous { raw(",\"accepted_ambiguous\":true", &out) }
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

    /// `IncidentDate.isoText`, quoted.
    static func isoDate(_ d: IncidentDate, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        isoDigits(d, &out)
        out.append(UInt8(ascii: "\""))
    }

    /// `IncidentDate.isoText` (which needs no JSON escape).
    static func isoDigits(_ d: IncidentDate, _ out: inout [UInt8]) {
        switch d.precision {
        case .day: dateDigits(d.start, &out)
        default: JSONText.appendUTF8(d.isoText, to: &out)
        }
    }
}
