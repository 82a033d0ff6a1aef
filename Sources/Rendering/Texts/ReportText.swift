/// The texts of `incidentmap report` (HTML and Markdown): headings, column headers, captions, the
/// chronology's marks and the footer, and the words of "How this map was made" around what stays
/// as the data and the gazetteer write it (an audit trail: queries, names, ids, match kinds, the
/// runners-up, the datasets' descriptions).
/// The heading of the incidents' table is the map's default title (`IncidentText.title`).
public enum ReportText: String, MapTexts {
    case figcaption, tableNote
    case colDate, colReported, colPlacedAt, colPlacedAtShort, colWhere, colBorder, colKind, colActor, colClaims, colClaimsShort, colSources
    case chronologyHeading, colOnMap, colWhat, marker, eventOnly, whatBy, rowOfTable, coordinatesGiven
    case timelineCaption, timelineNotDrawn, timelineCountsCaption
    case byDay, byWeek, byMonth, byQuarter, byYear, multiplesCaption
    case howMade, placing, dataLicences, projectionHeading, mapCRS, crsWKT
    case incidentSources, noneGiven, madeWith, mapAlt, timelineAlt, pngNote
    case noteCoordinates, noteName, noteContext, noteNear, noteAccepted, noteLocation, noteAlsoWeighed, runnerUp, country, region
    case dataCountries, dataProjection, dataBorder

    public static let table = TextTable<ReportText>("""
    figcaption
    en: Map: incidents as placed by incidentmap; halos show approximate locations, arrows the direction from a strike's origin. Figures are claims, attributed to who makes them.
    fr: Carte : incidents tels que placés par incidentmap ; les halos marquent les localisations approximatives, les flèches la direction depuis l’origine d’une frappe. Les chiffres sont des revendications, attribuées à qui les avance.
    ru: Карта: инциденты, размещённые incidentmap; ореолы показывают приблизительное местоположение, стрелки — направление от места, откуда нанесён удар. Цифры — заявления сторон с указанием, кто их делает.
    uk: Карта: інциденти, розміщені incidentmap; ореоли позначають приблизне місце, стрілки — напрямок від місця, звідки завдано удару. Цифри — заяви сторін із зазначенням, хто їх робить.
    fa: نقشه: رویدادها آن‌گونه که incidentmap جای‌گذاری کرده است؛ هاله‌ها مکان‌های تقریبی و پیکان‌ها جهت حمله از مبدأ آن را نشان می‌دهند. ارقام ادعاهایی‌اند که به گویندهٔ آن‌ها نسبت داده شده‌اند.
    ur: نقشہ: واقعات جیسے incidentmap نے رکھے؛ ہالے تقریبی مقامات اور تیر حملے کے مقامِ آغاز سے سمت دکھاتے ہیں۔ اعداد دعوے ہیں، دعویٰ کرنے والے کے نام کے ساتھ۔
    ps: نقشه: پېښې لکه څنګه چې incidentmap ځای پر ځای کړې؛ هالې نږدې ځایونه او غشي د برید له سرچینې لوری ښيي. شمېرې ادعاوې دي، د ادعا کوونکي له نوم سره.
    ar: الخريطة: الحوادث كما وضعها incidentmap؛ تُظهر الهالات المواقع التقريبية والأسهم الاتجاه من منشأ الضربة. الأرقام ادعاءات منسوبة إلى أصحابها.

    tableNote
    en: The table lists the first {shown} of the {total} incidents, in input order; the map shows all of them, and `incidentmap render --geojson` writes every one to the incidents layer.
    fr: Le tableau donne les {shown} premiers des {total} incidents, dans l’ordre de l’entrée ; la carte les montre tous, et `incidentmap render --geojson` les écrit tous dans la couche des incidents.
    ru: В таблице — первые инциденты в порядке входных данных ({shown} из {total}); карта показывает все, а `incidentmap render --geojson` записывает каждый в слой инцидентов.
    uk: У таблиці — перші інциденти в порядку вхідних даних ({shown} з {total}); карта показує всі, а `incidentmap render --geojson` записує кожен у шар інцидентів.
    fa: جدول {shown} رویداد نخست از {total} رویداد را به ترتیب ورودی می‌آورد؛ نقشه همه را نشان می‌دهد و `incidentmap render --geojson` همه را در لایهٔ رویدادها می‌نویسد.
    ur: جدول میں اندراج کی ترتیب سے پہلے واقعات ہیں ({total} میں سے {shown})؛ نقشہ سب دکھاتا ہے، اور `incidentmap render --geojson` ہر ایک کو واقعات کی تہ میں لکھتا ہے۔
    ps: جدول د ننوتو په ترتیب لومړۍ پېښې ښيي ({total} څخه {shown})؛ نقشه ټولې ښيي، او `incidentmap render --geojson` هره یوه د پېښو په پاڼ کې لیکي.
    ar: يسرد الجدول أولى الحوادث بترتيب الإدخال ({shown} من {total})؛ تُظهرها الخريطة كلها، ويكتب `incidentmap render --geojson` كل واحدة منها في طبقة الحوادث.

    colDate
    en: Date
    fr: Date
    ru: Дата
    uk: Дата
    fa: تاریخ
    ur: تاریخ
    ps: نېټه
    ar: التاريخ

    colReported
    en: Place as reported
    fr: Lieu tel que rapporté
    ru: Место по сообщению
    uk: Місце за повідомленням
    fa: مکان به گزارش منبع
    ur: رپورٹ کردہ مقام
    ps: راپور شوی ځای
    ar: المكان كما ورد

    colPlacedAt
    en: Placed at (gazetteer entry, precision)
    fr: Placé à (entrée du répertoire, précision)
    ru: Размещено (запись справочника, точность)
    uk: Розміщено (запис довідника, точність)
    fa: جای‌گذاری (مدخل نام‌نامه، دقت)
    ur: مقام (گزیٹیئر اندراج، درستی)
    ps: ځای (د ګزیټیر ننوت، دقت)
    ar: الموضع (مدخل المعجم الجغرافي، الدقة)

    colPlacedAtShort
    en: Placed at
    fr: Placé à
    ru: Размещено
    uk: Розміщено
    fa: جای‌گذاری
    ur: مقام
    ps: ځای
    ar: الموضع

    colWhere
    en: Province, country
    fr: Province, pays
    ru: Область, страна
    uk: Область, країна
    fa: استان، کشور
    ur: صوبہ، ملک
    ps: ولایت، هېواد
    ar: المحافظة، الدولة

    colBorder
    en: To the border
    fr: Jusqu’à la frontière
    ru: До границы
    uk: До кордону
    fa: تا مرز
    ur: سرحد تک
    ps: تر پولې
    ar: إلى الحدود

    colKind
    en: Kind
    fr: Type
    ru: Тип
    uk: Тип
    fa: نوع
    ur: قسم
    ps: ډول
    ar: النوع

    colActor
    en: Actor
    fr: Acteur
    ru: Сторона
    uk: Сторона
    fa: عامل
    ur: فریق
    ps: لوری
    ar: الفاعل

    colClaims
    en: Claims (who claims what)
    fr: Revendications (qui affirme quoi)
    ru: Заявления (кто что заявляет)
    uk: Заяви (хто що заявляє)
    fa: ادعاها (چه کسی چه ادعایی دارد)
    ur: دعوے (کون کیا دعویٰ کرتا ہے)
    ps: ادعاوې (څوک څه ادعا کوي)
    ar: الادعاءات (من يدّعي ماذا)

    colClaimsShort
    en: Claims
    fr: Revendications
    ru: Заявления
    uk: Заяви
    fa: ادعاها
    ur: دعوے
    ps: ادعاوې
    ar: الادعاءات

    colSources
    en: Sources
    fr: Sources
    ru: Источники
    uk: Джерела
    fa: منابع
    ur: ذرائع
    ps: سرچینې
    ar: المصادر

    chronologyHeading
    en: Chronology
    fr: Chronologie
    ru: Хронология
    uk: Хронологія
    fa: گاه‌شمار
    ur: ترتیبِ زمانی
    ps: مهال‌وېش
    ar: التسلسل الزمني

    colOnMap
    en: On the map
    fr: Sur la carte
    ru: На карте
    uk: На карті
    fa: روی نقشه
    ur: نقشے پر
    ps: پر نقشه
    ar: على الخريطة

    colWhat
    en: What happened
    fr: Ce qui s’est passé
    ru: Что произошло
    uk: Що сталося
    fa: چه رخ داد
    ur: کیا ہوا
    ps: څه پېښ شول
    ar: ما الذي حدث

    marker
    en: Marker {n}
    fr: Marqueur {n}
    ru: Метка {n}
    uk: Позначка {n}
    fa: نشانگر {n}
    ur: نشان {n}
    ps: نښه {n}
    ar: العلامة {n}

    eventOnly
    en: Event {label} (timeline only)
    fr: Événement {label} (frise seulement)
    ru: Событие {label} (только на шкале времени)
    uk: Подія {label} (лише на шкалі часу)
    fa: رویداد {label} (فقط در خط زمان)
    ur: واقعہ {label} (صرف ٹائم لائن پر)
    ps: پېښه {label} (یوازې په مهال‌کرښه کې)
    ar: الحدث {label} (على الخط الزمني فقط)

    whatBy
    en: {kind} by {actor}
    fr: {kind} par {actor}
    ru: {kind}, сторона: {actor}
    uk: {kind}, сторона: {actor}
    fa: {kind}، عامل: {actor}
    ur: {kind}، فریق: {actor}
    ps: {kind}، لوری: {actor}
    ar: {kind}، الفاعل: {actor}

    rowOfTable
    en: row {row} of the table of incidents.
    fr: ligne {row} du tableau des incidents.
    ru: строка {row} таблицы инцидентов.
    uk: рядок {row} таблиці інцидентів.
    fa: ردیف {row} جدول رویدادها.
    ur: واقعات کی جدول کی سطر {row}۔
    ps: د پېښو د جدول {row} کرښه.
    ar: الصف {row} من جدول الحوادث.

    coordinatesGiven
    en: coordinates given
    fr: coordonnées données
    ru: координаты даны
    uk: координати надано
    fa: مختصات داده شده
    ur: کوآرڈینیٹس دیے گئے
    ps: همغږي ورکړل شوې
    ar: الإحداثيات معطاة

    timelineCaption
    en: Timeline: each mark is an incident, shaped and numbered as its marker on the map; bars span dates known only to the month or as a range; lettered flags are events without a place.
    fr: Frise : chaque marque est un incident, de la forme et du numéro de son marqueur sur la carte ; les barres couvrent les dates connues seulement au mois ou comme intervalle ; les drapeaux à lettre sont des événements sans lieu.
    ru: Шкала времени: каждая отметка — инцидент, той же формы и с тем же номером, что его метка на карте; полосы охватывают даты, известные лишь с точностью до месяца или как интервал; флажки с буквами — события без места.
    uk: Шкала часу: кожна позначка — інцидент, тієї ж форми й з тим самим номером, що його позначка на карті; смуги охоплюють дати, відомі лише з точністю до місяця або як проміжок; прапорці з літерами — події без місця.
    fa: خط زمان: هر نشانه یک رویداد است، به شکل و شمارهٔ نشانگرش روی نقشه؛ میله‌ها تاریخ‌هایی را می‌پوشانند که فقط تا ماه یا به صورت بازه معلوم‌اند؛ پرچم‌های حرف‌دار رویدادهای بی‌مکان‌اند.
    ur: ٹائم لائن: ہر نشان ایک واقعہ ہے، نقشے پر اپنے نشان کی شکل اور نمبر کے ساتھ؛ پٹیاں ان تاریخوں پر پھیلی ہیں جو صرف مہینے تک یا وقفے کے طور پر معلوم ہیں؛ حرف والے جھنڈے بغیر مقام کے واقعات ہیں۔
    ps: مهال‌کرښه: هره نښه یوه پېښه ده، پر نقشه د خپلې نښې په بڼه او شمېره؛ پټې هغه نېټې پوښي چې یوازې تر میاشتې یا د یوې مودې په توګه معلومې دي؛ توري لرونکي بیرغونه بې ځایه پېښې دي.
    ar: الخط الزمني: كل علامة حادثة، بشكل علامتها على الخريطة ورقمها؛ تمتد الأشرطة على تواريخ لا يُعرف منها إلا الشهر أو المدى؛ والرايات ذات الحروف أحداث بلا مكان.

    timelineCountsCaption
    en: Timeline: the incidents counted by the day each began, in bars coloured by kind as the map's markers.
    fr: Frise : les incidents comptés selon le jour où chacun a commencé, en barres colorées selon leur type comme les marqueurs de la carte.
    ru: Шкала времени: инциденты, подсчитанные по дню начала каждого, столбиками цвета их типа, как метки на карте.
    uk: Шкала часу: інциденти, пораховані за днем початку кожного, стовпчиками кольору їхнього типу, як позначки на карті.
    fa: خط زمان: رویدادها بر پایهٔ روز آغاز هر یک شمرده شده‌اند، در میله‌هایی به رنگ نوعشان مانند نشانگرهای نقشه.
    ur: ٹائم لائن: واقعات ہر ایک کے آغاز کے دن کے حساب سے گنے گئے ہیں، نقشے کے نشانات کی طرح ان کی قسم کے رنگ کی پٹیوں میں۔
    ps: مهال‌کرښه: پېښې د هرې د پیل د ورځې له مخې شمېرل شوې، د نقشې د نښو په څېر د خپل ډول په رنګ پټو کې.
    ar: الخط الزمني: الحوادث معدودة حسب يوم بدء كل منها، في أعمدة ملوّنة حسب نوعها كعلامات الخريطة.

    timelineNotDrawn
    en: The timeline is drawn for maps that show each incident (up to {limit}); the table lists the incidents by date.
    fr: La frise est dessinée pour les cartes qui montrent chaque incident (jusqu’à {limit}) ; le tableau donne les incidents par date.
    ru: Шкала времени рисуется для карт, показывающих каждый инцидент (до {limit}); таблица перечисляет инциденты по датам.
    uk: Шкала часу малюється для карт, що показують кожен інцидент (до {limit}); таблиця перелічує інциденти за датами.
    fa: خط زمان برای نقشه‌هایی کشیده می‌شود که هر رویداد را نشان می‌دهند (تا {limit})؛ جدول رویدادها را به ترتیب تاریخ می‌آورد.
    ur: ٹائم لائن ان نقشوں کے لیے بنتی ہے جو ہر واقعہ دکھاتے ہیں ({limit} تک)؛ جدول واقعات کو تاریخ وار درج کرتا ہے۔
    ps: مهال‌کرښه د هغو نقشو لپاره کښل کېږي چې هره پېښه ښيي (تر {limit})؛ جدول پېښې د نېټې په ترتیب ښيي.
    ar: يُرسم الخط الزمني للخرائط التي تُظهر كل حادثة (حتى {limit})؛ ويسرد الجدول الحوادث حسب التاريخ.

    byDay
    en: By day
    fr: Par jour
    ru: По дням
    uk: За днями
    fa: به تفکیک روز
    ur: روزانہ
    ps: د ورځې له مخې
    ar: حسب اليوم

    byWeek
    en: By week
    fr: Par semaine
    ru: По неделям
    uk: За тижнями
    fa: به تفکیک هفته
    ur: ہفتہ وار
    ps: د اوونۍ له مخې
    ar: حسب الأسبوع

    byMonth
    en: By month
    fr: Par mois
    ru: По месяцам
    uk: За місяцями
    fa: به تفکیک ماه
    ur: ماہانہ
    ps: د میاشتې له مخې
    ar: حسب الشهر

    byQuarter
    en: By quarter
    fr: Par trimestre
    ru: По кварталам
    uk: За кварталами
    fa: به تفکیک فصل
    ur: سہ ماہی
    ps: د درېیو میاشتو له مخې
    ar: حسب الربع

    byYear
    en: By year
    fr: Par année
    ru: По годам
    uk: За роками
    fa: به تفکیک سال
    ur: سالانہ
    ps: د کال له مخې
    ar: حسب السنة

    multiplesCaption
    en: One map per {period}, each with only that {period}'s incidents, all in the same projection, extent and scale; an empty panel is a {period} without incidents.
    fr: Une carte par période ({period}), chacune avec les seuls incidents de sa période, toutes dans la même projection, la même emprise et la même échelle ; un panneau vide est une période sans incident.
    ru: По карте на период ({period}), на каждой — только инциденты своего периода, все в одной проекции, охвате и масштабе; пустая панель — период без инцидентов.
    uk: По карті на період ({period}), на кожній — лише інциденти свого періоду, усі в одній проєкції, охопленні й масштабі; порожня панель — період без інцидентів.
    fa: یک نقشه برای هر دوره ({period})، هر کدام فقط با رویدادهای همان دوره، همه با یک تصویر، گستره و مقیاس؛ پنل خالی دوره‌ای بی‌رویداد است.
    ur: ہر مدت کے لیے ایک نقشہ ({period})، ہر ایک میں صرف اسی مدت کے واقعات، سب ایک ہی پروجیکشن، حدود اور پیمانے میں؛ خالی پینل بغیر واقعات کی مدت ہے۔
    ps: د هرې مودې لپاره یوه نقشه ({period})، هره یوازې د هماغې مودې له پېښو سره، ټولې په یوه پروجکشن، پراختیا او پیمانه کې؛ تش پینل بې پېښو موده ده.
    ar: خريطة لكل فترة ({period})، في كلٍّ منها حوادث تلك الفترة وحدها، وكلها بالإسقاط والنطاق والمقياس نفسها؛ واللوحة الفارغة فترة بلا حوادث.

    noteCoordinates
    en: {id}: coordinates given in {input}, location {precision}.
    fr: {id} : coordonnées données dans {input}, localisation {precision}.
    ru: {id}: координаты заданы в {input}, точность места: {precision}.
    uk: {id}: координати задано в {input}, точність місця: {precision}.
    fa: {id}: مختصات در {input} داده شده است، دقت مکان: {precision}.
    ur: {id}: محددات {input} میں دیے گئے، مقام کی درستی: {precision}۔
    ps: {id}: مختصات په {input} کې ورکړل شوي، د ځای دقت: {precision}.
    ar: {id}: الإحداثيات معطاة في {input}، دقة الموقع: {precision}.

    noteName
    en: {id}: "{query}"{context} matched "{matched}" ({match}) → {name} [{entry}, {source}], score {score}, {count} {count|candidate|candidates}
    fr: {id} : « {query} »{context} correspond à « {matched} » ({match}) → {name} [{entry}, {source}], score {score}, {count} {count|candidat|candidats}
    ru: {id}: «{query}»{context} совпало с «{matched}» ({match}) → {name} [{entry}, {source}], оценка {score}, кандидатов: {count}
    uk: {id}: «{query}»{context} збіглося з «{matched}» ({match}) → {name} [{entry}, {source}], оцінка {score}, кандидатів: {count}
    fa: {id}: «{query}»{context} با «{matched}» ({match}) تطبیق یافت ← {name} [{entry}، {source}]، امتیاز {score}، نامزدها: {count}
    ur: {id}: «{query}»{context} کی «{matched}» ({match}) سے مطابقت ← {name} [{entry}، {source}]، اسکور {score}، ممکنہ اندراجات: {count}
    ps: {id}: «{query}»{context} له «{matched}» ({match}) سره سمون ← {name} [{entry}، {source}]، نمره {score}، احتمالي ننوتې: {count}
    ar: {id}: «{query}»{context} طابق «{matched}» ({match}) ← {name} [{entry}، {source}]، الدرجة {score}، المداخل المرشحة: {count}

    noteContext
    en: context: {context}
    fr: contexte : {context}
    ru: контекст: {context}
    uk: контекст: {context}
    fa: زمینه: {context}
    ur: سیاق: {context}
    ps: سیاق: {context}
    ar: السياق: {context}

    noteNear
    en: the text says near
    fr: le texte dit « près de »
    ru: в тексте сказано «около»
    uk: у тексті сказано «біля»
    fa: متن می‌گوید «نزدیک»
    ur: متن میں «قریب» لکھا ہے
    ps: متن وايي «نږدې»
    ar: يقول النص «قرب»

    noteAccepted
    en: ambiguous, best accepted by --accept-best
    fr: ambigu, meilleur candidat accepté par --accept-best
    ru: неоднозначно, лучший вариант принят по --accept-best
    uk: неоднозначно, найкращий варіант прийнято за --accept-best
    fa: مبهم، بهترین گزینه با --accept-best پذیرفته شد
    ur: مبہم، بہترین انتخاب --accept-best سے قبول کیا گیا
    ps: مبهم، غوره انتخاب د --accept-best له لارې ومنل شو
    ar: ملتبس، قُبل الأفضل عبر --accept-best

    noteLocation
    en: location {precision}
    fr: localisation : {precision}
    ru: точность места: {precision}
    uk: точність місця: {precision}
    fa: دقت مکان: {precision}
    ur: مقام کی درستی: {precision}
    ps: د ځای دقت: {precision}
    ar: دقة الموقع: {precision}

    noteAlsoWeighed
    en: Also weighed: {list}.
    fr: Également considérés : {list}.
    ru: Также рассматривались: {list}.
    uk: Також розглядалися: {list}.
    fa: گزینه‌های دیگر: {list}.
    ur: دیگر زیرِ غور: {list}۔
    ps: نور په پام کې: {list}.
    ar: ومما نُظر فيه أيضًا: {list}.

    runnerUp
    en: {candidate}, score {score}
    fr: {candidate}, score {score}
    ru: {candidate}, оценка {score}
    uk: {candidate}, оцінка {score}
    fa: {candidate}، امتیاز {score}
    ur: {candidate}، اسکور {score}
    ps: {candidate}، نمره {score}
    ar: {candidate}، الدرجة {score}

    country
    en: country
    fr: pays
    ru: страна
    uk: країна
    fa: کشور
    ur: ملک
    ps: هېواد
    ar: الدولة

    region
    en: region
    fr: région
    ru: регион
    uk: регіон
    fa: منطقه
    ur: خطہ
    ps: سيمه
    ar: الإقليم

    dataCountries
    en: Countries and international borders: {dataset} ({licence}; {credit}).
    fr: Pays et frontières internationales : {dataset} ({licence} ; {credit}).
    ru: Страны и государственные границы: {dataset} ({licence}; {credit}).
    uk: Країни та державні кордони: {dataset} ({licence}; {credit}).
    fa: کشورها و مرزهای بین‌المللی: {dataset} ({licence}؛ {credit}).
    ur: ممالک اور بین الاقوامی سرحدیں: {dataset} ({licence}؛ {credit})۔
    ps: هېوادونه او نړيوالې پولې: {dataset} ({licence}؛ {credit}).
    ar: الدول والحدود الدولية: {dataset} ({licence}؛ {credit}).

    dataProjection
    en: Projection and geodesic distances: PROJ. Distances to borders are geodesic on WGS84.
    fr: Projection et distances géodésiques : PROJ. Les distances aux frontières sont géodésiques, sur le WGS84.
    ru: Проекция и геодезические расстояния: PROJ. Расстояния до границ — геодезические, на эллипсоиде WGS84.
    uk: Проєкція та геодезичні відстані: PROJ. Відстані до кордонів — геодезичні, на еліпсоїді WGS84.
    fa: سیستم تصویر و فاصله‌های ژئودزیک: PROJ. فاصله تا مرزها ژئودزیک و روی بیضوی WGS84 است.
    ur: مسقط اور جیوڈیسک فاصلے: PROJ۔ سرحدوں تک فاصلے WGS84 پر جیوڈیسک ہیں۔
    ps: مسقط او جيوډيزيک واټنونه: PROJ. تر پولو واټنونه په WGS84 جيوډيزيک دي.
    ar: الإسقاط والمسافات الجيوديسية: PROJ. المسافات إلى الحدود جيوديسية على WGS84.

    dataBorder
    en: The {border} border as drawn measures {length} km (geodesic, {dataset}); lengths quoted elsewhere come from finer lines or surveys and are often longer than this generalised one.
    fr: La frontière {border} telle que tracée mesure {length} km (géodésique, {dataset}) ; les longueurs citées ailleurs viennent de tracés plus fins ou de levés et sont souvent plus longues que ce tracé généralisé.
    ru: Граница {border} на карте имеет длину {length} км (геодезическая, {dataset}); длины, приводимые в других источниках, получены по более подробным линиям или съёмкам и часто больше, чем у этой обобщённой линии.
    uk: Кордон {border} на карті має довжину {length} км (геодезична, {dataset}); довжини, наведені в інших джерелах, отримано за детальнішими лініями чи зйомками, і вони часто більші, ніж у цієї узагальненої лінії.
    fa: مرز {border} آن‌گونه که رسم شده {length} کیلومتر است (ژئودزیک، {dataset})؛ طول‌هایی که جاهای دیگر آمده از خطوط دقیق‌تر یا نقشه‌برداری است و اغلب از این خط تعمیم‌یافته بلندتر است.
    ur: {border} سرحد، جیسی کھینچی گئی، {length} کلومیٹر ہے (جیوڈیسک، {dataset})؛ دوسری جگہوں پر بتائی گئی لمبائیاں زیادہ باریک لکیروں یا پیمائشوں سے ہیں اور اکثر اس عمومی لکیر سے لمبی ہوتی ہیں۔
    ps: د {border} پوله لکه څنګه چې رسم شوې {length} کيلومتره ده (جيوډيزيک، {dataset})؛ په نورو ځايونو کې ياد شوي اوږدوالي له دقيقو کرښو يا سروې څخه دي او ډېری وخت له دې عمومي کرښې اوږده وي.
    ar: يبلغ طول حدود {border} كما رُسمت {length} كم (جيوديسي، {dataset})؛ الأطوال المذكورة في مصادر أخرى مأخوذة من خطوط أدق أو من مسوح، وكثيرًا ما تكون أطول من هذا الخط المعمَّم.

    howMade
    en: How this map was made
    fr: Comment cette carte a été faite
    ru: Как сделана эта карта
    uk: Як зроблено цю карту
    fa: این نقشه چگونه ساخته شد
    ur: یہ نقشہ کیسے بنا
    ps: دا نقشه څنګه جوړه شوه
    ar: كيف صُنعت هذه الخريطة

    placing
    en: Placing the incidents
    fr: Placement des incidents
    ru: Размещение инцидентов
    uk: Розміщення інцидентів
    fa: جای‌گذاری رویدادها
    ur: واقعات کی جگہ کا تعین
    ps: د پېښو ځای ټاکل
    ar: تحديد مواضع الحوادث

    dataLicences
    en: Data, licences and measurements
    fr: Données, licences et mesures
    ru: Данные, лицензии и измерения
    uk: Дані, ліцензії та вимірювання
    fa: داده‌ها، پروانه‌ها و اندازه‌گیری‌ها
    ur: ڈیٹا، لائسنس اور پیمائشیں
    ps: معلومات، جوازونه او اندازې
    ar: البيانات والتراخيص والقياسات

    projectionHeading
    en: Projection
    fr: Projection
    ru: Проекция
    uk: Проєкція
    fa: تصویر نقشه
    ur: پروجیکشن
    ps: پروجکشن
    ar: الإسقاط

    mapCRS
    en: Map CRS: {name} ({crs}).
    fr: Système de coordonnées de la carte : {name} ({crs}).
    ru: Система координат карты: {name} ({crs}).
    uk: Система координат карти: {name} ({crs}).
    fa: دستگاه مختصات نقشه: {name} ({crs}).
    ur: نقشے کا کوآرڈینیٹ نظام: {name} ({crs})۔
    ps: د نقشې همغږي سیستم: {name} ({crs}).
    ar: نظام إحداثيات الخريطة: {name} ({crs}).

    crsWKT
    en: The CRS as WKT
    fr: Le système de coordonnées en WKT
    ru: Система координат в WKT
    uk: Система координат у WKT
    fa: دستگاه مختصات به صورت WKT
    ur: WKT میں کوآرڈینیٹ نظام
    ps: همغږي سیستم د WKT په بڼه
    ar: نظام الإحداثيات بصيغة WKT

    incidentSources
    en: Incident sources: {outlets}. Casualty figures are the claims of the parties named, not verified.
    fr: Sources des incidents : {outlets}. Les bilans sont les revendications des parties nommées, non vérifiées.
    ru: Источники об инцидентах: {outlets}. Данные о жертвах — заявления названных сторон, не проверенные.
    uk: Джерела про інциденти: {outlets}. Дані про жертви — заяви названих сторін, неперевірені.
    fa: منابع رویدادها: {outlets}. آمار تلفات ادعای طرف‌های نام‌برده است و راستی‌آزمایی نشده است.
    ur: واقعات کے ذرائع: {outlets}۔ ہلاکتوں کے اعداد نامزد فریقوں کے دعوے ہیں، تصدیق شدہ نہیں۔
    ps: د پېښو سرچینې: {outlets}. د تلفاتو شمېرې د نومول شويو لورو ادعاوې دي، نه دي تایید شوې.
    ar: مصادر الحوادث: {outlets}. أرقام الضحايا ادعاءات الأطراف المذكورة، غير متحقَّق منها.

    noneGiven
    en: none given
    fr: aucune
    ru: не указаны
    uk: не вказано
    fa: ذکر نشده
    ur: کوئی نہیں
    ps: نه دي ورکړل شوې
    ar: لم تُذكر

    madeWith
    en: Made with incidentmap.
    fr: Réalisé avec incidentmap.
    ru: Сделано в incidentmap.
    uk: Зроблено в incidentmap.
    fa: ساخته‌شده با incidentmap.
    ur: incidentmap سے تیار کردہ۔
    ps: د incidentmap په مرسته جوړ شوی.
    ar: أُعدّ باستخدام incidentmap.

    mapAlt
    en: Map: {title}
    fr: Carte : {title}
    ru: Карта: {title}
    uk: Карта: {title}
    fa: نقشه: {title}
    ur: نقشہ: {title}
    ps: نقشه: {title}
    ar: الخريطة: {title}

    timelineAlt
    en: Timeline: {title}
    fr: Frise : {title}
    ru: Шкала времени: {title}
    uk: Шкала часу: {title}
    fa: خط زمان: {title}
    ur: ٹائم لائن: {title}
    ps: مهال‌کرښه: {title}
    ar: الخط الزمني: {title}

    pngNote
    en: PNG version for tools that do not show SVG:
    fr: Version PNG pour les outils qui n’affichent pas le SVG :
    ru: Версия PNG для программ, не показывающих SVG:
    uk: Версія PNG для програм, що не показують SVG:
    fa: نسخهٔ PNG برای ابزارهایی که SVG را نشان نمی‌دهند:
    ur: ان ٹولز کے لیے PNG نسخہ جو SVG نہیں دکھاتے:
    ps: د هغو وسیلو لپاره PNG بڼه چې SVG نه ښيي:
    ar: نسخة PNG للأدوات التي لا تعرض SVG:
    """)
}
