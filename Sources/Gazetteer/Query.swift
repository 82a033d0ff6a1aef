/// A place name to resolve, with the context that narrows it.
public struct PlaceQuery: Sendable, Hashable {
    /// The text as reported, e.g. "a border village near Saravan" or "Panjgoor, Baluchistan".
    public var text: String
    /// Country (ISO alpha-2, alpha-3 or name) the place must be in.
    public var country: String?
    /// Province (name or ISO 3166-2 code) the place should be in.
    public var admin1: String?
    /// District or nearby place the place should be near.
    public var admin2: String?

    /// Creates a query.
    public init(_ text: String, country: String? = nil, admin1: String? = nil, admin2: String? = nil) {
        self.text = text
        self.country = country
        self.admin1 = admin1
        self.admin2 = admin2
    }
}

/// How a query's text was split into a name, its context and a qualifier.
struct ParsedQuery {
    /// The name to look up.
    var name: String
    /// Comma-separated context parts after the name ("Panjgur", "Balochistan").
    var context: [String]
    /// Set when the text places the incident near, not at, the name ("near Saravan").
    var near: Bool
    /// The kind the text asks for ("X province", "X district").
    var wantsKind: PlaceKind?

    /// Phrases that put the place near the name rather than at it.
    static let nearMarkers = ["near", "outside", "around", "close to", "outskirts of", "vicinity of",
                              "border of", "km from", "kilometres from", "kilometers from", "miles from", "east of",
                              "west of", "north of", "south of", "northeast of", "northwest of", "southeast of",
                              "southwest of", "outskirts", "nearby"]
    /// Phrases that name a part of a place: the place after them is where it is.
    static let withinMarkers = ["neighbourhood of", "neighborhood of", "quarter of", "suburb of", "part of",
                                "district of", "area of", "bazaar of", "market of", "centre of", "center of"]
    /// Words (folded) that ask for a first-level division: "Donetsk Oblast", "Ninawa Governorate",
    /// "Kherson region" (as the press writes Ukraine's and Russia's oblasts, and as Mali, Niger,
    /// Ethiopia, Myanmar and Tanzania name theirs), and the same words in the scripts the
    /// gazetteer sets aside as generic: область, استان, محافظة, ولایت, صوبہ, ክልል.
    static let provinceWords: Set<String> = Set(["province", "ostan", "state", "wilayat", "velayat", "welayat", "oblast", "krai",
                                                 "governorate", "prefecture", "region",
                                                 "область", "استان", "محافظة", "ولایت", "صوبہ", "ክልል"].map(NameFolding.fold))
    /// Words (folded) that ask for a second-level division: "Kech District", "Rutshuru Territory",
    /// "Maungdaw Township", "Gwoza LGA", and in other scripts район, شهرستان, ولسوالی, ضلع, ወረዳ, जिला, জেলা.
    static let districtWords: Set<String> = Set(["district", "county", "shahrestan", "tehsil", "tahsil", "raion", "rayon",
                                                 "municipality", "municipio", "cercle", "locality", "lga", "territory",
                                                 "township", "regency", "kabupaten", "landkreis", "taluk", "taluka",
                                                 "upazila", "woreda",
                                                 "район", "شهرستان", "ولسوالی", "ضلع", "ወረዳ", "जिला", "ज़िला", "जिल्ला", "জেলা"].map(NameFolding.fold))
    /// Leading phrases that describe the place's kind before its name.
    static let kindPrefixes = ["a border village in", "a village in", "the village of", "village of", "the town of",
                               "town of", "the city of", "city of", "the district of", "district of",
                               "the province of", "province of", "village", "town", "city"]

    /// `isName` says whether a text is, as a whole, a name the gazetteer holds: such a text is
    /// taken as written, before any of the rules below reads a comma as the start of the context,
    /// "An" or "The" as an article, or "District of" as the kind of the place ("An Giang",
    /// "The Hague", "District of Columbia", "Southern Nations, Nationalities and Peoples").
    init(_ text: String, isName: (String) -> Bool = { _ in false }) {
        let whole = text.trimmingCharacters(in: .whitespacesAndNewlines)
        near = false
        if !whole.isEmpty, isName(whole) {
            (name, context, wantsKind) = (whole, [], nil)
            return
        }
        var parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var head = parts.isEmpty ? whole : parts.removeFirst()
        let lower = head.lowercased()
        // "a border village near Saravan" → "Saravan", near.
        var cut: String.Index? = nil
        for marker in ParsedQuery.nearMarkers {
            var searchRange = lower.startIndex..<lower.endIndex
            while let r = lower.range(of: marker, range: searchRange) {
                let before = r.lowerBound == lower.startIndex || !lower[lower.index(before: r.lowerBound)].isLetter
                let after = r.upperBound == lower.endIndex || !lower[r.upperBound].isLetter
                if before && after, cut.map({ r.upperBound > $0 }) ?? true { cut = r.upperBound }
                searchRange = r.upperBound..<lower.endIndex
            }
        }
        if let cut, cut < lower.endIndex {
            let offset = lower.distance(from: lower.startIndex, to: cut)
            let tail = head[head.index(head.startIndex, offsetBy: offset)...].trimmingCharacters(in: .whitespaces)
            if !tail.isEmpty { head = tail; near = true }
        } else {
            // "the Sirkan neighbourhood of Saravan" → "Saravan": a part of the town, so at the town.
            for marker in ParsedQuery.withinMarkers {
                if let r = lower.range(of: " " + marker + " ", options: .backwards) {
                    let offset = lower.distance(from: lower.startIndex, to: r.upperBound)
                    let tail = head[head.index(head.startIndex, offsetBy: offset)...].trimmingCharacters(in: .whitespaces)
                    if !tail.isEmpty { head = tail; break }
                }
            }
        }
        if isName(head) {
            (name, context, wantsKind) = (head, parts, nil)
            return
        }
        var lowered = head.lowercased()
        for prefix in ParsedQuery.kindPrefixes where lowered.hasPrefix(prefix + " ") {
            head = String(head.dropFirst(prefix.count + 1)).trimmingCharacters(in: .whitespaces)
            lowered = head.lowercased()
            break
        }
        for article in ["a ", "an ", "the "] where lowered.hasPrefix(article) && !isName(head) {
            head = String(head.dropFirst(article.count))
            break
        }
        let words = Set(NameFolding.fold(head).split(separator: " ").map(String.init))
        if !words.isDisjoint(with: ParsedQuery.provinceWords) { wantsKind = .admin1 }
        else if !words.isDisjoint(with: ParsedQuery.districtWords) { wantsKind = .admin2 }
        else if !words.isDisjoint(with: ["village", "town", "city"]) { wantsKind = .place }
        else { wantsKind = nil }
        name = head
        context = parts
    }
}
