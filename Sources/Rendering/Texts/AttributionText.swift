/// The attribution under a map: the data's credits, the projection, the incidents' sources.
/// Dataset names, versions and licences stay as the data publishes them (`sources.json`); the
/// words around them are the language's. The data build's own wording of a credit ("Made with
/// Natural Earth.", "contains data from GeoNames …") is recognised by its English template below
/// (`translated`) and written in the map's language; other wording is kept as published.
public enum AttributionText: String, MapTexts {
    case bordersAndCountries, worldview, worldviewDefault, borderAsDrawn, provinces, places, cityNames, districts, rivers, relief
    case projection, defaultCRS, worldCRS, incidentSources, incidentSourcesInclude, coverage, publicDomain
    case madeWith, containsData, containsDataShort, fittedToCountries, fittedToProvinces

    /// The data build's wordings a credit may take, tried in order by `translated`.
    static let dataWordings: [AttributionText] = [.madeWith, .containsData, .containsDataShort, .fittedToCountries, .fittedToProvinces, .districts]

    /// A credit or a dataset's description as the data gives it, in `language` where it has one of
    /// the data build's wordings (`dataWordings`; the dataset it names kept as published), else as it is.
    public static func translated(_ published: String, in language: MapLanguage) -> String {
        guard language != .en else { return published }
        for key in dataWordings {
            let template = table.template(key, .en)
            guard let slot = template.range(of: "{dataset}") else { continue }
            let prefix = template[..<slot.lowerBound], suffix = template[slot.upperBound...]
            if published.count > prefix.count + suffix.count, published.hasPrefix(prefix), published.hasSuffix(suffix) {
                let dataset = String(published.dropFirst(prefix.count).dropLast(suffix.count))
                return key.text(in: language, ["dataset": .text(translated(dataset, in: language))])
            }
        }
        return published
    }

    /// A licence as the data names it: "public domain" in the language, a licence's own name as it is.
    public static func licence(_ published: String, in language: MapLanguage) -> String {
        published == table.template(.publicDomain, .en) ? publicDomain.text(in: language) : published
    }

    public static let table = TextTable<AttributionText>("""
    bordersAndCountries
    en: Borders and countries: {dataset} ({licence})
    fr: Frontières et pays : {dataset} ({licence})
    ru: Границы и страны: {dataset} ({licence})
    uk: Кордони та країни: {dataset} ({licence})
    fa: مرزها و کشورها: {dataset} ({licence})
    ur: سرحدیں اور ممالک: {dataset} ({licence})
    ps: پولې او هېوادونه: {dataset} ({licence})
    ar: الحدود والدول: {dataset} ({licence})

    worldview
    en: point of view of {country} ({code})
    fr: point de vue : {country} ({code})
    ru: точка зрения: {country} ({code})
    uk: точка зору: {country} ({code})
    fa: از دیدگاه {country} ({code})
    ur: {country} کے نقطۂ نظر سے ({code})
    ps: د {country} له نظره ({code})
    ar: من وجهة نظر {country} ({code})

    worldviewDefault
    en: point of view of {country} ({code}, the default)
    fr: point de vue : {country} ({code}, par défaut)
    ru: точка зрения: {country} ({code}, по умолчанию)
    uk: точка зору: {country} ({code}, за замовчуванням)
    fa: از دیدگاه {country} ({code}، پیش‌فرض)
    ur: {country} کے نقطۂ نظر سے ({code}، پہلے سے طے شدہ)
    ps: د {country} له نظره ({code}، تلواله)
    ar: من وجهة نظر {country} ({code}، الافتراضية)

    borderAsDrawn
    en: {border} border as drawn: {length} km (geodesic, this dataset)
    fr: frontière {border} telle que tracée : {length} km (géodésique, dans ces données)
    ru: граница {border} на карте: {length} км (геодезическая длина, по этим данным)
    uk: кордон {border} на карті: {length} км (геодезична довжина, за цими даними)
    fa: مرز {border} آن‌گونه که رسم شده: {length} کیلومتر (ژئودزیک، در همین داده‌ها)
    ur: {border} سرحد، جیسی کھینچی گئی: {length} کلومیٹر (جیوڈیسک، اسی ڈیٹا میں)
    ps: د {border} پوله لکه څنګه چې رسم شوې: {length} کيلومتره (جيوډيزيک، په همدې معلوماتو کې)
    ar: حدود {border} كما رُسمت: {length} كم (جيوديسي، في هذه البيانات)

    provinces
    en: Provinces: {dataset}.
    fr: Provinces : {dataset}.
    ru: Области: {dataset}.
    uk: Області: {dataset}.
    fa: استان‌ها: {dataset}.
    ur: صوبے: {dataset}۔
    ps: ولایتونه: {dataset}.
    ar: المحافظات: {dataset}.

    places
    en: Places: {dataset}.
    fr: Lieux : {dataset}.
    ru: Населённые пункты: {dataset}.
    uk: Населені пункти: {dataset}.
    fa: مکان‌ها: {dataset}.
    ur: مقامات: {dataset}۔
    ps: ځایونه: {dataset}.
    ar: الأماكن: {dataset}.

    cityNames
    en: Names of major cities: {dataset}.
    fr: Noms des grandes villes : {dataset}.
    ru: Названия крупных городов: {dataset}.
    uk: Назви великих міст: {dataset}.
    fa: نام شهرهای بزرگ: {dataset}.
    ur: بڑے شہروں کے نام: {dataset}۔
    ps: د لویو ښارونو نومونه: {dataset}.
    ar: أسماء المدن الكبرى: {dataset}.

    districts
    en: Districts: {dataset}.
    fr: Districts : {dataset}.
    ru: Районы: {dataset}.
    uk: Райони: {dataset}.
    fa: شهرستان‌ها: {dataset}.
    ur: اضلاع: {dataset}۔
    ps: ولسوالۍ: {dataset}.
    ar: المناطق: {dataset}.

    rivers
    en: Rivers: {dataset}.
    fr: Cours d’eau : {dataset}.
    ru: Реки: {dataset}.
    uk: Річки: {dataset}.
    fa: رودها: {dataset}.
    ur: دریا: {dataset}۔
    ps: سیندونه: {dataset}.
    ar: الأنهار: {dataset}.

    relief
    en: Relief: shading from {dataset}'s shaded relief ({licence}; a {grid} grid, about {km} km).
    fr: Relief : ombrage tiré du relief ombré de {dataset} ({licence} ; grille de {grid}, environ {km} km).
    ru: Рельеф: отмывка по теневому рельефу {dataset} ({licence}; сетка {grid}, около {km} км).
    uk: Рельєф: відмивка за тіньовим рельєфом {dataset} ({licence}; сітка {grid}, близько {km} км).
    fa: برجستگی: سایه‌روشن از نقشهٔ برجستگی سایه‌دار {dataset} ({licence}؛ شبکهٔ {grid}، حدود {km} کیلومتر).
    ur: سطح زمین کا ابھار: {dataset} کے سایہ دار ابھار سے سایہ کاری ({licence}؛ {grid} کا جال، تقریباً {km} کلومیٹر)۔
    ps: د ځمکې لوړوالی: د {dataset} د سیوري لرونکي لوړوالي سیوري ({licence}؛ {grid} جال، شاوخوا {km} کيلومتره).
    ar: التضاريس: تظليل من التضاريس المظللة لبيانات {dataset} ({licence}؛ شبكة {grid}، نحو {km} كم).

    projection
    en: Projection: {crs}. Made with incidentmap.
    fr: Projection : {crs}. Carte réalisée avec incidentmap.
    ru: Проекция: {crs}. Карта создана в incidentmap.
    uk: Проєкція: {crs}. Карту створено в incidentmap.
    fa: سیستم تصویر: {crs}. ساخته‌شده با incidentmap.
    ur: نقشے کا مسقط: {crs}۔ incidentmap سے تیار کیا گیا۔
    ps: د نقشې مسقط: {crs}. د incidentmap په مرسته جوړ شوی.
    ar: الإسقاط: {crs}. أُعدّت الخريطة باستخدام incidentmap.

    defaultCRS
    en: azimuthal equidistant centred on the incidents (WGS84)
    fr: azimutale équidistante centrée sur les incidents (WGS84)
    ru: азимутальная равнопромежуточная, с центром в районе инцидентов (WGS84)
    uk: азимутальна рівнопроміжна, з центром у районі інцидентів (WGS84)
    fa: سمتی هم‌فاصله، به مرکز محدودهٔ رویدادها (WGS84)
    ur: سمتی مساوی الفاصلہ، واقعات کے علاقے پر مرکوز (WGS84)
    ps: سمتي مساوي واټن، د پېښو د سیمې په مرکز (WGS84)
    ar: سمتي متساوي المسافات، مركزه منطقة الحوادث (WGS84)

    worldCRS
    en: Equal Earth centred on {meridian} (WGS84), the incidents spanning a hemisphere or more
    fr: Equal Earth centrée sur {meridian} (WGS84), les incidents couvrant un hémisphère ou plus
    ru: Equal Earth с центром на {meridian} (WGS84): инциденты охватывают полушарие или больше
    uk: Equal Earth з центром на {meridian} (WGS84): інциденти охоплюють півкулю або більше
    fa: Equal Earth به مرکز {meridian} (WGS84)، چون رویدادها یک نیمکره یا بیشتر را در بر می‌گیرند
    ur: Equal Earth، مرکز {meridian} (WGS84)، کیونکہ واقعات ایک نصف کرے یا اس سے زیادہ پر پھیلے ہیں
    ps: Equal Earth، مرکز یې {meridian} (WGS84)، ځکه پېښې یوه نیمه کره یا تر هغې ډېره سیمه نیسي
    ar: Equal Earth متمركز على {meridian} (WGS84)، إذ تمتد الحوادث على نصف الكرة الأرضية أو أكثر

    incidentSources
    en: Incident sources: {outlets}. Casualty figures are the claims of the parties named, not verified.
    fr: Sources des incidents : {outlets}. Les bilans sont les affirmations des parties citées, non vérifiées.
    ru: Источники сведений об инцидентах: {outlets}. Данные о жертвах — заявления названных сторон, не проверенные.
    uk: Джерела відомостей про інциденти: {outlets}. Дані про жертви — заяви названих сторін, неперевірені.
    fa: منابع رویدادها: {outlets}. آمار تلفات ادعای طرف‌های نام‌برده است و راستی‌آزمایی نشده است.
    ur: واقعات کے ذرائع: {outlets}۔ ہلاکتوں کے اعداد نامزد فریقین کے دعوے ہیں، ان کی تصدیق نہیں ہوئی۔
    ps: د پېښو سرچینې: {outlets}. د تلفاتو شمېرې د یادو شویو اړخونو ادعاوې دي، تایید شوې نه دي.
    ar: مصادر الحوادث: {outlets}. أرقام الضحايا ادعاءات الأطراف المذكورة، ولم يُتحقَّق منها.

    incidentSourcesInclude
    en: Incident sources include: {outlets}. Figures are the claims of the sources, not verified.
    fr: Parmi les sources des incidents : {outlets}. Les chiffres sont les affirmations des sources, non vérifiées.
    ru: Среди источников сведений об инцидентах: {outlets}. Цифры — заявления источников, не проверенные.
    uk: Серед джерел відомостей про інциденти: {outlets}. Цифри — заяви джерел, неперевірені.
    fa: از جمله منابع رویدادها: {outlets}. ارقام ادعای منابع است و راستی‌آزمایی نشده است.
    ur: واقعات کے ذرائع میں شامل ہیں: {outlets}۔ اعداد ذرائع کے دعوے ہیں، ان کی تصدیق نہیں ہوئی۔
    ps: د پېښو په سرچینو کې: {outlets}. شمېرې د سرچینو ادعاوې دي، تایید شوې نه دي.
    ar: من مصادر الحوادث: {outlets}. الأرقام ادعاءات المصادر، ولم يُتحقَّق منها.

    coverage
    en: The bundled data covers {coverage} only: land, borders and places beyond it are not drawn, and incidents there have no country or border distance.
    fr: Les données fournies ne couvrent que {coverage} : au-delà, terres, frontières et lieux ne sont pas dessinés, et les incidents n’y ont ni pays ni distance à une frontière.
    ru: Встроенные данные охватывают только {coverage}: за их пределами суша, границы и населённые пункты не показаны, а для инцидентов там неизвестны страна и расстояние до границы.
    uk: Вбудовані дані охоплюють лише {coverage}: поза ними суходіл, кордони й населені пункти не показано, а для інцидентів там невідомі країна й відстань до кордону.
    fa: داده‌های همراه برنامه فقط {coverage} را در بر می‌گیرند: خشکی، مرزها و مکان‌های بیرون از آن رسم نمی‌شوند و کشور رویدادهای آنجا و فاصله‌شان تا مرز معلوم نیست.
    ur: ساتھ دیا گیا ڈیٹا صرف {coverage} کا احاطہ کرتا ہے: اس سے باہر خشکی، سرحدیں اور مقامات نہیں دکھائے جاتے، اور وہاں کے واقعات کا ملک اور سرحد سے فاصلہ معلوم نہیں۔
    ps: ورسره راغلي معلومات یوازې {coverage} پوښي: له دې بهر وچه، پولې او ځایونه نه رسمېږي، او د هغه ځای د پېښو هېواد او له پولې واټن نه دی معلوم.
    ar: لا تغطي البيانات المرفقة إلا {coverage}: لا تُرسم اليابسة والحدود والأماكن خارجها، ولا يُعرف للحوادث هناك بلدٌ ولا بُعدٌ عن الحدود.

    publicDomain
    en: public domain
    fr: domaine public
    ru: общественное достояние
    uk: суспільне надбання
    fa: مالکیت عمومی
    ur: عوامی ملکیت
    ps: عامه ملکیت
    ar: ملكية عامة

    madeWith
    en: Made with {dataset}.
    fr: Réalisé avec {dataset}.
    ru: Создано с использованием {dataset}.
    uk: Створено з використанням {dataset}.
    fa: ساخته‌شده با {dataset}.
    ur: {dataset} کی مدد سے تیار کیا گیا۔
    ps: د {dataset} په مرسته جوړ شوی.
    ar: صُنعت باستخدام {dataset}.

    containsData
    en: Contains data from {dataset}.
    fr: Contient des données de {dataset}.
    ru: Содержит данные {dataset}.
    uk: Містить дані {dataset}.
    fa: دربردارندهٔ داده‌هایی از {dataset}.
    ur: اس میں {dataset} کا ڈیٹا شامل ہے۔
    ps: د {dataset} معلومات پکې شامل دي.
    ar: يتضمن بيانات من {dataset}.

    containsDataShort
    en: contains data from {dataset}
    fr: contient des données de {dataset}
    ru: содержит данные {dataset}
    uk: містить дані {dataset}
    fa: دربردارندهٔ داده‌هایی از {dataset}
    ur: {dataset} کا ڈیٹا شامل ہے
    ps: د {dataset} معلومات پکې شامل دي
    ar: يتضمن بيانات من {dataset}

    fittedToCountries
    en: {dataset}, fitted to the same country edges
    fr: {dataset}, ajustées aux mêmes contours de pays
    ru: {dataset}, подогнаны к тем же границам стран
    uk: {dataset}, припасовані до тих самих меж країн
    fa: {dataset}، منطبق بر همان لبه‌های کشورها
    ur: {dataset}، انہی ملکی حدود کے مطابق ڈھالے گئے
    ps: {dataset}، د هېوادونو له همغو څنډو سره برابر شوي
    ar: {dataset}، مطابَقة مع حواف الدول نفسها

    fittedToProvinces
    en: {dataset}, fitted to the provinces
    fr: {dataset}, ajustés aux provinces
    ru: {dataset}, подогнаны к границам областей
    uk: {dataset}, припасовані до меж областей
    fa: {dataset}، منطبق بر استان‌ها
    ur: {dataset}، صوبوں کے مطابق ڈھالے گئے
    ps: {dataset}، له ولایتونو سره برابر شوي
    ar: {dataset}، مطابَقة مع المحافظات
    """)
}
