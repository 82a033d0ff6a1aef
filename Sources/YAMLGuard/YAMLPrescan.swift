import CYaml

/// A pass over a YAML text's parse events (libyaml's, no tree built) that refuses what
/// would make composing it explode before Yams composes it: aliases (a "billion laughs"
/// file expands nine aliases of nine aliases into 10⁹ values, and Yams hashes whole
/// alias trees when it checks mapping keys), nesting deeper than the reader allows, and
/// more values than the limit. Syntax errors are left to the composer, which reports them.
/// Shared by the incident reader and the gazetteer's overlay reader.
public enum YAMLPrescan {
    /// What is refused and on which line (1-based).
    public struct Failure: Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    /// nil when `text` (UTF-8, without a BOM) may be composed, else the first thing refused;
    /// `documents` names the kind of file in messages ("incident files").
    public static func check(_ text: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxValues: Int,
                             documents: String = "incident files") -> Failure? {
        var parser = yaml_parser_t()
        // yaml_parser_initialize returns 0 when it cannot allocate its buffers.
        guard yaml_parser_initialize(&parser) != 0 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, text.baseAddress, text.count)
        var depth = 0, values = 0
        while true {
            var event = yaml_event_t()
            // yaml_parser_parse returns 0 on a syntax error (and leaves no event to delete). libyaml's
            // own nesting limit (1000 levels, met by its scanner ahead of the events) is reported as ours.
            guard yaml_parser_parse(&parser, &event) != 0 else {
                guard let problem = parser.problem, String(cString: problem).contains("nesting level") else { return nil }
                return Failure(line: Int(parser.problem_mark.line) + 1, message: "lists and mappings nested deeper than \(maxDepth) levels; not read")
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                return Failure(line: line, message: "YAML alias *\(name): aliases are not allowed in \(documents) (write the value out)")
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                depth += 1
                values += 1
                if depth > maxDepth {
                    return Failure(line: line, message: "lists and mappings nested deeper than \(maxDepth) levels; not read")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
            case YAML_SCALAR_EVENT:
                values += 1
            default:
                break
            }
            if values > maxValues {
                return Failure(line: line, message: "more than \(maxValues) values (lists, mappings and scalars); split the file, or use CSV or GeoJSON for large data sets")
            }
        }
    }
}
