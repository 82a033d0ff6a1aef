import Foundation

/// Folds place names so that the spellings the press uses meet the gazetteer's.
///
/// Two levels:
/// - `fold`: case, diacritics, punctuation, hyphens and spacing are folded
///   ("Sarāvān" → "saravan", "Koh-e-Sabz" → "koh e sabz").
/// - `key`: a looser key for transliteration variants of Persian, Balochi,
///   Urdu and Pashto names in Latin script: generic words and "and/va" joins
///   dropped, ezafe particles dropped, vowels and digraphs reduced
///   (Baluchestan/Balochistan, Seistan/Sistan, Panjgoor/Panjgur,
///   Chah Bahar/Chabahar, Sarawan/Saravan all share a key).
public enum NameFolding {
    /// Bumped whenever a rule below changes what a name folds to: compiled indexes made with
    /// other rules are then rebuilt (`CompiledData.fingerprint`).
    public static let rulesVersion = 8

    /// Lowercased, diacritic-free, punctuation-free, single-spaced form of `name`.
    public static func fold(_ name: String) -> String {
        String(decoding: foldBytes(name), as: UTF8.self)
    }

    /// Whether `name` has a diacritic on a Latin letter that `query`, which writes diacritics
    /// (on some Latin letter), leaves off or writes otherwise at the same letter: "Meñaka" for a
    /// query "Ménaka". A source that writes "é" writes "ñ" too; a name that differs from it only by
    /// diacritics the source did not write is another name spelled alike. A name without the
    /// query's diacritics ("Menaka", as a dataset strips them) does not contradict it, nor does any
    /// name of a query without diacritics; letters are compared only where the two names' letters
    /// match one for one.
    public static func contradictsDiacritics(query: String, name: String) -> Bool {
        let q = latinLetters(query), n = latinLetters(name)
        guard q.count == n.count, q.contains(where: { !$0.marks.isEmpty }) else { return false }
        for (a, b) in zip(q, n) {
            guard a.base == b.base else { return false }
        }
        return zip(q, n).contains { a, b in !b.marks.isEmpty && a.marks != b.marks }
    }

    /// The letters of `s`, each as its lowercased Latin base letter and the combining marks on it
    /// (NFD); a letter of another script ends the comparison (an empty result).
    static func latinLetters(_ s: String) -> [(base: Unicode.Scalar, marks: [Unicode.Scalar])] {
        var out: [(base: Unicode.Scalar, marks: [Unicode.Scalar])] = []
        for scalar in s.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark {
                if !out.isEmpty { out[out.count - 1].marks.append(scalar) }
            } else if scalar.properties.isAlphabetic {
                guard scalar.value < 0x80 else { return [] }
                out.append((scalar, []))
            }
        }
        return out
    }

    /// `fold` as UTF-8 bytes.
    static func foldBytes(_ name: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        func emit(_ bytes: [UInt8]) {
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(contentsOf: bytes)
        }
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(b)
                } else if b >= 0x41 && b <= 0x5A {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(b + 32)
                } else if b == 0x27 || b == 0x60 {
                    // Apostrophes and ayn/hamza marks vanish: "Ma'shkel" → "mashkel".
                    continue
                } else {
                    pendingSpace = true
                }
                continue
            }
            switch foldAction(scalar) {
            case .drop: continue
            case .space: pendingSpace = true
            case .bytes(let b): emit(b)
            }
        }
        return out
    }

    enum FoldAction { case drop, space, bytes([UInt8]) }

    /// The action for a non-ASCII scalar: precomputed for the Latin, IPA and
    /// punctuation blocks, worked out from Unicode properties for other scripts.
    static func foldAction(_ scalar: Unicode.Scalar) -> FoldAction {
        if let a = scriptTable[scalar.value] { return a }
        // A traditional Chinese character as its simplified form: GeoNames has 基輔 (Kyiv) where the
        // mainland press writes 基辅, and 哈爾科夫 for 哈尔科夫.
        if let simplified = hanSimplified[scalar.value] { return .bytes(Array(String(simplified).utf8)) }
        // Other scripts (CJK, Indic, …): marks and punctuation by category, letters lowercased as they are.
        let props = scalar.properties
        if marksSpell(scalar), !props.isWhitespace, !props.generalCategory.isPunctuationOrSymbol {
            // A vowel sign or virama of an abugida is part of the spelling (दिल्ली is not दल्ल),
            // kept in its canonical decomposition (ো is ে and া, ဦ is ဥ and ီ, क़ is क and a nukta);
            // a nukta, often left out, is not.
            let kept = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.canonicalCombiningClass != .nukta }
            return kept.isEmpty ? .drop : .bytes(Array(String(String.UnicodeScalarView(kept)).utf8))
        }
        switch props.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .modifierLetter: return .drop
        case _ where props.isWhitespace || props.generalCategory.isPunctuationOrSymbol: return .space
        default:
            let s = props.changesWhenLowercased ? props.lowercaseMapping : String(scalar)
            return .bytes(Array(s.utf8))
        }
    }

    /// Traditional Chinese characters to their simplified forms (`hanPairs`, OpenCC's table).
    static let hanSimplified: [UInt32: Unicode.Scalar] = {
        var t: [UInt32: Unicode.Scalar] = [:]
        for line in hanPairs {
            var scalars = line.unicodeScalars.makeIterator()
            while let traditional = scalars.next(), let simplified = scalars.next() { t[traditional.value] = simplified }
        }
        return t
    }()

    /// Whether `scalar` is of a script whose combining marks spell (the vowel signs and viramas of
    /// the Brahmic scripts of South and Southeast Asia and of Thaana), unlike the diacritics of
    /// Latin, Greek or Cyrillic and the optional vowel points of Arabic, Hebrew or Syriac, which
    /// folding drops.
    static func marksSpell(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0780...0x07BF,    // Thaana
             0x0900...0x0DFF,    // Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
             0x0E00...0x0FFF,    // Thai, Lao, Tibetan
             0x1000...0x109F,    // Myanmar
             0x1700...0x17FF,    // Tagalog, Hanunoo, Buhid, Tagbanwa, Khmer
             0x1900...0x1AAF,    // Limbu, Tai Le, New Tai Lue, Buginese, Tai Tham
             0x1B00...0x1BFF,    // Balinese, Sundanese, Batak
             0x1C00...0x1C4F,    // Lepcha
             0xA800...0xA8FF,    // Syloti Nagri, Saurashtra, Devanagari Extended
             0xA980...0xAAFF,    // Javanese, Myanmar Extended-B, Cham, Myanmar Extended-A, Tai Viet, Meetei Mayek Extensions
             0xABC0...0xABFF,    // Meetei Mayek
             0x11000...0x11DFF:  // Brahmi to Gunjala Gondi (the historic and minority Brahmic scripts)
            return true
        default:
            return false
        }
    }

    /// Precomputed actions for Latin, IPA, Greek, Cyrillic, Armenian, Hebrew, Arabic and punctuation blocks.
    static let scriptTable: [UInt32: FoldAction] = {
        var t: [UInt32: FoldAction] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x80...0x6FF, 0x750...0x77F, 0x1E00...0x1FFF, 0x2000...0x206F,
                                             0xFB50...0xFDFF, 0xFE70...0xFEFF]
        for range in ranges {
            for v in range { if let s = Unicode.Scalar(v) { t[v] = computeFoldAction(s) } }
        }
        return t
    }()

    static func computeFoldAction(_ scalar: Unicode.Scalar) -> FoldAction {
        let props = scalar.properties
        let cat = props.generalCategory
        if cat == .nonspacingMark || cat == .enclosingMark || cat == .spacingMark { return .drop }
        // Modifier letters used for ayn/hamza (ʿ ʾ ʼ) and curly apostrophes vanish like apostrophes.
        if cat == .modifierLetter || scalar == "\u{2019}" || scalar == "\u{2018}" { return .drop }
        if props.isWhitespace || cat.isPunctuationOrSymbol { return .space }
        // Decompose (NFD) to drop diacritics; letters of other scripts stay, lowercased.
        var bytes: [UInt8] = []
        for s in String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            let c = s.properties.generalCategory
            if c == .nonspacingMark || c == .enclosingMark { continue }
            bytes.append(contentsOf: Array(String(latinFold[s] ?? arabicScriptFold[s] ?? digitFold(s) ?? s).utf8))
        }
        return bytes.isEmpty ? .drop : .bytes(bytes)
    }

    /// Letters that NFD does not decompose into ASCII.
    private static let latinFold: [Unicode.Scalar: Unicode.Scalar] = [
        "ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "s", "æ": "a", "œ": "o", "þ": "t", "ħ": "h",
    ]

    /// Letters of the Arabic script that Persian, Urdu, Pashto and Arabic write differently for the
    /// same sound, to one form each (applied after NFD, whose hamza and madda marks are dropped with
    /// the harakat, so أ إ آ ٱ become ا and ئ ؤ their seat): Arabic yeh and alef maksura, Urdu's
    /// yeh barree and Pashto's yehs to Persian ی; Arabic kaf to ک; teh marbuta, heh goal, the
    /// Kurdish/Persian ae (ۀ) and Urdu's aspirating do-chashmi to ه; Pashto gaf to گ. The tatweel
    /// (a modifier letter) and the harakat (marks) are dropped by category, ZWNJ (a format character)
    /// becomes a space.
    private static let arabicScriptFold: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{064A}": "\u{06CC}", "\u{0649}": "\u{06CC}", "\u{06D2}": "\u{06CC}", "\u{06D0}": "\u{06CC}", "\u{06CD}": "\u{06CC}",
        "\u{0643}": "\u{06A9}", "\u{06AA}": "\u{06A9}",
        "\u{0629}": "\u{0647}", "\u{06C1}": "\u{0647}", "\u{06C3}": "\u{0647}", "\u{06D5}": "\u{0647}", "\u{06BE}": "\u{0647}",
        "\u{06AB}": "\u{06AF}", "\u{0671}": "\u{0627}",
    ]

    /// Arabic-Indic (٠–٩) and extended Arabic-Indic (Persian, Urdu: ۰–۹) digits to ASCII.
    private static func digitFold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x0660...0x0669: return Unicode.Scalar(s.value - 0x0660 + 0x30)
        case 0x06F0...0x06F9: return Unicode.Scalar(s.value - 0x06F0 + 0x30)
        default: return nil
        }
    }

    /// Words that describe a place rather than name it.
    static let genericWords: Set<String> = [
        "province", "provinces", "ostan", "district", "districts", "county", "shahrestan", "bakhsh",
        "tehsil", "tahsil", "division", "city", "town", "village", "villages", "area", "areas", "region",
        "wilayat", "velayat", "welayat", "state", "of", "the", "in", "e", "i", "ye", "al", "el",
        "port", "border", "capital", "headquarters", "hq", "township",
        // What the world calls its first- and second-level units (Natural Earth's and the districts'
        // names carry them: "Donetsk Oblast", "Rutshuru Territory", "Municipio de Culiacán").
        "oblast", "krai", "governorate", "prefecture", "department", "departement", "raion", "rayon",
        "hromada", "municipality", "municipio", "municipal", "de", "cercle", "locality", "lga", "territory",
        "commune", "arrondissement", "regency", "kabupaten", "kreis", "landkreis", "okrug", "subdivision",
        "taluk", "taluka", "mandal", "woreda", "zila", "zilla", "upazila", "parish", "canton",
    ]

    /// Words that join two names ("Sistan and Baluchestan", "Sistan va Baluchestan").
    static let joinWords: Set<String> = ["and", "va", "wa", "o", "u", "n"]

    /// `genericWords` and `joinWords` of other scripts, as written (folded when the set is made): Persian,
    /// Urdu, Pashto and Arabic province, county, district, city and village words and the "and" و;
    /// Russian and Ukrainian oblast, raion, city and village; Amharic, Tigrinya, Hindi, Nepali and
    /// Bengali unit words.
    static let scriptGenericWords = [
        "استان", "شهرستان", "بخش", "شهر", "روستا", "ولایت", "ولسوالی", "صوبہ", "ضلع", "تحصیل", "شہر", "گاؤں",
        "محافظة", "مدينة", "قرية", "منطقة", "و",
        "область", "район", "город", "село", "місто", "обл",
        // Amharic and Tigrinya (Ge'ez script): city or town, woreda, zone, region, kebele, Eritrea's
        // zoba. GeoNames has "ጎንደር ከተማ" (Gondar city) where the press writes "ጎንደር".
        "ከተማ", "ወረዳ", "ዞን", "ክልል", "ቀበሌ", "ዞባ",
        // Hindi, Nepali and Bengali district, Hindi city.
        "जिला", "ज़िला", "जिल्ला", "জেলা", "शहर",
    ]
    static let scriptIgnoredWordBytes: Set<[UInt8]> = Set(scriptGenericWords.map { foldBytes($0) })

    /// Generic words that scripts written without spaces between words attach to a name, as
    /// written (matched before folding): suffixes in Burmese (town, township, village, region, state, district), Chinese
    /// and Japanese (city, county, district, town, village, province, prefecture, autonomous
    /// region) and Korean (city, county, district, town, province); prefixes in Thai, Lao and
    /// Khmer (province, district, subdistrict, municipality, city). GeoNames often has only
    /// "လားရှိုးမြို့" (Lashio town) or "浦安市" where the press writes "လားရှိုး", "浦安".
    /// Longest first, so that "မြို့နယ်" goes before "မြို့".
    static let scriptSuffixes: [String] = [
        "တိုင်းဒေသကြီး", "မြို့နယ်", "ပြည်နယ်", "ကျေးရွာ", "ခရိုင်", "မြို့", "ရွာ",
        "特别行政区", "自治区", "自治州", "自治县", "自治縣", "市", "县", "縣", "区", "區", "镇", "鎮", "乡", "鄉", "町", "村", "省", "都", "府",
        "특별자치시", "특별자치도", "특별시", "광역시", "시", "군", "구", "읍", "면", "도",
    ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    static let scriptPrefixes: [String] = [
        "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "กิ่งอำเภอ", "จังหวัด", "อำเภอ", "ตำบล", "เขต",
        "ແຂວງ", "ເມືອງ", "ខេត្ត", "ស្រុក", "ក្រុង",
    ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

    /// `name` without the generic word such a script attaches to it (see `scriptSuffixes`), or nil
    /// when it has none or too little would be left: at least two characters ("京都", Kyoto,
    /// keeps its 都; "北海道", Hokkaido, has no affix here: 道 is too often part of a name).
    public static func withoutScriptAffix(_ name: String) -> String? {
        let text = name.trimmingCharacters(in: .whitespaces)
        guard text.unicodeScalars.contains(where: { $0.value >= 0x1000 }) else { return nil }
        func bare(_ rest: Substring) -> String? {
            let r = rest.trimmingCharacters(in: .whitespaces)
            return r.count >= 2 ? r : nil
        }
        for suffix in scriptSuffixes where text.hasSuffix(suffix) {
            if let r = bare(text.dropLast(suffix.count)) { return r }
        }
        for prefix in scriptPrefixes where text.hasPrefix(prefix) {
            if let r = bare(text.dropFirst(prefix.count)) { return r }
        }
        return nil
    }

    /// Words (folded) of units that Ukrainian and Russian name by an adjective of their seat or
    /// of the place they are named after: "Bakhmutskyi raion", "Kharkivska oblast", "Бахмутський
    /// район", "Кременчугский район", and the same units in English ("Pokrovskyi district").
    static let adjectivalUnitWords: Set<String> = Set(["raion", "rayon", "oblast", "hromada", "district", "region", "okrug",
                                                      "район", "область", "громада", "округ", "край"].map(fold))
    /// The endings of such an adjective after its -sk- (folded, longest first): Ukrainian and
    /// Russian as transliterated (-skyi, -skyy, -skiy, -sky, -ska, -skaya, -ske, -skoye) and as
    /// written (-ський, -ська, -ське, -ский, -ская, -ское).
    static let adjectiveEndings: [String] = ["yi", "yy", "iy", "yj", "ij", "ii", "y", "i", "a", "e", "aya", "aja", "oye", "oe", "ogo",
                                             "ий", "ый", "ой", "ая", "ое", "ого", "а", "е", "і", "и"]
        .map(fold).sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    /// The -sk- of such an adjective (folded, longest first).
    static let adjectiveSK: [String] = ["sk", "ськ", "цьк", "ск", "цк"].map(fold).sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

    /// The names under which a unit named by an adjective may be found, with the adjective as the
    /// name it is made from: first as a name in -sk ("Pokrovsk raion" for "Pokrovskyi raion",
    /// "донецьк область" for "Донецька область"), then as the name before the -sk ("Bakhmut raion"
    /// for "Bakhmutskyi raion", "харків область" for "Харківська область"). A lookup tries the
    /// second only when the first finds nothing: "Курский район" is Kursk's, not Chur's (Кур).
    /// Empty without a unit word (`adjectivalUnitWords`) beside the adjective, so a place that is
    /// itself an adjective ("Zelenyi Hai") is left alone.
    public static func adjectivalBases(_ name: String) -> (inSK: [String], beforeSK: [String]) {
        adjectivalBases(folded: fold(name))
    }

    /// `adjectivalBases` of a name already folded (`fold`).
    static func adjectivalBases(folded: String) -> (inSK: [String], beforeSK: [String]) {
        let words = folded.split(separator: " ").map(String.init)
        guard words.count >= 2, words.contains(where: adjectivalUnitWords.contains) else { return ([], []) }
        var inSK: [String] = [], beforeSK: [String] = []
        for (i, w) in words.enumerated() where !adjectivalUnitWords.contains(w) {
            guard let (stem, root) = adjectiveBases(of: w) else { continue }
            var ws = words
            if stem.unicodeScalars.count >= 4 { ws[i] = stem; inSK.append(ws.joined(separator: " ")) }
            if root.unicodeScalars.count >= 3 { ws[i] = root; beforeSK.append(ws.joined(separator: " ")) }
        }
        return (inSK, beforeSK)
    }

    /// ("bakhmutsk", "bakhmut") for "bakhmutskyi"; nil for a word that is no such adjective.
    static func adjectiveBases(of w: String) -> (stem: String, root: String)? {
        for ending in adjectiveEndings where w.hasSuffix(ending) {
            let stem = w.dropLast(ending.count)
            for sk in adjectiveSK where stem.hasSuffix(sk) {
                return (String(stem), String(stem.dropLast(sk.count)))
            }
        }
        return nil
    }

    static let ignoredWordBytes: Set<[UInt8]> = Set(genericWords.union(joinWords).map { Array($0.utf8) })

    /// Every matching form of a name, computed from one folding.
    public struct Forms: Equatable, Sendable {
        /// `fold(name)`.
        public var folded: String
        /// `key(name)`.
        public var key: String
        /// `unorderedKey(name)`.
        public var unordered: String?
        /// `skeleton(name)`.
        public var skeleton: String?
    }

    /// All forms of `name` at once (what the gazetteer indexes and looks up).
    public static func forms(_ name: String) -> Forms {
        forms(folded: foldBytes(name))
    }

    /// All forms from an already folded name (they depend on nothing else).
    static func forms(folded: [UInt8]) -> Forms {
        let foldedText = String(decoding: folded, as: UTF8.self)
        if folded.contains(where: { $0 >= 0x80 }) {
            // Another script (Persian, Urdu, Russian …): transliteration rules do not apply; the key ignores spacing
            // and, as in Latin script, the words that describe rather than name ("استان", "ضلع", "область").
            let words = folded.split(separator: 0x20)
            let kept = words.filter { !scriptIgnoredWordBytes.contains(Array($0)) }
            return Forms(folded: foldedText, key: String(decoding: (kept.isEmpty ? words : kept).joined(), as: UTF8.self), unordered: nil, skeleton: nil)
        }
        var words = folded.split(separator: 0x20).map(Array.init)
        let kept = words.filter { !ignoredWordBytes.contains($0) }
        if !kept.isEmpty { words = kept }
        var joined: [UInt8] = []
        for w in words { joined += dropFinalH(w) }
        let key = keyBytes(joined)
        var unordered: String?
        if words.count > 1 {
            let keys = words.map { String(decoding: keyBytes($0), as: UTF8.self) }.sorted()
            unordered = "~" + keys.joined(separator: "~")
        }
        var skeleton: String?
        if let first = key.first, first < 0x80 {
            var out: [UInt8] = [first]
            for c in key.dropFirst() where !isVowel(c) && out.last != c { out.append(c) }
            if out.count >= 3 { skeleton = String(decoding: out, as: UTF8.self) }
        }
        return Forms(folded: foldedText, key: String(decoding: key, as: UTF8.self), unordered: unordered, skeleton: skeleton)
    }

    /// The folded words of `name` without generic and join words.
    public static func significantWords(_ name: String) -> [Substring] {
        let words = fold(name).split(separator: " ")
        let kept = words.filter { !genericWords.contains(String($0)) && !joinWords.contains(String($0)) }
        return kept.isEmpty ? words : kept
    }

    /// The transliteration-variant key of `name` (see the type's documentation).
    /// Words are joined before reducing, so "Chah Bahar" and "Chabahar" meet.
    public static func key(_ name: String) -> String { forms(name).key }

    /// A word-final h after a vowel is often not written ("Mirjaveh"/"Mirjave", "Musa Qalah"/"Musa Qala").
    static func dropFinalH(_ w: [UInt8]) -> [UInt8] {
        if w.count >= 4, w.last == UInt8(ascii: "h"), isVowel(w[w.count - 2]) { return Array(w.dropLast()) }
        return w
    }

    /// Other spellings to try for a name whose "gh" may stand for q (Persian ق and غ
    /// are both written gh or q: "Ghasr-e Ghand" / "Qasr-e Qand") and the reverse.
    public static func spellingAlternatives(_ name: String) -> [String] {
        spellingAlternatives(folded: foldBytes(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `spellingAlternatives` of an already folded name, on its bytes.
    static func spellingAlternatives(folded f: [UInt8]) -> [[UInt8]] {
        let g = UInt8(ascii: "g"), h = UInt8(ascii: "h"), q = UInt8(ascii: "q")
        var out: [[UInt8]] = []
        var hasGH = false
        for i in 0..<max(0, f.count - 1) where f[i] == g && f[i + 1] == h { hasGH = true; break }
        if hasGH {
            var r: [UInt8] = [], i = 0
            while i < f.count {
                if i + 1 < f.count, f[i] == g, f[i + 1] == h { r.append(q); i += 2 } else { r.append(f[i]); i += 1 }
            }
            out.append(r)
        }
        if f.contains(q) { out.append(f.flatMap { $0 == q ? [g, h] : [$0] }) }
        return out
    }

    /// The consonant skeleton of `key(name)`: vowels dropped after the first letter
    /// ("Gwadar"/"Gawadar"/"Gwader", "Qasre Qand"/"Qasr-e Qand"); nil when shorter than 3.
    public static func skeleton(_ name: String) -> String? { forms(name).skeleton }

    /// The key of the significant words in sorted order, so that
    /// "Koh-e-Sabz" and "Sabz Koh" meet; nil for a one-word name.
    public static func unorderedKey(_ name: String) -> String? { forms(name).unordered }

    /// Reduces one folded word: digraphs to one letter, vowels to a/i/u,
    /// a silent or glottal h dropped, and runs of a letter to one.
    static func keyBytes(_ w: [UInt8]) -> [UInt8] {
        if w.contains(where: { $0 >= 0x80 }) { return w }  // another script: leave as is
        var out: [UInt8] = []
        out.reserveCapacity(w.count)
        var i = 0
        func at(_ k: Int) -> UInt8 { k >= 0 && k < w.count ? w[k] : 0 }
        while i < w.count {
            let c = w[i], n = at(i + 1)
            var emit: UInt8 = c
            var step = 1
            switch c {
            case UInt8(ascii: "k") where n == UInt8(ascii: "h"): emit = UInt8(ascii: "k"); step = 2  // kh → k
            case UInt8(ascii: "g") where n == UInt8(ascii: "h"): emit = UInt8(ascii: "g"); step = 2  // gh → g
            case UInt8(ascii: "p") where n == UInt8(ascii: "h"): emit = UInt8(ascii: "f"); step = 2  // ph → f
            case UInt8(ascii: "c") where n == UInt8(ascii: "h"): emit = UInt8(ascii: "c"); step = 2  // ch → c
            case UInt8(ascii: "s") where n == UInt8(ascii: "h"): emit = UInt8(ascii: "x"); step = 2  // sh → x
            case UInt8(ascii: "z") where n == UInt8(ascii: "h"): emit = UInt8(ascii: "j"); step = 2  // zh → j
            case UInt8(ascii: "c") where n == UInt8(ascii: "k"): emit = UInt8(ascii: "k"); step = 2  // ck → k
            case UInt8(ascii: "q") where n == UInt8(ascii: "u") && isVowel(at(i + 2)):
                // "Quetta" / "Kweta": qu before a vowel sounds kw.
                if out.last != UInt8(ascii: "k") { out.append(UInt8(ascii: "k")) }
                emit = UInt8(ascii: "v"); step = 2
            // French transliterations of Arabic, Tamasheq, Songhai and Chadic names: "ou" before a
            // vowel is w ("Tinzaouaten" / "Tinzawatene", "Ouargla" / "Wargla"), "dj" is j ("Djibo",
            // "N'Djamena" / "Ndjamena" / "Njamena") and "tch" is ch ("Tchad").
            case UInt8(ascii: "o") where n == UInt8(ascii: "u") && isVowel(at(i + 2)):
                emit = UInt8(ascii: "v"); step = 2
            case UInt8(ascii: "d") where n == UInt8(ascii: "j"):
                emit = UInt8(ascii: "j"); step = 2
            case UInt8(ascii: "t") where n == UInt8(ascii: "c") && at(i + 2) == UInt8(ascii: "h"):
                emit = UInt8(ascii: "c"); step = 3
            case UInt8(ascii: "c"): emit = UInt8(ascii: "k")
            case UInt8(ascii: "q"): emit = UInt8(ascii: "k")
            case UInt8(ascii: "w"): emit = UInt8(ascii: "v")
            case UInt8(ascii: "e"): emit = UInt8(ascii: "i")
            case UInt8(ascii: "y") where isVowel(at(i - 1)) || isVowel(n) || i == 0:
                emit = UInt8(ascii: "i")
            case UInt8(ascii: "a") where (n == UInt8(ascii: "w") || n == UInt8(ascii: "u") || n == UInt8(ascii: "o")) && !isVowel(at(i + 2)):
                // "aw", "au", "ao" before a consonant are the diphthong also written "ow" ("Nawzad"/"Nowzad").
                emit = UInt8(ascii: "u"); step = 2
            case UInt8(ascii: "w") where i > 0 && isVowel(at(i - 1)) && !isVowel(n):
                emit = UInt8(ascii: "u")
            case UInt8(ascii: "o"): emit = UInt8(ascii: "u")
            case UInt8(ascii: "h") where i > 0 && !(n == 0 || isVowel(n)) || (i > 0 && isVowel(at(i - 1)) && isVowel(n)):
                // h closing a syllable ("Chah Bahar", "Kohsar") or between vowels is often unwritten.
                i += 1
                continue
            default: break
            }
            if out.last != emit { out.append(emit) }
            i += step
        }
        return out
    }

    static func isVowel(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i")
            || c == UInt8(ascii: "o") || c == UInt8(ascii: "u")
    }

    /// Levenshtein distance between two strings' bytes, capped at `limit + 1`.
    public static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = Swift.min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}

extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }
}
