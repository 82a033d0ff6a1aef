import Foundation

/// A table name as the user gives it (`incidents`, `public.incidents`, `"Incidents 2024"`),
/// read as PostgreSQL reads an identifier and always written quoted, so that no name can
/// become SQL.
public struct TableName: Sendable, Equatable {
    /// The schema, when the name gives one.
    public var schema: String?
    /// The table.
    public var name: String

    public init(schema: String?, name: String) {
        self.schema = schema
        self.name = name
    }

    /// Reads `text`: one or two parts separated by a dot; an unquoted part is letters, digits,
    /// `_` and `$` (not first), folded to lower case as PostgreSQL does; a quoted part is any
    /// text but NUL between double quotes, a quote in it written twice. Anything else is refused.
    public init(parsing text: String, option: String = "--table") throws {
        var parts: [String] = []
        var chars = Array(text.unicodeScalars)[...]
        func fail(_ why: String) -> DatabaseError {
            DatabaseError("\(option) \(TableName.shown(text)): \(why)")
        }
        while true {
            if chars.first == "\"" {
                chars = chars.dropFirst()
                var part = String.UnicodeScalarView()
                var closed = false
                while let c = chars.first {
                    chars = chars.dropFirst()
                    if c == "\"" {
                        if chars.first == "\"" { part.append("\""); chars = chars.dropFirst(); continue }
                        closed = true
                        break
                    }
                    if c == "\0" { throw fail("a name cannot hold NUL") }
                    part.append(c)
                }
                guard closed else { throw fail("the double quote that opens a name is never closed") }
                guard !part.isEmpty else { throw fail("an empty quoted name") }
                parts.append(String(part))
            } else {
                var part = String.UnicodeScalarView()
                while let c = chars.first, c != "." {
                    let ok = c == "_" || c == "$" && !part.isEmpty || c.properties.isAlphabetic
                        || ("0"..."9").contains(c) && !part.isEmpty
                    guard ok else {
                        throw fail("not a table name (letters, digits and _ unquoted; write any other name in double quotes, as in SQL)")
                    }
                    part.append(c)
                    chars = chars.dropFirst()
                }
                guard !part.isEmpty else { throw fail("expected a table name, or schema.table") }
                parts.append(String(part).lowercased())
            }
            guard let c = chars.first else { break }
            guard c == ".", parts.count < 2 else { throw fail("expected a table name, or schema.table") }
            chars = chars.dropFirst()
        }
        guard parts.count <= 2, !parts.isEmpty else { throw fail("expected a table name, or schema.table") }
        if parts.count == 2 { schema = parts[0]; name = parts[1] } else { schema = nil; name = parts[0] }
        guard name.utf8.count <= 63, (schema?.utf8.count ?? 0) <= 63 else { throw fail("longer than PostgreSQL's 63 bytes") }
    }

    /// The name as SQL, every part quoted.
    public var sql: String { (schema.map { Connection.quoted($0) + "." } ?? "") + Connection.quoted(name) }

    /// The name as messages show it.
    public var display: String { (schema.map { $0 + "." } ?? "") + name }

    /// `text` in quotes for a message, controls escaped.
    static func shown(_ text: String) -> String {
        let clean = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return "\"\(clean.prefix(80))\""
    }
}

/// The rows of a query, fetched a batch at a time through a server-side cursor in a read-only
/// transaction: memory holds one batch whatever the table's size.
public final class Cursor: @unchecked Sendable {
    // Safe: used by the reading thread only.
    private let connection: Connection
    private let batch: Int
    private var open = true

    /// Starts a read-only transaction and declares a cursor over `query` (one SELECT).
    public init(_ connection: Connection, query: String, batch: Int = 4_096) throws {
        self.connection = connection
        self.batch = batch
        try connection.execute("BEGIN TRANSACTION READ ONLY")
        do {
            // A scan of a large table may otherwise start where another scan is (pg_dump turns
            // this off too): rows then come in the table's stored order every time.
            try connection.execute("SET LOCAL synchronize_seqscans = off")
            try connection.execute("DECLARE incidentmap_rows NO SCROLL CURSOR FOR " + query)
        } catch {
            _ = try? connection.execute("ROLLBACK")
            open = false
            throw error
        }
    }

    /// The next batch of rows, or nil after the last.
    public func next() throws -> QueryResult? {
        guard open else { return nil }
        let rows = try connection.execute("FETCH FORWARD \(batch) FROM incidentmap_rows")
        if rows.rows == 0 { close(); return nil }
        return rows
    }

    /// Ends the transaction (nothing was written: it was read-only).
    public func close() {
        guard open else { return }
        open = false
        _ = try? connection.execute("ROLLBACK")
    }

    deinit { close() }
}
