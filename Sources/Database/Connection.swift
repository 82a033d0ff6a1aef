import CLibPQ
import Foundation

/// Why a database step failed: one line, with no password in it.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// What failed, as the user should read it.
    public var message: String
    public var description: String { message }

    public init(_ message: String) { self.message = message }
}

/// One connection to a PostgreSQL server through libpq, used by one thread at a time.
///
/// The server is named by a URL or key=value connection string (`postgresql://user@host/db`,
/// `host=… dbname=…`) or, when none is given, by libpq's usual `PG*` environment variables and
/// `~/.pgpass`. A connection attempt gives up after 10 seconds unless the string sets its own
/// `connect_timeout`. No message this type makes holds the password: libpq's own messages do
/// not, and every message is scrubbed of the password given (in the string or in `PGPASSWORD`).
public final class Connection: @unchecked Sendable {
    // Safe: used by one thread at a time (the reading thread, or the delivering queue of a load).
    private let conn: OpaquePointer
    private let secrets: [String]
    /// The server as messages name it: `postgresql://user@host:port/db`, never with a password.
    public let display: String

    /// Seconds a connection attempt may take, unless the connection string says otherwise.
    public static let connectTimeout = 10

    /// Connects to the server `target` names (nil: the `PG*` variables and `~/.pgpass`).
    public init(_ target: String?) throws {
        var secrets = Connection.passwords(in: target)
        if let p = ProcessInfo.processInfo.environment["PGPASSWORD"], !p.isEmpty { secrets.append(p) }
        self.secrets = secrets
        let fallbackDisplay = Connection.describe(parsed: target)
        // Later keywords win; the target (expanded from `dbname`) comes last so that its own
        // connect_timeout, if any, is honoured.
        var keys = ["connect_timeout", "fallback_application_name", "client_encoding"]
        var values = [String(Connection.connectTimeout), "incidentmap", "UTF8"]
        if let target {
            keys.append("dbname")
            values.append(target)
        }
        let conn: OpaquePointer? = Connection.withCStrings(keys) { k in
            Connection.withCStrings(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let conn else { throw DatabaseError("\(fallbackDisplay): out of memory while connecting") }
        guard PQstatus(conn) == CONNECTION_OK else {
            let why = Connection.scrub(Connection.oneLine(String(cString: PQerrorMessage(conn))), secrets)
            PQfinish(conn)
            throw DatabaseError("cannot connect to \(fallbackDisplay): \(why)")
        }
        self.conn = conn
        display = Connection.describe(connection: conn)
        // Dates and times read as ISO text in UTC whatever the server's or role's settings.
        try execute("SET DateStyle = 'ISO, YMD'")
        try execute("SET TimeZone = 'UTC'")
        try execute("SET extra_float_digits = 1")
        // The server's notices ("relation … already exists, skipping") are not the user's business.
        try execute("SET client_min_messages = warning")
    }

    deinit { PQfinish(conn) }

    /// Runs one statement (the extended protocol: never several statements in one string) with
    /// `parameters` as text values ($1, $2, …; nil is NULL) and returns its rows.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws -> QueryResult {
        let result: OpaquePointer? = Connection.withOptionalCStrings(parameters) { params in
            PQexecParams(conn, sql, Int32(parameters.count), nil, params, nil, nil, 0)
        }
        guard let result else { throw DatabaseError(scrub(String(cString: PQerrorMessage(conn)))) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return QueryResult(result)
        default:
            let message = Connection.errorText(result) ?? String(cString: PQerrorMessage(conn))
            PQclear(result)
            throw DatabaseError(scrub(Connection.oneLine(message)))
        }
    }

    /// Runs one query (no parameters) and hands its rows to `row` one at a time as they arrive
    /// (libpq's single-row mode), so that a large result is never held whole. The query may use
    /// the server's parallel workers, which a cursor's may not. A throw from `row` stops the
    /// reading: the rest of the result is read and dropped, and the error is rethrown.
    /// `binary` asks for the values in PostgreSQL's binary format (read them with `int64` and
    /// `float64`): nothing to parse from text.
    public func forEachRow(_ sql: String, binary: Bool = false, _ row: (QueryResult) throws -> Void) throws {
        guard PQsendQueryParams(conn, sql, 0, nil, nil, nil, nil, binary ? 1 : 0) == 1 else {
            throw DatabaseError(scrub(Connection.oneLine(String(cString: PQerrorMessage(conn)))))
        }
        _ = PQsetSingleRowMode(conn)
        var failure: Error?
        while let r = PQgetResult(conn) {
            switch PQresultStatus(r) {
            case PGRES_SINGLE_TUPLE where failure == nil:
                do { try row(QueryResult(r)) } catch { failure = error }
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                PQclear(r)
            default:
                if failure == nil {
                    failure = DatabaseError(scrub(Connection.oneLine(Connection.errorText(r) ?? String(cString: PQerrorMessage(conn)))))
                }
                PQclear(r)
            }
        }
        if let failure { throw failure }
    }

    /// Streams text-format COPY data into `COPY … FROM STDIN` (`sql`): `produce` is handed a
    /// function that sends bytes; the copy ends when `produce` returns. Returns the rows copied.
    public func copyIn(_ sql: String, _ produce: (@escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws -> Int {
        guard let start = PQexec(conn, sql) else { throw DatabaseError(scrub(String(cString: PQerrorMessage(conn)))) }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            let message = Connection.errorText(start) ?? String(cString: PQerrorMessage(conn))
            PQclear(start)
            throw DatabaseError(scrub(Connection.oneLine(message)))
        }
        PQclear(start)
        var failure: Error?
        do {
            try produce { bytes in
                guard bytes.count > 0 else { return }
                let sent = PQputCopyData(self.conn, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
                if sent != 1 { throw DatabaseError(self.scrub(Connection.oneLine(String(cString: PQerrorMessage(self.conn))))) }
            }
        } catch {
            failure = error
        }
        _ = failure == nil ? PQputCopyEnd(conn, nil) : PQputCopyEnd(conn, "incidentmap stopped the copy")
        var copied = 0
        var serverError: String?
        while let r = PQgetResult(conn) {
            if PQresultStatus(r) == PGRES_COMMAND_OK {
                copied = Int(String(cString: PQcmdTuples(r))) ?? 0
            } else if serverError == nil {
                serverError = Connection.errorText(r) ?? String(cString: PQerrorMessage(conn))
            }
            PQclear(r)
        }
        if let failure { throw failure }
        if let serverError { throw DatabaseError(scrub(Connection.oneLine(serverError))) }
        return copied
    }

    /// `name` as a quoted SQL identifier (`"a""b"`), whatever it holds but NUL.
    public static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A connection string as it may be shown or recorded: its password (in a URL or a
    /// `password=` option) replaced by `***`.
    public static func redacted(_ target: String) -> String {
        scrub(target, passwords(in: target))
    }

    /// `message` without any password this connection was given.
    func scrub(_ message: String) -> String { Connection.scrub(message, secrets) }

    static func scrub(_ message: String, _ secrets: [String]) -> String {
        var m = message
        for s in secrets where !s.isEmpty { m = m.replacingOccurrences(of: s, with: "***") }
        // A URL's user:password@ part, whatever libpq echoed of it.
        if let r = try? NSRegularExpression(pattern: #"(postgres(?:ql)?://[^:@/\s]*):[^@/\s]*@"#) {
            m = r.stringByReplacingMatches(in: m, range: NSRange(m.startIndex..., in: m), withTemplate: "$1:***@")
        }
        if let r = try? NSRegularExpression(pattern: #"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)"#, options: [.caseInsensitive]) {
            m = r.stringByReplacingMatches(in: m, range: NSRange(m.startIndex..., in: m), withTemplate: "$1***")
        }
        return m
    }

    /// The server's message of a failed result: primary text, then the detail and hint.
    static func errorText(_ result: OpaquePointer) -> String? {
        func field(_ code: Character) -> String? {
            guard let p = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            let s = String(cString: p)
            return s.isEmpty ? nil : s
        }
        guard let primary = field("M") else { return nil }
        var text = primary
        if let d = field("D") { text += " (\(d))" }
        if let h = field("H") { text += "; hint: \(h)" }
        return text
    }

    /// libpq's multi-line messages as one line.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// The passwords a connection string gives (URL or key=value), for scrubbing.
    static func passwords(in target: String?) -> [String] {
        guard let target else { return [] }
        var found: [String] = []
        for (k, v) in parse(target) where k == "password" && !v.isEmpty { found.append(v) }
        // The raw (percent-encoded) form too, as the user typed it.
        if let r = try? NSRegularExpression(pattern: #"postgres(?:ql)?://[^:@/\s]*:([^@/\s]*)@"#),
           let m = r.firstMatch(in: target, range: NSRange(target.startIndex..., in: target)),
           let range = Range(m.range(at: 1), in: target), !target[range].isEmpty {
            found.append(String(target[range]))
        }
        return found
    }

    /// The options of a connection string, as libpq reads it (empty when it cannot).
    static func parse(_ target: String) -> [(String, String)] {
        var err: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(target, &err) else {
            if let err { PQfreemem(err) }
            return []
        }
        defer { PQconninfoFree(options) }
        var out: [(String, String)] = []
        var p = options
        while let k = p.pointee.keyword {
            if let v = p.pointee.val { out.append((String(cString: k), String(cString: v))) }
            p += 1
        }
        return out
    }

    /// `postgresql://user@host:port/db` from what a connection string says (what it leaves out
    /// comes from the environment: shown as libpq would take it).
    static func describe(parsed target: String?) -> String {
        let env = ProcessInfo.processInfo.environment
        var o: [String: String] = [:]
        if let target { for (k, v) in parse(target) { o[k] = v } }
        let user = o["user"] ?? env["PGUSER"]
        let host = o["host"] ?? o["hostaddr"] ?? env["PGHOST"] ?? "localhost"
        let port = o["port"] ?? env["PGPORT"]
        let db = o["dbname"] ?? env["PGDATABASE"] ?? user ?? ""
        return url(user: user, host: host, port: port, db: db)
    }

    static func describe(connection conn: OpaquePointer) -> String {
        func s(_ p: UnsafeMutablePointer<CChar>?) -> String? { p.map { String(cString: $0) } }
        return url(user: s(PQuser(conn)), host: s(PQhost(conn)) ?? "localhost", port: s(PQport(conn)), db: s(PQdb(conn)) ?? "")
    }

    static func url(user: String?, host: String, port: String?, db: String) -> String {
        var s = "postgresql://"
        if let user, !user.isEmpty { s += user + "@" }
        s += host.hasPrefix("/") ? "[\(host)]" : host
        if let port, !port.isEmpty { s += ":" + port }
        return s + "/" + db
    }

    static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return pointers.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buf.count) { body($0) }
        }
    }

    static func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        guard !strings.isEmpty else { return body(nil) }
        let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
        defer { for p in pointers { free(p) } }
        return pointers.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buf.count) { body($0) }
        }
    }
}

/// The rows of one statement, as text (NULL is nil). Frees libpq's result when it goes.
public final class QueryResult: @unchecked Sendable {
    // Safe: immutable once made; libpq's result is only read.
    private let result: OpaquePointer
    /// Rows and columns.
    public let rows: Int, columns: Int

    init(_ result: OpaquePointer) {
        self.result = result
        rows = Int(PQntuples(result))
        columns = Int(PQnfields(result))
    }

    deinit { PQclear(result) }

    /// The name of column `c`.
    public func name(_ c: Int) -> String { String(cString: PQfname(result, Int32(c))) }
    /// The type (pg_type oid) of column `c`.
    public func type(_ c: Int) -> UInt32 { UInt32(PQftype(result, Int32(c))) }
    /// Whether row `r`, column `c` is NULL.
    public func isNull(_ r: Int, _ c: Int) -> Bool { PQgetisnull(result, Int32(r), Int32(c)) == 1 }

    /// The text of row `r`, column `c` (nil for NULL).
    public func value(_ r: Int, _ c: Int) -> String? {
        isNull(r, c) ? nil : String(cString: PQgetvalue(result, Int32(r), Int32(c)))
    }

    /// The value of row `r`, column `c` of a binary result (see `Connection.forEachRow`) of type
    /// int8 (nil for NULL or another length).
    public func int64(_ r: Int, _ c: Int) -> Int64? { word(r, c).map { Int64(bitPattern: $0) } }

    /// The value of row `r`, column `c` of a binary result of type float8 (nil for NULL).
    public func float64(_ r: Int, _ c: Int) -> Double? { word(r, c).map(Double.init(bitPattern:)) }

    /// The 8 bytes of row `r`, column `c` as the big-endian word PostgreSQL sends (nil for NULL or
    /// another length).
    private func word(_ r: Int, _ c: Int) -> UInt64? {
        let b = bytes(r, c)
        guard b.count == 8 else { return nil }
        return b.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// The bytes of row `r`, column `c` (empty for NULL), valid while this result lives.
    public func bytes(_ r: Int, _ c: Int) -> UnsafeBufferPointer<UInt8> {
        let n = Int(PQgetlength(result, Int32(r), Int32(c)))
        guard n > 0, let p = PQgetvalue(result, Int32(r), Int32(c)) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: n)
    }

    /// The number of rows a command affected (`INSERT`, `UPDATE`, `COPY`), when it says.
    public var affected: Int? { Int(String(cString: PQcmdTuples(result))) }
}
