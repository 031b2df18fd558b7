/// What a number is measured in, as written.
enum QuantityUnit: Sendable, Equatable {
    case tonnes
    case percent
    /// Percentage points.
    case points
    case usd
    case usdPerKg
    /// A currency other than the dollar (yuan, euros): named, not converted.
    case otherCurrency(String)
    case count
    /// A unit outside the domain (`GW`), kept so that the figure is reported out of scope.
    case other(String)
    case none
}

/// A number in a clause with its qualifier, sign, multiplier and unit, converted to the claim's
/// unit (tonnes for masses).
struct NumberMention: Sendable {
    /// Tokens from the qualifier to the unit.
    var start: Int
    var end: Int
    /// The number token itself.
    var index: Int
    var value: Double
    /// The rounding step the written number implies, in the same unit (`3,188` → 1, `3.2 thousand` → 100).
    var step: Double
    var unit: QuantityUnit
    var qualifier: ClaimQualifier
    /// +1 or -1 when the number carries a sign (`-38.1%`, `+157.5%`).
    var sign: Double?
    /// What a count counts: the noun it ends on (`elements`, `rare` for "rare earths", `entities`).
    var countNoun: String?
    /// A count of things added ("five more elements", "adding 16 entities", "another two").
    var countsAddition = false
    /// The qualifier's bound is itself admitted ("at least seven" admits seven; "more than seven" does not).
    var boundIncluded = false
    /// The ratio the article wrote ("doubled" 2, "halved" 0.5, "sevenfold" 7), read as a percent change.
    var ratio: Double?
}

/// Reads the numbers of a clause.
enum NumberReader {
    /// Words before a number that make it a label, not a quantity.
    static let labelWords: Set<String> = [
        "no", "number", "section", "article", "hs", "code", "codes", "announcement", "order", "eo", "chapter", "version", "page", "top",
        "item", "rule", "phase", "level", "tier", "class", "grade", "room", "annex", "list", "paragraph", "g",
    ]

    /// Qualifiers whose bound is admitted.
    static let inclusiveBounds: Set<[String]> = [["at", "least"], ["no", "fewer", "than"], ["no", "less", "than"], ["not", "less", "than"]]

    /// Words between a count and its noun, or just before the count, that make it an addition.
    static let additionWords: Set<String> = ["more", "additional", "new", "further", "extra", "adding", "added", "adds", "add", "another"]

    static let countModifiers: Set<String> = [
        "medium", "heavy", "light", "and", "more", "new", "other", "key", "critical", "strategic", "of", "the", "us", "u.s.",
        "american", "chinese", "foreign", "major", "additional", "controlled", "earth", "rare", "further", "extra",
    ]

    /// The figures in `tokens[range]`, skipping tokens marked in `consumed` (periods, dates, names).
    static func read(_ tokens: [Token], _ range: Range<Int>, consumed: [Bool]) -> [NumberMention] {
        var out: [NumberMention] = []
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            defer { i += 1 }
            let t = tokens[i]
            if i < consumed.count && consumed[i] { continue }
            var value: Double
            var step: Double
            var isWordNumber = false
            // A ratio ("doubled", "sevenfold", "7-fold", "three times higher"): the tokens after the number it takes.
            var ratio: Double?
            var ratioEnd = i + 1
            if t.kind == .word, let r = Lexicon.ratioWords[t.lower] {
                value = r
                step = 1
                ratio = r
            } else if t.kind == .number {
                let digits = t.text.utf8.contains(UInt8(ascii: ",")) ? String(t.text.filter { $0 != "," }) : t.text
                guard let v = Double(digits) else { continue }
                value = v
                if let dot = digits.firstIndex(of: ".") {
                    step = pow10(-digits[digits.index(after: dot)...].count)
                } else {
                    step = 1
                }
            } else if t.kind == .word, let v = Lexicon.numberWords[t.lower] {
                value = Double(v)
                step = 1
                isWordNumber = true
            } else {
                continue
            }
            // A ratio is a multiple from 1 to 1,000 ("100000000000000000-fold" is not one).
            if ratio == nil, value > 1, value <= 1000 {
                if i + 2 < end, tokens[i + 1].kind == .hyphen, tokens[i + 2].lower == "fold" {
                    ratio = value
                    ratioEnd = i + 3
                } else if i + 1 < end, tokens[i + 1].lower == "fold" {
                    ratio = value
                    ratioEnd = i + 2
                } else if i + 2 < end, tokens[i + 1].lower == "times", Lexicon.timesComparisons.contains(tokens[i + 2].lower) {
                    ratio = value
                    ratioEnd = i + 2
                }
            }
            // A label ("Section 232", "No. 18") or a compound adjective ("three-month", "16-member").
            var p = i - 1
            if p >= range.lowerBound, tokens[p].text == "." { p -= 1 }
            if p >= range.lowerBound, tokens[p].kind == .word, labelWords.contains(tokens[p].lower) { continue }
            // "seven of 17 rare earth elements", "seven of the 17", "seven out of 17": the whole the
            // count is out of (a small whole number), not a claim.
            if value <= 100, value == value.rounded(), Self.countOf(before: i, tokens, range) != nil {
                continue
            }
            if ratio == nil, i + 1 < end, tokens[i + 1].kind == .hyphen, i + 2 < end, tokens[i + 2].kind == .word,
                !Lexicon.multipliers.keys.contains(tokens[i + 2].lower)
            {
                continue
            }
            if i + 1 < end, tokens[i + 1].kind == .hyphen, i + 2 < end, tokens[i + 2].kind == .number { continue }

            // Backwards: sign, currency, qualifier.
            var first = i
            var sign: Double?
            var currency: QuantityUnit?
            var b = i - 1
            if b >= range.lowerBound, tokens[b].kind == .symbol, !tokens[i].spaceBefore {
                switch tokens[b].text {
                case "-", "−": sign = -1
                case "+": sign = 1
                case "$": currency = .usd
                case "€": currency = .otherCurrency("EUR")
                case "¥": currency = .otherCurrency("CNY")
                case "£": currency = .otherCurrency("GBP")
                default: break
                }
                if sign != nil || currency != nil {
                    first = b
                    b -= 1
                }
            }
            if currency == .usd, b >= range.lowerBound, ["us", "u.s."].contains(tokens[b].lower), !tokens[b + 1].spaceBefore {
                first = b
                b -= 1
            }
            if currency == nil, b >= range.lowerBound, tokens[b].kind == .word, ["usd", "us$"].contains(tokens[b].lower) {
                currency = .usd
                first = b
                b -= 1
            }
            var qualifier = ClaimQualifier.exact
            var boundIncluded = false
            if b >= range.lowerBound, tokens[b].text == "~" {
                qualifier = .about
                first = b
            } else {
                for (phrase, q) in Lexicon.qualifiers where phrase.words.count <= b - range.lowerBound + 1 {
                    let s = b - phrase.words.count + 1
                    if phrase.match(tokens, at: s, limit: b + 1) == b + 1 {
                        qualifier = q
                        boundIncluded = inclusiveBounds.contains(phrase.words)
                        first = s
                        break
                    }
                }
            }

            if let r = ratio {
                // A ratio r is a change of (r − 1) × 100%, known to a tenth of the ratio ("doubled":
                // 1.9 to 2.1 times, +90% to +110%; "sevenfold": 6.65 to 7.35 times).
                out.append(
                    NumberMention(
                        start: first, end: ratioEnd, index: i, value: abs(r - 1) * 100, step: 10 * r, unit: .percent, qualifier: qualifier,
                        sign: r < 1 ? -1 : 1, boundIncluded: boundIncluded, ratio: r))
                i = ratioEnd - 1
                continue
            }

            // Forwards: multiplier, unit.
            var j = i + 1
            if j < end, tokens[j].kind == .word, let m = Lexicon.multipliers[tokens[j].lower],
                tokens[j].spaceBefore || ["k", "m", "bn", "b", "mln"].contains(tokens[j].lower)
            {
                // "m" and "b" only attached ("$60m"), or after a currency.
                if tokens[j].text.count > 1 || !tokens[j].spaceBefore || currency != nil {
                    value *= m
                    step *= m
                    j += 1
                }
            }
            var unit: QuantityUnit = currency ?? .none
            func word(_ k: Int) -> String? { k < end && tokens[k].kind == .word ? tokens[k].lower : nil }
            if j < end, tokens[j].text == "%" {
                unit = .percent
                j += 1
            } else if let w = word(j) {
                switch w {
                case "percent", "pct":
                    unit = .percent
                    j += 1
                case "per" where word(j + 1) == "cent":
                    unit = .percent
                    j += 2
                case "percentage" where word(j + 1) == "points" || word(j + 1) == "point":
                    unit = .points
                    j += 2
                case "tonnes", "tonne", "tons", "ton", "t", "mt":
                    unit = .tonnes
                    j += 1
                case "metric" where ["tons", "tonnes", "ton", "tonne"].contains(word(j + 1) ?? ""):
                    unit = .tonnes
                    j += 2
                case "kg", "kilograms", "kilogram", "kilos":
                    unit = .tonnes
                    value /= 1000
                    step /= 1000
                    j += 1
                case "kt", "kilotonnes", "kilotons":
                    unit = .tonnes
                    value *= 1000
                    step *= 1000
                    j += 1
                case "dollars":
                    unit = .usd
                    j += 1
                case "yuan", "renminbi", "rmb":
                    unit = .otherCurrency("CNY")
                    j += 1
                case "euros":
                    unit = .otherCurrency("EUR")
                    j += 1
                case "gigawatts", "gigawatt", "gw", "megawatts", "megawatt", "mw", "gwh", "twh":
                    unit = .other(w.hasPrefix("m") ? "MW" : "GW")
                    j += 1
                default:
                    break
                }
            }
            if j < end, tokens[j].text == "%", unit == .none {
                unit = .percent
                j += 1
            }
            if unit == .percent, word(j) == "points" || word(j) == "point" {
                unit = .points
                j += 1
            }
            if unit == .usd {
                if word(j) == "per" || word(j) == "a", ["kilogram", "kg", "kilo"].contains(word(j + 1) ?? "") {
                    unit = .usdPerKg
                    j += 2
                } else if j + 1 < end, tokens[j].text == "/", ["kg", "kilogram"].contains(word(j + 1) ?? "") {
                    unit = .usdPerKg
                    j += 2
                }
            }
            var countNoun: String?
            var countsAddition = false
            if unit == .none {
                // A count: "seven rare earth elements", "16 US entities", "seven medium-to-heavy rare earths".
                var k = j
                var skipped = 0
                func isModifier(_ k: Int) -> Bool {
                    guard k < end else { return false }
                    if tokens[k].kind == .hyphen { return true }
                    // "seven of (the) 17 rare earths", "seven out of 17": the whole after "of".
                    if k >= j, ["of", "the", "out"].contains(tokens[k].lower) { return true }
                    if k > j, ["of", "the"].contains(tokens[k - 1].lower), tokens[k].kind == .number || Lexicon.numberWords[tokens[k].lower] != nil {
                        return true
                    }
                    guard let w = word(k), !Lexicon.countNouns.contains(w) else { return false }
                    return countModifiers.contains(w) || (w == "to" && k > j && tokens[k - 1].kind == .hyphen)
                }
                while isModifier(k), skipped < 6 {
                    if let w = word(k), additionWords.contains(w) { countsAddition = true }
                    k += 1
                    skipped += 1
                }
                // "rare" counts elements only as "rare earths" or "rare earth elements/metals"
                // ("three rare earth magnet makers" is not a count of elements).
                let rareEarthsEnd: Bool = {
                    guard word(k) == "rare" else { return true }
                    if word(k + 1) == "earths" { return true }
                    guard word(k + 1) == "earth" else { return false }
                    return ["elements", "element", "metals", nil].contains(word(k + 2))
                }()
                if let w = word(k), Lexicon.countNouns.contains(w), rareEarthsEnd {
                    unit = .count
                    countNoun = w
                    if first > range.lowerBound, tokens[first - 1].kind == .word, additionWords.contains(tokens[first - 1].lower) {
                        countsAddition = true
                    }
                } else {
                    countsAddition = false
                }
            }
            if unit == .none, !isWordNumber, let w = word(j), ["from", "to", "and", "versus"].contains(w), j + 1 < end,
                tokens[j + 1].kind == .number, let u = word(j + 2), ["tonnes", "tonne", "tons", "t", "mt", "metric"].contains(u)
            {
                // "rose to 3,188 from 1,238 tonnes": the unit is written once.
                unit = .tonnes
            }
            if unit == .none || (isWordNumber && unit != .count) { continue }
            // Trailing zeros of a round mass or money figure are rounding: "58,000 tonnes" is to the thousand.
            if unit != .percent && unit != .points && unit != .count && t.kind == .number && !t.text.utf8.contains(UInt8(ascii: ".")) {
                var n = Int(t.text.filter { $0 != "," }) ?? 0
                if n >= 100 {
                    var zeros = 0
                    while n > 0 && n % 10 == 0 {
                        n /= 10
                        zeros += 1
                    }
                    step *= pow10(zeros)
                }
            }
            out.append(
                NumberMention(
                    start: first, end: j, index: i, value: value, step: step, unit: unit, qualifier: qualifier, sign: sign,
                    countNoun: countNoun, countsAddition: countsAddition, boundIncluded: boundIncluded))
            i = j - 1
        }
        return out
    }

    /// The index of "of" when the number at `i` follows "N of", "N of the" or "N out of" (N a
    /// number or a number word): the whole a count is out of.
    static func countOf(before i: Int, _ tokens: [Token], _ range: Range<Int>) -> Int? {
        var p = i - 1
        if p >= range.lowerBound, tokens[p].lower == "the" { p -= 1 }
        guard p >= range.lowerBound, tokens[p].lower == "of" else { return nil }
        var q = p - 1
        if q >= range.lowerBound, tokens[q].lower == "out" { q -= 1 }
        guard q >= range.lowerBound, tokens[q].kind == .number || Lexicon.numberWords[tokens[q].lower] != nil else { return nil }
        return p
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        if n >= 0 {
            for _ in 0..<n { r *= 10 }
        } else {
            for _ in 0..<(-n) { r /= 10 }
        }
        return r
    }
}
