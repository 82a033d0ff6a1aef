/// The texts of small multiples (`--by`): the panels' shared legend and note,
/// the subtitle's "one panel per …", and the periods the panels are named after.
public enum PanelText: String, MapTexts {
    case strike, bombing, other, note, noteCells, perDay, perWeek, perMonth, perQuarter, perYear, week, month, quarter

    public static let table = TextTable<PanelText>("""
    strike
    en: Strike
    fr: Frappe
    ru: Удар
    uk: Удар
    fa: حمله از راه دور
    ur: دور سے حملہ
    ps: له لرې برید
    ar: ضربة

    bombing
    en: Bombing
    fr: Attentat à l’explosif
    ru: Взрыв
    uk: Вибух
    fa: انفجار
    ur: دھماکہ
    ps: چاودنه
    ar: تفجير

    other
    en: Attack, clash or other incident
    fr: Attaque, affrontement ou autre incident
    ru: Нападение, столкновение или иной инцидент
    uk: Напад, зіткнення чи інший інцидент
    fa: حمله، درگیری یا رویداد دیگر
    ur: حملہ، جھڑپ یا دیگر واقعہ
    ps: برید، نښته یا بله پېښه
    ar: هجوم أو اشتباك أو حادث آخر

    note
    en: Every panel has the same projection, extent and scale; a larger marker stands for several incidents.
    fr: Toutes les cartes ont la même projection, la même emprise et la même échelle ; un marqueur plus grand représente plusieurs incidents.
    ru: У всех карт одна проекция, один охват и один масштаб; крупный маркер обозначает несколько инцидентов.
    uk: Усі карти мають ту саму проєкцію, охоплення й масштаб; більший маркер позначає кілька інцидентів.
    fa: همهٔ نقشه‌ها سیستم تصویر، گستره و مقیاس یکسانی دارند؛ نشانگر بزرگ‌تر نمایندهٔ چند رویداد است.
    ur: ہر نقشے کا مسقط، احاطہ اور پیمانہ ایک ہی ہے؛ بڑا نشان کئی واقعات کی نمائندگی کرتا ہے۔
    ps: د ټولو نقشو مسقط، پراخوالی او پیمانه یو شان ده؛ لویه نښه د څو پېښو استازیتوب کوي.
    ar: للخرائط كلها الإسقاط والنطاق والمقياس نفسه؛ العلامة الأكبر تمثل عدة حوادث.

    noteCells
    en: Every panel has the same projection, extent, hexagons ({size} km across) and scale: a marker's area is the number of incidents in its hexagon.
    fr: Toutes les cartes ont la même projection, la même emprise, les mêmes hexagones ({size} km de large) et la même échelle : l’aire d’un marqueur est le nombre d’incidents de son hexagone.
    ru: У всех карт одна проекция, один охват, одни шестиугольники ({size} км в поперечнике) и один масштаб: площадь маркера — число инцидентов в его шестиугольнике.
    uk: Усі карти мають ту саму проєкцію, охоплення, шестикутники ({size} км завширшки) і масштаб: площа маркера — кількість інцидентів у його шестикутнику.
    fa: همهٔ نقشه‌ها سیستم تصویر، گستره، شش‌ضلعی‌ها ({size} کیلومتر پهنا) و مقیاس یکسانی دارند: مساحت هر نشانگر شمار رویدادهای شش‌ضلعی آن است.
    ur: ہر نقشے کا مسقط، احاطہ، مسدس ({size} کلومیٹر چوڑے) اور پیمانہ ایک ہی ہے: نشان کا رقبہ اس کے مسدس کے واقعات کی تعداد ہے۔
    ps: د ټولو نقشو مسقط، پراخوالی، شپږګوټي ({size} کیلومتره پلن) او پیمانه یو شان ده: د نښې مساحت د هغې د شپږګوټي د پېښو شمېر دی.
    ar: للخرائط كلها الإسقاط والنطاق والمسدسات ({size} كم عرضًا) والمقياس نفسه: مساحة العلامة هي عدد الحوادث في مسدسها.

    perDay
    en: one panel per day
    fr: une carte par jour
    ru: по карте на каждый день
    uk: по карті на кожен день
    fa: یک نقشه برای هر روز
    ur: ہر دن کا ایک نقشہ
    ps: د هرې ورځې لپاره یوه نقشه
    ar: خريطة لكل يوم

    perWeek
    en: one panel per week
    fr: une carte par semaine
    ru: по карте на каждую неделю
    uk: по карті на кожен тиждень
    fa: یک نقشه برای هر هفته
    ur: ہر ہفتے کا ایک نقشہ
    ps: د هرې اونۍ لپاره یوه نقشه
    ar: خريطة لكل أسبوع

    perMonth
    en: one panel per month
    fr: une carte par mois
    ru: по карте на каждый месяц
    uk: по карті на кожен місяць
    fa: یک نقشه برای هر ماه
    ur: ہر مہینے کا ایک نقشہ
    ps: د هرې میاشتې لپاره یوه نقشه
    ar: خريطة لكل شهر

    perQuarter
    en: one panel per quarter
    fr: une carte par trimestre
    ru: по карте на каждый квартал
    uk: по карті на кожен квартал
    fa: یک نقشه برای هر سه‌ماهه
    ur: ہر سہ ماہی کا ایک نقشہ
    ps: د هرې درې میاشتنۍ لپاره یوه نقشه
    ar: خريطة لكل ربع سنة

    perYear
    en: one panel per year
    fr: une carte par année
    ru: по карте на каждый год
    uk: по карті на кожен рік
    fa: یک نقشه برای هر سال
    ur: ہر سال کا ایک نقشہ
    ps: د هر کال لپاره یوه نقشه
    ar: خريطة لكل سنة

    week
    en: Week {week} of {year}, from {date}
    fr: Semaine {week} de {year}, à partir du {date}
    ru: Неделя {week} {year} г., с {date}
    uk: Тиждень {week} {year} р., з {date}
    fa: هفتهٔ {week} سال {year}، از {date}
    ur: {year} کا ہفتہ {week}، {date} سے
    ps: د {year} کال {week}مه اونۍ، له {date} څخه
    ar: الأسبوع {week} من {year}، ابتداءً من {date}

    month
    en: {month} {year}
    fr: {month} {year}
    ru: {month} {year}
    uk: {month} {year}
    fa: {month} {year}
    ur: {month} {year}
    ps: {month} {year}
    ar: {month} {year}

    quarter
    en: Q{quarter} {year}
    fr: T{quarter} {year}
    ru: {quarter}-й квартал {year}
    uk: {quarter}-й квартал {year}
    fa: سه‌ماههٔ {quarter} {year}
    ur: {year} کی سہ ماہی {quarter}
    ps: د {year} کال {quarter}مه درې میاشتنۍ
    ar: الربع {quarter} من {year}
    """)
}
