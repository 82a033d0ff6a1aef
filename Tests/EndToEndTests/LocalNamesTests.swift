@testable import Pipeline
import Gazetteer
import Rendering
import XCTest

/// The rule that tells a name's language from its letters (GeoNames' alternate names carry no tag).
final class LocalNamesTests: XCTestCase {
    // The names of Ukraine as Natural Earth's NAME_xx columns give them, untagged and sorted.
    let ukraine = ["Oekraïne", "Ukraine", "Ουκρανία", "Украина", "Україна", "Украйна", "أوكرانيا", "اوکراین", "یوکرین"]

    func testAlphabetsAndDistinctiveLettersChooseTheName() {
        XCTAssertEqual(LocalNames.pick(ukraine, language: .uk), "Україна", "і is Ukrainian")
        XCTAssertEqual(LocalNames.pick(ukraine, language: .ru), "Украина", "not the Ukrainian spelling; ties (Bulgarian Украйна fits the alphabet too) go to the source order")
        XCTAssertEqual(LocalNames.pick(ukraine, language: .ar), "أوكرانيا", "Arabic ك")
        XCTAssertNotEqual(LocalNames.pick(ukraine, language: .fa), "أوكرانيا", "Persian never takes Arabic ك")
        XCTAssertNil(LocalNames.pick(ukraine, language: .fr), "Latin script: no rule, the map shows the Latin name")
        XCTAssertNil(LocalNames.pick(ukraine, language: .en))
    }

    /// Ukrainian among the Cyrillic names GeoNames lists untagged: its own -ськ for a place
    /// named in -sk, not Bulgarian's -ска; neither Rusyn's ї after a consonant nor Russian's
    /// -ский/-цкий; and a place's name, not its old one in -ськ (Dnipro, once Dnipropetrovsk).
    func testUkrainianFormsAmongOtherCyrillicOnes() {
        XCTAssertEqual(LocalNames.pick(["Kramatorsk", "Краматор", "Краматорск", "Краматорска", "Краматорськ", "Краматорьск"], language: .uk, latin: "Kramatorsk",
                                       native: true, place: true), "Краматорськ")
        XCTAssertEqual(LocalNames.pick(["Chernihiv", "Чарнігаў", "Чернигов", "Чернігів", "Чернїгів"], language: .uk, latin: "Chernihiv", native: true, place: true), "Чернігів")
        XCTAssertEqual(LocalNames.pick(["Chernivtsi", "Чарнаўцы", "Чернивци", "Черновци", "Черновцы", "Чернівці", "Чернівцї"], language: .uk, latin: "Chernivtsi",
                                       native: true, place: true), "Чернівці")
        XCTAssertEqual(LocalNames.pick(["Khmelnytskyi", "Плоскуров", "Плоскурів", "Хмельницкий", "Хмельницький"], language: .uk, latin: "Khmelnytskyi",
                                       native: true, place: true), "Хмельницький")
        XCTAssertEqual(LocalNames.pick(["Dnipro", "Днепр", "Днепропетровск", "Днипро", "Дніпро", "Дніпропетровськ", "Днїпро"], language: .uk, latin: "Dnipro",
                                       native: true, place: true), "Дніпро")
        XCTAssertEqual(LocalNames.pick(["Dnipro", "Днепр", "Днепропетровск", "Дніпро", "Дніпропетровськ"], language: .uk, native: true, place: true), "Дніпро",
                       "without the Latin name too")
    }

    func testUrduAndPashtoLettersWin() {
        let quetta = ["Quetta", "کویته", "کوئٹہ", "Кветта"]
        XCTAssertEqual(LocalNames.pick(quetta, language: .ur), "کوئٹہ")
        XCTAssertEqual(LocalNames.pick(quetta, language: .fa), "کویته", "ٹ and ہ are not Persian letters")
        let kandahar = ["Kandahar", "کندهار", "کندھار", "ګندهار"]
        XCTAssertEqual(LocalNames.pick(kandahar, language: .ps), "ګندهار")
        XCTAssertNil(LocalNames.pick(["Kazakhstan", "Қазақстан"], language: .ru), "Kazakh letters are not Russian")
    }

    func testPersianWritesTheFirstAlifBare() {
        // Uman's Arabic-script alternates in GeoNames: Arabic puts a hamza on the alif, Persian does not.
        let uman = ["Uman", "Ουμάν", "Умань", "אומאן", "أومان", "اومان", "烏曼"]
        XCTAssertEqual(LocalNames.pick(uman, language: .fa), "اومان")
        XCTAssertEqual(LocalNames.pick(uman, language: .ur), "اومان")
        XCTAssertEqual(LocalNames.pick(uman, language: .ar), "أومان", "Arabic keeps its own spelling")
    }

    func testAnotherLanguagesWordForProvinceMarksItsName() {
        XCTAssertEqual(LocalNames.pick(["Kursk Oblast", "Курск улс", "Курскан область", "Курская область", "Курскоень ёнкс"], language: .ru),
                       "Курская область", "улс is Mongolian, ёнкс Erzya; Russian's adjective agrees with область")
        XCTAssertEqual(LocalNames.pick(["Мінская вобласць", "Мінська область"], language: .uk), "Мінська область", "вобласць is Belarusian")
        XCTAssertEqual(LocalNames.pick(["صوبہ بلوچستان", "استان بلوچستان"], language: .fa), "استان بلوچستان")
        XCTAssertEqual(LocalNames.pick(["صوبہ بلوچستان", "استان بلوچستان"], language: .ur), "صوبہ بلوچستان")
    }

    // Donetsk's Cyrillic alternates in GeoNames (cities500), untagged: Ukrainian, Russian, Belarusian,
    // Serbian, historic (Юзівка, Сталіно) and colloquial (Шахтарська столиця) names together.
    let donetsk = ["Город миллиона роз", "Данецк", "Донбас-сіті", "Донецк", "Донецк ош", "Донецьк", "Донецьке", "Доњецк", "Дінецьк",
                   "Дінецьке", "Калгород", "Калок", "Місто мільйона троянд", "Олександрівка", "Солов'яненкове", "Сталино", "Сталіне",
                   "Сталіно", "Шахтарська столиця", "Юзове", "Юзовка", "Юзів", "Юзівка"]

    // Kyiv's Cyrillic alternates: Chuvash, Russian (with two of its cases), Ukrainian, Serbian,
    // Belarusian, Church Slavonic, and Tatar or Bashkir forms.
    let kyiv = ["Кейӳ", "Киев", "Киев ош", "Киевом", "Киеву", "Київ", "Кијев", "Кыив", "Кыйив", "Кіеў", "Кꙑѥвъ"]

    func testAHistoricOrColloquialAlternateNeverStandsForTheTown() {
        XCTAssertEqual(LocalNames.pick(donetsk, language: .uk, latin: "Donetsk", native: true), "Донецьк")
        XCTAssertEqual(LocalNames.pick(donetsk, language: .ru, latin: "Donetsk"), "Донецк")
        XCTAssertEqual(LocalNames.pick(["Луганск", "Луганськ"], language: .ru, latin: "Luhansk"), "Луганск", "-ськ is not Russian")
        XCTAssertNil(LocalNames.pick(["Печерськ"], language: .ru, latin: "Pechersk"), "a Ukrainian spelling alone: Latin on a Russian map")
        XCTAssertNil(LocalNames.pick(["Соликамск", "Совкар"], language: .uk, latin: "Solikamsk", place: true),
                     "a Russian spelling, and a Komi name that does not read as the town's: Latin on a Ukrainian map")
        XCTAssertEqual(LocalNames.pick(["Луганск", "Луганськ"], language: .uk, latin: "Luhansk", native: true), "Луганськ", "-ск is not Ukrainian")
        XCTAssertEqual(LocalNames.pick(["Киев", "Київ", "Кыйив"], language: .uk, latin: "Kyiv", native: true), "Київ")
        XCTAssertEqual(LocalNames.pick(kyiv, language: .ru, latin: "Kyiv", place: true), "Киев",
                       "on a Russian map the Ukrainian romanisation decides nothing: the shorter, then the source order")
        XCTAssertEqual(LocalNames.pick(["Криви Рог", "Кривой Рог", "Кривий Ріг"], language: .ru, latin: "Kryvyi Rih", place: true), "Кривой Рог",
                       "a Russian adjective's ending")
        XCTAssertEqual(LocalNames.pick(["Кировоградская область", "Кіровоградська область"], language: .ru, latin: "Kirovohrad"),
                       "Кировоградская область", "a province's adjective reads as its Latin name's start")
        let chelny = ["Brezhnev", "Naberezhnyye Chelny", "Брежнев", "Набережные Челны", "Яр Чаллы"]
        XCTAssertEqual(LocalNames.pick(chelny, language: .ru, latin: "Naberezhnyye Chelny", native: true, place: true), "Набережные Челны")
        XCTAssertNil(LocalNames.pick(chelny, language: .uk, latin: "Naberezhnyye Chelny", place: true),
                     "the Russian name has ы; the historic Брежнев is not the town's name: Latin")
        XCTAssertEqual(LocalNames.pick(["Варшава", "Варшава", "Warszawa"], language: .ru, latin: "Warsaw", place: true), "Варшава",
                       "an exonym as the Latin name: every name stays a candidate")
        XCTAssertEqual(LocalNames.pick(["Воронеж", "Воронежская область"], language: .ru, latin: "Voronezh", native: true, place: true), "Воронеж")
    }

    func testAProvinceWithoutAUkrainianNameFallsBackToLatinOnAUkrainianMap() {
        // Bryansk Oblast's names: Bulgarian, Komi, Buryat, Yakut, Chechen, Russian, Erzya, Moksha.
        let bryansk = ["Bryansk Oblast", "Бранск област", "Брянск обласьт", "Брянск улос", "Брянскай уобалас", "Брянскан область",
                       "Брянская Область", "Брянская область", "Брянскоень ёнкс", "Брянсконь аймак"]
        XCTAssertNil(LocalNames.pick(bryansk, language: .uk, latin: "Bryansk"), "no name of it is Ukrainian")
        XCTAssertEqual(LocalNames.pick(bryansk, language: .ru, latin: "Bryansk"), "Брянская область", "lower-case область, as Russian writes it")
        XCTAssertNil(LocalNames.pick(["Харьковская область"], language: .uk, latin: "Kharkiv"), "a Russian name is not Ukrainian")
        XCTAssertEqual(LocalNames.pick(["Донецкая область", "Донецька Область"], language: .uk, latin: "Donets'k", native: true), "Донецька Область")
        XCTAssertEqual(LocalNames.pick(["Донецкая область", "Донецька Область"], language: .ru, latin: "Donets'k"), "Донецкая область")
    }

    /// On the real data: where a Cyrillic alternate of a town of at least 100,000 in Ukraine or
    /// Russia reads as the town's Latin name (the Latin name romanises it), the Ukrainian and Russian
    /// names picked read as it too (a historic or colloquial alternate would not), and a Russian map
    /// never shows a Ukrainian -ськ nor a Ukrainian map a Russian -ая or -ск.
    func testEveryLargeTownOfUkraineAndRussiaIsNamedByItsOwnName() throws {
        let g = try Gazetteer.load()
        var checked = 0, far: [String] = []
        for e in g.referenceTowns(minimumPopulation: 100_000, within: nil) where ["UA", "RU"].contains(e.country) && e.population >= 100_000 {
            for language in [MapLanguage.uk, .ru] {
                let native = (language == .uk) == (e.country == "UA")
                guard let name = LocalNames.pick(e.alternateNames, language: language, latin: e.name, native: native, place: true) else { continue }
                checked += 1
                let d = LocalNames.prefixDistance(LocalNames.romanKey(e.name, latin: true, language), LocalNames.romanKey(name, latin: false, language))
                let target = LocalNames.romanKey(e.name, latin: true, language), margin = max(2, target.count / 3)
                let romanised = e.alternateNames.contains {
                    LocalNames.isCyrillic($0) && LocalNames.prefixDistance(target, LocalNames.romanKey($0, latin: false, language)) <= margin
                }
                if romanised && d > max(4, target.count / 2) { far.append("\(language.rawValue) \(e.name) → \(name)") }
                if language == .ru { XCTAssertFalse(LocalNames.hasUkrainianEnding(name), "\(e.name): \(name)") }
                if language == .uk { XCTAssertNotNil(LocalNames.ukrainianForm(name), "\(e.name): \(name)") }
            }
        }
        XCTAssertGreaterThan(checked, 250)
        XCTAssertEqual(far, [], "names that do not read as the town's")
    }

    /// Country and province names a source tags with their language (Natural Earth's NAME_xx,
    /// iso-codes' catalogues) come before any guess from letters: the untagged names hold Russian
    /// "Венгрия" beside Ukrainian "Угорщина", Urdu "جرمنی" beside Persian "آلمان", Persian "عراق"
    /// beside Arabic "العراق"; and French maps get French names, which letters cannot tell.
    func testTaggedNamesOfCountriesAndProvincesComeFirst() throws {
        let g = try Gazetteer.load()
        func country(_ code: String, _ language: MapLanguage) -> String? { SceneBuilder(gazetteer: g, language: language).countryName(code) }
        func province(_ id: String, _ language: MapLanguage) throws -> String? {
            SceneBuilder(gazetteer: g, language: language).localName(of: try XCTUnwrap(g.province(id: id), id))
        }
        XCTAssertEqual(country("HU", .uk), "Угорщина")
        XCTAssertEqual(country("PL", .uk), "Польща")
        XCTAssertEqual(country("TR", .uk), "Туреччина")
        XCTAssertEqual(country("MD", .ru), "Молдавия", "Natural Earth's Russian name")
        XCTAssertEqual(country("DE", .fa), "آلمان")
        XCTAssertEqual(country("GE", .fa), "گرجستان")
        XCTAssertEqual(country("DE", .ur), "جرمنی")
        XCTAssertEqual(country("IQ", .ar), "العراق")
        XCTAssertEqual(country("IN", .ar), "الهند")
        XCTAssertEqual(country("DE", .fr), "Allemagne")
        XCTAssertEqual(country("CI", .fr), "Côte d'Ivoire")
        XCTAssertEqual(country("DE", .en), "Germany")
        XCTAssertNotNil(country("AF", .ps), "Pashto has no tagged source: the letters decide")
        XCTAssertEqual(try province("RU-KDA", .uk), "Краснодарський край")
        XCTAssertEqual(try province("RU-BRY", .uk), "Брянська область", "no Ukrainian name among the untagged ones; iso-codes has it")
        XCTAssertEqual(try province("UA-14", .ru), "Донецкая область")
        XCTAssertEqual(try province("UA-14", .uk), "Донецька область")
        XCTAssertEqual(try province("PK-BA", .fr), "Baloutchistan")
        // Every country has its Persian, Arabic, Russian, Ukrainian and French name from Natural Earth.
        for c in g.countries where !c.languageNames.isEmpty {
            for language in ["fa", "ar", "ru", "uk", "fr"] {
                XCTAssertNotNil(c.languageNames[language], "\(c.id) \(language)")
            }
        }
        XCTAssertGreaterThan(g.countries.filter { !$0.languageNames.isEmpty }.count, 230)
    }
}
