import Rendering

/// Picks an area's or a place's name in a map language from its untagged names (GeoNames'
/// alternate names carry no language; Natural Earth's NAME_xx columns and GeoNames' ADM1 names
/// reach the data as one list), by a general rule on letters rather than a list of places:
///
/// - a name is in language L only if every letter of it belongs to L's alphabet (so Kazakh or
///   Serbian Cyrillic is never taken for Russian, nor Arabic ي/ك spelling for Persian);
/// - among those, the one with the most letters only L uses among its neighbours wins: Persian
///   پ چ ژ گ ی ک against Arabic, Urdu ٹ ڈ ڑ ں ے ھ ہ, Pashto ټ ډ ړ ښ ږ ځ څ ۍ ې ګ ڼ, Arabic
///   ي ك ة ى, Ukrainian і ї є ґ (for Russian, whose letters other Cyrillic languages share, its
///   word for a province), and in Persian, Urdu and Pashto fewer for an alif with a hamza (أ إ,
///   Arabic's spelling); then the shorter; then the source order;
/// - in Cyrillic, first the language's own word forms and spelling (Russian -ая before "область",
///   -ой, never кы; Ukrainian -ська, never -ая, -ое or -цк; Russian never -ськ);
/// - for a place or a province with a Latin name: where some Cyrillic name of it reads as that
///   name (GeoNames' main names are romanisations of the local name), the names that do not are
///   historic, colloquial or another language's ("Юзівка" and "Сталіно" for Donetsk, "Брежнев" for
///   Naberezhnyye Chelny) and are not taken; and where the map's language is the entry country's
///   own, the name that reads closest to the Latin one comes first (Донецьк before the variant
///   Дінецьк), as that Latin name was romanised from it.
///
/// Latin-script languages (en, fr) have no such letters: nil, and the map shows the Latin name.
enum LocalNames {
    /// The name of `names` in `language`, or nil. `latin` is the entry's own Latin name (a place's
    /// or a province's romanised local name, such as GeoNames' "Donetsk"; not a country's English
    /// one); `native` says that `language` is the language of the entry's country (its Latin name
    /// was romanised from a name in it). A `place` is never named by a name with a word for a
    /// province or district in it ("Воронежская область" for Voronezh).
    static func pick(_ names: [String], language: MapLanguage, latin: String? = nil, native: Bool = false,
                     place: Bool = false) -> String? {
        guard let alphabet = alphabets[language] else { return nil }
        let distinctive = distinctiveLetters[language] ?? [], own = ownLetters[language] ?? []
        let target = language.script == .cyrillic ? latin.flatMap { isLatin($0) ? romanKey($0, latin: true, language) : nil } : nil
        // How far each Cyrillic name reads from the Latin one (nil: not Cyrillic, or no Latin name).
        let distances = names.map { name in target.flatMap { isCyrillic(name) ? prefixDistance($0, romanKey(name, latin: false, language)) : nil } }
        // The Latin name is a romanisation when some Cyrillic name reads within `margin` of it; then
        // a name more than `margin` farther than the closest is another name.
        let margin = target.map { max(2, $0.count / 3) } ?? 0
        let latinEndsInSK = latin.map { $0.lowercased().hasSuffix("sk") } ?? false
        let limit = distances.compactMap { $0 }.min().flatMap { $0 <= margin ? $0 + margin : nil }
        var best: (name: String, form: Int, distance: Int, score: Int, letters: Int, d: Int)?
        for (name, distance) in zip(names, distances) {
            var seen = Set<Unicode.Scalar>(), letters = 0, score = 0
            var fits = true
            for s in name.unicodeScalars where s.properties.isAlphabetic && s.properties.generalCategory != .nonspacingMark {
                letters += 1
                guard alphabet.contains(s) else { fits = false; break }
                if distinctive.contains(s), seen.insert(s).inserted { score += own.contains(s) ? 2 : 1 }
            }
            guard fits, letters >= 2, !hasForeignDescribingWord(name, language) else { continue }
            // Persian, Urdu and Pashto write a word's first alif bare where Arabic puts a hamza on it
            // or under it ("اومان" against Arabic "أومان" for Uman): such a name is less likely theirs.
            if [.fa, .ur, .ps].contains(language), name.unicodeScalars.contains(where: { $0 == "\u{0623}" || $0 == "\u{0625}" }) { score -= 1 }
            if place && language.script == .cyrillic && words(name).contains(where: areaWords.contains) { continue }
            let d = distance ?? 0
            if let limit, d > limit { continue }
            // The language's own word forms: Russian shares its alphabet, ы э ъ ё included, with the
            // other Cyrillic languages of Russia whose names GeoNames lists (Erzya "Курскоень ёнкс",
            // Kyrgyz "Липецк шаары"): its letters prove nothing, its word for a province does
            // ("Курская область", the adjective before it agreeing in -ая, against Chechen "Курскан
            // область"), as do its adjectives' endings (Кривой Рог, not Bulgarian Криви Рог), and a
            // name in Ukrainian's -ськ/-цьк is not Russian. Ukrainian's letters are all but four
            // Russian's: a Russian ending (-ая, -ое, -ск, -цк) makes a name Russian.
            var form = 0
            switch language {
            case .ru:
                if hasUkrainianEnding(name) { continue }
                form = russianProvinceScore(name) + (hasRussianAdjective(name) ? 1 : 0) - (breaksRussianSpelling(name) ? 2 : 0)
            case .uk:
                guard let f = ukrainianForm(name, skName: latinEndsInSK) else { continue }
                form = f
            default: break
            }
            // Then (in the entry's own language) the name that reads as its Latin name does, then
            // more of the language's own letters, then the shorter name (the name rather than a
            // descriptive form: "سیستان و بلوچستان" before "استان سیستان و بلوچستان"), then (in
            // another language) the one that reads closer to the Latin name, then the source order.
            let ownDistance = native ? d : 0
            if let b = best {
                let better = form != b.form ? form > b.form
                    : ownDistance != b.distance ? ownDistance < b.distance
                    : score != b.score ? score > b.score
                    : letters != b.letters ? letters < b.letters
                    : d < b.d
                if !better { continue }
            }
            best = (name, form, ownDistance, score, letters, d)
        }
        return best?.name
    }

    /// Whether `name` breaks a rule of Russian spelling: ы after к, г, х, ж, ш, ч, щ (Russian writes
    /// и there; "Кыив" is not Russian, "Киев" is).
    static func breaksRussianSpelling(_ name: String) -> Bool {
        var previous: Character?
        for c in name.lowercased() {
            if c == "ы", let p = previous, "кгхжшчщ".contains(p) { return true }
            previous = c
        }
        return false
    }

    /// Whether a word of `name` ends as only Russian's adjectives and nouns do among its neighbours
    /// (-ой, -ый, -ые, -ое, -ье: "Кривой Рог", "Запорожье"; not -ий, which Ukrainian shares).
    static func hasRussianAdjective(_ name: String) -> Bool {
        words(name).contains { w in w.count > 3 && ["ой", "ый", "ые", "ое", "ье"].contains { w.hasSuffix($0) } }
    }

    /// Whether a word of `name` ends as Ukrainian (and Belarusian) spell what Russian writes -ск, -цк:
    /// "Луганськ", "Донецьк".
    static func hasUkrainianEnding(_ name: String) -> Bool {
        words(name).contains { $0.hasSuffix("ськ") || $0.hasSuffix("цьк") || $0.hasSuffix("зьк") }
    }

    /// A Ukrainian name's form score, or nil when its endings are another language's: a Russian
    /// adjective (-ая, -ое, -ский, -цкий; Ukrainian writes -а, -е, -ський, -цький), Russian's -ск and -цк (Ukrainian's -ськ, -цьк:
    /// "Луганськ", not "Луганск"), an adjective before "область" that does not agree as Ukrainian's
    /// does (-а: "Донецька область", not Chechen "Брянскан область"); 1 for a name in Ukrainian's
    /// own -ськ, -цьк, -зьк of a place whose Latin name ends in -sk (`skName`).
    static let ukrainianConsonants = Set("бвгґджзйклмнпрстфхцчшщ")

    static func ukrainianForm(_ name: String, skName: Bool = false) -> Int? {
        let ws = words(name)
        if ws.contains(where: { $0.count > 2 && ($0.hasSuffix("ая") || $0.hasSuffix("ое") || $0.hasSuffix("ск") || $0.hasSuffix("цк")
                                                 || $0.hasSuffix("ский") || $0.hasSuffix("цкий")) }) {
            return nil
        }
        // Ukrainian writes ї only at a word's start, after a vowel or an apostrophe; after a
        // consonant it is Rusyn's ("Чернїгів", not "Чернігів").
        if ws.contains(where: { w in zip(w, w.dropFirst()).contains { $1 == "ї" && ukrainianConsonants.contains($0) } }) {
            return nil
        }
        if let i = ws.firstIndex(of: "область") {
            guard i > 0, ws[i - 1].hasSuffix("а") else { return nil }
        }
        // For a place whose own name ends in -sk, Ukrainian's -ськ, -цьк, -зьк before a form that
        // only shares its letters (GeoNames lists Kramatorsk as Bulgarian "Краматорска" before
        // Ukrainian "Краматорськ"); not for another name of a place ("Дніпропетровськ", Dnipro's old one).
        return skName && hasUkrainianEnding(name) ? 1 : 0
    }

    /// The words for a province or a district (Russian's and Ukrainian's, and those of the other
    /// languages that share their letters): no town's name.
    static let areaWords: Set<String> = cyrillicDescribingWords.union(russianDescribingWords).union(foreignDescribingWords)
        .union(["обл", "районы", "раён", "республіка", "громада", "сельсовет"])

    /// Whether `text` has a Cyrillic letter.
    static func isCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }
    }

    /// Whether every letter of `text` is a Latin one (with or without diacritics).
    static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic || $0.value < 0x250 || (0x1E00...0x1EFF).contains($0.value) }
    }

    static func words(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    /// A comparable Latin spelling: Cyrillic romanised (Ukrainian г as h, и as y), diacritics folded,
    /// the words for a province or district dropped, i for y, repeated letters once.
    static func romanKey(_ text: String, latin: Bool, _ language: MapLanguage) -> String {
        let skip = latin ? latinDescribingWords : cyrillicDescribingWords
        var out = ""
        for w in text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }) where !skip.contains(String(w)) {
            for s in String(w).folding(options: [.diacriticInsensitive], locale: nil).unicodeScalars {
                if let r = (language == .uk ? ukrainianRoman[s] : nil) ?? cyrillicRoman[s] { out += r }
                else if s.properties.isAlphabetic { out.unicodeScalars.append(s) }
            }
        }
        var key = "", last: Character?
        for c in out.replacingOccurrences(of: "y", with: "i") where c != last { key.append(c); last = c }
        return key
    }

    static let latinDescribingWords: Set<String> = ["oblast", "oblast'", "oblast’", "province", "region", "krai", "kray", "raion",
                                                    "rayon", "district", "republic", "respublika", "okrug", "city", "of"]
    static let cyrillicDescribingWords: Set<String> = ["область", "край", "республика", "республіка", "округ", "район", "місто", "город"]

    static let cyrillicRoman: [Unicode.Scalar: String] = {
        let pairs: [(String, String)] = [
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("ґ", "g"), ("д", "d"), ("е", "e"), ("ё", "e"), ("є", "ye"),
            ("ж", "zh"), ("з", "z"), ("и", "i"), ("і", "i"), ("ї", "yi"), ("й", "y"), ("к", "k"), ("л", "l"), ("м", "m"),
            ("н", "n"), ("о", "o"), ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"), ("х", "kh"),
            ("ц", "ts"), ("ч", "ch"), ("ш", "sh"), ("щ", "shch"), ("ь", ""), ("ъ", ""), ("ы", "y"), ("э", "e"), ("ю", "yu"),
            ("я", "ya"), ("'", ""), ("’", ""),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { (Unicode.Scalar($0.0)!, $0.1) })
    }()
    static let ukrainianRoman: [Unicode.Scalar: String] = [Unicode.Scalar("г"): "h", Unicode.Scalar("и"): "y"]

    /// The fewest edits that turn `a` into the start of `b` (what follows in `b` is free): how far
    /// a name reads from a Latin name it may extend ("kirovogradskaia" from "kirovohrad": 1).
    static func prefixDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return 0 }
        if b.isEmpty { return a.count }
        // Rows over b, columns over a: column[j] = edits between a[..<j] and b[..<i].
        var column = Array(0...a.count), best = a.count
        for i in 1...b.count {
            var previous = column[0]
            column[0] = i
            for j in 1...a.count {
                let current = column[j]
                column[j] = min(column[j] + 1, column[j - 1] + 1, previous + (a[j - 1] == b[i - 1] ? 0 : 1))
                previous = current
            }
            best = min(best, column[a.count])
        }
        return best
    }

    /// Whether `name` carries another language's word for a province or state, sharing L's alphabet
    /// (Mongolian "Курск улс", Kazakh "… облысы", Belarusian "Мінская вобласць", Bulgarian
    /// "… област", Tajik "… вилояти", Urdu "صوبہ …" on a Persian map): it is that language's name.
    static func hasForeignDescribingWord(_ name: String, _ language: MapLanguage) -> Bool {
        let own = ownDescribingWords[language] ?? []
        return name.lowercased().split(whereSeparator: { !$0.isLetter }).contains { w in
            foreignDescribingWords.contains(String(w)) && !own.contains(String(w))
        }
    }

    static let russianDescribingWords: Set<String> = ["область", "край", "республика", "округ"]

    /// 2 for a Russian word for a province, 1 more when the word before "область" agrees with it.
    /// (Doubled, plus one when the word is written in lower case, as Russian writes it.)
    static func russianProvinceScore(_ name: String) -> Int {
        let words = self.words(name)
        guard let i = words.firstIndex(where: russianDescribingWords.contains) else { return 0 }
        let lower = name.split(whereSeparator: { !$0.isLetter }).contains { russianDescribingWords.contains(String($0)) }
        return 2 * (words[i] == "область" && i > 0 && words[i - 1].hasSuffix("ая") ? 3 : 2) + (lower ? 1 : 0)
    }

    static let foreignDescribingWords: Set<String> = [
        "улс", "аймаг", "облысы", "облусу", "вобласць", "вобласьць", "област", "вилояти", "вилоят",
        // the word for a province in other languages of Russia (Buryat, Erzya, Moksha, Komi, Yakut,
        // Udmurt, Chechen, Adyghe, Tatar, Ossetian…), in the letters Russian shares
        "улос", "ёнкс", "аймак", "обласьт", "уобалас", "муж", "республикась", "мохк", "республикэ",
        "шаер", "крайы", "ладор", "вилаят", "кыраайа", "республик",
        "صوبہ", "ضلع", "ولسوالۍ", "محافظة", "استان", "ولایت",
    ]
    /// The describing words a language does use ("ولایت" in Persian and Pashto, "ضلع" in Urdu and Arabic).
    static let ownDescribingWords: [MapLanguage: Set<String>] = [
        .fa: ["استان", "ولایت"], .ps: ["ولایت", "ولسوالۍ"], .ur: ["صوبہ", "ضلع"], .ar: ["محافظة", "ولاية", "ضلع"],
    ]

    static let arabicBase: Set<Unicode.Scalar> = scalars("ءآأؤإئابتثجحخدذرزسشصضطظعغفقلمنهوٱ")
    static let persianLetters: Set<Unicode.Scalar> = scalars("پچژگکی")
    static let urduLetters: Set<Unicode.Scalar> = scalars("ٹڈڑںےۓھہۂۃ")
    static let pashtoLetters: Set<Unicode.Scalar> = scalars("ټډړښږځڅۍېګڼ")
    static let arabicLetters: Set<Unicode.Scalar> = scalars("يكةى")
    static let russianBase: Set<Unicode.Scalar> = scalars("абвгдежзийклмнопрстуфхцчшщьюя")
    static let russianLetters: Set<Unicode.Scalar> = scalars("ыэъё")
    static let ukrainianLetters: Set<Unicode.Scalar> = scalars("іїєґ")

    static func scalars(_ s: String) -> Set<Unicode.Scalar> {
        Set(s.unicodeScalars).union(s.uppercased().unicodeScalars)
    }

    static let alphabets: [MapLanguage: Set<Unicode.Scalar>] = [
        .fa: arabicBase.union(persianLetters),
        .ur: arabicBase.union(persianLetters).union(urduLetters),
        .ps: arabicBase.union(persianLetters).union(pashtoLetters).union(scalars("ي")),
        .ar: arabicBase.union(arabicLetters),
        .ru: russianBase.union(russianLetters),
        .uk: russianBase.union(ukrainianLetters),
    ]

    /// Letters of one language alone among its neighbours: they count double (Pashto ګ over the
    /// Persian ک it shares with Dari).
    static let ownLetters: [MapLanguage: Set<Unicode.Scalar>] = [.ur: urduLetters, .ps: pashtoLetters]

    static let distinctiveLetters: [MapLanguage: Set<Unicode.Scalar>] = [
        .fa: persianLetters, .ur: urduLetters.union(persianLetters), .ps: pashtoLetters.union(persianLetters),
        .ar: arabicLetters, .uk: ukrainianLetters,
    ]
}
