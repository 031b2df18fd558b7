import MonaziteCore

/// The words the extractor knows, grouped by what they signal. docs/claims.md lists them.
///
/// Phrases are lower-case words separated by spaces; a phrase matches the same words in the text
/// whether they are written apart or hyphenated (`year on year`, `year-on-year`).
enum Lexicon {
    // MARK: Dates

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6,
        "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    ]

    static func monthNumber(_ lower: String) -> Int? { months[lower] }

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
        "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20,
    ]

    static let ordinalWords: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4]

    // MARK: Places

    /// Countries as the news writes them: names, short forms, demonyms, capitals used as metonyms.
    /// Longer phrases first so that "south korea" wins over "korea".
    static let places: [(Phrase, String)] = {
        let table: [(String, String)] = [
            ("united states of america", "USA"), ("united states", "USA"), ("u.s.", "USA"), ("u.s.a.", "USA"), ("us", "USA"),
            ("usa", "USA"),
            ("america", "USA"), ("american", "USA"), ("washington", "USA"),
            ("people's republic of china", "CHN"), ("mainland china", "CHN"), ("china", "CHN"), ("chinese", "CHN"), ("beijing", "CHN"),
            ("prc", "CHN"),
            ("japan", "JPN"), ("japanese", "JPN"), ("tokyo", "JPN"),
            ("south korea", "KOR"), ("south korean", "KOR"), ("republic of korea", "KOR"), ("korea", "KOR"), ("korean", "KOR"),
            ("seoul", "KOR"),
            ("germany", "DEU"), ("german", "DEU"), ("berlin", "DEU"),
            ("india", "IND"), ("indian", "IND"), ("new delhi", "IND"), ("delhi", "IND"),
            ("vietnam", "VNM"), ("viet nam", "VNM"), ("vietnamese", "VNM"), ("hanoi", "VNM"),
            ("european union", "EUU"), ("the eu", "EUU"), ("eu", "EUU"), ("e.u.", "EUU"), ("europe", "EUU"), ("european", "EUU"),
            ("brussels", "EUU"),
            ("estonia", "EST"), ("estonian", "EST"), ("malaysia", "MYS"), ("malaysian", "MYS"), ("australia", "AUS"), ("australian", "AUS"),
            ("canberra", "AUS"), ("myanmar", "MMR"), ("burma", "MMR"), ("thailand", "THA"), ("thai", "THA"),
            ("united kingdom", "GBR"), ("britain", "GBR"), ("british", "GBR"), ("uk", "GBR"), ("u.k.", "GBR"), ("london", "GBR"),
            ("france", "FRA"), ("french", "FRA"), ("paris", "FRA"), ("mexico", "MEX"), ("mexican", "MEX"), ("canada", "CAN"),
            ("canadian", "CAN"), ("ottawa", "CAN"), ("russia", "RUS"), ("russian", "RUS"), ("moscow", "RUS"), ("brazil", "BRA"),
            ("brazilian", "BRA"), ("taiwan", "TWN"), ("taiwanese", "TWN"), ("taipei", "TWN"), ("philippines", "PHL"), ("thailand's", "THA"),
            ("nigeria", "NGA"), ("madagascar", "MDG"), ("greenland", "GRL"), ("netherlands", "NLD"), ("dutch", "NLD"), ("italy", "ITA"),
            ("italian", "ITA"), ("poland", "POL"), ("polish", "POL"), ("spain", "ESP"), ("spanish", "ESP"),
            ("world", "WLD"), ("global", "WLD"), ("worldwide", "WLD"),
        ]
        return table.map { (Phrase($0.0), $0.1) }.sorted { $0.0.words.count > $1.0.words.count }
    }()

    /// Place words that are adjectives or metonyms (not the country's name): they mark the reporter
    /// when they qualify exports, the partner when they qualify goods ("Chinese magnets").
    static let demonyms: Set<String> = [
        "american", "chinese", "japanese", "south korean", "korean", "german", "indian", "vietnamese", "european", "estonian", "malaysian",
        "australian", "thai", "british", "french", "mexican", "canadian", "russian", "brazilian", "taiwanese", "dutch", "italian",
        "polish", "spanish",
    ]

    // MARK: Commodities

    /// Commodity phrases, longest first. `magnet` wins over `rare earth` when they are adjacent.
    static let commodities: [(Phrase, String)] = {
        let table: [(String, String)] = [
            ("rare earth permanent magnets", "8505.11"), ("rare earth permanent magnet", "8505.11"), ("rare earth magnets", "8505.11"),
            ("rare earth magnet", "8505.11"), ("permanent magnets", "8505.11"), ("permanent magnet", "8505.11"), ("magnets", "8505.11"),
            ("magnet", "8505.11"), ("ndfeb", "8505.11"), ("8505.11", "8505.11"), ("8505111000", "8505.11"),
            ("rare earth elements", "cn-rare-earths"), ("rare earth element", "cn-rare-earths"), ("rare earths", "cn-rare-earths"),
            ("rare earth", "cn-rare-earths"), ("rare-earths", "cn-rare-earths"), ("rees", "cn-rare-earths"), ("ree", "cn-rare-earths"),
            ("dysprosium", "cn-dysprosium"), ("terbium", "cn-terbium"),
            ("neodymium praseodymium", "ndpr"), ("praseodymium neodymium", "ndpr"), ("pr nd", "ndpr"), ("nd pr", "ndpr"),
            ("neodymium", "neodymium"), ("praseodymium", "praseodymium"), ("ndpr", "ndpr"), ("samarium", "samarium"),
            ("yttrium", "yttrium"),
            ("gadolinium", "gadolinium"), ("lutetium", "lutetium"), ("scandium", "scandium"), ("holmium", "holmium"),
            ("europium", "europium"),
            ("cerium", "cerium"), ("lanthanum", "lanthanum"),
        ]
        return table.map { (Phrase($0.0), $0.1) }.sorted { $0.0.words.count > $1.0.words.count }
    }()

    // MARK: Flows

    static let exportWords: Set<String> = [
        "exports", "export", "exported", "exporting", "shipments", "shipment", "shipped", "ships", "shipping", "outbound", "sent",
        "deliveries",
    ]
    static let importWords: Set<String> = ["imports", "import", "imported", "importing", "purchases", "inbound"]

    // MARK: Changes

    static let upWords: Set<String> = [
        "rose", "rise", "rises", "rising", "risen", "up", "jumped", "jump", "jumps", "jumping", "surged", "surge", "surges", "surging",
        "soared", "soar", "soars", "climbed", "climb", "climbs", "increased", "increase", "increases", "increasing", "grew", "grow",
        "grows", "growth", "gained", "gain", "gains", "rebounded", "rebound", "rebounds", "higher", "advanced", "spiked", "leapt",
        "leaped", "expanded", "recovered", "added",
    ]
    static let downWords: Set<String> = [
        "fell", "fall", "falls", "fallen", "falling", "dropped", "drop", "drops", "dropping", "declined", "decline", "declines",
        "declining", "slipped", "slip", "slips", "slid", "slide", "slumped", "slump", "slumps", "plunged", "plunge", "plunges",
        "plummeted", "plummet", "tumbled", "tumble", "sank", "sink", "down", "lower", "decreased", "decrease", "decreases",
        "contracted", "contraction", "shrank", "shrink", "eased", "dipped", "dip", "retreated", "collapsed", "collapse", "lost", "slowed",
        "slowing",
        "reduced",
    ]

    static let yoyCues: [Phrase] = [
        "year on year", "year over year", "yoy", "y/y", "a year earlier", "a year ago", "a year before", "the same month last year",
        "the same month of last year", "the same month a year earlier", "same period last year", "the same period last year",
        "the same period a year earlier", "the same period of last year", "on the year",
        "on an annual basis", "annually", "from last year", "than last year", "year earlier", "the previous year", "the prior year",
        "a year prior", "the year before", "same month last year", "same period a year earlier", "last year's",
    ].map { Phrase($0) }

    static let momCues: [Phrase] = [
        "month on month", "month over month", "mom", "m/m", "the previous month", "the prior month", "a month earlier", "a month ago",
        "the month before", "sequentially", "sequential", "from last month", "on the month", "previous month", "prior month",
    ].map { Phrase($0) }

    // MARK: Kinds of figures

    static let shareCues: [Phrase] = [
        "share", "accounted for", "accounting for", "accounts for", "account for", "made up", "makes up", "make up", "making up",
        "controls", "control", "controlled", "dominates", "holds", "supplied", "supplies", "sourced", "came from", "come from",
        "comes from",
        "of the total", "of total", "of all", "of china's", "of global", "of the world's", "of world",
    ].map { Phrase($0) }

    static let nirCues: [Phrase] = [
        "import reliance", "net import reliance", "import dependence", "import dependency", "relied on imports", "relies on imports",
        "rely on imports", "reliant on imports", "dependent on imports", "depended on imports", "depends on imports",
        "met by imports", "imports met", "import share of consumption", "imported",
    ].map { Phrase($0) }

    static let productionCues: [Phrase] = [
        "mined", "mine production", "mining output", "mine output", "production", "produced", "output", "produces", "produce",
    ].map { Phrase($0) }

    /// Stage words for a country's share of a stage of the chain.
    static let stageCues: [(Phrase, SupplyStage)] = [
        ("magnet making", SupplyStage.magnet), ("magnet production", .magnet), ("magnet manufacturing", .magnet), ("magnets", .magnet),
        ("magnet", .magnet), ("refining", .separation), ("refined", .separation), ("processing", .separation), ("processed", .separation),
        ("separation", .separation), ("mining", .mining), ("mined", .mining), ("mine production", .mining),
    ].map { (Phrase($0.0), $0.1) }

    /// Words that put a figure outside the domain: rates, other goods, company finance.
    static let outOfScope: [Phrase] = [
        "tariff", "tariffs", "duty", "duties", "levy", "levies", "tax", "taxes", "chip", "chips", "semiconductor", "semiconductors",
        "solar", "photovoltaic", "wind capacity", "gigawatts", "gigawatt", "gw", "mw", "megawatts", "stake", "stakes", "equity",
        "shareholding", "shareholder", "shares of", "stock", "stocks", "share price", "valuation", "market value", "market cap",
        "gdp", "inflation", "interest rate", "interest rates", "yuan", "soybeans", "soybean", "oil", "crude", "gallium", "germanium",
        "antimony", "graphite", "lithium", "cobalt", "nickel", "steel", "aluminium", "aluminum", "copper", "cars", "vehicles", "vehicle",
        "evs", "ev", "shares", "jobs", "yen", "dollar", "euro", "won", "rupee", "currency", "exchange rate", "workers", "employees",
        "fentanyl", "votes", "poll",
    ].map { Phrase($0) }

    /// Out-of-scope words that decide a percentage wherever they stand in its clause.
    static let rateWords: Set<String> = [
        "tariff", "tariffs", "duty", "duties", "levy", "levies", "tax", "taxes", "stake", "stakes", "equity", "shareholding", "shares",
    ]

    static let priceCues: [Phrase] = ["price", "prices", "priced", "per kilogram", "per kg", "a kilogram", "a kg", "per tonne", "per ton"]
        .map { Phrase($0) }

    /// Count nouns that name rare-earth elements ("rare" as in "seven rare earths").
    static let elementCountNouns: Set<String> = ["elements", "element", "rare"]

    /// Nouns that make a bare number a count.
    static let countNouns: Set<String> = [
        "elements", "element", "rare", "metals", "entities", "companies", "firms", "licences", "licenses", "license", "licence",
        "destinations", "countries", "items", "measures", "applications", "permits", "exporters", "producers", "mines", "plants",
    ]

    // MARK: Numbers

    static let qualifiers: [(Phrase, ClaimQualifier)] = {
        let table: [(String, ClaimQualifier)] = [
            ("more than", .moreThan), ("over", .moreThan), ("above", .moreThan), ("exceeding", .moreThan), ("in excess of", .moreThan),
            ("upwards of", .moreThan), ("at least", .moreThan), ("no fewer than", .moreThan), ("no less than", .moreThan),
            ("not less than", .moreThan), ("no more than", .upTo), ("not more than", .upTo), ("just over", .moreThan), ("north of", .moreThan), ("beyond", .moreThan),
            ("less than", .lessThan), ("fewer than", .lessThan), ("under", .lessThan), ("below", .lessThan), ("short of", .lessThan),
            ("just under", .nearly), ("nearly", .nearly), ("almost", .nearly), ("close to", .nearly), ("approaching", .nearly),
            ("about", .about), ("around", .about), ("roughly", .about), ("approximately", .about), ("approx", .about), ("some", .about),
            ("an estimated", .about), ("estimated", .about), ("circa", .about), ("~", .about),
            ("topped", .moreThan), ("exceeded", .moreThan), ("surpassed", .moreThan), ("closer to", .about),
            ("up to", .upTo), ("as much as", .upTo), ("as many as", .upTo), ("as high as", .upTo),
        ]
        return table.map { (Phrase($0.0), $0.1) }.sorted { $0.0.words.count > $1.0.words.count }
    }()

    /// Words before a period that make it the base of a comparison ("from May", "than in 2024",
    /// "on the year"): wider than ``levelBaseWords``, since "above 2024" compares but "above 500
    /// tonnes" is a qualifier.
    static let periodBaseWords: Set<String> = ["from", "than", "against", "versus", "vs", "with", "below", "above", "on"]
    /// Words just before a figure that make it the base level of a comparison ("from 1,238 tonnes").
    static let levelBaseWords: Set<String> = ["from", "than", "with", "versus"]

    /// Words that make every price of their clause one end of a range ("ranged between $600 and $900").
    static let rangeWords: Set<String> = ["between", "range", "ranged", "ranging", "ranges"]

    /// Words that state a ratio of a new level to an old one.
    static let ratioWords: [String: Double] = [
        "doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "tripling": 3, "quadrupled": 4, "halved": 0.5, "twofold": 2,
        "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7, "eightfold": 8, "ninefold": 9, "tenfold": 10,
    ]
    /// Words after "N times" that make it a ratio ("three times higher", "twice as much" is not read).
    /// ("three times the price in China" compares two markets, not two dates: not read).
    static let timesComparisons: Set<String> = ["higher", "more", "larger", "greater", "bigger", "above"]

    /// Words naming where a price is quoted. A clause naming two markets is read as the first of
    /// ``PriceMarket/allCases`` it names (FOB before Rotterdam before Europe before the US before China).
    static let priceMarkets: [(Phrase, PriceMarket)] = ([
        ("fob", PriceMarket.fob), ("free on board", .fob), ("rotterdam", .rotterdam), ("europe", .europe), ("european", .europe),
        ("cif", .europe), ("united states", .us), ("u.s.", .us), ("american", .us), ("china", .china), ("chinese", .china),
        ("shanghai", .china), ("domestic", .china),
    ] as [(String, PriceMarket)]).map { (Phrase($0.0), $0.1) }
    /// The element key of the price data for each priced item the extractor names.
    static let priceElements: [String: String] = [
        "cn-dysprosium": "Dy", "cn-terbium": "Tb", "neodymium": "Nd", "praseodymium": "Pr", "ndpr": "NdPr",
    ]
    /// The form of a priced product.
    static let priceForms: [String: String] = ["oxide": "oxide", "oxides": "oxide", "metal": "metal", "metals": "metal", "alloy": "alloy"]

    static let multipliers: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12,
    ]
}

/// Phrases indexed by their first word, so that finding one in a clause costs a dictionary look-up
/// per token rather than a comparison per phrase.
struct PhraseIndex<Value: Sendable>: Sendable {
    private let byFirst: [String: [(Phrase, Value)]]

    init(_ entries: [(Phrase, Value)]) {
        var d: [String: [(Phrase, Value)]] = [:]
        for e in entries {
            let first = e.0.words.first ?? ""
            // The first word as a token can also be written the ways `Phrase.match` accepts:
            // "U.S" without its last dot, a possessive with a typographic apostrophe.
            var keys = [first]
            if first == "u.s." { keys.append("u.s") }
            if first.hasSuffix("'s") { keys.append(first.dropLast(2) + "’s") }
            for k in keys { d[k, default: []].append(e) }
        }
        for k in d.keys { d[k]?.sort { $0.0.words.count > $1.0.words.count } }
        byFirst = d
    }

    /// The words a phrase of the index starts with.
    var firstWords: Set<String> { Set(byFirst.keys) }

    /// The longest phrase starting at `i`, with the index after it.
    func match(_ tokens: [Token], at i: Int, limit: Int) -> (end: Int, value: Value)? {
        guard let candidates = byFirst[tokens[i].lower] else { return nil }
        for (phrase, value) in candidates {
            if let e = phrase.match(tokens, at: i, limit: limit) { return (e, value) }
        }
        return nil
    }

    /// The index of the first token in `range` where a phrase starts.
    func first(in tokens: [Token], _ range: Range<Int>) -> Int? {
        for i in range where match(tokens, at: i, limit: range.upperBound) != nil { return i }
        return nil
    }
}

extension PhraseIndex where Value: Hashable {
    /// The values of every phrase found in `range` (one pass over its tokens).
    func values(in tokens: [Token], _ range: Range<Int>) -> Set<Value> {
        var found = Set<Value>()
        for i in range {
            guard let candidates = byFirst[tokens[i].lower] else { continue }
            for (phrase, value) in candidates where !found.contains(value) && phrase.match(tokens, at: i, limit: range.upperBound) != nil {
                found.insert(value)
            }
        }
        return found
    }
}

extension PhraseIndex where Value == Void {
    init(_ phrases: [Phrase]) { self.init(phrases.map { ($0, ()) }) }
}

extension Lexicon {
    static let yoyIndex = PhraseIndex(yoyCues)
    static let momIndex = PhraseIndex(momCues)
    static let shareIndex = PhraseIndex(shareCues)
    static let nirIndex = PhraseIndex(nirCues.filter { $0.words != ["imported"] })
    static let productionIndex = PhraseIndex(productionCues)
    static let outOfScopeIndex = PhraseIndex(outOfScope)
    static let priceIndex = PhraseIndex(priceCues)
    static let stageIndex = PhraseIndex(stageCues)
    static let priceMarketIndex = PhraseIndex(priceMarkets)
    static let commodityIndex = PhraseIndex(commodities)
    static let placeIndex = PhraseIndex(places)
    /// One-word place names, for possessives ("China's").
    static let placeNames: [String: String] = {
        var d: [String: String] = [:]
        for (p, code) in places where p.words.count == 1 { d[p.words[0]] = code }
        return d
    }()
}

/// A sequence of lower-case words to find in tokens (hyphens between words are skipped).
struct Phrase: Sendable, ExpressibleByStringLiteral {
    let words: [String]

    init(_ text: String) { words = text.split(separator: " ").map(String.init) }
    init(stringLiteral value: String) { words = value.split(separator: " ").map(String.init) }

    /// The index after the phrase when it starts at `i`, else nil.
    func match(_ tokens: [Token], at i: Int, limit: Int) -> Int? {
        var j = i
        for (n, w) in words.enumerated() {
            if n > 0 { while j < limit, tokens[j].kind == .hyphen { j += 1 } }
            guard j < limit else { return nil }
            let t = tokens[j]
            if t.lower == w || (t.kind == .word && t.lower.hasSuffix("’s") && w.hasSuffix("'s") && t.lower.dropLast(2) == w.dropLast(2)) {
                j += 1
            } else if w == "u.s." && (t.lower == "u.s" || t.lower == "u.s.") {
                j += 1
            } else {
                return nil
            }
        }
        return j
    }
}
