import Foundation
import XCTest

/// A real PostgreSQL server with PostGIS for the tests: made by `initdb` in a temporary
/// directory, started by `pg_ctl` on a free port of 127.0.0.1 (as the `postgres` user when the
/// tests run as root: the server refuses to run as root), stopped and removed by `stop()`.
///
/// Connections over TCP need a password (scram-sha-256); the local socket, which only the
/// tests' own `psql` calls use, trusts its user.
final class PostgresServer: @unchecked Sendable {
    let directory: URL
    let port: Int
    let password: String
    let user = "postgres"
    private let bin: String
    private let runAs: String?

    /// Why a server cannot be had here, or nil when it can.
    static var missing: String? {
        guard binDirectory() != nil else {
            return "PostgreSQL 15 server binaries (/usr/lib/postgresql/15/bin/initdb) are not installed: run scripts/setup.sh (postgresql-15 postgresql-15-postgis-3)"
        }
        if !FileManager.default.fileExists(atPath: "/usr/share/postgresql/15/extension/postgis.control") {
            return "PostGIS for PostgreSQL 15 is not installed: run scripts/setup.sh (postgresql-15-postgis-3)"
        }
        return nil
    }

    static func binDirectory() -> String? {
        let dir = "/usr/lib/postgresql/15/bin"
        return FileManager.default.isExecutableFile(atPath: dir + "/initdb") ? dir : nil
    }

    /// Starts a server with one database, `incidents`, that has PostGIS.
    init() throws {
        if let why = PostgresServer.missing { throw ServerError(message: why) }
        bin = PostgresServer.binDirectory()!
        runAs = getuid() == 0 ? "postgres" : nil
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("incidentmap-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        password = "pw-\(UUID().uuidString.prefix(12))"
        let pwfile = directory.appendingPathComponent("pwfile")
        try Data((password + "\n").utf8).write(to: pwfile)
        if let runAs { _ = try PostgresServer.run("/bin/chown", ["-R", runAs, directory.path]) }
        port = try PostgresServer.freePort()
        try check(sh(bin + "/initdb", ["-D", data, "-U", user, "--auth-local=trust", "--auth-host=scram-sha-256",
                                       "--pwfile=" + pwfile.path, "-E", "UTF8", "--locale=C"]), "initdb")
        try start()
        try psql("postgres", "CREATE DATABASE incidents")
        try psql("incidents", "CREATE EXTENSION postgis")
    }

    var data: String { directory.appendingPathComponent("data").path }

    /// `pg_ctl start`, its output to a file. Spawned and waited for by hand: the server it
    /// leaves running would hold a pipe open, and Foundation's `Process` did not see this
    /// child's end while the server ran on.
    private func start() throws {
        let log = directory.appendingPathComponent("pg_ctl.log").path
        let options = "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
        var argv = ["-D", data, "-l", directory.appendingPathComponent("log").path, "-w", "-t", "60", "-o", options, "start"]
        argv = runAs.map { ["/usr/sbin/runuser", "-u", $0, "--", bin + "/pg_ctl"] } .map { $0 + argv } ?? [bin + "/pg_ctl"] + argv
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let cargs = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cargs, environ)
        guard spawned == 0 else { throw ServerError(message: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let server = (try? String(contentsOfFile: directory.appendingPathComponent("log").path, encoding: .utf8)) ?? ""
            throw ServerError(message: "pg_ctl start failed (status \(status)): \(text) \(server.suffix(2000))")
        }
    }

    /// The URL of database `db` with the password.
    func url(_ db: String = "incidents", password: String? = nil) -> String {
        "postgresql://\(user):\(password ?? self.password)@127.0.0.1:\(port)/\(db)"
    }

    /// Runs SQL through psql on the local socket; the rows as unaligned text.
    @discardableResult
    func psql(_ db: String, _ sql: String) throws -> String {
        let r = try sh("/usr/bin/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", directory.path, "-p", String(port),
                                          "-U", user, "-d", db, "-c", sql])
        try check(r, "psql \(sql.prefix(60))")
        return r.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func stop() {
        _ = try? sh(bin + "/pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    private func sh(_ tool: String, _ args: [String]) throws -> ProcessResult {
        if let runAs { return try PostgresServer.run("/usr/sbin/runuser", ["-u", runAs, "--", tool] + args, cwd: directory) }
        return try PostgresServer.run(tool, args, cwd: directory)
    }

    private func check(_ r: ProcessResult, _ what: String) throws {
        guard r.status == 0 else { throw ServerError(message: "\(what) failed (\(r.status)): \(r.stderr) \(r.stdoutText)") }
    }

    /// Runs a program with extra environment variables.
    static func run(_ tool: String, _ args: [String], cwd: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        try runTool(tool, args, cwd: cwd, environment: environment)
    }

    /// A TCP port on 127.0.0.1 nothing listens on now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError(message: "socket: \(errno)") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw ServerError(message: "bind: \(errno)") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    struct ServerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
