import Gazetteer

/// The borders a set of incidents is about, for the map's credits and the report's notes on how
/// long a border is as drawn: those the incidents are measured nearest to, not every border
/// between two of their countries (a map of 99 countries had named the Afghanistan–China border's
/// length, the first such pair in the data).
enum BorderFocus {
    /// The wholly international borders between two countries that both have incidents, nearest
    /// to at least `share` of the incidents whose nearest border was measured; most incidents first.
    static func borders(of incidents: [ResolvedIncident], in gazetteer: Gazetteer, share: Double) -> [BorderLine] {
        var nearest: [String: Int] = [:]
        for r in incidents { if let id = r.border?.borderID { nearest[id, default: 0] += 1 } }
        let measured = nearest.values.reduce(0, +)
        guard measured > 0 else { return [] }
        let countries = Set(incidents.compactMap(\.country))
        // A pair with a disputed stretch has no one length "as drawn".
        let disputed = Set(gazetteer.borders.filter(\.disputed).map(\.countries))
        return gazetteer.borders
            .filter { b in
                !disputed.contains(b.countries) && b.countries.allSatisfy(countries.contains)
                    && Double(nearest[b.id] ?? 0) >= share * Double(measured)
            }
            .sorted { (-(nearest[$0.id] ?? 0), $0.id) < (-(nearest[$1.id] ?? 0), $1.id) }
    }
}
