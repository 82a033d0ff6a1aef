/// The texts around the incidents' own words: the map's title when the input gives none, a count
/// of incidents (a cell's, a panel's, an arrow's), a merged marker's label, the map's description,
/// a strike arrow's tooltip, and the parts of an incident's key line that are the map's rather
/// than the input's (the place's province and country, how precise the location is, the distance
/// to the border, the sources, and the claim a file's fatalities column becomes). The kind, actor,
/// target and the claims the input states stay as the input gives them.
public enum IncidentText: String, MapTexts {
    case title, titleIn, titleAtSea, atSeaInList, count, mergedTitle, fatalitiesClaimed, otherKinds, mapOf, mapOfNear, strikeDirection, origin
    case keyHead, kindBy, withTarget, location, locationUnit, exact, near, district, province, borderDistance, boundaryDistance, atSea, atSeaOff, outside, sources
    case fatalities, codedEstimate, acledExport, acledCiting, unattributed, claim, unspecifiedKind

    public static let table = TextTable<IncidentText>("""
    title
    en: Incidents
    fr: Incidents
    ru: Инциденты
    uk: Інциденти
    fa: رویدادها
    ur: واقعات
    ps: پېښې
    ar: الحوادث

    titleIn
    en: Incidents in {countries}
    fr: Incidents : {countries}
    ru: Инциденты: {countries}
    uk: Інциденти: {countries}
    fa: رویدادها در {countries}
    ur: {countries} میں واقعات
    ps: په {countries} کې پېښې
    ar: الحوادث في {countries}

    titleAtSea
    en: Incidents at sea
    fr: Incidents en mer
    ru: Инциденты в море
    uk: Інциденти в морі
    fa: رویدادها در دریا
    ur: سمندر میں واقعات
    ps: په سمندر کې پېښې
    ar: الحوادث في البحر

    atSeaInList
    en: at sea
    fr: en mer
    ru: в море
    uk: у морі
    fa: دریا
    ur: سمندر
    ps: سمندر
    ar: البحر

    count
    en: {count} {count|incident|incidents}
    fr: {count} {count|incident|incidents}
    ru: Инцидентов: {count}
    uk: Інцидентів: {count}
    fa: رویدادها: {count}
    ur: واقعات: {count}
    ps: پېښې: {count}
    ar: الحوادث: {count}

    mergedTitle
    en: {number}  {place} · {count} {count|incident|incidents}
    fr: {number}  {place} · {count} {count|incident|incidents}
    ru: {number}  {place} · инцидентов: {count}
    uk: {number}  {place} · інцидентів: {count}
    fa: {number}  {place} · رویدادها: {count}
    ur: {number}  {place} · واقعات: {count}
    ps: {number}  {place} · پېښې: {count}
    ar: {number}  {place} · الحوادث: {count}

    fatalitiesClaimed
    en: {killed} fatalities claimed
    fr: morts revendiqués : {killed}
    ru: заявлено погибших: {killed}
    uk: заявлено загиблих: {killed}
    fa: کشته‌های ادعاشده: {killed}
    ur: دعویٰ کردہ ہلاکتیں: {killed}
    ps: ادعا شوي وژل شوي: {killed}
    ar: القتلى المُدّعى: {killed}

    otherKinds
    en: other kinds ({count})
    fr: autres types ({count})
    ru: другие виды ({count})
    uk: інші види ({count})
    fa: انواع دیگر ({count})
    ur: دیگر اقسام ({count})
    ps: نور ډولونه ({count})
    ar: أنواع أخرى ({count})

    mapOf
    en: Map of {count} {count|incident|incidents}.
    fr: Carte de {count} {count|incident|incidents}.
    ru: Карта инцидентов ({count}).
    uk: Карта інцидентів ({count}).
    fa: نقشهٔ {count} رویداد.
    ur: واقعات کا نقشہ (تعداد: {count})۔
    ps: د پېښو نقشه (شمېر: {count}).
    ar: خريطة الحوادث (العدد: {count}).

    mapOfNear
    en: Map of {count} {count|incident|incidents} near the {borders} border.
    fr: Carte de {count} {count|incident|incidents} près de la frontière {borders}.
    ru: Карта инцидентов ({count}) у границы {borders}.
    uk: Карта інцидентів ({count}) біля кордону {borders}.
    fa: نقشهٔ {count} رویداد در نزدیکی مرز {borders}.
    ur: {borders} سرحد کے قریب واقعات کا نقشہ (تعداد: {count})۔
    ps: د {borders} پولې ته نږدې د پېښو نقشه (شمېر: {count}).
    ar: خريطة الحوادث (العدد: {count}) قرب حدود {borders}.

    strikeDirection
    en: Strike direction: from {origin} to {place}
    fr: Direction de la frappe : {origin} → {place}
    ru: Направление удара: {origin} → {place}
    uk: Напрямок удару: {origin} → {place}
    fa: جهت حمله: از {origin} به {place}
    ur: حملے کی سمت: {origin} سے {place} کی طرف
    ps: د برید لوری: له {origin} څخه {place} ته
    ar: اتجاه الضربة: من {origin} إلى {place}

    origin
    en: origin
    fr: l’origine
    ru: место пуска
    uk: місце пуску
    fa: مبدأ
    ur: مقامِ آغاز
    ps: پیل ځای
    ar: المصدر

    keyHead
    en: {date} — {where}: {what}
    fr: {date} — {where} : {what}
    ru: {date} — {where}: {what}
    uk: {date} — {where}: {what}
    fa: {date} — {where}: {what}
    ur: {date} — {where}: {what}
    ps: {date} — {where}: {what}
    ar: {date} — {where}: {what}

    kindBy
    en: {kind} by {actor}
    fr: {kind} ; auteur : {actor}
    ru: {kind}; сторона: {actor}
    uk: {kind}; сторона: {actor}
    fa: {kind}؛ عامل: {actor}
    ur: {kind}؛ فریق: {actor}
    ps: {kind}؛ اړخ: {actor}
    ar: {kind}؛ الجهة المنفذة: {actor}

    withTarget
    en: {what}; target: {target}
    fr: {what} ; cible : {target}
    ru: {what}; цель: {target}
    uk: {what}; ціль: {target}
    fa: {what}؛ هدف: {target}
    ur: {what}؛ ہدف: {target}
    ps: {what}؛ هدف: {target}
    ar: {what}؛ الهدف: {target}

    location
    en: Location {precision} (±{km} km).
    fr: Localisation : {precision} (±{km} km).
    ru: Местоположение: {precision} (±{km} км).
    uk: Місце: {precision} (±{km} км).
    fa: موقعیت: {precision} (±{km} کیلومتر).
    ur: مقام: {precision} (±{km} کلومیٹر)۔
    ps: ځای: {precision} (±{km} کيلومتره).
    ar: الموقع: {precision} (±{km} كم).

    locationUnit
    en: Location: {unit}, no closer.
    fr: Localisation : {unit}, sans plus de précision.
    ru: Местоположение: {unit}, без уточнения.
    uk: Місце: {unit}, без уточнення.
    fa: موقعیت: {unit}، بدون جزئیات بیشتر.
    ur: مقام: {unit}، مزید تفصیل کے بغیر۔
    ps: ځای: {unit}، پرته له نورو جزئیاتو.
    ar: الموقع: {unit}، دون تحديد أدق.

    exact
    en: exact
    fr: exact
    ru: точно
    uk: точно
    fa: دقیق
    ur: درست
    ps: دقیق
    ar: دقيق

    near
    en: near
    fr: à proximité
    ru: поблизости
    uk: поблизу
    fa: نزدیک
    ur: قریب
    ps: نږدې
    ar: بالقرب

    district
    en: district
    fr: au district près
    ru: с точностью до района
    uk: з точністю до району
    fa: در حد شهرستان
    ur: ضلع کی سطح پر
    ps: د ولسوالۍ په کچه
    ar: على مستوى المنطقة

    province
    en: province
    fr: à la province près
    ru: с точностью до области
    uk: з точністю до області
    fa: در حد استان
    ur: صوبے کی سطح پر
    ps: د ولایت په کچه
    ar: على مستوى المحافظة

    borderDistance
    en: {km} km from the {border} border.
    fr: À {km} km de la frontière {border}.
    ru: {km} км до границы {border}.
    uk: {km} км до кордону {border}.
    fa: {km} کیلومتر تا مرز {border}.
    ur: {border} سرحد سے {km} کلومیٹر۔
    ps: د {border} له پولې {km} کيلومتره.
    ar: على بُعد {km} كم من حدود {border}.

    boundaryDistance
    en: {km} km from the {border} boundary ({class}).
    fr: À {km} km de la limite {border} ({class}).
    ru: {km} км до линии {border} ({class}).
    uk: {km} км до лінії {border} ({class}).
    fa: {km} کیلومتر تا خط {border} ({class}).
    ur: {border} حد ({class}) سے {km} کلومیٹر۔
    ps: د {border} له کرښې ({class}) {km} کيلومتره.
    ar: على بُعد {km} كم من خط {border} ({class}).

    atSea
    en: At sea (in no country's polygon).
    fr: En mer (dans aucun polygone de pays).
    ru: В море (вне полигонов стран).
    uk: У морі (поза полігонами країн).
    fa: در دریا (درون محدودهٔ هیچ کشوری نیست).
    ur: سمندر میں (کسی ملک کی حدود میں نہیں)۔
    ps: په سمندر کې (د هېڅ هېواد په سیمه کې نه).
    ar: في البحر (خارج حدود أي دولة).

    atSeaOff
    en: At sea, {km} km off {country}.
    fr: En mer, à {km} km des côtes ({country}).
    ru: В море, в {km} км от берега ({country}).
    uk: У морі, за {km} км від берега ({country}).
    fa: در دریا، {km} کیلومتر دور از ساحل ({country}).
    ur: سمندر میں، ساحل ({country}) سے {km} کلومیٹر دور۔
    ps: په سمندر کې، له ساحل ({country}) څخه {km} کيلومتره لرې.
    ar: في البحر، على بُعد {km} كم من ساحل ({country}).

    outside
    en: Outside the bundled data ({coverage}): country and border not known.
    fr: Hors des données fournies ({coverage}) : pays et frontière inconnus.
    ru: За пределами встроенных данных ({coverage}): страна и граница неизвестны.
    uk: Поза вбудованими даними ({coverage}): країна й кордон невідомі.
    fa: بیرون از داده‌های همراه برنامه ({coverage}): کشور و مرز معلوم نیست.
    ur: ساتھ دیے گئے ڈیٹا سے باہر ({coverage}): ملک اور سرحد معلوم نہیں۔
    ps: له ورسره راغلو معلوماتو بهر ({coverage}): هېواد او پوله نه ده معلومه.
    ar: خارج البيانات المرفقة ({coverage}): البلد والحدود غير معروفين.

    sources
    en: Sources: {list}.
    fr: Sources : {list}.
    ru: Источники: {list}.
    uk: Джерела: {list}.
    fa: منابع: {list}.
    ur: ذرائع: {list}۔
    ps: سرچینې: {list}.
    ar: المصادر: {list}.

    fatalities
    en: {count} {count|fatality|fatalities}
    fr: morts : {count}
    ru: погибших: {count}
    uk: загиблих: {count}
    fa: کشته‌ها: {count}
    ur: ہلاکتیں: {count}
    ps: وژل شوي: {count}
    ar: القتلى: {count}

    codedEstimate
    en: {count} {count|fatality|fatalities} (coded estimate)
    fr: morts : {count} (estimation des codeurs)
    ru: погибших: {count} (оценка кодировщиков)
    uk: загиблих: {count} (оцінка кодувальників)
    fa: کشته‌ها: {count} (برآورد کدگذاران)
    ur: ہلاکتیں: {count} (کوڈ کرنے والوں کا تخمینہ)
    ps: وژل شوي: {count} (د کوډ کوونکو اټکل)
    ar: القتلى: {count} (تقدير المرمِّزين)

    acledExport
    en: ACLED-format export
    fr: export au format ACLED
    ru: выгрузка в формате ACLED
    uk: вивантаження у форматі ACLED
    fa: خروجی با قالب ACLED
    ur: ACLED فارمیٹ کی برآمد
    ps: د ACLED په بڼه خروجي
    ar: تصدير بصيغة ACLED

    acledCiting
    en: ACLED-format export citing {sources}
    fr: export au format ACLED citant {sources}
    ru: выгрузка в формате ACLED со ссылкой на {sources}
    uk: вивантаження у форматі ACLED з посиланням на {sources}
    fa: خروجی با قالب ACLED به نقل از {sources}
    ur: ACLED فارمیٹ کی برآمد، بحوالہ {sources}
    ps: د ACLED په بڼه خروجي، د {sources} په حواله
    ar: تصدير بصيغة ACLED نقلًا عن {sources}

    unattributed
    en: unattributed
    fr: sans attribution
    ru: без указания источника
    uk: без зазначення джерела
    fa: بدون ذکر منبع
    ur: بغیر حوالے کے
    ps: بې سرچینې
    ar: غير منسوب

    claim
    en: {by}: {statement}.
    fr: {by} : {statement}.
    ru: {by}: {statement}.
    uk: {by}: {statement}.
    fa: {by}: {statement}.
    ur: {by}: {statement}.
    ps: {by}: {statement}.
    ar: {by}: {statement}.

    unspecifiedKind
    en: unspecified
    fr: type non précisé
    ru: тип не указан
    uk: тип не вказано
    fa: نوع نامشخص
    ur: نوعیت نامعلوم
    ps: ډول نامعلوم
    ar: نوع غير محدد
    """)
}
