/// The texts of the timeline strip (`--timeline`): its caption, a crowded day's tooltip, the
/// events' key lines, and its title when it is drawn apart (a report's chronology). The axis
/// takes its month names and digits from `MapLanguage`.
public enum TimelineText: String, MapTexts {
    case caption, crowdedDay, crowdedDays, spans, flags, crowdedSummary, event, eventSources, eventEntry, title
    case histogramCaption, histogramSpans, histogramBin, unitDay, unitWeek, unitMonth, unitYear

    public static let table = TextTable<TimelineText>("""
    caption
    en: Timeline: each mark is an incident, shaped as on the map and numbered as in the key
    fr: Chronologie : chaque marque est un incident, de la forme de son marqueur et numérotée comme sous la carte
    ru: Хронология: каждая отметка — инцидент, той же формы, что на карте, и с тем же номером, что в списке под картой
    uk: Хронологія: кожна позначка — інцидент, тієї ж форми, що на карті, і з тим самим номером, що в переліку під картою
    fa: خط زمان: هر نشانه یک رویداد است، به شکل نشانگرش روی نقشه و با همان شماره‌ای که زیر نقشه آمده
    ur: ٹائم لائن: ہر نشان ایک واقعہ ہے، اسی شکل کا جو نقشے پر ہے اور اسی نمبر کے ساتھ جو نقشے کے نیچے فہرست میں ہے
    ps: مهال‌وېش: هره نښه یوه پېښه ده، د نقشې د نښې په بڼه او هماغه شمېره چې د نقشې لاندې راغلې
    ar: الخط الزمني: كل علامة حادث، بشكل علامته على الخريطة وبرقمه في القائمة أسفلها

    crowdedDay
    en: a bar with a number counts the incidents of a crowded day
    fr: une barre chiffrée compte les incidents d’un jour chargé
    ru: столбик с числом — инциденты насыщенного дня
    uk: стовпчик із числом — інциденти насиченого дня
    fa: میله‌ای با عدد، رویدادهای یک روز پرحادثه را می‌شمارد
    ur: عدد والی پٹی کسی مصروف دن کے واقعات گنتی ہے
    ps: شمېره لرونکې پټه د یوې ګڼې ورځې پېښې شمېري
    ar: العمود المرقّم يعدّ حوادث يوم مزدحم

    crowdedDays
    en: a bar with a number counts the incidents of a crowded few days
    fr: une barre chiffrée compte les incidents de quelques jours chargés
    ru: столбик с числом — инциденты нескольких насыщенных дней
    uk: стовпчик із числом — інциденти кількох насичених днів
    fa: میله‌ای با عدد، رویدادهای چند روز پرحادثه را می‌شمارد
    ur: عدد والی پٹی چند مصروف دنوں کے واقعات گنتی ہے
    ps: شمېره لرونکې پټه د څو ګڼو ورځو پېښې شمېري
    ar: العمود المرقّم يعدّ حوادث بضعة أيام مزدحمة

    spans
    en: long bars span the dates of incidents known only to the month or as a range
    fr: les barres longues couvrent les dates des incidents connus seulement au mois près ou comme une période
    ru: длинные полосы охватывают даты инцидентов, известных лишь с точностью до месяца или как период
    uk: довгі смуги охоплюють дати інцидентів, відомих лише з точністю до місяця або як період
    fa: میله‌های بلند تاریخ رویدادهایی را در بر می‌گیرند که فقط ماهشان یا بازه‌ای از تاریخ‌ها معلوم است
    ur: لمبی پٹیاں ان واقعات کی تاریخوں پر پھیلی ہیں جن کا صرف مہینہ یا تاریخوں کا دورانیہ معلوم ہے
    ps: اوږدې پټې د هغو پېښو نېټې پوښي چې یوازې میاشت یا د نېټو موده یې معلومه ده
    ar: الأعمدة الطويلة تمتد على تواريخ حوادث لا يُعرف منها إلا الشهر أو فترة من التواريخ

    flags
    en: lettered flags are events without a place
    fr: les drapeaux à lettre sont des événements sans lieu
    ru: флажки с буквами — события без места
    uk: прапорці з літерами — події без місця
    fa: پرچم‌های حرف‌دار رخدادهای بی‌مکان‌اند
    ur: حرف والے جھنڈے بغیر مقام کی پیش رفت ہیں
    ps: توري لرونکي بیرغونه بې ځایه پرمختګونه دي
    ar: الأعلام ذات الحروف أحداث بلا مكان

    crowdedSummary
    en: {count} incidents, {dates}: {kinds}; {killed} fatalities claimed in all.
    fr: Incidents : {count}, {dates} : {kinds} ; morts revendiqués au total : {killed}.
    ru: Инцидентов: {count}, {dates}: {kinds}; заявлено погибших всего: {killed}.
    uk: Інцидентів: {count}, {dates}: {kinds}; заявлено загиблих загалом: {killed}.
    fa: رویدادها: {count}، {dates}: {kinds}؛ کشته‌های ادعاشده در مجموع: {killed}.
    ur: واقعات: {count}، {dates}: {kinds}؛ کل دعویٰ کردہ ہلاکتیں: {killed}۔
    ps: پېښې: {count}، {dates}: {kinds}؛ ټولټال ادعا شوي وژل شوي: {killed}.
    ar: الحوادث: {count}، {dates}: {kinds}؛ إجمالي القتلى المُدّعى: {killed}.

    event
    en: {label}. {date} — {text}
    fr: {label}. {date} — {text}
    ru: {label}. {date} — {text}
    uk: {label}. {date} — {text}
    fa: {label}. {date} — {text}
    ur: {label}. {date} — {text}
    ps: {label}. {date} — {text}
    ar: {label}. {date} — {text}

    eventSources
    en: {count|Source|Sources}: {list}.
    fr: {count|Source|Sources} : {list}.
    ru: {count|Источник|Источники}: {list}.
    uk: {count|Джерело|Джерела}: {list}.
    fa: {count|منبع|منابع}: {list}.
    ur: {count|ماخذ|ذرائع}: {list}۔
    ps: {count|سرچینه|سرچینې}: {list}.
    ar: {count|المصدر|المصادر}: {list}.

    eventEntry
    en: Event {entry}
    fr: Événement {entry}
    ru: Событие {entry}
    uk: Подія {entry}
    fa: رخداد {entry}
    ur: پیش رفت {entry}
    ps: پرمختګ {entry}
    ar: حدث {entry}

    histogramCaption
    en: Timeline: incidents per {unit}, by the day each began, coloured by kind as on the map; the tallest bar counts {max}
    fr: Chronologie : incidents par {unit}, selon le jour où chacun a commencé, colorés selon leur type comme sur la carte ; la plus haute barre en compte {max}
    ru: Хронология: инциденты за {unit} по дню начала каждого, цветом по типу, как на карте; самый высокий столбик — {max}
    uk: Хронологія: інциденти за {unit} за днем початку кожного, кольором за типом, як на карті; найвищий стовпчик — {max}
    fa: خط زمان: رویدادها در هر {unit} بر پایهٔ روز آغاز هر یک، به رنگ نوعشان مانند نقشه؛ بلندترین میله {max} رویداد را می‌شمارد
    ur: ٹائم لائن: ہر {unit} کے واقعات، ہر ایک کے آغاز کے دن کے حساب سے، نقشے کی طرح قسم کے رنگ میں؛ سب سے اونچی پٹی {max} واقعات گنتی ہے
    ps: مهال‌وېش: پېښې د {unit} له مخې، د هرې د پیل د ورځې پر بنسټ، د نقشې په څېر د ډول په رنګ؛ تر ټولو لوړه پټه {max} پېښې شمېري
    ar: الخط الزمني: الحوادث في كل {unit} حسب يوم بدء كل منها، ملوّنة حسب نوعها كما على الخريطة؛ أطول عمود يعدّ {max}

    histogramSpans
    en: {count} incidents known only to the month or as a range are counted on their first day
    fr: {count} incidents connus seulement au mois près ou comme une période sont comptés à leur premier jour
    ru: {count} инцидентов, известных лишь с точностью до месяца или как период, учтены в первый их день
    uk: {count} інцидентів, відомих лише з точністю до місяця або як період, враховано в перший їхній день
    fa: {count} رویداد که فقط ماهشان یا بازه‌ای از تاریخ‌ها معلوم است، در نخستین روزشان شمرده شده‌اند
    ur: {count} واقعات، جن کا صرف مہینہ یا تاریخوں کا دورانیہ معلوم ہے، اپنے پہلے دن میں گنے گئے ہیں
    ps: {count} پېښې چې یوازې میاشت یا د نېټو موده یې معلومه ده، په لومړۍ ورځ کې شمېرل شوې دي
    ar: {count} حادثًا لا يُعرف منها إلا الشهر أو فترة من التواريخ عُدّت في يومها الأول

    histogramBin
    en: {count} incidents, {dates}: {kinds}.
    fr: Incidents : {count}, {dates} : {kinds}.
    ru: Инцидентов: {count}, {dates}: {kinds}.
    uk: Інцидентів: {count}, {dates}: {kinds}.
    fa: رویدادها: {count}، {dates}: {kinds}.
    ur: واقعات: {count}، {dates}: {kinds}۔
    ps: پېښې: {count}، {dates}: {kinds}.
    ar: الحوادث: {count}، {dates}: {kinds}.

    unitDay
    en: day
    fr: jour
    ru: день
    uk: день
    fa: روز
    ur: دن
    ps: ورځې
    ar: يوم

    unitWeek
    en: week
    fr: semaine
    ru: неделю
    uk: тиждень
    fa: هفته
    ur: ہفتے
    ps: اونۍ
    ar: أسبوع

    unitMonth
    en: month
    fr: mois
    ru: месяц
    uk: місяць
    fa: ماه
    ur: مہینے
    ps: میاشتې
    ar: شهر

    unitYear
    en: year
    fr: an
    ru: год
    uk: рік
    fa: سال
    ur: سال
    ps: کال
    ar: سنة

    title
    en: Timeline: {title}
    fr: Chronologie : {title}
    ru: Хронология: {title}
    uk: Хронологія: {title}
    fa: خط زمان: {title}
    ur: ٹائم لائن: {title}
    ps: مهال‌وېش: {title}
    ar: الخط الزمني: {title}
    """)
}
