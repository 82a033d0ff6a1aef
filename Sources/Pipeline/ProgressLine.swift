import Foundation

/// One line of progress on standard error while a large file is read: share read, rows,
/// rows per second and the time left. Only when standard error is a terminal (never in a
/// pipe, a log or a test), at most twice a second, and cleared when the file is done.
final class ProgressLine {
    private let enabled: Bool
    private let started = Date()
    private var last = Date.distantPast
    private var shown = false

    init() {
        enabled = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["INCIDENTMAP_NO_PROGRESS"] == nil
    }

    /// Shows `offset` of `size` bytes of `file` read, as `rows` rows.
    func update(file: String, offset: Int, size: Int, rows: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.5 else { return }
        last = now
        let elapsed = now.timeIntervalSince(started)
        let share = size > 0 ? Double(offset) / Double(size) : 1
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        let left = share > 0 ? elapsed * (1 - share) / share : 0
        let name = (file as NSString).lastPathComponent
        let text = "\(name): \(Int(share * 100))% · \(rows.formatted()) rows · \(Int(rate).formatted()) rows/s · about \(Int(left.rounded(.up))) s left"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        shown = true
    }

    /// Removes the line.
    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
