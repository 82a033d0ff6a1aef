/// The language of a map's labels and furniture (`--lang`): place names in that language where
/// the data has them (else the Latin name, visibly), and the legend, scale bar, key lines and
/// month names from the small tables below.
///
/// Digits: Persian, Urdu, Pashto and Arabic maps write numbers in the digits their readers' press
/// uses in running text (Persian/Urdu/Pashto ۰–۹, Arabic ٠–٩), so that a date or a scale reads as
/// one text rather than a Latin insert; the SVG's data attributes and GeoJSON keep ASCII digits.
public enum MapLanguage: String, CaseIterable, Sendable {
    case en, fa, ur, ar, ps, ru, uk, fr

    /// The writing system its names are in.
    public enum Script: Sendable { case latin, arabic, cyrillic }

    /// The script of the language.
    public var script: Script {
        switch self {
        case .en, .fr: return .latin
        case .fa, .ur, .ar, .ps: return .arabic
        case .ru, .uk: return .cyrillic
        }
    }

    /// Whether its text runs right to left.
    public var isRightToLeft: Bool { script == .arabic }

    /// The font stack of its text: for the Arabic script, Noto's Naskh (Urdu: Nastaliq, the
    /// style Urdu is printed in) and Sans Arabic before the map's Latin stack, which stays for the
    /// Latin fall-back names; DejaVu Sans covers Latin and Cyrillic.
    var fontStack: String {
        switch self {
        case .ur: return "'Noto Nastaliq Urdu', 'Noto Naskh Arabic', 'Noto Sans Arabic', " + MapStyle.fontStack
        case .fa, .ar, .ps: return "'Noto Naskh Arabic', 'Noto Sans Arabic', " + MapStyle.fontStack
        default: return MapStyle.fontStack
        }
    }

    /// Short month names, January first.
    public var monthNames: [String] {
        switch self {
        case .en: return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        case .fr: return ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        case .ru: return ["янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."]
        case .uk: return ["січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."]
        // The Gregorian months as each press names them (dates stay Gregorian: the input's calendar).
        case .fa: return ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"]
        case .ur: return ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"]
        case .ps: return ["جنوري", "فبروري", "مارچ", "اپریل", "مۍ", "جون", "جولای", "اګست", "سپتمبر", "اکتوبر", "نومبر", "دسمبر"]
        case .ar: return ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
        }
    }

    /// `text` with its ASCII digits written as the language writes them (see the type's note).
    public func digits(_ text: String) -> String {
        let zero: UInt32
        switch self {
        case .fa, .ur, .ps: zero = 0x06F0
        case .ar: zero = 0x0660
        default: return text
        }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value >= 0x30 && s.value <= 0x39, let d = Unicode.Scalar(zero + s.value - 0x30) { out.append(d) } else { out.append(s) }
        }
        return String(out)
    }

    /// A day as the language's readers write it: "16 Jan 2024", "۱۶ ژانویه ۲۰۲۴".
    public func day(year: Int, month: Int, day: Int) -> String {
        digits("\(day) \(monthNames[month - 1]) \(year)")
    }

    /// Month names as a calendar or a time axis heads a month (nominative: "январь", not the
    /// "января" of a date), January first: whole, and abbreviated where the language abbreviates
    /// them (the Arabic script's languages write them whole).
    public func standaloneMonthNames(abbreviated: Bool) -> [String] {
        switch (self, abbreviated) {
        case (.en, false): return ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        case (.en, true): return monthNames
        case (.fr, false): return ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        case (.ru, false): return ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
        case (.ru, true): return ["янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."]
        case (.uk, false): return ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"]
        default: return monthNames
        }
    }

    /// The separators of its numbers: thousands and decimals. English 1,234.5; French, Russian and
    /// Ukrainian 1 234,5 (a narrow no-break space, so a number never breaks across lines);
    /// Persian, Urdu, Pashto and Arabic the Arabic script's own ٬ and ٫ (١٬٢٣٤٫٥), never a Latin
    /// comma that would read as a list.
    var separators: (thousands: String, decimal: String) {
        switch self {
        case .en: return (",", ".")
        case .fr, .ru, .uk: return ("\u{202F}", ",")
        case .fa, .ur, .ps, .ar: return ("\u{066C}", "\u{066B}")
        }
    }

    /// A whole number as the language writes it: "5,890", "5 890", "۵٬۸۹۰", "٥٬٨٩٠".
    public func number(_ value: Int) -> String {
        localized(NumberFormat.grouped(value))
    }

    /// `value` to `decimals` places (trailing zeros dropped) as the language writes it: "816.6", "816,6", "۸۱۶٫۶".
    public func decimal(_ value: Double, _ decimals: Int) -> String {
        localized(NumberFormat.fixed(value, decimals))
    }

    /// A distance as a reader takes it in (`NumberFormat.rounded`: whole from 10 up, else one
    /// decimal) as the language writes it: "35", "4.5", "4,5", "۴٫۵".
    public func rounded(_ value: Double) -> String {
        localized(NumberFormat.rounded(value))
    }

    /// English-formatted number text ("5,890.5") in the language's separators and digits.
    func localized(_ english: String) -> String {
        guard self != .en else { return english }
        let (thousands, decimal) = separators
        return digits(String(english.map { $0 == "," ? Character(thousands) : $0 == "." ? Character(decimal) : $0 }))
    }

    /// The list and clause separators of its sentences: the Arabic comma and semicolon (، ؛) in
    /// the Arabic script, else ", " and "; " (French: a narrow no-break space before the semicolon).
    public var comma: String { script == .arabic ? "، " : ", " }
    /// See `comma`.
    public var semicolon: String { script == .arabic ? "؛ " : self == .fr ? "\u{202F}; " : "; " }
    /// See `comma`; French sets a no-break space before it.
    public var colon: String { self == .fr ? "\u{00A0}: " : ": " }
    /// Names as the language lists them: "Iran and Pakistan", "Iran et Pakistan", "ایران و پاکستان",
    /// "إيران وباكستان" (Arabic's "and" joins the next word).
    public func list(_ names: [String]) -> String {
        let and: String
        switch self {
        case .en: return NumberFormat.list(names)
        case .fr: and = " et "
        case .ru: and = " и "
        case .uk: and = " та "
        case .fa: and = " و "
        case .ur: and = " اور "
        case .ps: and = " او "
        case .ar: and = " و"
        }
        return names.count <= 1 ? names.joined() : names.dropLast().joined(separator: comma) + and + names.last!
    }

    /// The full stop that ends its sentences: Urdu's own (۔), else the period.
    public var stop: String { self == .ur ? "۔" : "." }

    /// The fixed texts of the map's furniture.
    public var ui: UIText { UIText.table[self]! }
}

/// The fixed texts of a map in one language (legend rows, scale bar, key lines), written for
/// this project; `%d` stands for a number, written in the language's digits.
public struct UIText: Sendable {
    var legend, strike, bombing, other, approximate, direction, border, disputed, province, district, river, intermittentRiver, none, town, capital: String
    /// The abbreviation of kilometres ("km", "км", "کیلومتر").
    public internal(set) var km: String
    var geodesic: String
    var atOnePlace: String
    /// "And %d more" (incidents on the map, markers of no label); the kinds that follow are the input's words.
    var andMore: String
    /// The sentences of the subtitle and key on a map in another language than English (whose
    /// own sentences, with their plurals, are kept): "%d incidents" and the like are written as a
    /// label and a number where the language would inflect the noun; `%@` stands for a place.
    public var incidentsCount, claims, markersCount, killedInAll, described, near, largestClaim: String

    /// The texts, one language a line, tab-separated in the order of the members above
    /// (`columns`); parsed once.
    static let rows = """
en	Legend	Strike (missile, drone, air, artillery)	Bombing (IED, suicide bomb, grenade)	Attack, clash or other incident	Approximate location (radius)	Strike direction (from origin)	International border	Disputed boundary	Province boundary	District boundary	River	Intermittent river	None	Town	Capital	km	geodesic, at map centre	Area ∝ incidents at one place	And %d more	%d incidents	figures are claims, attributed	%d markers	%d fatalities claimed in all	Each is described in its marker’s tooltip and, with every claim and source, in the GeoJSON layer.	near %@	each incident’s largest claim
fr	Légende	Frappe (missile, drone, aérienne, artillerie)	Attentat à l’explosif (EEI, kamikaze, grenade)	Attaque, affrontement ou autre incident	Lieu approximatif (rayon)	Direction de la frappe (depuis l’origine)	Frontière internationale	Frontière contestée	Limite de province	Limite de district	Cours d’eau	Cours d’eau intermittent	Aucun	Ville	Capitale	km	géodésique, au centre de la carte	Aire ∝ incidents en un lieu	Et %d de plus	Incidents : %d	chiffres : revendications attribuées	marqueurs : %d	morts revendiqués au total : %d	Chacun est décrit dans l’infobulle de son marqueur et, avec chaque revendication et source, dans la couche GeoJSON.	près de %@	la plus forte revendication de chaque incident
ru	Условные обозначения	Удар (ракета, дрон, авиация, артиллерия)	Взрыв (СВУ, смертник, граната)	Нападение, столкновение или иной инцидент	Приблизительное место (радиус)	Направление удара (от места пуска)	Государственная граница	Спорная граница	Граница области	Граница района	Река	Пересыхающая река	Нет	Город	Столица	км	геодезически, в центре карты	Площадь ∝ инцидентам в одном месте	И ещё %d	Инцидентов: %d	цифры — заявления сторон, с указанием источника	маркеров: %d	заявлено погибших всего: %d	Каждый описан во всплывающей подсказке маркера и, со всеми заявлениями и источниками, в слое GeoJSON.	вблизи пункта %@	по наибольшему заявлению о каждом инциденте
uk	Умовні позначення	Удар (ракета, дрон, авіація, артилерія)	Вибух (СВП, смертник, граната)	Напад, зіткнення чи інший інцидент	Приблизне місце (радіус)	Напрямок удару (від місця пуску)	Державний кордон	Спірний кордон	Межа області	Межа району	Річка	Пересихаюча річка	Немає	Місто	Столиця	км	геодезично, у центрі карти	Площа ∝ інцидентам в одному місці	І ще %d	Інцидентів: %d	цифри — заяви сторін, із зазначенням джерела	маркерів: %d	заявлено загиблих загалом: %d	Кожен описано в підказці маркера та, з усіма заявами й джерелами, у шарі GeoJSON.	поблизу пункту %@	за найбільшою заявою щодо кожного інциденту
fa	راهنما	حمله (موشک، پهپاد، هوایی، توپخانه)	انفجار (بمب دست‌ساز، انتحاری، نارنجک)	حمله، درگیری یا رویداد دیگر	مکان تقریبی (شعاع)	جهت حمله (از مبدأ)	مرز بین‌المللی	مرز مورد مناقشه	مرز استان	مرز شهرستان	رود	رود فصلی	هیچ	شهر	پایتخت	کیلومتر	ژئودزیک، در مرکز نقشه	مساحت ∝ رویدادها در یک مکان	و %d مورد دیگر	رویدادها: %d	ارقام، ادعای طرف‌ها با ذکر منبع است	نشانگرها: %d	کشته‌های ادعاشده در مجموع: %d	شرح هر یک در راهنمای نشانگر آن و، با همهٔ ادعاها و منابع، در لایهٔ GeoJSON آمده است.	نزدیک %@	بیشترین ادعا برای هر رویداد
ur	علامات	حملہ (میزائل، ڈرون، فضائی، توپخانہ)	دھماکہ (آئی ای ڈی، خودکش، دستی بم)	حملہ، جھڑپ یا دیگر واقعہ	تخمینی مقام (نصف قطر)	حملے کی سمت (مقامِ آغاز سے)	بین الاقوامی سرحد	متنازع سرحد	صوبائی حد	ضلعی حد	دریا	موسمی دریا	کوئی نہیں	شہر	دارالحکومت	کلومیٹر	جیوڈیسک، نقشے کے مرکز پر	رقبہ ∝ ایک مقام پر واقعات	اور %d مزید	واقعات: %d	اعداد فریقین کے دعوے ہیں، حوالے کے ساتھ	نشانات: %d	کل دعویٰ کردہ ہلاکتیں: %d	ہر ایک کی تفصیل اس کے نشان کے ٹول ٹپ میں، اور تمام دعووں اور ذرائع کے ساتھ GeoJSON پرت میں ہے۔	%@ کے قریب	ہر واقعے کا سب سے بڑا دعویٰ
ps	لارښود	برید (توغندی، ډرون، هوايي، توپخانه)	چاودنه (لاسي جوړ بم، ځانمرګی، لاسي بم)	برید، نښته یا بله پېښه	نږدې ځای (شعاع)	د برید لوری (له پیل ځای)	نړیواله پوله	شخړه‌یزه پوله	د ولایت پوله	د ولسوالۍ پوله	سیند	موسمي سیند	هیڅ	ښار	پلازمېنه	کيلومتره	جيوډيزيک، د نقشې په منځ کې	مساحت ∝ په یوه ځای کې پېښې	او %d نورې	پېښې: %d	شمېرې د اړخونو ادعاوې دي، له سرچینې سره	نښې: %d	ټولټال ادعا شوي وژل شوي: %d	هره یوه د خپلې نښې په لارښود کې، او له ټولو ادعاوو او سرچینو سره د GeoJSON په پاڼه کې بیان شوې ده.	%@ ته نږدې	د هرې پېښې تر ټولو لویه ادعا
ar	مفتاح الخريطة	ضربة (صاروخ، مسيّرة، جوية، مدفعية)	تفجير (عبوة ناسفة، انتحاري، قنبلة يدوية)	هجوم أو اشتباك أو حادث آخر	موقع تقريبي (نصف القطر)	اتجاه الضربة (من المصدر)	حدود دولية	حدود متنازع عليها	حدود المحافظة	حدود المنطقة	نهر	نهر موسمي	لا شيء	مدينة	عاصمة	كم	جيوديسي، في مركز الخريطة	المساحة ∝ الحوادث في مكان واحد	و%d أخرى	الحوادث: %d	الأرقام ادعاءات منسوبة إلى أصحابها	العلامات: %d	إجمالي القتلى المُدّعى: %d	كلٌّ منها موصوف في تلميح علامته، ومع كل ادعاء ومصدر في طبقة GeoJSON.	قرب %@	أكبر ادعاء لكل حادث
"""
    static let columns = ["legend", "strike", "bombing", "other", "approximate", "direction", "border", "disputed", "province", "district",
                          "river", "intermittentRiver", "none", "town", "capital", "km", "geodesic", "atOnePlace", "andMore",
                          "incidentsCount", "claims", "markersCount", "killedInAll", "described", "near", "largestClaim"]

    static let table: [MapLanguage: UIText] = {
        var table: [MapLanguage: UIText] = [:]
        for line in rows.split(separator: "\n") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(cells.count == columns.count + 1, "UIText row of \(cells.first ?? "?")")
            let t = Dictionary(uniqueKeysWithValues: zip(columns, cells.dropFirst()))
            table[MapLanguage(rawValue: cells[0])!] = UIText(
                legend: t["legend"]!, strike: t["strike"]!, bombing: t["bombing"]!, other: t["other"]!, approximate: t["approximate"]!,
                direction: t["direction"]!, border: t["border"]!, disputed: t["disputed"]!, province: t["province"]!, district: t["district"]!,
                river: t["river"]!, intermittentRiver: t["intermittentRiver"]!, none: t["none"]!,
                town: t["town"]!, capital: t["capital"]!, km: t["km"]!, geodesic: t["geodesic"]!, atOnePlace: t["atOnePlace"]!, andMore: t["andMore"]!,
                incidentsCount: t["incidentsCount"]!, claims: t["claims"]!, markersCount: t["markersCount"]!, killedInAll: t["killedInAll"]!,
                described: t["described"]!, near: t["near"]!, largestClaim: t["largestClaim"]!)
        }
        return table
    }()

    /// `template` with its `%d` replaced by `value` grouped and in `language`'s digits.
    public static func format(_ template: String, _ value: Int, _ language: MapLanguage) -> String {
        template.replacingOccurrences(of: "%d", with: language.number(value))
    }

    /// `template` with its `%@` replaced by `text`.
    static func format(_ template: String, _ text: String) -> String {
        template.replacingOccurrences(of: "%@", with: text)
    }
}
