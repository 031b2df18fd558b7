import MonaziteCore

/// A period as the article writes it, before the article's date resolves it.
enum PeriodExpression: Sendable, Equatable {
    /// `June`, `June 2025`, `2025-06`.
    case month(Int, year: Int?)
    /// `January-July`, `January to July 2025`.
    case months(Int, Int, year: Int?)
    /// `the first half`, `H1 2025`.
    case half(Int, year: Int?)
    /// `the third quarter`, `Q3`.
    case quarter(Int, year: Int?)
    /// `the first nine months`.
    case firstMonths(Int, year: Int?)
    /// `2024`, `full-year 2025`.
    case year(Int)
    /// `2020-2023`, `2020 to 2023`.
    case years(Int, Int)
    /// `so far this year`, `year to date`.
    case yearToDate
    /// `last month` (-1), `this month` (0).
    case relativeMonth(Int)
    /// `last year` (-1), `this year` (0).
    case relativeYear(Int)
    /// `the full year`, `for the year`.
    case fullYear
    /// `March last year`: a month of the year before the article's (or the figure's).
    case monthLastYear(Int)
    /// `the same month in 2024`, `the same period of 2024`: the period the figure is about, in that
    /// year. Always the base of a comparison, and a year-on-year cue.
    case samePeriodIn(Int)
}

/// A period found in a clause: where, what, and whether it is the figure's own period or the base
/// of a comparison (`from May`, `than in 2024`).
struct PeriodMention: Sendable {
    var start: Int
    var end: Int
    var expression: PeriodExpression
    var isBase: Bool
    /// `since January`, `until June`: a period that is neither the figure's nor its base.
    var isIgnored = false
}

/// A calendar date in the text (`July 20`, `July 20, 2025`): never a figure, never a period.
struct DateMention: Sendable {
    var start: Int
    var end: Int
}

/// Reads period and date expressions from a clause's tokens.
enum PeriodReader {

    /// Period and date mentions in `tokens[range]`, in order, not overlapping.
    static func read(_ tokens: [Token], _ range: Range<Int>) -> (periods: [PeriodMention], dates: [DateMention]) {
        var periods: [PeriodMention] = []
        var dates: [DateMention] = []
        var i = range.lowerBound
        let end = range.upperBound
        func word(_ k: Int) -> String? { k < end && tokens[k].kind == .word ? tokens[k].lower : nil }
        func skipHyphen(_ k: Int) -> Int { k < end && tokens[k].kind == .hyphen ? k + 1 : k }
        func year(_ k: Int) -> Int? {
            guard k < end, tokens[k].kind == .number, tokens[k].text.count == 4, let y = Int(tokens[k].text), (1990...2100).contains(y)
            else {
                return nil
            }
            // Not a quantity: "2025 tonnes" is not a year.
            if k + 1 < end, isUnitWord(tokens[k + 1]) { return nil }
            return y
        }
        func monthAt(_ k: Int) -> Int? {
            guard k < end, tokens[k].kind == .word, let m = monthNumber(tokens[k].lower) else {
                return nil
            }
            // "may" the verb, "march" the noun: months are capitalised.
            guard tokens[k].startsUppercase else { return nil }
            return m
        }
        func monthNumber(_ lower: String) -> Int? {
            var w = lower.utf8.contains(UInt8(ascii: ".")) ? String(lower.filter { $0 != "." }) : lower
            if w.hasSuffix("'s") || w.hasSuffix("’s") { w.removeLast(2) }
            return Lexicon.monthNumber(w)
        }
        /// An optional "of"/"," then a year after k.
        func trailingYear(_ k: Int) -> (Int?, Int) {
            var j = k
            if j < end, tokens[j].text == "," || tokens[j].lower == "of" { j += 1 }
            if let y = year(j) { return (y, j + 1) }
            if let y = year(k) { return (y, k + 1) }
            return (nil, k)
        }
        func add(_ from: Int, _ to: Int, _ e: PeriodExpression, rangeExpression: Bool = false, alwaysBase: Bool = false) {
            var base = alwaysBase
            var p = from - 1
            while p >= range.lowerBound, tokens[p].kind == .word,
                ["the", "a", "in", "same", "period", "month", "of"].contains(tokens[p].lower)
            {
                p -= 1
            }
            if p >= range.lowerBound, tokens[p].kind == .word, Lexicon.periodBaseWords.contains(tokens[p].lower), !rangeExpression {
                base = true
            }
            // "compared to May", "relative to 2024".
            if p > range.lowerBound, tokens[p].lower == "to", ["compared", "relative"].contains(tokens[p - 1].lower) { base = true }
            let ignored = from > range.lowerBound && ["since", "until", "till", "before", "after"].contains(tokens[from - 1].lower)
            periods.append(PeriodMention(start: from, end: to, expression: e, isBase: base, isIgnored: ignored))
        }
        while i < end {
            let t = tokens[i]
            // 2025-06
            if let y = year(i), i + 2 < end, tokens[i + 1].kind == .hyphen, tokens[i + 2].kind == .number, tokens[i + 2].text.count == 2,
                let m = Int(tokens[i + 2].text), (1...12).contains(m)
            {
                if i + 4 < end, tokens[i + 3].kind == .hyphen, tokens[i + 4].kind == .number, tokens[i + 4].text.count == 2 {
                    dates.append(DateMention(start: i, end: i + 5))
                    i += 5
                    continue
                }
                add(i, i + 3, .month(m, year: y))
                i += 3
                continue
            }
            // 2020-2023, 2020–23, 2020 to 2023, between 2020 and 2023
            if let y1 = year(i) {
                var j = i + 1
                if j < end,
                    tokens[j].kind == .hyphen || tokens[j].text == "–" || tokens[j].lower == "to" || tokens[j].lower == "through"
                        || (tokens[j].lower == "and" && i > range.lowerBound && tokens[i - 1].lower == "between")
                {
                    j += 1
                    if j < end, tokens[j].kind == .number {
                        let text = tokens[j].text
                        if let y2 = Int(text), text.count == 4, (y1...2100).contains(y2) {
                            add(i, j + 1, .years(y1, y2), rangeExpression: true)
                            i = j + 1
                            continue
                        }
                        if text.count == 2, let yy = Int(text), (y1 / 100 * 100 + yy) > y1 {
                            add(i, j + 1, .years(y1, y1 / 100 * 100 + yy), rangeExpression: true)
                            i = j + 1
                            continue
                        }
                    }
                }
                add(i, i + 1, .year(y1))
                i += 1
                continue
            }
            // Month [day][, year] | Month-Month [year] | Month to Month [year]
            if let m = monthAt(i) {
                var j = i + 1
                if j < end, tokens[j].text == "." { j += 1 }
                // A day: "July 20", "July 20, 2025".
                if j < end, tokens[j].kind == .number, let day = Int(tokens[j].text), (1...31).contains(day), tokens[j].text.count <= 2,
                    !(j + 1 < end && (isUnitWord(tokens[j + 1]) || tokens[j + 1].text == "%"))
                {
                    var k = j + 1
                    if k < end, tokens[k].text == "," { k += 1 }
                    if year(k) != nil { k += 1 } else { k = j + 1 }
                    dates.append(DateMention(start: i, end: k))
                    i = k
                    continue
                }
                var k = skipHyphen(j)
                let joined =
                    k != j
                    || (j < end
                        && (tokens[j].text == "–" || tokens[j].lower == "to" || tokens[j].lower == "through"
                            || (tokens[j].lower == "and" && i > range.lowerBound && tokens[i - 1].lower == "between")))
                if k == j && joined { k = j + 1 }
                if joined, let m2 = monthAt(k), m2 > m {
                    let (y, after) = trailingYear(k + 1)
                    add(i, after, .months(m, m2, year: y), rangeExpression: true)
                    i = after
                    continue
                }
                let (y, after) = trailingYear(j)
                if y == nil, word(after) == "last", word(after + 1) == "year" {
                    add(i, after + 2, .monthLastYear(m))
                    i = after + 2
                    continue
                }
                add(i, after, .month(m, year: y))
                i = after
                continue
            }
            if t.kind == .word {
                let w = t.lower
                // the same month in 2024, the same period of 2024, the corresponding period in 2024
                if ["same", "corresponding", "comparable"].contains(w), let unit = word(i + 1), ["month", "period", "quarter", "half"].contains(unit) {
                    var j = i + 2
                    if word(j) == "in" || word(j) == "of" { j += 1 }
                    if let y = year(j) {
                        add(i > range.lowerBound && word(i - 1) == "the" ? i - 1 : i, j + 1, .samePeriodIn(y), alwaysBase: true)
                        i = j + 1
                        continue
                    }
                }
                // H1 2025, Q3, 1H25 is not handled.
                if w.count == 2, let n = Int(String(w.dropFirst())), w.first == "h" || w.first == "q", t.startsUppercase {
                    let (y, after) = trailingYear(i + 1)
                    add(i, after, w.first == "h" ? .half(n, year: y) : .quarter(n, year: y))
                    i = after
                    continue
                }
                // first/second half, first..fourth quarter, first N months
                if let n = Lexicon.ordinalWords[w] {
                    let j = skipHyphen(i + 1)
                    if let next = word(j) {
                        if next == "half" || next == "quarter" {
                            let (y, after) = trailingYear(j + 1)
                            add(i, after, next == "half" ? .half(n, year: y) : .quarter(n, year: y))
                            i = after
                            continue
                        }
                        // the first three quarters: January to September
                        if w == "first", let count = Lexicon.numberWords[next], (2...4).contains(count), word(j + 1) == "quarters" {
                            let (y, after) = trailingYear(j + 2)
                            add(i, after, .firstMonths(count * 3, year: y))
                            i = after
                            continue
                        }
                        if let count = Lexicon.numberWords[next], let months = word(j + 1), months == "months" {
                            var (y, after) = trailingYear(j + 2)
                            if y == nil, word(j + 2) == "of", word(j + 3) == "the", word(j + 4) == "year" { after = j + 5 }
                            if y == nil, word(j + 2) == "of", word(j + 3) == "this", word(j + 4) == "year" { after = j + 5 }
                            add(i, after, .firstMonths(count, year: y))
                            i = after
                            continue
                        }
                    }
                    if w == "first", j < end, tokens[j].kind == .number, let count = Int(tokens[j].text), (2...11).contains(count),
                        word(j + 1) == "months"
                    {
                        let (y, after) = trailingYear(j + 2)
                        add(i, after, .firstMonths(count, year: y))
                        i = after
                        continue
                    }
                }
                if w == "last" || w == "this" || w == "previous" {
                    if word(i + 1) == "month" {
                        add(i, i + 2, .relativeMonth(w == "this" ? 0 : -1))
                        i += 2
                        continue
                    }
                    if word(i + 1) == "year" || word(i + 1) == "year's" {
                        if w == "this", word(i + 2) == "so", word(i + 3) == "far" {
                            add(i, i + 4, .yearToDate)
                            i += 4
                            continue
                        }
                        add(i, i + 2, .relativeYear(w == "this" ? 0 : -1))
                        i += 2
                        continue
                    }
                }
                if w == "so", word(i + 1) == "far", word(i + 2) == "this", word(i + 3) == "year" {
                    add(i, i + 4, .yearToDate)
                    i += 4
                    continue
                }
                if w == "year", let k = Optional(skipHyphen(i + 1)), word(k) == "to", word(skipHyphen(k + 1)) == "date" {
                    add(i, skipHyphen(k + 1) + 1, .yearToDate)
                    i = skipHyphen(k + 1) + 1
                    continue
                }
                if w == "ytd" {
                    add(i, i + 1, .yearToDate)
                    i += 1
                    continue
                }
                // "for the year", not "for the year-to-date period".
                if (w == "for" || w == "over"), word(i + 1) == "the", word(i + 2) == "year", word(skipHyphen(i + 3)) != "to" {
                    add(i, i + 3, .fullYear)
                    i += 3
                    continue
                }
                if (w == "full" || w == "whole"), word(skipHyphen(i + 1)) == "year" {
                    let j = skipHyphen(i + 1) + 1
                    if let y = year(j) {
                        add(i, j + 1, .year(y))
                        i = j + 1
                    } else {
                        add(i, j, .fullYear)
                        i = j
                    }
                    continue
                }
            }
            i += 1
        }
        return (periods, dates)
    }

    static func isUnitWord(_ t: Token) -> Bool {
        ["tonnes", "tonne", "tons", "ton", "t", "kg", "kilograms", "mt", "metric", "percent", "pct", "per", "kt", "%"].contains(t.lower)
    }
}
