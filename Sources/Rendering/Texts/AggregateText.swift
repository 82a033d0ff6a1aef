/// The texts of an aggregated map: markers per hexagon (`--aggregate cells`, or past 2,000
/// incidents) and provinces or districts shaded by their incidents (`--aggregate admin1|admin2`):
/// subtitle, legend title, key lines and the map's description.
extension MarkerStyle {
    /// The kind an aggregated map's cells, key and timeline name a style by ("strike",
    /// "bombing", "attack, clash or other").
    public func kindName(in language: MapLanguage) -> String {
        (self == .strike ? AggregateText.kindStrike : self == .explosion ? .kindBombing : .kindOther).text(in: language)
    }
}

public enum AggregateText: String, MapTexts {
    case cellsSubtitle, countriesCount, cellNear, cellKey, cellSizes, cellsSummary
    case kindStrike, kindBombing, kindOther
    case jenks, perProvince, perDistrict, provincesSubtitle, districtsSubtitle, outsideProvinces, outsideDistricts, provinceOnly, countryOnly
    case provinceKey, otherProvinces, otherDistricts, noProvince, noDistrict, coarserThanDistrict, coarserThanProvince, provincesSummary, districtsSummary

    public static let table = TextTable<AggregateText>("""
    cellsSubtitle
    en: {count} incidents in {cells} hexagons {size} km across
    fr: Incidents : {count}, en {cells} {cells|hexagone|hexagones} de {size} km de large
    ru: Инцидентов: {count}; шестиугольников шириной {size} км: {cells}
    uk: Інцидентів: {count}; шестикутників завширшки {size} км: {cells}
    fa: رویدادها: {count} در {cells} شش‌ضلعی به پهنای {size} کیلومتر
    ur: واقعات: {count}؛ {size} کلومیٹر چوڑے مسدس: {cells}
    ps: پېښې: {count}؛ د {size} کيلومترو پلن شپږګوټي: {cells}
    ar: الحوادث: {count}؛ سداسيات بعرض {size} كم: {cells}

    countriesCount
    en: {count} countries
    fr: {count} pays
    ru: стран: {count}
    uk: країн: {count}
    fa: {count} کشور
    ur: ممالک: {count}
    ps: هېوادونه: {count}
    ar: الدول: {count}

    cellNear
    en: {count} {count|incident|incidents} near {place}
    fr: Incidents : {count}, près de {place}
    ru: Инцидентов: {count}, вблизи пункта {place}
    uk: Інцидентів: {count}, поблизу пункту {place}
    fa: رویدادها: {count}، نزدیک {place}
    ur: واقعات: {count}، {place} کے قریب
    ps: پېښې: {count}، {place} ته نږدې
    ar: الحوادث: {count}، قرب {place}

    cellKey
    en: {title} (hexagon centred at {centre}): {kinds}; {killed} fatalities claimed in all.
    fr: {title} (hexagone centré sur {centre}) : {kinds} ; morts revendiqués au total : {killed}.
    ru: {title} (шестиугольник с центром {centre}): {kinds}; заявлено погибших всего: {killed}.
    uk: {title} (шестикутник з центром {centre}): {kinds}; заявлено загиблих загалом: {killed}.
    fa: {title} (شش‌ضلعی به مرکز {centre}): {kinds}؛ کشته‌های ادعاشده در مجموع: {killed}.
    ur: {title} (مسدس، مرکز {centre}): {kinds}؛ کل دعویٰ کردہ ہلاکتیں: {killed}۔
    ps: {title} (شپږګوټی، مرکز یې {centre}): {kinds}؛ ټولټال ادعا شوي وژل شوي: {killed}.
    ar: {title} (سداسي مركزه {centre}): {kinds}؛ إجمالي القتلى المُدّعى: {killed}.

    cellSizes
    en: Area ∝ incidents per hexagon {size} km across
    fr: Aire ∝ incidents par hexagone de {size} km de large
    ru: Площадь ∝ инцидентам в шестиугольнике шириной {size} км
    uk: Площа ∝ інцидентам у шестикутнику завширшки {size} км
    fa: مساحت ∝ رویدادها در هر شش‌ضلعی به پهنای {size} کیلومتر
    ur: رقبہ ∝ {size} کلومیٹر چوڑے ہر مسدس میں واقعات
    ps: مساحت ∝ د {size} کيلومترو پلن په هر شپږګوټي کې پېښې
    ar: المساحة ∝ الحوادث في كل سداسي بعرض {size} كم

    cellsSummary
    en: Map of {count} incidents aggregated into {cells} hexagons {size} km across; a marker's area grows with the number of incidents.
    fr: Carte de {count} {count|incident|incidents} regroupés en {cells} {cells|hexagone|hexagones} de {size} km de large ; l’aire d’un marqueur croît avec le nombre d’incidents.
    ru: Карта инцидентов ({count}), сгруппированных по шестиугольникам шириной {size} км ({cells}); площадь маркера растёт с числом инцидентов.
    uk: Карта інцидентів ({count}), згрупованих за шестикутниками завширшки {size} км ({cells}); площа маркера зростає з кількістю інцидентів.
    fa: نقشهٔ {count} رویداد که در {cells} شش‌ضلعی به پهنای {size} کیلومتر گروه‌بندی شده‌اند؛ مساحت هر نشانگر با شمار رویدادها بزرگ‌تر می‌شود.
    ur: واقعات کا نقشہ (تعداد: {count})، {size} کلومیٹر چوڑے مسدسوں میں یکجا (مسدس: {cells})؛ نشان کا رقبہ واقعات کی تعداد کے ساتھ بڑھتا ہے۔
    ps: د پېښو نقشه (شمېر: {count})، د {size} کيلومترو پلنو شپږګوټو کې راټولې شوې (شپږګوټي: {cells})؛ د نښې مساحت د پېښو له شمېر سره لویېږي.
    ar: خريطة الحوادث (العدد: {count}) مجمّعةً في سداسيات بعرض {size} كم (عددها: {cells})؛ تكبر مساحة العلامة بعدد الحوادث.

    kindStrike
    en: strike
    fr: frappe
    ru: удар
    uk: удар
    fa: حمله از راه دور
    ur: دور سے حملہ
    ps: له لرې برید
    ar: ضربة

    kindBombing
    en: bombing
    fr: attentat à l’explosif
    ru: взрыв
    uk: вибух
    fa: انفجار
    ur: دھماکہ
    ps: چاودنه
    ar: تفجير

    kindOther
    en: attack, clash or other
    fr: attaque, affrontement ou autre
    ru: нападение, столкновение или иное
    uk: напад, зіткнення чи інше
    fa: حمله، درگیری یا دیگر
    ur: حملہ، جھڑپ یا دیگر
    ps: برید، نښته یا نور
    ar: هجوم أو اشتباك أو غيرهما

    jenks
    en: natural breaks (Jenks)
    fr: seuils naturels (Jenks)
    ru: естественные границы (Дженкс)
    uk: природні межі (Дженкс)
    fa: شکست‌های طبیعی (جنکس)
    ur: قدرتی وقفے (جینکس)
    ps: طبیعي وقفې (جنکس)
    ar: الفواصل الطبيعية (جينكس)

    perProvince
    en: Incidents per province, {method}:
    fr: Incidents par province, {method} :
    ru: Инцидентов в области, {method}:
    uk: Інцидентів в області, {method}:
    fa: رویدادها در هر استان، {method}:
    ur: فی صوبہ واقعات، {method}:
    ps: په هر ولایت کې پېښې، {method}:
    ar: الحوادث في كل محافظة، {method}:

    perDistrict
    en: Incidents per district, {method}:
    fr: Incidents par district, {method} :
    ru: Инцидентов в районе, {method}:
    uk: Інцидентів у районі, {method}:
    fa: رویدادها در هر شهرستان، {method}:
    ur: فی ضلع واقعات، {method}:
    ps: په هره ولسوالۍ کې پېښې، {method}:
    ar: الحوادث في كل منطقة، {method}:

    provincesSubtitle
    en: {count} incidents in {units} {units|province|provinces}
    fr: Incidents : {count}, dans {units} {units|province|provinces}
    ru: Инцидентов: {count}; областей: {units}
    uk: Інцидентів: {count}; областей: {units}
    fa: رویدادها: {count} در {units} استان
    ur: واقعات: {count}؛ صوبے: {units}
    ps: پېښې: {count}؛ ولایتونه: {units}
    ar: الحوادث: {count}؛ المحافظات: {units}

    districtsSubtitle
    en: {count} incidents in {units} {units|district|districts}
    fr: Incidents : {count}, dans {units} {units|district|districts}
    ru: Инцидентов: {count}; районов: {units}
    uk: Інцидентів: {count}; районів: {units}
    fa: رویدادها: {count} در {units} شهرستان
    ur: واقعات: {count}؛ اضلاع: {units}
    ps: پېښې: {count}؛ ولسوالۍ: {units}
    ar: الحوادث: {count}؛ المناطق: {units}

    outsideProvinces
    en: ({count} in none)
    fr: (hors province : {count})
    ru: (вне областей: {count})
    uk: (поза областями: {count})
    fa: ({count} بیرون از استان‌ها)
    ur: (کسی صوبے میں نہیں: {count})
    ps: (له ولایتونو بهر: {count})
    ar: (خارج المحافظات: {count})

    outsideDistricts
    en: ({count} in none)
    fr: (hors district : {count})
    ru: (вне районов: {count})
    uk: (поза районами: {count})
    fa: ({count} بیرون از شهرستان‌ها)
    ur: (کسی ضلع میں نہیں: {count})
    ps: (له ولسوالیو بهر: {count})
    ar: (خارج المناطق: {count})

    provinceOnly
    en: ({count} known only to their province or country)
    fr: (connus à la province ou au pays près seulement : {count})
    ru: (известна лишь область или страна: {count})
    uk: (відома лише область або країна: {count})
    fa: ({count} که تنها استان یا کشورشان معلوم است)
    ur: (صرف صوبہ یا ملک معلوم: {count})
    ps: (یوازې ولایت یا هېواد یې معلوم: {count})
    ar: (المحافظة أو الدولة وحدها معروفة: {count})

    countryOnly
    en: ({count} known only to their country)
    fr: (connus au pays près seulement : {count})
    ru: (известна лишь страна: {count})
    uk: (відома лише країна: {count})
    fa: ({count} که تنها کشورشان معلوم است)
    ur: (صرف ملک معلوم: {count})
    ps: (یوازې هېواد یې معلوم: {count})
    ar: (الدولة وحدها معروفة: {count})

    provinceKey
    en: {name}: {count} {count|incident|incidents}; {killed} fatalities claimed in all.
    fr: {name} : {count} {count|incident|incidents} ; morts revendiqués au total : {killed}.
    ru: {name} — инцидентов: {count}; заявлено погибших всего: {killed}.
    uk: {name} — інцидентів: {count}; заявлено загиблих загалом: {killed}.
    fa: {name}: {count} رویداد؛ کشته‌های ادعاشده در مجموع: {killed}.
    ur: {name} — واقعات: {count}؛ کل دعویٰ کردہ ہلاکتیں: {killed}۔
    ps: {name} — پېښې: {count}؛ ټولټال ادعا شوي وژل شوي: {killed}.
    ar: {name} — الحوادث: {count}؛ إجمالي القتلى المُدّعى: {killed}.

    otherProvinces
    en: And {count} {count|incident|incidents} in {units} other {units|province|provinces}, each with its count on the map.
    fr: Et {count} {count|incident|incidents} dans {units} {units|autre province|autres provinces}, chacune avec son nombre sur la carte.
    ru: Другие области ({units}) — инцидентов: {count}; число для каждой указано на карте.
    uk: Інші області ({units}) — інцидентів: {count}; число для кожної подано на карті.
    fa: و {count} رویداد در {units} استان دیگر، که شمار هر یک روی نقشه آمده است.
    ur: دیگر صوبے ({units}) — واقعات: {count}؛ ہر ایک کی تعداد نقشے پر درج ہے۔
    ps: نور ولایتونه ({units}) — پېښې: {count}؛ د هر یوه شمېر پر نقشه ښودل شوی.
    ar: المحافظات الأخرى ({units}) — الحوادث: {count}؛ عدد كلٍّ منها مبيَّن على الخريطة.

    otherDistricts
    en: And {count} {count|incident|incidents} in {units} other {units|district|districts}, each with its count on the map.
    fr: Et {count} {count|incident|incidents} dans {units} {units|autre district|autres districts}, chacun avec son nombre sur la carte.
    ru: Другие районы ({units}) — инцидентов: {count}; число для каждого указано на карте.
    uk: Інші райони ({units}) — інцидентів: {count}; число для кожного подано на карті.
    fa: و {count} رویداد در {units} شهرستان دیگر، که شمار هر یک روی نقشه آمده است.
    ur: دیگر اضلاع ({units}) — واقعات: {count}؛ ہر ایک کی تعداد نقشے پر درج ہے۔
    ps: نورې ولسوالۍ ({units}) — پېښې: {count}؛ د هرې یوې شمېر پر نقشه ښودل شوی.
    ar: المناطق الأخرى ({units}) — الحوادث: {count}؛ عدد كلٍّ منها مبيَّن على الخريطة.

    noProvince
    en: {count} {count|incident lies|incidents lie} in no province (at sea, or outside the boundary data) and {count|is|are} not shaded.
    fr: {count} {count|incident ne se trouve|incidents ne se trouvent} dans aucune province (en mer, ou hors des données de limites) et {count|n’est pas coloré|ne sont pas colorés}.
    ru: Вне областей (в море или за пределами данных о границах), без заливки — инцидентов: {count}.
    uk: Поза областями (у морі або за межами даних про межі), без заливки — інцидентів: {count}.
    fa: {count} رویداد در هیچ استانی نیست (در دریا، یا بیرون از داده‌های مرزی) و رنگ نخورده است.
    ur: کسی صوبے میں نہیں (سمندر میں، یا حدود کے ڈیٹا سے باہر) اور رنگے نہیں گئے — واقعات: {count}۔
    ps: په هېڅ ولایت کې نه (په سمندر کې، یا د پولو له معلوماتو بهر) او رنګ شوې نه دي — پېښې: {count}.
    ar: خارج أي محافظة (في البحر، أو خارج بيانات الحدود) ودون تلوين — الحوادث: {count}.

    noDistrict
    en: {count} {count|incident lies|incidents lie} in no district (at sea, or outside the boundary data) and {count|is|are} not shaded.
    fr: {count} {count|incident ne se trouve|incidents ne se trouvent} dans aucun district (en mer, ou hors des données de limites) et {count|n’est pas coloré|ne sont pas colorés}.
    ru: Вне районов (в море или за пределами данных о границах), без заливки — инцидентов: {count}.
    uk: Поза районами (у морі або за межами даних про межі), без заливки — інцидентів: {count}.
    fa: {count} رویداد در هیچ شهرستانی نیست (در دریا، یا بیرون از داده‌های مرزی) و رنگ نخورده است.
    ur: کسی ضلع میں نہیں (سمندر میں، یا حدود کے ڈیٹا سے باہر) اور رنگے نہیں گئے — واقعات: {count}۔
    ps: په هېڅ ولسوالۍ کې نه (په سمندر کې، یا د پولو له معلوماتو بهر) او رنګ شوې نه دي — پېښې: {count}.
    ar: خارج أي منطقة (في البحر، أو خارج بيانات الحدود) ودون تلوين — الحوادث: {count}.

    coarserThanDistrict
    en: {count} {count|incident is|incidents are} known only to {count|its|their} province or country and {count|is|are} not shaded.
    fr: {count} {count|incident n’est connu|incidents ne sont connus} qu’à la province ou au pays près et {count|n’est pas coloré|ne sont pas colorés}.
    ru: Известна лишь область или страна, без заливки — инцидентов: {count}.
    uk: Відома лише область або країна, без заливки — інцидентів: {count}.
    fa: از {count} رویداد تنها استان یا کشور معلوم است و رنگ نخورده است.
    ur: صرف صوبہ یا ملک معلوم، رنگے نہیں گئے — واقعات: {count}۔
    ps: یوازې ولایت یا هېواد یې معلوم دی، رنګ شوې نه دي — پېښې: {count}.
    ar: المحافظة أو الدولة وحدها معروفة، دون تلوين — الحوادث: {count}.

    coarserThanProvince
    en: {count} {count|incident is|incidents are} known only to {count|its|their} country and {count|is|are} not shaded.
    fr: {count} {count|incident n’est connu|incidents ne sont connus} qu’au pays près et {count|n’est pas coloré|ne sont pas colorés}.
    ru: Известна лишь страна, без заливки — инцидентов: {count}.
    uk: Відома лише країна, без заливки — інцидентів: {count}.
    fa: از {count} رویداد تنها کشور معلوم است و رنگ نخورده است.
    ur: صرف ملک معلوم، رنگے نہیں گئے — واقعات: {count}۔
    ps: یوازې هېواد یې معلوم دی، رنګ شوې نه دي — پېښې: {count}.
    ar: الدولة وحدها معروفة، دون تلوين — الحوادث: {count}.

    provincesSummary
    en: Map of {count} incidents by province: {units} provinces shaded by their number of incidents in {classes} classes.
    fr: Carte de {count} {count|incident|incidents} par province : {units} {units|province colorée|provinces colorées} selon leur nombre d’incidents, en {classes} classes.
    ru: Карта инцидентов ({count}) по областям: области ({units}) окрашены по числу инцидентов, классов: {classes}.
    uk: Карта інцидентів ({count}) за областями: області ({units}) зафарбовано за кількістю інцидентів, класів: {classes}.
    fa: نقشهٔ {count} رویداد به تفکیک استان: {units} استان بر پایهٔ شمار رویدادهایشان در {classes} رده رنگ شده‌اند.
    ur: صوبہ وار واقعات کا نقشہ (تعداد: {count}): صوبے ({units}) واقعات کی تعداد کے لحاظ سے رنگے گئے، درجے: {classes}۔
    ps: د ولایتونو له مخې د پېښو نقشه (شمېر: {count}): ولایتونه ({units}) د پېښو د شمېر له مخې رنګ شوي، کچې: {classes}.
    ar: خريطة الحوادث (العدد: {count}) حسب المحافظة: المحافظات ({units}) ملوّنة بحسب عدد حوادثها، الفئات: {classes}.

    districtsSummary
    en: Map of {count} incidents by district: {units} districts shaded by their number of incidents in {classes} classes.
    fr: Carte de {count} {count|incident|incidents} par district : {units} {units|district coloré|districts colorés} selon leur nombre d’incidents, en {classes} classes.
    ru: Карта инцидентов ({count}) по районам: районы ({units}) окрашены по числу инцидентов, классов: {classes}.
    uk: Карта інцидентів ({count}) за районами: райони ({units}) зафарбовано за кількістю інцидентів, класів: {classes}.
    fa: نقشهٔ {count} رویداد به تفکیک شهرستان: {units} شهرستان بر پایهٔ شمار رویدادهایشان در {classes} رده رنگ شده‌اند.
    ur: ضلع وار واقعات کا نقشہ (تعداد: {count}): اضلاع ({units}) واقعات کی تعداد کے لحاظ سے رنگے گئے، درجے: {classes}۔
    ps: د ولسوالیو له مخې د پېښو نقشه (شمېر: {count}): ولسوالۍ ({units}) د پېښو د شمېر له مخې رنګ شوې، کچې: {classes}.
    ar: خريطة الحوادث (العدد: {count}) حسب المنطقة: المناطق ({units}) ملوّنة بحسب عدد حوادثها، الفئات: {classes}.
    """)
}
