/// Words of geography on a map: the north arrow's letter, degrees of latitude and longitude, a
/// place at sea, the locator's outline of the map, a border's tooltip.
public enum GeoText: String, MapTexts {
    case north, northArrow, south, east, west, degree, coordinates, atSea, insetExtent, internationalBorder, disputedBoundary
    // Natural Earth's classes of a boundary line that is not an international one, by its slug.
    case disputed, unrecognized, indefinite, lineOfControl, claimBoundary, admin1Boundary, indeterminantFrontier, mapUnitBoundary

    static let classSlugs: [String: GeoText] = [
        "disputed": .disputed, "unrecognized": .unrecognized, "indefinite": .indefinite, "line-of-control": .lineOfControl,
        "claim-boundary": .claimBoundary, "admin-1-boundary": .admin1Boundary, "indeterminant-frontier": .indeterminantFrontier,
        "map-unit-boundary": .mapUnitBoundary,
    ]

    /// A Natural Earth line class ("Line of control (please verify)", or its slug "line-of-control")
    /// in `language`; nil for English, which says it as `NaturalEarthClass.plain` does, and for a class not listed.
    public static func boundaryClass(_ featureClass: String, in language: MapLanguage) -> String? {
        guard language != .en else { return nil }
        let slug = featureClass.replacingOccurrences(of: " (please verify)", with: "").replacingOccurrences(of: " (verify)", with: "")
            .lowercased().replacingOccurrences(of: " ", with: "-")
        return classSlugs[slug]?.text(in: language)
    }

    /// `value` degrees north or south (`latitude`), else east or west: "50.45°N", "50,45° с. ш.", "۵۰٫۴۵° شمالی".
    public static func degrees(_ value: Double, decimals: Int, latitude: Bool, in language: MapLanguage) -> String {
        let hemisphere: GeoText = latitude ? (value < 0 ? .south : .north) : (value < 0 ? .west : .east)
        return degree.text(in: language, ["value": .text(language.decimal(abs(value), decimals)), "hemisphere": .text(hemisphere.text(in: language))])
    }

    /// A point as its latitude and longitude to two decimals: "50.45°N, 30.53°E".
    public static func point(lat: Double, lon: Double, in language: MapLanguage) -> String {
        coordinates.text(in: language, ["lat": .text(degrees(lat, decimals: 2, latitude: true, in: language)),
                                        "lon": .text(degrees(lon, decimals: 2, latitude: false, in: language))])
    }

    public static let table = TextTable<GeoText>("""
    northArrow
    en: N
    fr: N
    ru: С
    uk: Пн
    fa: شمال
    ur: شمال
    ps: شمال
    ar: شمال

    north
    en: N
    fr: N
    ru: с. ш.
    uk: пн. ш.
    fa: شمالی
    ur: شمالی
    ps: شمالي
    ar: شمالًا

    south
    en: S
    fr: S
    ru: ю. ш.
    uk: пд. ш.
    fa: جنوبی
    ur: جنوبی
    ps: جنوبي
    ar: جنوبًا

    east
    en: E
    fr: E
    ru: в. д.
    uk: сх. д.
    fa: شرقی
    ur: مشرقی
    ps: ختیځ
    ar: شرقًا

    west
    en: W
    fr: O
    ru: з. д.
    uk: зх. д.
    fa: غربی
    ur: مغربی
    ps: لوېدیځ
    ar: غربًا

    degree
    en: {value}°{hemisphere}
    fr: {value}° {hemisphere}
    ru: {value}° {hemisphere}
    uk: {value}° {hemisphere}
    fa: {value}° {hemisphere}
    ur: {value}° {hemisphere}
    ps: {value}° {hemisphere}
    ar: {value}° {hemisphere}

    coordinates
    en: {lat}, {lon}
    fr: {lat}, {lon}
    ru: {lat}, {lon}
    uk: {lat}, {lon}
    fa: {lat}، {lon}
    ur: {lat}، {lon}
    ps: {lat}، {lon}
    ar: {lat}، {lon}

    atSea
    en: At sea
    fr: En mer
    ru: В море
    uk: У морі
    fa: در دریا
    ur: سمندر میں
    ps: په سمندر کې
    ar: في البحر

    insetExtent
    en: Extent of the main map
    fr: Emprise de la carte principale
    ru: Охват основной карты
    uk: Охоплення основної карти
    fa: گسترهٔ نقشهٔ اصلی
    ur: مرکزی نقشے کا احاطہ
    ps: د اصلي نقشې پراخوالی
    ar: نطاق الخريطة الرئيسية

    internationalBorder
    en: International border {name}
    fr: Frontière internationale {name}
    ru: Государственная граница {name}
    uk: Державний кордон {name}
    fa: مرز بین‌المللی {name}
    ur: بین الاقوامی سرحد: {name}
    ps: نړیواله پوله: {name}
    ar: الحدود الدولية: {name}

    disputedBoundary
    en: Disputed boundary {name}
    fr: Frontière contestée {name}
    ru: Спорная граница {name}
    uk: Спірний кордон {name}
    fa: مرز مورد مناقشهٔ {name}
    ur: متنازع سرحد: {name}
    ps: شخړه‌یزه پوله: {name}
    ar: الحدود المتنازع عليها: {name}

    disputed
    en: disputed
    fr: contestée
    ru: спорная
    uk: спірна
    fa: مورد مناقشه
    ur: متنازع
    ps: شخړه‌یزه
    ar: متنازع عليها

    unrecognized
    en: not recognised as a boundary in this point of view
    fr: non reconnue comme frontière dans ce point de vue
    ru: не признаётся границей с этой точки зрения
    uk: не визнається кордоном із цієї точки зору
    fa: از این دیدگاه مرز شناخته نمی‌شود
    ur: اس نقطۂ نظر سے سرحد تسلیم نہیں
    ps: له دې نظره پوله نه منل کېږي
    ar: لا يُعترف بها حدودًا من وجهة النظر هذه

    indefinite
    en: indefinite
    fr: indéterminée
    ru: неопределённая
    uk: невизначена
    fa: نامعین
    ur: غیر متعین
    ps: نامعلومه
    ar: غير محددة

    lineOfControl
    en: line of control
    fr: ligne de contrôle
    ru: линия контроля
    uk: лінія контролю
    fa: خط کنترل
    ur: لائن آف کنٹرول
    ps: د کنټرول کرښه
    ar: خط المراقبة

    claimBoundary
    en: claim boundary
    fr: limite revendiquée
    ru: граница притязаний
    uk: межа претензій
    fa: مرز ادعایی
    ur: دعوے کی حد
    ps: د ادعا پوله
    ar: حدود مُطالَب بها

    admin1Boundary
    en: an internal boundary in this point of view
    fr: limite intérieure dans ce point de vue
    ru: внутренняя граница с этой точки зрения
    uk: внутрішня межа з цієї точки зору
    fa: از این دیدگاه مرزی داخلی
    ur: اس نقطۂ نظر سے اندرونی حد
    ps: له دې نظره کورنۍ پوله
    ar: حدود داخلية من وجهة النظر هذه

    indeterminantFrontier
    en: indeterminant frontier
    fr: frontière indéterminée
    ru: неустановленная граница
    uk: невстановлений кордон
    fa: مرز تعیین‌نشده
    ur: غیر متعین سرحد
    ps: نا ټاکلې پوله
    ar: حدود غير مرسَّمة

    mapUnitBoundary
    en: map unit boundary
    fr: limite d’unité cartographique
    ru: граница картографической единицы
    uk: межа картографічної одиниці
    fa: مرز واحد نقشه
    ur: نقشے کی اکائی کی حد
    ps: د نقشې د واحد پوله
    ar: حدود وحدة خرائطية
    """)
}
