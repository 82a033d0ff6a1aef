import Geometry

/// How a candidate's name met the query.
public enum MatchKind: String, Sendable {
    /// The folded query equals the entry's preferred name.
    case exact
    /// The folded query equals one of the entry's alternate names.
    case alternate
    /// The transliteration keys are equal (a variant spelling).
    case variant
    /// The same words in another order ("Koh-e-Sabz" / "Sabz Koh").
    case reordered
    /// The same consonants ("Gawadar" / "Gwadar"): the loosest match.
    case skeleton
}

/// One possible reading of a query.
public struct Candidate: Sendable, Equatable {
    /// The entry.
    public var entry: GazetteerEntry
    /// Ranking score (higher is better); comparable within one query.
    public var score: Double
    /// The name or alternate name that matched.
    public var matched: String
    /// How it matched.
    public var match: MatchKind
}

/// The outcome of resolving one query.
public enum Resolution: Sendable {
    /// One reading stands out; `others` lists the rest, best first.
    case resolved(Candidate, others: [Candidate])
    /// Readings in different places score too close to choose; best first.
    case ambiguous([Candidate])
    /// Only a loose spelling (consonant skeleton) matched and no context
    /// corroborates it: a guess that must be confirmed; best first.
    case uncertain(Candidate, others: [Candidate])
    /// Nothing matched; `suggestions` are the nearest known spellings.
    case notFound(suggestions: [String])

    /// Every candidate, best first.
    public var candidates: [Candidate] {
        switch self {
        case .resolved(let best, let others), .uncertain(let best, let others): return [best] + others
        case .ambiguous(let all): return all
        case .notFound: return []
        }
    }

    /// The best candidate, if any.
    public var best: Candidate? { candidates.first }
}

/// The record of how a place was resolved, carried into outputs for audit.
public struct ResolutionRecord: Sendable, Equatable {
    /// The text as reported.
    public var query: String
    /// The context used (country, province, district), as given.
    public var context: [String]
    /// The chosen entry's id.
    public var id: String
    /// The chosen entry's name.
    public var name: String
    /// The name that matched.
    public var matched: String
    /// How it matched.
    public var match: String
    /// The score.
    public var score: Double
    /// How many candidates there were.
    public var candidates: Int
    /// Whether the text said "near".
    public var near: Bool
    /// The entry's source.
    public var source: String
    /// How precisely the entry's point stands for it.
    public var precision: String
    /// Whether the best of an ambiguous or uncertain set was accepted by flag.
    public var acceptedAmbiguous: Bool
}
