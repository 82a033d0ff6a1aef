import Foundation
import Geometry
import Incidents
import XCTest

/// Rows shaped like an ACLED export (its 31 columns, in its order). Ids, coordinates and
/// figures are illustrative test data modelled on the January–April 2024 incidents in
/// Balochistan and Sistan and Baluchestan, not ACLED's records.
enum ACLEDFixture {
    static let header = [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp",
    ]

    static let note1 = "On 16 January 2024, the IRGC struck \"Jaish al-Adl\" positions with missiles and drones in Sabz Koh, Panjgur.\nPakistan said two children were killed and three girls injured."

    static let rows: [[String]] = [
        ["PAK110001", "16 January 2024", "2024", "1", "Political violence", "Explosions/Remote violence", "Air/drone strike",
         "Military Forces of Iran (1989-)", "Islamic Revolutionary Guard Corps", "External/Other forces", "Civilians (Pakistan)", "",
         "Civilians", "External/Other forces-Civilians", "Civilian targeting", "586", "Southern Asia", "Pakistan", "Balochistan",
         "Panjgur", "Panjgur", "Sabz Koh", "26.9811", "64.0903", "2", "Dawn; Express Tribune", "National", note1, "2", "",
         "1705995050"],
        ["IRN20001", "18 January 2024", "2024", "1", "Political violence", "Explosions/Remote violence", "Air/drone strike",
         "Military Forces of Pakistan (2018-)", "", "External/Other forces", "Civilians (Iran)", "", "Civilians",
         "External/Other forces-Civilians", "Civilian targeting", "364", "Middle East", "Iran", "Sistan and Baluchestan",
         "Saravan", "Saravan", "Saravan", "27.3709", "62.3344", "2", "IRNA;Mehr News Agency", "National",
         "On 18 January 2024, Pakistani forces struck targets near Saravan. IRNA said nine non-Iranian nationals were killed.",
         "9", "", "1705995051"],
        ["PAK110002", "29 January 2024", "2024", "1", "Political violence", "Battles", "Armed clash",
         "BLA: Baloch Liberation Army", "", "Rebel group", "Military Forces of Pakistan (2018-)", "", "State forces",
         "Rebel group-State forces", "", "586", "Southern Asia", "Pakistan", "Balochistan", "Kachhi", "Mach", "Mach",
         "29.8658", "67.3306", "1", "Dawn", "National", "BLA fighters attacked security installations in Mach.", "15", "",
         "1706800000"],
        ["IRN20002", "04 April 2024", "2024", "1", "Political violence", "Battles", "Armed clash",
         "Jaish al-Adl", "", "Rebel group", "Police Forces of Iran (1989-)", "IRGC", "State forces", "Rebel group-State forces",
         "", "364", "Middle East", "Iran", "Sistan and Baluchestan", "Chabahar", "", "Chabahar", "25.2919", "60.6430", "1",
         "IRNA", "National", "Jaish al-Adl attacked IRGC and police headquarters in Chabahar.", "18", "", "1712300000"],
        ["PAK110003", "20 March 2024", "2024", "1", "Political violence", "Battles", "Armed clash", "BLA: Baloch Liberation Army",
         "", "Rebel group", "Military Forces of Pakistan (2018-)", "", "State forces", "Rebel group-State forces", "", "586",
         "Southern Asia", "Pakistan", "Balochistan", "Gwadar", "Gwadar", "Gwadar", "25.1264", "62.3225", "1",
         "Express Tribune; Dawn", "National", "Attack on the Gwadar Port Authority complex.", "10", "", "1711000000"],
        // No coordinates: placed later by the gazetteer from its location.
        ["IRN20003", "2024-01-20", "2024", "2", "Political violence", "Violence against civilians", "Attack", "Unidentified Armed Group (Iran)",
         "", "Political militia", "Civilians (Iran)", "", "Civilians", "Political militia-Civilians", "Civilian targeting",
         "364", "Middle East", "Iran", "Sistan and Baluchestan", "Zahedan", "", "Zahedan", "", "", "3", "HalVash",
         "Subnational", "Gunmen shot a man in Zahedan during the week.", "1", "", "1706000000"],
        ["PAK110004", "16-January-2024", "2024", "1", "Strategic developments", "Strategic developments", "Other",
         "Government of Pakistan (2018-)", "", "External/Other forces", "", "", "", "External/Other forces only", "", "586",
         "Southern Asia", "Pakistan", "Balochistan", "Panjgur", "", "Panjgur", "26.9644", "64.0903", "3", "", "",
         "", "0", "", "1706000001"],
    ]

    /// The rows as CSV text: quoted where needed, CRLF line ends, a byte order mark.
    static func text(order: [Int]? = nil, lineEnd: String = "\r\n", bom: Bool = true) -> String {
        let order = order ?? Array(header.indices)
        let lines = ([header] + rows).map { row in order.map { CSVText.field(row[$0]) }.joined(separator: ",") }
        return (bom ? "\u{FEFF}" : "") + lines.joined(separator: lineEnd) + lineEnd
    }
}

enum CSVText {
    /// One field as RFC 4180 writes it.
    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

final class CSVIncidentReaderTests: XCTestCase {
    func read(_ text: String, path: String = "t.csv") throws -> IncidentFile {
        try CSVIncidentReader.read(Data(text.utf8), path: path)
    }

    func problems(_ data: Data, path: String = "t.csv", limits: CSVIncidentReader.Limits = .init()) -> [String] {
        inputProblems { _ = try CSVIncidentReader.read(data, path: path, limits: limits) }
    }

    func problems(_ text: String, limits: CSVIncidentReader.Limits = .init()) -> [String] {
        problems(Data(text.utf8), limits: limits)
    }

    /// A short generic header and a valid row, for the error cases.
    let head = "id,date,latitude,longitude,place,notes\n"

    // MARK: ACLED exports

    func testReadsAnACLEDExport() throws {
        let text = ACLEDFixture.text()
        XCTAssertTrue(text.hasPrefix("\u{FEFF}event_id_cnty,event_date,year,"))
        XCTAssertTrue(text.contains(",\"On 16 January 2024, the IRGC struck \"\"Jaish al-Adl\"\" positions"), "the note is quoted with doubled quotes")
        let file = try read(text, path: "exports/acled-2024.csv")
        XCTAssertEqual(file.incidents.map(\.id), ["PAK110001", "IRN20001", "PAK110002", "IRN20002", "PAK110003", "IRN20003", "PAK110004"])

        let sabzKoh = file.incidents[0]
        XCTAssertEqual(sabzKoh.date.isoText, "2024-01-16")
        XCTAssertEqual(sabzKoh.date.precision, .day)
        XCTAssertEqual(sabzKoh.place, "Sabz Koh")
        XCTAssertEqual(sabzKoh.country, "Pakistan")
        XCTAssertEqual(sabzKoh.admin1, "Balochistan")
        XCTAssertEqual(sabzKoh.admin2, "Panjgur")
        XCTAssertEqual(sabzKoh.coordinates, LonLat(lon: 64.0903, lat: 26.9811))
        XCTAssertEqual(sabzKoh.locationPrecision, .near)
        XCTAssertEqual(sabzKoh.kind, "Air/drone strike")
        XCTAssertTrue(sabzKoh.isStrike)
        XCTAssertEqual(sabzKoh.actor, "Military Forces of Iran (1989-)")
        XCTAssertEqual(sabzKoh.target, "Civilians (Pakistan)")
        XCTAssertEqual(sabzKoh.notes, ACLEDFixture.note1, "commas, doubled quotes and the line end inside the quotes survive")
        XCTAssertEqual(sabzKoh.claims, [Claim(statement: "2 fatalities (coded estimate)", by: "ACLED-format export citing Dawn; Express Tribune", killed: 2, fromFigures: true)])
        XCTAssertEqual(sabzKoh.sources, [SourceRef(outlet: "Dawn"), SourceRef(outlet: "Express Tribune")])
        XCTAssertEqual(sabzKoh.location, InputLocation(file: "exports/acled-2024.csv", line: 2))

        // Every column the model does not take is kept, in header order, empty ones left out.
        XCTAssertEqual(sabzKoh.extra.map(\.0), [
            "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "assoc_actor_1", "inter1", "inter2",
            "interaction", "civilian_targeting", "iso", "region", "admin3", "source_scale", "timestamp",
        ])
        let extra = Dictionary(uniqueKeysWithValues: sabzKoh.extra)
        XCTAssertEqual(extra["admin3"], .string("Panjgur"))
        XCTAssertEqual(extra["time_precision"], .string("1"))
        XCTAssertEqual(extra["event_type"], .string("Explosions/Remote violence"))
        XCTAssertEqual(extra["timestamp"], .string("1705995050"))

        // The note spans lines 2 and 3, so the next record starts on line 4.
        let saravan = file.incidents[1]
        XCTAssertEqual(saravan.location.line, 4)
        XCTAssertEqual(saravan.sources.map(\.outlet), ["IRNA", "Mehr News Agency"])
        XCTAssertEqual(saravan.claims.first?.killed, 9)
        XCTAssertEqual(saravan.claims.first?.by, "ACLED-format export citing IRNA; Mehr News Agency")
        XCTAssertEqual(file.incidents.map(\.location.line), [2, 4, 5, 6, 7, 8, 9])

        // Fields after the multi-line note start on line 3, and only they are listed (by column and
        // model name); the rest of the record is on its own line.
        XCTAssertEqual(sabzKoh.fieldLines, ["fatalities": 3, "claims": 3, "tags": 3, "timestamp": 3])
        XCTAssertEqual(sabzKoh.fieldLines["notes"] ?? sabzKoh.location.line, 2)
        XCTAssertEqual(sabzKoh.fieldLines["place"] ?? sabzKoh.location.line, 2)
        XCTAssertEqual(file.incidents[1].fieldLines, [:])

        // Week precision in ACLED's time_precision: the day is kept, the precision stays in extra.
        let zahedan = file.incidents[5]
        XCTAssertNil(zahedan.coordinates)
        XCTAssertEqual(zahedan.place, "Zahedan")
        XCTAssertEqual(zahedan.locationPrecision, .province)
        XCTAssertEqual(zahedan.date.isoText, "2024-01-20")
        XCTAssertEqual(zahedan.date.precision, .day)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: zahedan.extra)["time_precision"], .string("2"))
        XCTAssertEqual(zahedan.kind, "Attack")

        let panjgur = file.incidents[6]
        XCTAssertEqual(panjgur.date.isoText, "2024-01-16", "16-January-2024")
        XCTAssertEqual(panjgur.claims, [Claim(statement: "0 fatalities (coded estimate)", by: "ACLED-format export", killed: 0, fromFigures: true)])
        XCTAssertEqual(panjgur.sources, [])
        XCTAssertNil(panjgur.target)
        XCTAssertNil(panjgur.notes)
    }

    func testColumnsAreFoundByNameNotPosition() throws {
        let plain = try read(ACLEDFixture.text())
        // Reversed, then every other column first: a thorough shuffle.
        let n = ACLEDFixture.header.count
        let reversed = Array((0..<n).reversed())
        let order = reversed.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) + reversed.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        XCTAssertEqual(Set(order), Set(0..<n))
        XCTAssertNotEqual(order.first, 0)
        let shuffled = try read(ACLEDFixture.text(order: order, lineEnd: "\n", bom: false))
        XCTAssertEqual(plain.incidents.count, shuffled.incidents.count)
        for (a, b) in zip(plain.incidents, shuffled.incidents) {
            XCTAssertEqual(a.id, b.id)
            XCTAssertEqual(a.date, b.date)
            XCTAssertEqual(a.place, b.place)
            XCTAssertEqual(a.coordinates, b.coordinates)
            XCTAssertEqual(a.locationPrecision, b.locationPrecision)
            XCTAssertEqual(a.kind, b.kind)
            XCTAssertEqual(a.actor, b.actor)
            XCTAssertEqual(a.target, b.target)
            XCTAssertEqual(a.country, b.country)
            XCTAssertEqual(a.admin1, b.admin1)
            XCTAssertEqual(a.admin2, b.admin2)
            XCTAssertEqual(a.notes, b.notes)
            XCTAssertEqual(a.claims, b.claims)
            XCTAssertEqual(a.sources, b.sources)
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: a.extra), Dictionary(uniqueKeysWithValues: b.extra))
        }
        // Header names are matched ignoring case and surrounding spaces.
        let upper = try read(" ID ,Date,LAT,Lng,Place\nx1,2024-01-16,26.96,64.09,Panjgur\n")
        XCTAssertEqual(upper.incidents.first?.id, "x1")
        XCTAssertEqual(upper.incidents.first?.coordinates, LonLat(lon: 64.09, lat: 26.96))
    }

    // MARK: Generic CSVs

    func testAGenericLatLonCSVGetsIdsFromTheFileName() throws {
        let file = try CSVIncidentReader.read(Data("""
        lat,lon,date,type,actor,target,origin,country,admin1,location_precision,notes,casualties
        27.3709,62.3344,2024-01-18,air strike,Pakistan,militant hideouts,Pakistan,IR,Sistan and Baluchestan,near,"Saravan, border area",9
        26.9811,64.0903,2024-01-16,missile strike,Iran,Jaish al-Adl,Iran,PK,Balochistan,district,,

        """.utf8), path: "data/strikes.2024.csv")
        XCTAssertEqual(file.incidents.map(\.id), ["strikes.2024-1", "strikes.2024-2"])
        let first = try XCTUnwrap(file.incidents.first)
        XCTAssertEqual(first.coordinates, LonLat(lon: 62.3344, lat: 27.3709))
        XCTAssertEqual(first.kind, "air strike")
        XCTAssertEqual(first.actor, "Pakistan")
        XCTAssertEqual(first.target, "militant hideouts")
        XCTAssertEqual(first.origin, "Pakistan")
        XCTAssertEqual(first.country, "IR")
        XCTAssertEqual(first.locationPrecision, .near)
        XCTAssertEqual(first.notes, "Saravan, border area")
        XCTAssertEqual(first.place, "")
        XCTAssertEqual(first.claims, [])
        XCTAssertEqual(first.extra.map(\.0), ["casualties"])
        XCTAssertEqual(file.incidents[1].extra.count, 0, "empty values are not kept")
        XCTAssertEqual(file.incidents[1].locationPrecision, .district)
    }

    func testAPlaceOnlyCSVAndFatalitiesOutsideACLED() throws {
        let file = try read("id;date;place;fatalities;source\nk1;16/01/2024;Sabz Koh, Panjgur;2;ISPR\nk2;2024-01;Panjgur;;\n")
        XCTAssertEqual(file.incidents.map(\.place), ["Sabz Koh, Panjgur", "Panjgur"], "semicolons separate when the header has no comma")
        XCTAssertNil(file.incidents[0].coordinates)
        XCTAssertEqual(file.incidents[0].claims, [Claim(statement: "2 fatalities", by: "ISPR", killed: 2, fromFigures: true)],
                       "a file that is not an ACLED export does not attribute its figures to ACLED")
        XCTAssertEqual(file.incidents[1].date.precision, .month)
        XCTAssertEqual(file.incidents[1].claims, [])
    }

    /// A UCDP GED export: dates as date_start and date_end (database date-times), the kind its
    /// type_of_violence, the toll its best estimate, the place where_coordinates, the precision
    /// where_prec, the sides actor and target; a generic file's date_end makes a range too.
    func testAUCDPGEDExportAndDateEndColumns() throws {
        let header = "id,year,type_of_violence,side_a,side_b,where_prec,where_coordinates,adm_1,latitude,longitude,country,date_prec,date_start,date_end,best,high,low\n"
        let file = try read(header
            + "244657,2023,1,Government of Sudan,RSF,1,Khartoum town,Khartoum state,15.5518,32.5324,Sudan,1,2023-04-15 00:00:00.000,2023-04-15 00:00:00.000,27,40,20\n"
            + "244658,2023,3,RSF,Civilians,3,El Geneina town,West Darfur state,13.45,22.45,Sudan,2,2023-06-14 00:00:00.000,2023-06-16 00:00:00.000,100,200,80\n")
        let (a, b) = (file.incidents[0], file.incidents[1])
        XCTAssertEqual([a.kind, b.kind], ["State-based conflict", "One-sided violence"])
        XCTAssertEqual(a.date.isoText, "2023-04-15")
        XCTAssertEqual(b.date.isoText, "2023-06-14/2023-06-16")
        XCTAssertEqual(b.date.precision, .range)
        XCTAssertEqual([a.actor, a.target], ["Government of Sudan", "RSF"])
        XCTAssertEqual([a.place, b.place], ["Khartoum town", "El Geneina town"])
        XCTAssertEqual([a.locationPrecision, b.locationPrecision], [.exact, .district])
        XCTAssertEqual(a.admin1, "Khartoum state")
        XCTAssertEqual(a.claims, [Claim(statement: "27 fatalities (best estimate)", by: "UCDP GED-format export", killed: 27, fromFigures: true)])
        XCTAssertEqual(b.extra.first { $0.0 == "high" }?.1, .string("200"), "low and high stay columns of their own")
        // A bad type_of_violence or an end before the start names its column.
        XCTAssertEqual(problems(header + "1,2023,4,A,B,1,X,,15.5,32.5,Sudan,1,2023-04-15,2023-04-14,1,1,1\n"), [
            "t.csv:2: date_end: ends (2023-04-14) before it starts (2023-04-15)",
            "t.csv:2: type_of_violence: expected UCDP's type_of_violence, 1 (state-based), 2 (non-state) or 3 (one-sided), got \"4\"",
        ])
        // Outside UCDP: date_start and date_end are a range, and "best" is no toll.
        let generic = try read("id,date_start,date_end,latitude,longitude,best\nx,2024-03-01,2024-03-03,15.5,32.5,7\n")
        XCTAssertEqual(generic.incidents[0].date.isoText, "2024-03-01/2024-03-03")
        XCTAssertEqual(generic.incidents[0].claims, [])
    }

    func testADeathTollColumnByItsCommonNames() throws {
        // Newsroom spreadsheets head the toll "killed", "deaths" or "dead"; "casualties" (dead
        // and wounded) stays a column of its own, and the first toll column is the one read.
        for header in ["killed", "Deaths", "dead"] {
            let file = try read("id,date,place,\(header),source\nk1,2024-03-16,North Waziristan,7,Dawn\n")
            XCTAssertEqual(file.incidents[0].claims, [Claim(statement: "7 fatalities", by: "Dawn", killed: 7, fromFigures: true)], header)
            XCTAssertTrue(file.incidents[0].extra.isEmpty, header)
        }
        let both = try read("id,date,place,fatalities,killed,casualties\nk1,2024-03-16,Bajaur,2,3,5\n")
        XCTAssertEqual(both.incidents[0].claims.map(\.killed), [2])
        XCTAssertEqual(both.incidents[0].extra.map(\.0), ["killed", "casualties"])
    }

    func testUnnamedColumnsAndEmptyRows() throws {
        // A trailing separator (as spreadsheets write) makes an unnamed column; it is kept like any other.
        let file = try read("id,date,place,\na,2024-01-16,Panjgur,\nb,2024-01-17,Mand,x\n")
        XCTAssertEqual(file.incidents.map(\.extra.count), [0, 1])
        XCTAssertEqual(file.incidents[1].extra.first?.0, "column 4")
        XCTAssertEqual(problems("id,date,place\n,,\n"), [
            "t.csv:2: id: missing: every row needs an id",
            "t.csv:2: date: missing: every incident needs a date",
            "t.csv:2: place: missing: a row without latitude and longitude needs a place name",
        ])
    }

    // MARK: Syntax

    func testLineEndsOfEveryKindAndQuotedLineEndsCountAsLines() throws {
        let text = "id,date,place,notes\r\n" +         // 1
            "a,2024-01-16,Panjgur,\"one\r\ntwo\rthree\nfour\"\r\n" +  // 2–5
            "b,2024-01-17,Saravan,plain\r" +          // 6
            "c,2024-01-18,Mand,\"\"\"quoted\"\" start\"\n" +  // 7
            "d,2024-01-18,Turbat,x\n"                  // 8
        let file = try read(text)
        XCTAssertEqual(file.incidents.map(\.location.line), [2, 6, 7, 8])
        XCTAssertEqual(file.incidents[0].notes, "one\ntwo\nthree\nfour", "line ends inside quotes become LF")
        XCTAssertEqual(file.incidents[2].notes, "\"quoted\" start")
    }

    func testTabSeparatedFiles() throws {
        let file = try read("id\tdate\tlatitude\tlongitude\tnotes\na\t2024-01-16\t26.9\t64.0\tcommas, kept\n")
        XCTAssertEqual(file.incidents.first?.coordinates, LonLat(lon: 64.0, lat: 26.9))
        XCTAssertEqual(file.incidents.first?.notes, "commas, kept")
    }

    func testATrailingEmptyLineIsAllowedButNotOneInTheMiddle() throws {
        XCTAssertEqual(try read(head + "a,2024-01-16,26.9,64.0,,\n\n").incidents.count, 1)
        XCTAssertEqual(try read(head + "a,2024-01-16,26.9,64.0,,\r\n\r\n\r\n").incidents.count, 1)
        XCTAssertEqual(problems(head + "a,2024-01-16,26.9,64.0,,\n\nb,2024-01-16,26.9,64.0,,\n"),
                       ["t.csv:3: empty line (expected 6 fields as in the header; only the last lines may be empty)"])
    }

    func testRowsWithTooManyOrTooFewFields() {
        XCTAssertEqual(problems(head + "a,2024-01-16,26.9,64.0,Panjgur,x\nb,2024-01-16,26.9,64.0,Sabz Koh, Panjgur,x\nc,2024-01-16,26.9\n"), [
            "t.csv:3: 7 fields, expected 6 as in the header (a value with a comma in it must be in double quotes)",
            "t.csv:4: 3 fields, expected 6 as in the header (no longitude, place, notes)",
        ])
    }

    func testUnterminatedQuoteNamesTheLineWhereItOpens() {
        let ps = problems(head + "a,2024-01-16,26.9,64.0,Panjgur,\"fine\nstill fine\"\nb,2024-01-16,26.9,64.0,Mand,\"never\nclosed\nc,2024-01-17,1,1,x,y\n")
        XCTAssertEqual(ps, ["t.csv:4: notes: unterminated quoted field: the double quote that opens it on this line is never closed"])
    }

    func testTextAfterAClosingQuote() {
        XCTAssertEqual(problems(head + "a,2024-01-16,26.9,64.0,\"Sabz\" Koh,x\n"),
                       ["t.csv:2: place: text after the closing double quote (a quote inside a quoted field is written twice: \"\")"])
    }

    func testLineNumbersAfterAMultiLineField() {
        let ps = problems(head +
            "a,2024-01-16,26.9,64.0,Panjgur,\"three\nline\nnote\"\n" +   // 2–4
            "b,2024-01-16,95,64.0,Panjgur,x\n" +                          // 5
            "c,2024-02-30,26.9,64.0,Panjgur,\"two\r\nlines\"\r\n" +      // 6–7
            "a,2024-01-16,26.9,64.0,Panjgur,x\n")                         // 8
        XCTAssertEqual(ps, [
            "t.csv:5: latitude: expected a number between -90 and 90, got \"95\" (are latitude and longitude swapped?)",
            "t.csv:6: date: \"2024-02-30\" is not a day of the calendar",
            "t.csv:8: id: duplicate id \"a\" (first at t.csv:2)",
        ])
    }

    // MARK: Values

    func testCoordinatesMustBeFiniteAndInRange() {
        let ps = problems(head + """
        a,2024-01-16,NaN,64.0,Panjgur,
        b,2024-01-16,26.9,Infinity,Panjgur,
        c,2024-01-16,-91,64.0,Panjgur,
        d,2024-01-16,26.9,180.5,Panjgur,
        e,2024-01-16,62.3,27.3,Saravan,
        f,2024-01-16,27°N,62.3,Saravan,
        g,2024-01-16,0x1p4,62.3,Saravan,
        h,2024-01-16,"27,37",62.3,Saravan,
        i,2024-01-16,26.9,,Panjgur,
        j,2024-01-16,,64.0,Panjgur,
        k,2024-01-16,,,,
        l,2024-01-16,-0.0,+180,Null Island,
        """)
        XCTAssertEqual(ps, [
            "t.csv:2: latitude: expected a finite number between -90 and 90, got \"NaN\"",
            "t.csv:3: longitude: expected a finite number between -180 and 180, got \"Infinity\"",
            "t.csv:4: latitude: expected a number between -90 and 90, got \"-91\" (are latitude and longitude swapped?)",
            "t.csv:5: longitude: expected a number between -180 and 180, got \"180.5\"",
            "t.csv:7: latitude: expected a number between -90 and 90, got \"27°N\"",
            "t.csv:8: latitude: expected a number between -90 and 90, got \"0x1p4\"",
            "t.csv:9: latitude: expected a number between -90 and 90, got \"27,37\"",
            "t.csv:10: longitude: missing (latitude and longitude go together; latitude is 26.9)",
            "t.csv:11: latitude: missing (latitude and longitude go together; longitude is 64.0)",
            "t.csv:12: place: missing: a row without latitude and longitude needs a place name",
        ])
        XCTAssertFalse(ps.contains { $0.hasPrefix("t.csv:6:") }, "62.3 is a valid latitude")
        XCTAssertTrue(problems(head + "a,2024-01-16,120.5,27.3,Saravan,\n").first?.hasSuffix("(are latitude and longitude swapped?)") ?? false)
    }

    func testNumbersAreReadExactly() throws {
        let file = try read("id,date,lat,lon\n" + [
            "a,2024-01-16,26.981123456789,64.090312345678",
            "b,2024-01-16,-0.1,-179.999999",
            "c,2024-01-16,2.5e1,6.4E1",
            "d,2024-01-16,.5,+7.",
            "e,2024-01-16,12345678901234567890e-18,00064.0903",
        ].joined(separator: "\n"))
        let points = file.incidents.map { $0.coordinates! }
        XCTAssertEqual(points[0], LonLat(lon: Double("64.090312345678")!, lat: Double("26.981123456789")!))
        XCTAssertEqual(points[1], LonLat(lon: -179.999999, lat: -0.1))
        XCTAssertEqual(points[2], LonLat(lon: 64, lat: 25))
        XCTAssertEqual(points[3], LonLat(lon: 7, lat: 0.5))
        XCTAssertEqual(points[4], LonLat(lon: 64.0903, lat: Double("12345678901234567890e-18")!))
    }

    func testDatesIdsPrecisionAndFatalities() {
        let ps = problems("""
        event_id_cnty,event_date,latitude,longitude,geo_precision,fatalities,location
        PAK1,,26.9,64.0,1,0,Panjgur
        PAK2,yesterday,26.9,64.0,1,0,Panjgur
        PAK3,2024-01-16,26.9,64.0,4,0,Panjgur
        PAK4,2024-01-16,26.9,64.0,1,-1,Panjgur
        PAK5,2024-01-16,26.9,64.0,1,two,Panjgur
        ,2024-01-16,26.9,64.0,1,2,Panjgur
        PAK1,2024-01-16,26.9,64.0,1,2,Panjgur
        """)
        XCTAssertEqual(ps, [
            "t.csv:2: event_date: missing: every incident needs a date",
            "t.csv:3: event_date: cannot read \"yesterday\" as a date (expected e.g. 2024-01-16, 16 January 2024, 16/01/2024, 16.01.2024, 2024-01 or 2024-01-16/2024-01-18)",
            "t.csv:4: geo_precision: expected 1 (exact), 2 (near) or 3 (province), got \"4\"",
            "t.csv:5: fatalities: expected a whole number ≥ 0, got \"-1\"",
            "t.csv:6: fatalities: expected a whole number ≥ 0, got \"two\"",
            "t.csv:7: event_id_cnty: missing: every row needs an id",
            "t.csv:8: event_id_cnty: duplicate id \"PAK1\" (first at t.csv:2)",
        ])
        XCTAssertEqual(problems("id,date,place,location_precision\na,2024-01-16,Panjgur,roughly\n"),
                       ["t.csv:2: location_precision: unknown value \"roughly\" (expected one of exact, near, district, province, region, country)"])
    }

    func testHeaderProblems() {
        XCTAssertEqual(problems("id,place,latitude\na,Panjgur,26.9\n"), [
            "t.csv:1: date: missing column: every incident needs a date (a column named event_date or date)",
            "t.csv:1: longitude: missing column: latitude and longitude go together",
        ])
        XCTAssertEqual(problems("id,date,notes\na,2024-01-16,x\n"), [
            "t.csv:1: location: missing column: the file needs latitude and longitude columns or a place column (location, place, location_name or name)",
        ])
        XCTAssertEqual(problems("id,date,place,Place\na,2024-01-16,x,y\n"), ["t.csv:1: Place: appears twice in the header (columns 3 and 4)"])
        XCTAssertEqual(problems("\"id,date\n"), ["t.csv:1: column 1 of the header: unterminated quoted field: the double quote that opens it on this line is never closed"])
    }

    // MARK: Whole files

    func testEmptyHeaderOnlyAndBinaryFiles() {
        XCTAssertEqual(problems(""), ["t.csv: empty file: expected a header line and rows of incidents"])
        XCTAssertEqual(problems("\u{FEFF}\r\n \n"), ["t.csv: empty file: expected a header line and rows of incidents"])
        XCTAssertEqual(problems("event_id_cnty,event_date,latitude,longitude\r\n"), ["t.csv: no rows: the file has a header line but no incidents"])
        XCTAssertEqual(problems("id,date,place\n\n\n"), ["t.csv: no rows: the file has a header line but no incidents"])

        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        XCTAssertEqual(problems(png), ["t.csv: binary file (PNG image)"])
        XCTAssertEqual(problems(Data("id,date,place\na,2024-01-16,x\u{0}y\n".utf8)),
                       ["t.csv:2: binary file (NUL byte on this line; expected UTF-8 text)"])
        XCTAssertEqual(problems(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])), ["t.csv: binary file (a ZIP archive, e.g. an .xlsx workbook: export it as CSV)"])
        // "Zāhedān" in Latin-1 would be one byte per letter; here an ISO 8859-1 "é".
        XCTAssertEqual(problems(Data("id,date,place\na,2024-01-16,Zahedan\nb,2024-01-16,Qu".utf8) + Data([0xE9, 0x74, 0x74, 0x61, 0x0A])),
                       ["t.csv:3: not UTF-8 text (byte 0xE9 on this line is not valid UTF-8; save the file as UTF-8)"])
        XCTAssertEqual(problems(Data([0xFF, 0xFE, 0x69, 0x00])), ["t.csv: not UTF-8 text (UTF-16 byte order mark: save the file as UTF-8)"])
        // Overlong and surrogate encodings are not UTF-8 either.
        XCTAssertTrue(problems(Data("id,date,place\na,2024-01-16,".utf8) + Data([0xC0, 0xAF, 0x0A])).first?.contains("not UTF-8 text") ?? false)
        XCTAssertTrue(problems(Data("id,date,place\na,2024-01-16,".utf8) + Data([0xED, 0xA0, 0x80, 0x0A])).first?.contains("not UTF-8 text") ?? false)
        // Real UTF-8 passes, with and without a byte order mark.
        XCTAssertEqual(try read("\u{FEFF}id,date,place\na,2024-01-16,زاهدان 😀\n").incidents.first?.place, "زاهدان 😀")
        XCTAssertEqual(try read("id,date,place\na,2024-01-16,Zāhedān\n").incidents.first?.place, "Zāhedān")
    }

    func testLimitsAreReportedNotHit() {
        let big = String(repeating: "x", count: (1 << 20) + 1)
        XCTAssertEqual(problems(head + "a,2024-01-16,26.9,64.0,Panjgur,\"\(big)\"\nb,2024-01-16,26.9,64.0,Panjgur,\(big)\nc,2024-01-16,26.9,64.0,Panjgur,ok\n"), [
            "t.csv:2: notes: field longer than 1 MB (an unterminated quote?)",
            "t.csv:3: notes: field longer than 1 MB (an unterminated quote?)",
        ])
        // An unterminated quote at the top of a large file: both problems, once, and no hang.
        let ps = problems(head + "a,2024-01-16,26.9,64.0,Panjgur,\"" + String(repeating: "row,2024-01-16,1,1,x,y\n", count: 60_000))
        XCTAssertEqual(ps, [
            "t.csv:2: notes: unterminated quoted field: the double quote that opens it on this line is never closed",
            "t.csv:2: notes: field longer than 1 MB (an unterminated quote?)",
        ])
        // Five fields under 1 MB make a line over 4 MB.
        let chunk = String(repeating: "y", count: 900_000)
        XCTAssertEqual(problems("id,date,place,a,b,c,d,e\nz,2024-01-16,x,\(chunk),\(chunk),\(chunk),\(chunk),\(chunk)\n"),
                       ["t.csv:2: line longer than 4 MB"])
        // The row limit (lowered here; 10,000,000 by default).
        XCTAssertEqual(CSVIncidentReader.Limits().maxRows, 10_000_000)
        let rows = (1...6).map { "r\($0),2024-01-16,26.9,64.0,Panjgur,\n" }.joined()
        XCTAssertEqual(problems(head + rows, limits: .init(maxRows: 5)), ["t.csv:7: more than 5 rows; split the file"])
    }

    func testEveryProblemOfTheFileIsReportedAtOnce() {
        let ps = problems(head + """
        a,2024-13-01,26.9,64.0,Panjgur,
        b,2024-01-16,26.9,64.0,Panjgur,
        c,2024-01-16,26.9,64.0,Panjgur,"x"y
        b,2024-01-16,100,200,Panjgur,
        """)
        XCTAssertEqual(ps.count, 5, "\(ps)")
        XCTAssertEqual(ps.map { String($0.prefix(while: { $0 != " " })) },
                       ["t.csv:2:", "t.csv:4:", "t.csv:5:", "t.csv:5:", "t.csv:5:"])
    }
}
