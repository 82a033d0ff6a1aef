import CPROJ

/// Collects the messages PROJ sends to its log callback while one call runs.
final class ProjLog {
    private(set) var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
    func clear() { lines.removeAll(keepingCapacity: true) }
}

/// Owns one `PJ_CONTEXT` and routes its log to a `ProjLog`.
///
/// One context per transformation object (PROJ contexts are not thread-safe);
/// it is destroyed after every `PJ` created in it.
final class ProjContext {
    let raw: OpaquePointer
    let log = ProjLog()

    init() {
        // proj_context_create returns NULL only when out of memory.
        guard let ctx = proj_context_create() else {
            fatalError("PROJ could not allocate a context (out of memory)")
        }
        raw = ctx
        proj_log_level(ctx, PJ_LOG_ERROR)
        let box = Unmanaged.passUnretained(log).toOpaque()
        // The callback receives our ProjLog as user data; it lives as long as this context.
        proj_log_func(ctx, box) { userData, _, message in
            guard let userData, let message else { return }
            let log = Unmanaged<ProjLog>.fromOpaque(userData).takeUnretainedValue()
            log.append(String(cString: message))
        }
    }

    deinit { proj_context_destroy(raw) }

    /// Clears the captured log before a call. (The errno of a PJ and of its
    /// context is cleared with `proj_errno_reset`, which the callers do; a new
    /// context starts at 0.)
    func reset() {
        log.clear()
    }

    /// Builds an error from what PROJ said since the last `reset()`.
    func error(_ operation: String, pj: OpaquePointer? = nil) -> ProjectionError {
        var code = proj_context_errno(raw)
        if code == 0, let pj { code = proj_errno(pj) }
        var text = log.lines.joined(separator: "; ")
        if text.isEmpty, code != 0, let s = proj_context_errno_string(raw, code) {
            text = String(cString: s)
        }
        if text.isEmpty { text = "unknown error" }
        return ProjectionError(operation: operation, message: text, code: code)
    }
}
