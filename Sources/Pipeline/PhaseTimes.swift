import Foundation

/// Wall and CPU time of a run's phases, printed to standard error when `INCIDENTMAP_TIMINGS` is
/// set: the phase, its wall time, the CPU time of all threads in it, and their ratio (how many
/// cores were busy). For finding the serial parts of a run; the benchmarks time whole runs.
final class PhaseTimes: @unchecked Sendable {
    // Safe: marked from one thread (the command's), never shared.
    static let environmentVariable = "INCIDENTMAP_TIMINGS"

    private let enabled = ProcessInfo.processInfo.environment[PhaseTimes.environmentVariable] != nil
    private var last: (wall: Double, cpu: Double)
    private let start: (wall: Double, cpu: Double)

    init() {
        start = (Self.wall(), Self.cpu())
        last = start
    }

    /// Ends the phase `name` (begun at the previous mark or at creation) and prints its times.
    func mark(_ name: String) {
        guard enabled else { return }
        let now = (wall: Self.wall(), cpu: Self.cpu())
        Self.print(name, wall: now.wall - last.wall, cpu: now.cpu - last.cpu)
        last = now
    }

    /// Prints the whole run's times since creation.
    func total() {
        guard enabled else { return }
        Self.print("total", wall: Self.wall() - start.wall, cpu: Self.cpu() - start.cpu)
    }

    private static func print(_ name: String, wall: Double, cpu: Double) {
        let cores = wall > 0 ? cpu / wall : 0
        let line = "timing: \(name.padding(toLength: 22, withPad: " ", startingAt: 0)) "
            + String(format: "%8.1f ms wall %8.1f ms CPU  %.2f cores  peak %4d MB\n", wall * 1000, cpu * 1000, cores, peakMB())
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func wall() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The process's peak resident set so far (MB): `ru_maxrss`, kilobytes on Linux, bytes on Darwin.
    private static func peakMB() -> Int {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        #if os(Linux)
        return u.ru_maxrss / 1024
        #else
        return u.ru_maxrss / (1024 * 1024)
        #endif
    }

    /// User and system time of every thread of the process so far.
    private static func cpu() -> Double {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(u.ru_utime) + seconds(u.ru_stime)
    }
}
