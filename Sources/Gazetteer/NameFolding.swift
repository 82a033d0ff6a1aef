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
    /// Lowercased, diacritic-free, punctuation-free, single-spaced form of `name`.
    public static func fold(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.unicodeScalars.append(scalar)
                } else if v >= 0x41 && v <= 0x5A {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.unicodeScalars.append(Unicode.Scalar(v + 32)!)
                } else if v == 0x27 || v == 0x60 {
                    // Apostrophes and ayn/hamza marks vanish: "Ma'shkel" → "mashkel".
                    continue
                } else {
                    pendingSpace = true
                }
            } else {
                foldNonASCII(scalar, into: &out, pendingSpace: &pendingSpace)
            }
        }
        return out
    }

    private static func foldNonASCII(_ scalar: Unicode.Scalar, into out: inout String, pendingSpace: inout Bool) {
        let props = scalar.properties
        if props.generalCategory == .nonspacingMark || props.generalCategory == .enclosingMark { return }
        // Modifier letters used for ayn/hamza (ʿ ʾ ʼ) and right single quotes vanish like apostrophes.
        if props.generalCategory == .modifierLetter || scalar == "\u{2019}" || scalar == "\u{2018}" { return }
        if props.isWhitespace || props.generalCategory.isPunctuationOrSymbol {
            pendingSpace = true
            return
        }
        // Decompose (NFD) to drop diacritics; keep letters of other scripts as they are, lowercased.
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.lowercased()
        if pendingSpace && !out.isEmpty { out.append(" ") }
        pendingSpace = false
        for s in decomposed.unicodeScalars {
            let cat = s.properties.generalCategory
            if cat == .nonspacingMark || cat == .enclosingMark { continue }
            out.unicodeScalars.append(latinFold[s] ?? s)
        }
    }

    /// Letters that NFD does not decompose into ASCII.
    private static let latinFold: [Unicode.Scalar: Unicode.Scalar] = [
        "ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "s", "æ": "a", "œ": "o", "þ": "t", "ħ": "h",
    ]

    /// Words that describe a place rather than name it.
    static let genericWords: Set<String> = [
        "province", "provinces", "ostan", "district", "districts", "county", "shahrestan", "bakhsh",
        "tehsil", "tahsil", "division", "city", "town", "village", "villages", "area", "areas", "region",
        "wilayat", "velayat", "welayat", "state", "of", "the", "in", "e", "i", "ye", "al", "el",
        "port", "border", "capital", "headquarters", "hq", "township",
    ]

    /// Words that join two names ("Sistan and Baluchestan", "Sistan va Baluchestan").
    static let joinWords: Set<String> = ["and", "va", "wa", "o", "u", "n"]

    /// The folded words of `name` without generic and join words.
    public static func significantWords(_ name: String) -> [Substring] {
        let words = fold(name).split(separator: " ")
        let kept = words.filter { !genericWords.contains(String($0)) && !joinWords.contains(String($0)) }
        return kept.isEmpty ? words : kept
    }

    /// The transliteration-variant key of `name` (see the type's documentation).
    /// Words are joined before reducing, so "Chah Bahar" and "Chabahar" meet.
    public static func key(_ name: String) -> String {
        var bytes: [UInt8] = []
        for word in significantWords(name) { bytes += dropFinalH(Array(word.utf8)) }
        return String(decoding: keyBytes(bytes), as: UTF8.self)
    }

    /// A word-final h after a vowel is often not written ("Mirjaveh"/"Mirjave", "Musa Qalah"/"Musa Qala").
    static func dropFinalH(_ w: [UInt8]) -> [UInt8] {
        if w.count >= 4, w.last == UInt8(ascii: "h"), isVowel(w[w.count - 2]) { return Array(w.dropLast()) }
        return w
    }

    /// Other spellings to try for a name whose "gh" may stand for q (Persian ق and غ
    /// are both written gh or q: "Ghasr-e Ghand" / "Qasr-e Qand") and the reverse.
    public static func spellingAlternatives(_ name: String) -> [String] {
        let f = fold(name)
        var out: [String] = []
        if f.contains("gh") { out.append(f.replacingOccurrences(of: "gh", with: "q")) }
        if f.contains("q") { out.append(f.replacingOccurrences(of: "q", with: "gh")) }
        return out
    }

    /// The consonant skeleton of `key(name)`: vowels dropped after the first letter
    /// ("Gwadar"/"Gawadar"/"Gwader", "Qasre Qand"/"Qasr-e Qand"); nil when shorter than 3.
    public static func skeleton(_ name: String) -> String? {
        let k = Array(key(name).utf8)
        guard let first = k.first, first < 0x80 else { return nil }
        var out: [UInt8] = [first]
        for c in k.dropFirst() where !isVowel(c) && out.last != c { out.append(c) }
        return out.count >= 3 ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The key of the significant words in sorted order, so that
    /// "Koh-e-Sabz" and "Sabz Koh" meet; nil for a one-word name.
    public static func unorderedKey(_ name: String) -> String? {
        let words = significantWords(name)
        guard words.count > 1 else { return nil }
        let keys = words.map { String(decoding: keyBytes(Array($0.utf8)), as: UTF8.self) }.sorted()
        return "~" + keys.joined(separator: "~")
    }

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
