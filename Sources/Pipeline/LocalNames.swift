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
///   word for a province); then the shorter; then the source order.
///
/// Latin-script languages (en, fr) have no such letters: nil, and the map shows the Latin name.
enum LocalNames {
    static func pick(_ names: [String], language: MapLanguage) -> String? {
        guard let alphabet = alphabets[language] else { return nil }
        let distinctive = distinctiveLetters[language] ?? [], own = ownLetters[language] ?? []
        var best: (name: String, score: Int, letters: Int)?
        for name in names {
            var seen = Set<Unicode.Scalar>(), letters = 0, score = 0
            var fits = true
            for s in name.unicodeScalars where s.properties.isAlphabetic && s.properties.generalCategory != .nonspacingMark {
                letters += 1
                guard alphabet.contains(s) else { fits = false; break }
                if distinctive.contains(s), seen.insert(s).inserted { score += own.contains(s) ? 2 : 1 }
            }
            guard fits, letters >= 2, !hasForeignDescribingWord(name, language) else { continue }
            // Russian shares its alphabet, ы э ъ ё included, with the other Cyrillic languages of
            // Russia whose names GeoNames lists (Erzya "Курскоень ёнкс", Kyrgyz "Липецк шаары"): its
            // letters prove nothing, its own word for a province does ("Курская область", the adjective
            // before it agreeing in -ая, against Chechen "Курскан область").
            if language == .ru { score += russianProvinceScore(name) }
            // More of the language's own letters first; then the shorter name (the name rather than
            // a descriptive form: "سیستان و بلوچستان" before "استان سیستان و بلوچستان").
            if best == nil || score > best!.score || (score == best!.score && letters < best!.letters) {
                best = (name, score, letters)
            }
        }
        return best?.name
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
    static func russianProvinceScore(_ name: String) -> Int {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard let i = words.firstIndex(where: russianDescribingWords.contains) else { return 0 }
        return words[i] == "область" && i > 0 && words[i - 1].hasSuffix("ая") ? 3 : 2
    }

    static let foreignDescribingWords: Set<String> = [
        "улс", "аймаг", "облысы", "облусу", "вобласць", "вобласьць", "област", "вилояти", "вилоят",
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
