/// What a placeholder of a text template stands for.
public enum TextValue: Sendable, ExpressibleByStringLiteral {
    /// Text as it is: a name, a date or a number already written in the language.
    case text(String)
    /// A whole number: written in the language's digits and grouping (`MapLanguage.number`);
    /// `{name|one|other}` picks the first form when it is 1.
    case number(Int)
    /// A whole number written without grouping, in the language's digits (some English counts
    /// have always been written so: "3000 incidents in 333 cells").
    case plain(Int)

    public init(stringLiteral value: String) { self = .text(value) }
}

/// The texts of one concern of a map (its attribution, an aggregated map's legend and key, …) in
/// every language, each case a key of its `table`.
public protocol MapTexts: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The concern's texts.
    static var table: TextTable<Self> { get }
}

extension MapTexts {
    /// The text in `language`, its placeholders filled from `values` (see `TextTable`).
    public func text(in language: MapLanguage, _ values: [String: TextValue] = [:]) -> String {
        Self.table.format(self, language, values)
    }

    /// The text in `language` without its last clause, the one after its last semicolon (the death
    /// toll of a summary, when the input gives none: "…: armed clash (10)." rather than "…; 0
    /// fatalities claimed in all."), when `dropLastClause`.
    public func text(in language: MapLanguage, _ values: [String: TextValue], dropLastClause: Bool) -> String {
        Self.table.format(self, language, values, dropLastClause: dropLastClause)
    }
}

/// The templates of one concern, read once from a block of text: a key alone on a line (the
/// case's name), then a line a language, `xx: template`, for every language of `MapLanguage`.
///
/// In a template `{name}` stands for a value (`TextValue`) and `{name|one|other}` for one of two
/// words as the number `name` is 1 or not (English plurals; a label that is singular or plural
/// whatever the count). Languages whose nouns take several forms after a number (Russian,
/// Ukrainian, Arabic, Urdu, Pashto; French and Persian keep the convention too) write the number
/// after a label, as the map's other furniture does: "Инцидентов: 16", "رویدادها: ۱۶".
public struct TextTable<Key: MapTexts>: Sendable {
    let templates: [Key: [MapLanguage: String]]

    /// Parses `source`; a key or a language missing, or a language line without its key, stops
    /// the program: the tables are written with the code, and `TextTableTests` reads each one.
    init(_ source: String) {
        var templates: [Key: [MapLanguage: String]] = [:]
        var key: Key?
        for raw in source.split(separator: "\n") {
            let line = raw.drop { $0 == " " }
            guard !line.isEmpty else { continue }
            if line.count > 4, line.dropFirst(2).hasPrefix(": "), let language = MapLanguage(rawValue: String(line.prefix(2))) {
                guard let key else { preconditionFailure("\(Key.self): a template before its key: \(line)") }
                templates[key, default: [:]][language] = String(line.dropFirst(4))
            } else {
                guard let k = Key(rawValue: String(line)) else { preconditionFailure("\(Key.self): unknown key \(line)") }
                key = k
            }
        }
        for k in Key.allCases {
            for language in MapLanguage.allCases {
                precondition(templates[k]?[language] != nil, "\(Key.self).\(k.rawValue) has no \(language.rawValue) text")
            }
        }
        self.templates = templates
    }

    /// The template of `key` in `language`.
    func template(_ key: Key, _ language: MapLanguage) -> String {
        templates[key]![language]!
    }

    /// `key`'s template in `language` with its placeholders filled. French puts a no-break space
    /// before a colon and a narrow one before a semicolon (the templates write plain spaces), so
    /// that a line never breaks before them. A right-to-left text that does not begin with a
    /// letter of its script (a number, a Latin name) begins with a right-to-left mark: set after
    /// the input's Latin words in a key line ("… two men). ۴۲ کیلومتر تا مرز IR-PK."), its number
    /// or name would otherwise join their run and be read in the wrong place.
    func format(_ key: Key, _ language: MapLanguage, _ values: [String: TextValue], dropLastClause: Bool = false) -> String {
        var template = template(key, language)
        if dropLastClause { template = TextTable.withoutLastClause(template) }
        if language == .fr {
            template = template.replacingOccurrences(of: " :", with: "\u{00A0}:").replacingOccurrences(of: " ;", with: "\u{202F};")
        }
        let out = TextTable.fill(template, language, values, key: key.rawValue)
        guard language.isRightToLeft, let first = out.unicodeScalars.first,
              !(NameLabel.isRightToLeftScalar(first) && (first.properties.isAlphabetic || first.value == 0x200F)) else { return out }
        return "\u{200F}" + out
    }

    /// `template` up to its last semicolon (Latin or Arabic), the space before it dropped, and its
    /// closing full stop kept ("." or Urdu "۔"); unchanged without a semicolon.
    static func withoutLastClause(_ template: String) -> String {
        guard let cut = template.lastIndex(where: { $0 == ";" || $0 == "؛" }) else { return template }
        let stop = template.last.map { $0 == "." || $0 == "۔" ? String($0) : "" } ?? ""
        var head = String(template[..<cut])
        while head.last == " " { head.removeLast() }
        return head + stop
    }

    /// `template` with its placeholders filled from `values`.
    static func fill(_ template: String, _ language: MapLanguage, _ values: [String: TextValue], key: String) -> String {
        var out = "", rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { preconditionFailure("\(key): unclosed {") }
            let parts = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard let value = values[parts[0]] else { preconditionFailure("\(key): no value for {\(parts[0])}") }
            switch (value, parts.count) {
            case (.text(let t), 1): out += t
            case (.number(let n), 1): out += language.number(n)
            case (.plain(let n), 1): out += language.digits(String(n))
            case (.number(let n), 3), (.plain(let n), 3): out += n == 1 ? parts[1] : parts[2]
            default: preconditionFailure("\(key): {\(parts.joined(separator: "|"))} does not fit its value")
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholders' names in `key`'s template in `language`, for the tests.
    func placeholders(_ key: Key, _ language: MapLanguage) -> Set<String> {
        var names: Set<String> = [], rest = template(key, language)[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)[0]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
