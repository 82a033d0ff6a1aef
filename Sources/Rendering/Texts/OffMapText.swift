/// The texts of the arrows at the frame's edge that point at incidents off the map: the label
/// ("1 incident in London (GB), 5,900 km") and the line of the key (and tooltip).
public enum OffMapText: String, MapTexts {
    case whatIn, whatNear, whatAt, distance, label, offMap, single, key

    public static let table = TextTable<OffMapText>("""
    whatIn
    en: {count} {count|incident|incidents} in {place}
    fr: {count} {count|incident|incidents} à {place}
    ru: Инцидентов: {count} — {place}
    uk: Інцидентів: {count} — {place}
    fa: رویدادها: {count} در {place}
    ur: واقعات: {count}، {place} میں
    ps: پېښې: {count}، په {place} کې
    ar: الحوادث: {count} في {place}

    whatNear
    en: {count} {count|incident|incidents} near {place}
    fr: {count} {count|incident|incidents} près de {place}
    ru: Инцидентов: {count} — вблизи пункта {place}
    uk: Інцидентів: {count} — поблизу пункту {place}
    fa: رویدادها: {count} نزدیک {place}
    ur: واقعات: {count}، {place} کے قریب
    ps: پېښې: {count}، {place} ته نږدې
    ar: الحوادث: {count} قرب {place}

    whatAt
    en: {count} {count|incident|incidents} at {place}
    fr: {count} {count|incident|incidents} au point {place}
    ru: Инцидентов: {count} — в точке {place}
    uk: Інцидентів: {count} — у точці {place}
    fa: رویدادها: {count} در نقطهٔ {place}
    ur: واقعات: {count}، مقام {place} پر
    ps: پېښې: {count}، د {place} په ټکي کې
    ar: الحوادث: {count} عند النقطة {place}

    distance
    en: {km} km
    fr: {km} km
    ru: {km} км
    uk: {km} км
    fa: {km} کیلومتر
    ur: {km} کلومیٹر
    ps: {km} کيلومتره
    ar: {km} كم

    label
    en: {what}, {distance}
    fr: {what}, {distance}
    ru: {what}, {distance}
    uk: {what}, {distance}
    fa: {what}، {distance}
    ur: {what}، {distance}
    ps: {what}، {distance}
    ar: {what}، {distance}

    offMap
    en: Off the map, {distance} from its centre (arrow at the frame's edge)
    fr: Hors de la carte, à {distance} de son centre (flèche au bord du cadre)
    ru: За пределами карты, в {distance} от её центра (стрелка у края рамки)
    uk: За межами карти, за {distance} від її центру (стрілка біля краю рамки)
    fa: بیرون از نقشه، به فاصلهٔ {distance} از مرکز آن (پیکان در لبهٔ قاب)
    ur: نقشے سے باہر، اس کے مرکز سے {distance} دور (فریم کے کنارے پر تیر)
    ps: له نقشې بهر، د هغې له مرکز {distance} لرې (د چوکاټ په څنډه کې غشی)
    ar: خارج الخريطة، على بُعد {distance} من مركزها (سهم عند حافة الإطار)

    single
    en: {off}: {entry}
    fr: {off} : {entry}
    ru: {off}: {entry}
    uk: {off}: {entry}
    fa: {off}: {entry}
    ur: {off}: {entry}
    ps: {off}: {entry}
    ar: {off}: {entry}

    key
    en: {off}: {what}{dates}: {kinds}; {killed} fatalities claimed in all (each incident's largest claim).
    fr: {off} : {what}{dates} : {kinds} ; morts revendiqués au total : {killed} (la plus forte revendication de chaque incident).
    ru: {off}: {what}{dates}: {kinds}; заявлено погибших всего: {killed} (по наибольшему заявлению о каждом инциденте).
    uk: {off}: {what}{dates}: {kinds}; заявлено загиблих загалом: {killed} (за найбільшою заявою щодо кожного інциденту).
    fa: {off}: {what}{dates}: {kinds}؛ کشته‌های ادعاشده در مجموع: {killed} (بیشترین ادعا برای هر رویداد).
    ur: {off}: {what}{dates}: {kinds}؛ کل دعویٰ کردہ ہلاکتیں: {killed} (ہر واقعے کا سب سے بڑا دعویٰ)۔
    ps: {off}: {what}{dates}: {kinds}؛ ټولټال ادعا شوي وژل شوي: {killed} (د هرې پېښې تر ټولو لویه ادعا).
    ar: {off}: {what}{dates}: {kinds}؛ إجمالي القتلى المُدّعى: {killed} (أكبر ادعاء لكل حادث).
    """)
}
