/// Where a point lies from a town ("29 km SW of Gao"), in each language, as the press of that
/// language writes it: the phrase, its approximate form for a marker that stands for several
/// incidents ("about 29 km SW of Gao"), and the eight directions, north first, clockwise. English
/// keeps the compass abbreviations its reports use; the other languages write the direction out,
/// in the case their phrase takes (Russian dative, French with its article). Russian and Ukrainian
/// put the town after "пункта"/"пункту" (as the maps' "near" does), so that its name stays as the
/// gazetteer gives it, undeclined, and the phrase is still grammatical.
public enum OffsetText: String, MapTexts {
    case offset, offsetAbout, n, ne, e, se, s, sw, w, nw

    /// The directions by compass sector (0 = north, 1 = north-east, … 7 = north-west).
    static let directions: [OffsetText] = [.n, .ne, .e, .se, .s, .sw, .w, .nw]

    /// "29 km SW of Gao", "à 29 km au sud-ouest de Gao", "в 29 км к юго-западу от пункта Гао": `km` from
    /// `town` (as the map names it) in compass `sector` (0–7, clockwise from north); `about` for
    /// the approximate form.
    public static func phrase(km: Int, sector: Int, town: String, about: Bool, in language: MapLanguage) -> String {
        let text = (about ? offsetAbout : offset).text(in: language, [
            "km": .number(km), "direction": .text(directions[((sector % 8) + 8) % 8].text(in: language)), "town": .text(town),
        ])
        // French elides "de" before a vowel: "à 12 km au nord d’Agadez".
        if language == .fr, let first = town.first, "AEIOUYÂÀÉÈÊÎÏÔÛaeiouy".contains(first), text.hasSuffix("de " + town) {
            return text.dropLast(town.count + 3) + "d’" + town
        }
        return text
    }

    public static let table = TextTable<OffsetText>("""
    offset
    en: {km} km {direction} of {town}
    fr: à {km} km {direction} de {town}
    ru: в {km} км к {direction} от пункта {town}
    uk: за {km} км на {direction} від пункту {town}
    fa: در {km} کیلومتری {direction} {town}
    ur: {town} سے {km} کلومیٹر {direction} میں
    ps: د {town} {km} کيلومتره {direction} ته
    ar: على بُعد {km} كم {direction} {town}

    offsetAbout
    en: about {km} km {direction} of {town}
    fr: à environ {km} km {direction} de {town}
    ru: примерно в {km} км к {direction} от пункта {town}
    uk: приблизно за {km} км на {direction} від пункту {town}
    fa: در حدود {km} کیلومتری {direction} {town}
    ur: {town} سے تقریباً {km} کلومیٹر {direction} میں
    ps: د {town} شاوخوا {km} کيلومتره {direction} ته
    ar: على بُعد نحو {km} كم {direction} {town}

    n
    en: N
    fr: au nord
    ru: северу
    uk: північ
    fa: شمال
    ur: شمال
    ps: شمال
    ar: شمال

    ne
    en: NE
    fr: au nord-est
    ru: северо-востоку
    uk: північний схід
    fa: شمال شرقی
    ur: شمال مشرق
    ps: شمال ختیځ
    ar: شمال شرق

    e
    en: E
    fr: à l’est
    ru: востоку
    uk: схід
    fa: شرق
    ur: مشرق
    ps: ختیځ
    ar: شرق

    se
    en: SE
    fr: au sud-est
    ru: юго-востоку
    uk: південний схід
    fa: جنوب شرقی
    ur: جنوب مشرق
    ps: سویل ختیځ
    ar: جنوب شرق

    s
    en: S
    fr: au sud
    ru: югу
    uk: південь
    fa: جنوب
    ur: جنوب
    ps: سویل
    ar: جنوب

    sw
    en: SW
    fr: au sud-ouest
    ru: юго-западу
    uk: південний захід
    fa: جنوب غربی
    ur: جنوب مغرب
    ps: سویل لوېدیځ
    ar: جنوب غرب

    w
    en: W
    fr: à l’ouest
    ru: западу
    uk: захід
    fa: غرب
    ur: مغرب
    ps: لوېدیځ
    ar: غرب

    nw
    en: NW
    fr: au nord-ouest
    ru: северо-западу
    uk: північний захід
    fa: شمال غربی
    ur: شمال مغرب
    ps: شمال لوېدیځ
    ar: شمال غرب
    """)
}
